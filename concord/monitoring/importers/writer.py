"""The database side of the events import, inside the import's one transaction.

When the source has no stored events yet (the first import), a batch is inserted as plain rows (SQLite:
executemany INSERT; PostgreSQL: COPY straight into the table): nothing needs looking up. Otherwise each
batch is upserted keyed by (source, source's id), so a re-import updates instead of duplicating; the
upsert leaves alone a row that this run wrote already, so when it changed fewer rows than it was given,
an id of an earlier batch came again: the batch's savepoint is undone, and the batch is written the
careful way, which looks up the ids it holds and reports the duplicates. How many rows were new and how
many updated, the source's count before and after says."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, connection, transaction

from ..models import Event
from .report import ImportReport
from .rows import EventRow

# source's id: (line, the row as the database takes it: EventRow's fields in a plain tuple, which
# marshal carries between the processes and a tuple subclass it does not)
Batch = dict[str, tuple[int, tuple[Any, ...]]]

TABLE = Event._meta.db_table
COLUMNS = ", ".join(EventRow._fields)
INSERT_SQL = f"INSERT INTO {TABLE} ({COLUMNS}) VALUES ({', '.join(['%s'] * len(EventRow._fields))})"  # noqa: S608 - the model's names
ON_CONFLICT = (
    "ON CONFLICT (source, source_id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EventRow._fields if c not in ("source", "source_id"))
    + f" WHERE {TABLE}.import_run <> excluded.import_run"
)
UPSERT_SQL = f"{INSERT_SQL} {ON_CONFLICT}"
# PostgreSQL takes rows fastest through COPY: straight into the table for plain rows, or into a
# temporary table upserted from in one statement (an INSERT per row runs at a tenth of the speed).
PG_COPY_SQL = f"COPY {TABLE} ({COLUMNS}) FROM STDIN"
INCOMING = "monitoring_event_incoming"
PG_INCOMING_SQL = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {INCOMING} AS SELECT {COLUMNS} FROM {TABLE} WITH NO DATA"  # noqa: S608 - the model's names
)
PG_UPSERT_SQL = f"INSERT INTO {TABLE} ({COLUMNS}) SELECT {COLUMNS} FROM {INCOMING} {ON_CONFLICT}"  # noqa: S608 - the model's names
IDS_PER_QUERY = 900  # under every backend's limit of parameters per statement


class Writer:
    """Writes one import's batches; an id that this run has written already (in an earlier batch) is
    a duplicate, rejected. Runs inside the import's transaction; `finish` counts the rows as imported
    or updated."""

    def __init__(self, source: str, run: str, report: ImportReport) -> None:
        self.source, self.run, self.report = source, run, report
        self.postgres = connection.vendor == "postgresql"
        self.stored = self._count()
        self.plain = self.stored == 0
        self.written = 0

    def write(self, batch: Batch) -> None:
        if not batch:
            return
        rows = [row for _line, row in batch.values()]
        with connection.cursor() as cursor:
            try:
                with transaction.atomic():
                    changed = (
                        self._insert(cursor, rows) if self.plain else self._upsert(cursor, rows)
                    )
                    if changed != len(rows):
                        raise IntegrityError("an id of an earlier batch")
            except IntegrityError:  # the careful way, for this batch and (plain) the rest
                self.plain = False
                rows = self._without_duplicates(cursor, batch)
                self._upsert(cursor, rows)
        self.written += len(rows)

    def finish(self) -> None:
        self.report.imported = self._count() - self.stored
        self.report.updated = self.written - self.report.imported

    def _count(self) -> int:
        return Event.objects.filter(source=self.source).count()

    def _insert(self, cursor: Any, rows: list[tuple[Any, ...]]) -> int:
        if not self.postgres:
            cursor.executemany(INSERT_SQL, rows)
            return len(rows)
        with connection.wrap_database_errors, cursor.cursor.copy(PG_COPY_SQL) as copy:
            for row in rows:  # a repeated id raises IntegrityError, as Django names it
                copy.write_row(row)
        return len(rows)

    def _upsert(self, cursor: Any, rows: list[tuple[Any, ...]]) -> int:
        """Writes the rows and returns how many it changed: a row this run wrote already is left."""
        if not self.postgres:
            cursor.executemany(UPSERT_SQL, rows)
            return int(cursor.rowcount)
        cursor.execute(PG_INCOMING_SQL)
        cursor.execute(f"TRUNCATE {INCOMING}")
        with cursor.cursor.copy(f"COPY {INCOMING} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(PG_UPSERT_SQL)
        return int(cursor.rowcount)

    def _without_duplicates(self, cursor: Any, batch: Batch) -> list[tuple[Any, ...]]:
        """The batch's rows but those whose id this run wrote already, which are reported."""
        known = _runs_that_wrote(cursor, self.source, list(batch))
        rows = []
        for source_id, (line, row) in batch.items():
            if known.get(source_id) == self.run:
                self.report.rejected += 1
                self.report.problem(
                    line, "id", source_id, "duplicated id (an earlier line of this file)"
                )
            else:
                rows.append(row)
        return rows


def _runs_that_wrote(cursor: Any, source: str, ids: list[str]) -> dict[str, str]:
    """The import run that last wrote each of the ids that the table has already."""
    known: dict[str, str] = {}
    for i in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[i : i + IDS_PER_QUERY]
        marks = ", ".join(["%s"] * len(chunk))
        sql = f"SELECT source_id, import_run FROM {TABLE} WHERE source = %s AND source_id IN ({marks})"  # noqa: S608 - names are the model's, values parameters
        cursor.execute(sql, [source, *chunk])
        known.update(cursor.fetchall())
    return known


def tidy_up() -> None:
    """On PostgreSQL, now rather than when autovacuum comes by: the planner learns of the new rows,
    and the old versions of updated rows are cleared (until then every read of the table steps over
    them: monthly counts after re-importing 1,000,000 events took 2.3 s instead of 0.5 s). VACUUM
    cannot run inside a transaction; an import inside one only analyses."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        cursor.execute(f"{vacuum} {TABLE}")
