"""What an import tells: how many rows it read, imported, updated and rejected, and why it rejected them;
and the failure that undid it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

KEEP_PROBLEMS = (
    1000  # the report keeps the first ones and counts all; `on_problem` hears all of them
)


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    value: str
    why: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.why}" + (f" ({self.value!r})" if self.value else "")


@dataclass
class ImportReport:
    read: int = 0
    imported: int = 0
    updated: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)  # what it covers, overlaps (coverage.py)
    on_problem: Callable[[Problem], None] | None = None

    def problem(self, line: int, column: str, value: object, why: str) -> None:
        self.add(Problem(line, column, str(value)[:80], why))

    def add(self, problem: Problem) -> None:
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def summary(self) -> str:
        return f"read {self.read}, imported {self.imported}, updated {self.updated}, rejected {self.rejected}"

    def counts(self) -> dict[str, Any]:
        """The figures, for the audit entry."""
        return {
            "read": self.read,
            "imported": self.imported,
            "updated": self.updated,
            "rejected": self.rejected,
        }


class ImportFailed(Exception):
    """The import applied nothing (its transaction was rolled back) and says why; `report` holds what
    was read and every bad row found up to the failure."""

    def __init__(self, message: str, report: ImportReport | None = None) -> None:
        super().__init__(message)
        self.report = report or ImportReport()


class RowsRejected(ImportFailed):
    """Bad rows: all of them are in the report (the first KEEP_PROBLEMS kept, all counted)."""

    def __init__(self, report: ImportReport) -> None:
        first = report.problems[0] if report.problems else None
        super().__init__(
            f"{report.rejected:,} bad row{'s' if report.rejected != 1 else ''} of {report.read:,}"
            + (f", the first at {first}" if first else ""),
            report,
        )


def failure(error: Exception, report: ImportReport) -> ImportFailed:
    """`error` as the import's failure: itself if it is one (with the report), else one that names it."""
    if isinstance(error, ImportFailed):
        error.report = report
        return error
    return ImportFailed(f"{type(error).__name__}: {error}", report)


def audit_changes(outcome: str, report: ImportReport, reason: str = "") -> dict[str, Any]:
    """What the import's audit entry keeps besides its summary."""
    return {"outcome": outcome, **report.counts(), **({"reason": reason} if reason else {})}
