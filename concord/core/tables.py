"""Tables written for spreadsheet programs: CSV with a byte-order mark (so that they read it as
UTF-8) and XLSX written row by row. Every export of a table goes through these two."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any


def write_csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def write_xlsx(
    header: list[str], rows: Iterable[list[Any]], *, title: str, caption: str = ""
) -> bytes:
    """One sheet named `title` (cut to Excel's 31 characters), with an optional caption line above
    the header."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    if caption:
        sheet.append([caption])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
