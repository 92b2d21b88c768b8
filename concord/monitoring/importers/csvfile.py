"""The CSV file of an import, plain or zipped, as its header's column positions and numbered rows."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class NotCsv(Exception):
    """The file as a whole cannot be read: nothing was imported."""


@contextmanager
def open_csv(path: str | Path) -> Iterator[IO[str]]:
    """A text stream of the CSV at `path`, or of the first CSV inside it if it is a zip archive."""
    path = Path(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(4096)
    except OSError as error:
        raise NotCsv(f"cannot read {path}: {error.strerror}") from error
    if head.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise NotCsv("damaged zip archive") from error
        with archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise NotCsv("the zip archive holds no .csv file")
            with archive.open(names[0]) as member:
                yield io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
        return
    if b"\x00" in head:
        raise NotCsv("not a CSV file (binary content)")
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            raise NotCsv("not a CSV file in UTF-8") from error
    with path.open(encoding="utf-8-sig", newline="", errors="replace") as text:
        yield text


def read_csv(
    stream: IO[str], required: list[str]
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The position of each column by its lower-case name, and the rows with their line numbers; a
    line the csv module cannot read comes as one cell: NUL, then why."""
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration as error:
        raise NotCsv("the file is empty") from error
    except csv.Error as error:
        raise NotCsv(f"not a CSV file: {error}") from error
    index = {name.strip().lower(): i for i, name in enumerate(header)}
    missing = [c for c in required if c not in index]
    if missing:
        raise NotCsv("missing columns: " + ", ".join(missing))

    def numbered() -> Iterator[tuple[int, list[str]]]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield reader.line_num, [f"\x00{error}"]
                continue
            yield reader.line_num, row

    return index, numbered()


def unreadable(row: list[str]) -> bool:
    return bool(row) and row[0].startswith("\x00")
