"""Report spreadsheets: the template in either language, and reading an upload row by row.

XLSX goes through openpyxl in read-only mode and CSV through the csv module, both streaming: a file
of any length is read one row at a time.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.core.errors import DomainError
from concord.core.tables import write_csv, write_xlsx

from .codes import Code

# Column keys and their headers in each language. The *_name columns help the person filling the
# template and are ignored on import.
COLUMNS: list[tuple[str, str, str, bool]] = [
    ("agency", "Код ведомства", "Agency code", True),
    ("agency_name", "Ведомство", "Agency", False),
    ("indicator", "Код показателя", "Indicator code", True),
    ("indicator_name", "Показатель", "Indicator", False),
    ("item", "Код разбивки", "Breakdown code", True),
    ("item_name", "Разбивка", "Breakdown", False),
    ("value", "Значение", "Value", True),
    ("unit", "Единица", "Unit", True),
]
HEADERS = {header.strip().casefold(): key for key, ru, en, _req in COLUMNS for header in (ru, en)}
REQUIRED = [key for key, _ru, _en, required in COLUMNS if required]


def header_row(language: str) -> list[str]:
    return [ru if language == "ru" else en for _key, ru, en, _req in COLUMNS]


class NotASpreadsheet(DomainError):
    def __init__(self, message: Any = None) -> None:
        super().__init__(
            Code.NOT_A_SPREADSHEET,
            message
            or gettext_lazy(
                "The file is not a spreadsheet: upload the XLSX or CSV template (CSV in UTF-8)."
            ),
            field="file",
        )


def _cells(file: IO[bytes]) -> Iterator[list[Any]]:
    head = file.read(4)
    file.seek(0)
    if head == b"PK\x03\x04":
        yield from _xlsx_cells(file)
    else:
        yield from _csv_cells(file)


def _xlsx_cells(file: IO[bytes]) -> Iterator[list[Any]]:
    """The values of the first sheet; a formula gives the value its program saved with it. A formula
    saved without one (written by a program that does not calculate) is refused by its cell: read as
    empty, it would silently drop the figure."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
        file.seek(0)
        formulas = load_workbook(file, read_only=True, data_only=False)
    except (
        Exception
    ) as error:  # openpyxl raises many kinds on damaged files; all mean the same here
        raise NotASpreadsheet() from error
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        written = formulas.worksheets[0].iter_rows(values_only=True)
        for number, (row, source) in enumerate(zip(rows, written, strict=False), start=1):
            _refuse_uncalculated(number, row, source)
            yield ["" if cell is None else cell for cell in row]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as error:
        raise NotASpreadsheet() from error
    finally:
        book.close()
        formulas.close()


def _refuse_uncalculated(number: int, row: tuple[Any, ...], source: tuple[Any, ...]) -> None:
    from openpyxl.utils import get_column_letter

    for column, (value, written) in enumerate(zip(row, source, strict=False), start=1):
        if value is None and isinstance(written, str) and written.startswith("="):
            raise DomainError(
                Code.UNCALCULATED_FORMULA,
                _(
                    "Cell %(cell)s holds a formula saved without its value: open the file in a "
                    "spreadsheet program, let it calculate, save it and upload it again, or type "
                    "the figure in."
                )
                % {"cell": f"{get_column_letter(column)}{number}"},
                field="file",
            )


def _csv_cells(file: IO[bytes]) -> Iterator[list[Any]]:
    sample = file.read(4096)
    file.seek(0)
    if b"\x00" in sample:
        raise NotASpreadsheet()
    try:
        sample.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # a cut in the middle of a character at the end of the sample is not an error
        if error.start < len(sample) - 3:
            raise NotASpreadsheet() from error
    first = sample.split(b"\n", 1)[0]
    delimiter = ";" if first.count(b";") > first.count(b",") else ","
    text = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except (UnicodeDecodeError, csv.Error) as error:
        raise NotASpreadsheet() from error
    finally:
        if not file.closed:
            text.detach()  # the upload stays open for whoever owns it


def read_rows(file: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number as the user sees it, {column key: cell}) for each non-empty row after the header.
    A missing column is a template error, raised before any row."""
    cells = _cells(file)
    header = next(cells, None)
    if header is None:
        raise NotASpreadsheet(gettext_lazy("The file is empty."))
    keys = [HEADERS.get(str(cell).strip().casefold()) for cell in header]
    missing = [key for key in REQUIRED if key not in keys]
    if missing:
        names = ", ".join(f"«{en}»" for key, _ru, en, _r in COLUMNS if key in missing)
        raise DomainError(
            Code.WRONG_TEMPLATE,
            _(
                "This is not the report template: columns missing: %(names)s. Download the template of this stage."
            )
            % {"names": names},
            field="file",
        )
    for number, row in enumerate(cells, start=2):
        values = {key: cell for key, cell in zip(keys, row, strict=False) if key}
        if all(str(v).strip() == "" for v in values.values()):
            continue
        yield number, values


def write_template(rows: Iterable[list[Any]], *, language: str, kind: str) -> bytes:
    """The template as XLSX or CSV (UTF-8 with BOM, so that spreadsheet programs read it right)."""
    with translation.override(language):
        header = header_row(language)
        if kind == "csv":
            return write_csv(header, rows)
        return write_xlsx(header, rows, title=_("Report"))
