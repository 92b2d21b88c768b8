"""Import of UNODC's national drug seizure table (World Drug Report, Statistical Annex 7.1): streamed
row by row, applied whole or not at all, every bad row reported."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _

from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor

from . import permissions
from .catalogue import ImportRejected, Problem
from .codes import Verb
from .models import Seizure
from .services import BATCH

COLUMNS = [
    "Country",
    "DrugGroup",
    "DrugSubGroup",
    "DrugName",
    "Reference year",
    "Kilograms",
    "msCode",
]
SOURCE = "UNODC, World Drug Report 2024, Statistical Annex 7.1"


def _row(number: int, row: dict[str, str], problems: list[Problem]) -> Seizure | None:
    """The row's seizure, or None with the row's problems added to `problems`."""
    code = _cell(row, "msCode").upper()
    year_text = _cell(row, "Reference year")
    kg_text = _cell(row, "Kilograms")
    kilograms, kg_problem = _kilograms(kg_text)
    checks = [  # column, the value as quoted in the report, what is wrong ("" when nothing)
        ("msCode", code, "" if _is_alpha3(code) else "not an ISO 3166-1 alpha-3 code"),
        ("Reference year", year_text[:20], "" if _is_year(year_text) else "not a year"),
        ("Kilograms", kg_text[:20], kg_problem),
    ]
    found = [Problem(number, column, value, why) for column, value, why in checks if why]
    if found:
        problems.extend(found)
        return None
    return Seizure(
        iso3=code,
        country=row["Country"][:100],
        year=int(year_text),
        drug_group=row["DrugGroup"][:120],
        drug_subgroup=row["DrugSubGroup"][:120],
        drug=row["DrugName"][:200],
        kilograms=kilograms.quantize(Decimal("0.0001")) if kilograms is not None else None,
        source=SOURCE,
    )


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _is_alpha3(code: str) -> bool:
    return len(code) == 3 and code.isalpha()


def _is_year(text: str) -> bool:
    return text.isdigit() and 1900 < int(text) < 2100


def _kilograms(text: str) -> tuple[Decimal | None, str]:
    """The amount and what is wrong with it (""); an empty cell is no amount, not a problem."""
    if not text:
        return None, ""
    try:
        kilograms = Decimal(text)
    except InvalidOperation:
        return None, "not a number"
    if not kilograms.is_finite() or kilograms < 0 or kilograms >= Decimal("1e15"):
        return None, "must be a non-negative number"
    return kilograms, ""


@transaction.atomic
def import_seizures(file: IO[str], *, actor: Actor) -> int:
    """Replace the rows of this source with the file's; raises ImportRejected listing every bad row."""
    require(
        permissions.keeps_reference_data(actor),
        _("Only the Secretariat imports reference data."),
    )
    reader = csv.DictReader(file)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRejected([Problem(1, ", ".join(missing), "", "missing column")])
    Seizure.objects.filter(source=SOURCE).delete()
    problems: list[Problem] = []
    batch: list[Seizure] = []
    count = 0
    rows: Iterable[dict[str, str]] = reader
    for number, row in enumerate(rows, start=2):
        seizure = _row(number, row, problems)
        if seizure is None or problems:
            continue
        batch.append(seizure)
        count += 1
        if len(batch) >= BATCH:
            Seizure.objects.bulk_create(batch)
            batch.clear()
    if problems:
        transaction.set_rollback(True)
        raise ImportRejected(problems)
    Seizure.objects.bulk_create(batch)
    record(
        Verb.IMPORT_SEIZURES,
        actor=actor,
        summary=f"{count} rows, {SOURCE}",
        changes={"rows": count},
    )
    return count
