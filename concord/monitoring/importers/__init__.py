"""Importers of conflict events (UCDP GED, ACLED-format CSV) and of the yearly UCDP tables.

They stream: one row is read, checked and queued at a time, and written in batches with one upsert
statement per batch keyed by (source, source's id), so a re-import updates instead of duplicating and
memory does not grow with the file. A bad row is reported with its line and skipped; every good row is
written whole. At the end the report says what was imported, updated and rejected.

csvfile  the file, plain or zipped, as numbered rows
rows     EventRow (an event as written), the formats' shape, the checks of single cells
ged      a row of UCDP GED to an EventRow
acled    a row of ACLED's export to an EventRow
events   import_events: the file is read and checked in a second process (process) while this one
         writes each batch (writer)
yearly   import_yearly: the yearly UCDP tables
report   ImportReport and its Problems
"""

from .csvfile import NotCsv, open_csv
from .events import FORMATS, import_events
from .report import ImportReport, Problem
from .rows import EventRow
from .yearly import import_yearly

__all__ = [
    "FORMATS",
    "EventRow",
    "ImportReport",
    "NotCsv",
    "Problem",
    "import_events",
    "import_yearly",
    "open_csv",
]
