"""Reads of the Assembly's work, scoped to the reader; lists in a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from concord.core.actors import Someone
from concord.organization.models import MemberState
from concord.organization.states import Membership

from . import permissions, rules
from .models import (
    ApproximationProgramme,
    AssemblyBody,
    Harmonisation,
    InformationRequest,
    JointPlan,
    Member,
    ModelAct,
    Observer,
    Parliament,
    ProgrammeItem,
    Seat,
    Session,
)
from .states import ActStatus


def bodies() -> QuerySet[AssemblyBody]:
    seats = Seat.objects.select_related("member__parliament__state", "member__chamber")
    return AssemblyBody.objects.prefetch_related(Prefetch("seats", queryset=seats))


def parliaments() -> QuerySet[Parliament]:
    members = Member.objects.select_related("chamber").order_by("chamber__position", "name_ru")
    return Parliament.objects.select_related("state").prefetch_related(
        "chambers", Prefetch("members", queryset=members)
    )


def parliament_of(iso2: str) -> Parliament | None:
    return Parliament.objects.select_related("state").filter(state__iso2=iso2.upper()[:2]).first()


def observers() -> QuerySet[Observer]:
    return Observer.objects.all()


def sessions() -> QuerySet[Session]:
    return Session.objects.select_related("body").prefetch_related("items")


def acts(user: Someone) -> QuerySet[ModelAct]:
    return permissions.acts_visible_to(user).select_related("commission", "adopted_at")


def act(user: Someone, pk: int) -> ModelAct:
    found = acts(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def harmonisations(user: Someone) -> QuerySet[Harmonisation]:
    return Harmonisation.objects.filter(act__in=acts(user)).select_related("act", "state")


@dataclass
class HarmonisationRow:
    """A member state's line of a model act's table: its national laws following the act."""

    state: MemberState
    laws: list[Harmonisation]


def harmonisation_table(act: ModelAct) -> list[HarmonisationRow]:
    """Every member state, with the national laws recorded as following `act` (none: not known)."""
    laws: dict[int, list[Harmonisation]] = {}
    for row in act.harmonisations.all():
        laws.setdefault(row.state_id, []).append(row)
    states = MemberState.objects.filter(membership=Membership.MEMBER)
    return [HarmonisationRow(s, laws.get(s.pk, [])) for s in states]


@dataclass
class ProgrammeView:
    programme: ApproximationProgramme
    items: list[ProgrammeItem]
    progress: rules.Progress
    states: list[MemberState]


def programmes() -> list[ProgrammeView]:
    """Each programme with its items and the progress per state and per item (the states following
    each item's act, adopted ones only)."""
    states = list(MemberState.objects.filter(membership=Membership.MEMBER))
    items = ProgrammeItem.objects.select_related("act").prefetch_related(
        Prefetch("act__harmonisations", queryset=Harmonisation.objects.select_related("state"))
    )
    result = []
    for p in ApproximationProgramme.objects.prefetch_related(Prefetch("items", queryset=items)):
        its = list(p.items.all())
        followed = [(i.pk, h.state.iso2) for i in its if i.act for h in i.act.harmonisations.all()]
        adopted = [(i.pk, bool(i.act and i.act.status == ActStatus.ADOPTED)) for i in its]
        result.append(
            ProgrammeView(
                p, its, rules.progress(adopted, followed, [s.iso2 for s in states]), states
            )
        )
    return result


def joint_plans() -> QuerySet[JointPlan]:
    return JointPlan.objects.all()


def requests(user: Someone) -> QuerySet[InformationRequest]:
    return permissions.requests_visible_to(user).select_related(
        "member__parliament__state", "asked_by"
    )


def request(user: Someone, pk: int) -> InformationRequest:
    found = requests(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def adopted_act(pk: int) -> ModelAct:
    """For publications, reacting to an adoption as the system."""
    return ModelAct.objects.select_related("commission", "adopted_at__body").get(pk=pk)
