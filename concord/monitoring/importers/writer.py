"""The database side of the events import, inside the import's one transaction.

When the source has no stored events yet (the first import), a batch is inserted as plain rows (SQLite:
executemany INSERT; PostgreSQL: COPY straight into the table): nothing needs looking up. Otherwise, or
as soon as a plain insert meets an id that an earlier batch of this file wrote (the unique constraint
refuses it, its savepoint is undone), each batch is upserted keyed by (source, source's id), so a
re-import updates instead of duplicating, and the ids already stored are looked up first to count
updates and to tell duplicates within the file."""

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
ON_CONFLICT = "ON CONFLICT (source, source_id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in EventRow._fields if c not in ("source", "source_id")
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
    """Writes one import's batches and counts their rows as imported or updated; an id that this run
    has written already (in an earlier batch) is a duplicate, rejected. Runs inside the import's
    transaction."""

    def __init__(self, source: str, run: str, report: ImportReport) -> None:
        self.source, self.run, self.report = source, run, report
        self.postgres = connection.vendor == "postgresql"
        self.plain = not Event.objects.filter(source=source).exists()

    def write(self, batch: Batch) -> None:
        if not batch:
            return
        with connection.cursor() as cursor:
            if self.plain:
                rows = [row for _line, row in batch.values()]
                try:
                    with transaction.atomic():
                        self._insert(cursor, rows)
                except IntegrityError:  # an id of an earlier batch: the careful way from now on
                    self.plain = False
                else:
                    self.report.imported += len(rows)
                    return
            self._upsert(cursor, batch)

    def _insert(self, cursor: Any, rows: list[tuple[Any, ...]]) -> None:
        if not self.postgres:
            cursor.executemany(INSERT_SQL, rows)
            return
        with cursor.cursor.copy(PG_COPY_SQL) as copy:
            for row in rows:
                copy.write_row(row)

    def _upsert(self, cursor: Any, batch: Batch) -> None:
        known = _runs_that_wrote(cursor, self.source, list(batch))
        rows = []
        for source_id, (line, row) in batch.items():
            if known.get(source_id) == self.run:
                self.report.rejected += 1
                self.report.problem(
                    line, "id", source_id, "duplicated id (an earlier line of this file)"
                )
                continue
            if source_id in known:
                self.report.updated += 1
            else:
                self.report.imported += 1
            rows.append(row)
        if not self.postgres:
            cursor.executemany(UPSERT_SQL, rows)
            return
        cursor.execute(PG_INCOMING_SQL)
        cursor.execute(f"TRUNCATE {INCOMING}")
        with cursor.cursor.copy(f"COPY {INCOMING} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(PG_UPSERT_SQL)


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
