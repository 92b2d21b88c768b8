"""The import of conflict events: a second process reads and checks the file and sends its good rows
in batches to this one, which writes them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from concord.audit import services as audit
from concord.core.actions import require
from concord.core.actors import Actor

from .. import coverage, permissions
from ..codes import Verb
from .acled import ACLED
from .csvfile import open_csv, read_csv, unreadable
from .ged import GED
from .process import in_another_process, without_cycle_collection
from .report import ImportReport, Problem
from .rows import Columns, Format, RowError
from .writer import Batch, tidy_up, write_batch

BATCH = 20000
FORMATS: dict[str, Format] = {"ucdp-ged": GED, "acled": ACLED}

# as Problem's fields: plain values, for marshal
Problems = list[tuple[int, str, str, str]]


def import_events(
    path: str | Path,
    fmt: str,
    *,
    actor: Actor,
    version: str = "",
    on_problem: Callable[[Problem], None] | None = None,
) -> ImportReport:
    """Import a GED or ACLED-format CSV (or a zip holding one). Raises NotCsv when the file as a whole
    cannot be read; bad rows are reported and skipped. A second process reads and checks the file
    while this one writes to the database: the two halves of the work take about as long."""
    require(permissions.imports_data(actor), _("Conflict data is imported on the server only."))
    report = ImportReport(on_problem=on_problem)
    run = uuid.uuid4().hex
    with (
        in_another_process(_checked_batches, path, fmt, version, run) as batches,
        without_cycle_collection(),
    ):
        for batch, problems, read in batches:
            report.read += read
            report.rejected += len(problems)
            for problem in problems:
                report.add(Problem(*problem))
            write_batch(batch, FORMATS[fmt].source, run, report)
    tidy_up()
    report.coverage = coverage.record_import(FORMATS[fmt].source, run)
    audit.record(Verb.IMPORT_EVENTS, actor=actor, summary=f"{fmt} {path}: {report.summary()}")
    return report


def _checked_batches(
    path: str | Path, fmt: str, version: str, run: str
) -> Iterator[tuple[Batch, Problems, int]]:
    """The file's good rows in batches, each with the problems of its bad rows and how many rows it read."""
    build = FORMATS[fmt].build
    with open_csv(path) as stream:
        col, rows = read_csv(stream, FORMATS[fmt].required)
        columns = Columns(col, FORMATS[fmt].texts, FORMATS[fmt].parsed)
        version = version[:20]
        version_at = None if version else col.get("version")
        batch: Batch = {}
        problems: Problems = []
        read = 0
        for line, row in rows:
            read += 1
            if unreadable(row):
                problems.append((line, "", "", f"unreadable line: {row[0][1:]}"))
                continue
            if version_at is not None:  # the file's version column, unless the caller said which
                version = row[version_at][:20] if version_at < len(row) else ""
            try:
                event = build(columns(row), version, run)
            except RowError as error:
                problems.append((line, error.column, str(error.value)[:80], error.why))
                continue
            source_id = event.source_id
            if source_id in batch:
                problems.append(
                    (line, "id", source_id, f"duplicated id (line {batch[source_id][0]})")
                )
                continue
            batch[source_id] = (line, tuple(event))
            if len(batch) >= BATCH:
                yield batch, problems, read
                batch, problems, read = {}, [], 0
        yield batch, problems, read
