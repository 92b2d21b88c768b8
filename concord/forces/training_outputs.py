"""The training plan as files: CSV and XLSX tables of its events (in the reader's language, units
as far as the reader may see them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from concord.core.tables import write_csv, write_xlsx

from .models import TrainingEvent, TrainingPlan


def header() -> list[str]:
    return [
        _("No."),
        _("Month"),
        _("Starts on"),
        _("Ends on"),
        _("Event"),
        _("Kind"),
        _("Exercise series"),
        _("Host state"),
        _("Training area"),
        _("Formation"),
        _("Participating states"),
        _("Units"),
        _("Units shown"),
        _("Status"),
        _("Personnel"),
        _("Demo data"),
    ]


def rows(events: Iterable[TrainingEvent]) -> list[list[Any]]:
    return [
        [
            n,
            e.starts_on.month,
            e.starts_on,
            e.ends_on,
            e.name,
            e.get_kind_display(),
            e.series.name if e.series else "",
            e.host.name if e.host else "",
            e.area,
            e.formation.name if e.formation else "",
            ", ".join(sorted(s.name for s in e.states.all())),
            e.unit_count,  # type: ignore[attr-defined]
            "; ".join(u.name for u in e.visible_units),  # type: ignore[attr-defined]
            e.get_status_display(),
            e.personnel or "",
            _("yes") if e.demo else "",
        ]
        for n, e in enumerate(events, start=1)
    ]


def as_csv(events: Iterable[TrainingEvent]) -> bytes:
    return write_csv(
        header(),
        [[v.isoformat() if hasattr(v, "isoformat") else v for v in r] for r in rows(events)],
    )


def as_xlsx(plan: TrainingPlan, events: Iterable[TrainingEvent]) -> bytes:
    return write_xlsx(header(), rows(events), title=str(plan.year), caption=str(plan))
