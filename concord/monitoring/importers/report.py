"""What an import tells: how many rows it read, imported, updated and rejected, and why it rejected them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

KEEP_PROBLEMS = 1000  # the report keeps the first ones; `on_problem` hears all of them


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
