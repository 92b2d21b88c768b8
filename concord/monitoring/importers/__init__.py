"""Importers of conflict events (UCDP GED, ACLED-format CSV) and of the yearly UCDP tables.

They stream: one row is read, checked and queued at a time, and written in batches (plain rows on a
source's first import, else one upsert statement per batch keyed by (source, source's id), so a
re-import updates instead of duplicating) and memory does not grow with the file. An import applies
whole or not at all: one transaction holds its rows and its audit entry; any bad row (all are
reported, with line, column, value and why), bytes that are not UTF-8 or a file that breaks off undo
it, raise ImportFailed and leave an audit entry of the failure.

csvfile  the file, plain or zipped, as numbered rows
rows     EventRow (an event as written), the formats' shape, the checks of single cells
ged      a row of UCDP GED to an EventRow
acled    a row of ACLED's export to an EventRow
events   import_events: the file is read and checked in a second process (process) while this one
         writes each batch (writer)
yearly   import_yearly: the yearly UCDP tables
report   ImportReport and its Problems; ImportFailed, RowsRejected
shown    what the commands print of a failure
"""

from .csvfile import NotCsv, open_csv
from .events import FORMATS, import_events
from .report import ImportFailed, ImportReport, Problem, RowsRejected
from .rows import EventRow
from .yearly import import_yearly

__all__ = [
    "FORMATS",
    "EventRow",
    "ImportFailed",
    "ImportReport",
    "NotCsv",
    "Problem",
    "RowsRejected",
    "import_events",
    "import_yearly",
    "open_csv",
]
