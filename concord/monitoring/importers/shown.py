"""What the import commands print of a failed or rejected import: the first bad rows and a count of
the rest, and the one-line reason that the command exits with."""

from __future__ import annotations

from collections.abc import Callable

from .report import ImportFailed, Problem

SHOWN = 100  # bad rows printed one by one; the rest are counted


class ProblemPrinter:
    """Prints the first SHOWN problems through `write` and counts the others."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write, self.seen = write, 0

    def __call__(self, problem: Problem) -> None:
        self.seen += 1
        if self.seen <= SHOWN:
            self.write(str(problem))

    def close(self) -> None:
        if self.seen > SHOWN:
            self.write(f"… and {self.seen - SHOWN:,} more bad rows (not printed)")


def failed_message(path: str, error: ImportFailed) -> str:
    return f"{path}: import failed, nothing imported: {error}"
