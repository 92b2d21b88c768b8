"""The CSV file of an import, plain or zipped, as its header's column positions and numbered rows.

The bytes are read strictly as UTF-8 (a byte-order mark is accepted): a byte that is not UTF-8 stops
the import with its line, its offset in the file and its value, never a silent "�". A zip member that
breaks off or fails its checksum part-way stops it too, with the last line read."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO

from .report import ImportFailed

BUFFER = 1 << 16  # bytes read at a time, from the file or the zip member


class NotCsv(ImportFailed):
    """The file as a whole cannot be read, or breaks off part-way: nothing was imported."""


class Lines:
    """The lines of a binary stream as text: the first one without its byte-order mark, each decoded
    as strict UTF-8 in C (`bytes.decode`), so the common case costs no Python per line. Where a line
    is not UTF-8, `not_utf8` says where: the offset comes from the stream's position, which stands just
    past the failing line."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def __iter__(self) -> Iterator[str]:
        return chain(self._first(), map(bytes.decode, self.raw))

    def _first(self) -> Iterator[str]:
        first = self.raw.readline()
        if first:
            yield first.removeprefix(b"\xef\xbb\xbf").decode()

    def not_utf8(self, error: UnicodeDecodeError, line: int) -> NotCsv:
        failing = error.object if isinstance(error.object, bytes) else b""
        try:
            offset = self.raw.tell() - len(failing) + error.start
        except (OSError, ValueError):  # a stream that cannot tell: the line says where
            offset = -1
        byte = failing[error.start : error.start + 1].hex().upper() or "?"
        at = f"byte {offset:,}" if offset >= 0 else f"character {error.start + 1}"
        return NotCsv(
            f"line {line}, {at} (0x{byte}): not UTF-8; save the file as UTF-8 (from Windows-1252: "
            f"iconv -f WINDOWS-1252 -t UTF-8)"
        )


@contextmanager
def open_csv(path: str | Path) -> Iterator[Lines]:
    """The lines of the CSV at `path`, or of the first CSV inside it if it is a zip archive."""
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
            try:
                member = archive.open(names[0])
            except (zipfile.BadZipFile, zlib.error, NotImplementedError) as error:
                raise NotCsv(f"damaged zip archive: {error}") from error
            with member, io.BufferedReader(member, BUFFER) as buffered:  # type: ignore[type-var]
                yield Lines(buffered)
        return
    if b"\x00" in head:
        raise NotCsv("not a CSV file (binary content)")
    with path.open("rb", buffering=BUFFER) as raw:
        yield Lines(raw)


# what reading a damaged or cut-off zip member (or a failing disk) raises part-way
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError)


def read_csv(
    lines: Lines, required: list[str]
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The position of each column by its lower-case name, and the rows with their line numbers; a
    line the csv module cannot read comes as one cell: NUL, then why. Bytes that are not UTF-8, or a
    file that breaks off, raise NotCsv saying where."""
    reader = csv.reader(lines)
    try:
        header = next(reader)
    except StopIteration as error:
        raise NotCsv("the file is empty") from error
    except csv.Error as error:
        raise NotCsv(f"not a CSV file: {error}") from error
    except UnicodeDecodeError as error:
        raise lines.not_utf8(error, 1) from error
    except BROKEN as error:
        raise NotCsv(f"the file is damaged or cut off in its first line: {error}") from error
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
            except UnicodeDecodeError as error:
                raise lines.not_utf8(error, reader.line_num + 1) from error
            except BROKEN as error:
                raise NotCsv(
                    f"the file is damaged or cut off; reading stopped after line "
                    f"{reader.line_num:,}: {error}"
                ) from error
            yield reader.line_num, row

    return index, numbered()


def unreadable(row: list[str]) -> bool:
    return bool(row) and row[0].startswith("\x00")
