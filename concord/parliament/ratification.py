"""Ratification followed parliament by parliament. Nothing is kept here: a chamber's vote is its step
in the state's internal procedure, written and read through the agreements module, so the queue of a
parliament is the agreements module's pending list for its state, with each step named by its chamber."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from concord.agreements import selectors as agreements
from concord.agreements import services as depositary
from concord.audit.services import record
from concord.core.actions import require
from concord.core.actors import Actor, Someone, user_of
from concord.core.errors import DomainError
from concord.documents import services as texts
from concord.organization.models import MemberState

from . import permissions
from .codes import Code, Verb
from .models import Chamber, Parliament, RatificationReport

if TYPE_CHECKING:
    from concord.agreements.models import Agreement, TreatyAction


@dataclass
class QueueEntry:
    """An instrument before a parliament: each chamber's step done (with its date) or open."""

    pending: agreements.Pending
    chambers: list[tuple[Chamber, dt.date | None]]

    @property
    def agreement(self) -> Agreement:
        return self.pending.standing.agreement


@dataclass
class Queue:
    parliament: Parliament
    entries: list[QueueEntry]
    own: bool = False  # the reader's own parliament


def queue(user: Someone, parliament: Parliament, *, today: dt.date) -> Queue:
    """What `parliament`'s state still has to do, as `agreements.selectors.pending` says, with the
    chambers' steps picked out of each entry's internal procedure."""
    chambers = list(parliament.chambers.all())
    by_step = {c.step_id: c for c in chambers if c.step_id}
    entries = []
    for item in agreements.pending(user, parliament.state, today=today):
        done = {step.pk: (action.date if action else None) for step, action in item.row.steps}
        entries.append(QueueEntry(item, [(c, done.get(c.step_id or 0)) for c in by_step.values()]))
    return Queue(parliament, entries)


def queues(user: Someone, *, today: dt.date, only: Parliament | None = None) -> list[Queue]:
    """Every parliament's queue, the reader's own parliament first (a member of parliament)."""
    member = permissions.member_of(user)
    own = member.parliament_id if member else None
    parliaments = Parliament.objects.select_related("state").prefetch_related("chambers")
    if only is not None:
        parliaments = parliaments.filter(pk=only.pk)
    result = [queue(user, p, today=today) for p in parliaments]
    for q in result:
        q.own = q.parliament.pk == own
    return sorted(result, key=lambda q: (not q.own, q.parliament.state.name))


def record_chamber_vote(
    agreement: Agreement,
    *,
    actor: Actor,
    state: MemberState,
    chamber: Chamber,
    date: dt.date,
    evidence: str = "",
) -> TreatyAction:
    """`chamber` of `state`'s parliament voted the ratification: recorded by the depositary as the
    chamber's step of the state's internal procedure (one record, in the agreements module)."""
    if chamber.parliament.state_id != state.pk:
        raise DomainError(
            Code.NO_SUCH_CHAMBER,
            _("%(state)s has no such chamber in its parliament.") % {"state": state.name},
            field="chamber",
        )
    if chamber.step is None:
        raise DomainError(
            Code.NO_STEP,
            _("This chamber has no step in its state's internal procedure."),
            field="chamber",
        )
    return depositary.record_action(
        agreement,
        actor=actor,
        state=state,
        type="step",
        step=chamber.step,
        date=date,
        evidence=evidence,
    )


def report_units(qs: list[Queue], *, as_of: dt.date) -> list[tuple[str, str, str]]:
    """The report's text from the record: a title, then per parliament a heading and one paragraph
    per instrument naming the chambers that voted and those still to vote."""
    units = [
        (
            "title",
            f"О ходе ратификации документов Организации по состоянию на {as_of:%d.%m.%Y}",
            f"Ratification of the Organization's instruments as of {as_of:%d %B %Y}",
        )
    ]
    for q in qs:
        state = q.parliament.state
        units.append(("article", q.parliament.name_ru or state.name_ru, q.parliament.name_en))
        if not q.entries:
            units.append(
                ("paragraph", "Документов на рассмотрении нет.", "No instruments pending.")
            )
        for entry in q.entries:
            units.append(_entry_paragraph(entry))
    return units


def _entry_paragraph(entry: QueueEntry) -> tuple[str, str, str]:
    agreement = entry.agreement
    done_ru = [f"{c.name_ru} — {d:%d.%m.%Y}" for c, d in entry.chambers if d]
    done_en = [f"{c.name_en} on {d:%d %B %Y}" for c, d in entry.chambers if d]
    open_ru = [c.name_ru for c, d in entry.chambers if d is None]
    open_en = [c.name_en for c, d in entry.chambers if d is None]
    ru = (
        agreement.title_ru
        + ". "
        + (("Рассмотрено: " + "; ".join(done_ru) + ". ") if done_ru else "")
        + (("Ожидается: " + ", ".join(open_ru) + ".") if open_ru else "")
    )
    en = (
        (agreement.title_en or agreement.title_ru)
        + ". "
        + (("Voted: " + "; ".join(done_en) + ". ") if done_en else "")
        + (("Awaited: " + ", ".join(open_en) + ".") if open_en else "")
    )
    if not entry.pending.known:
        ru += " Сведения о сдаче документов на хранение не полны."
        en += " The record of deposits is not complete."
    return ("paragraph", ru.strip(), en.strip())


@transaction.atomic
def draft_report(*, actor: Actor, as_of: dt.date) -> RatificationReport:
    """The Assembly's periodic report to the councils on ratification, drafted from the record as a
    document under negotiation (the Secretariat edits it in the documents module)."""
    require(permissions.is_secretariat(actor), _("The Secretariat drafts the report."))
    units = report_units(queues(actor, today=as_of), as_of=as_of)
    document = texts.create_document(actor=actor, kind="report", units=units, marking="official")
    report = RatificationReport.objects.create(
        as_of=as_of, document=document, drafted_by=user_of(actor)
    )
    record(Verb.DRAFT_REPORT, actor=actor, target=report, summary=str(as_of))
    return report
