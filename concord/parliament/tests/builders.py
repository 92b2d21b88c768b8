from __future__ import annotations

import datetime as dt

from concord.organization.models import MemberState
from concord.parliament import services
from concord.parliament.models import AssemblyBody, ModelAct, Parliament, Session


def state(iso2: str) -> MemberState:
    return MemberState.objects.get(iso2=iso2)


def parliament(iso2: str) -> Parliament:
    return Parliament.objects.get(state__iso2=iso2)


def body(code: str) -> AssemblyBody:
    return AssemblyBody.objects.get(code=code)


def a_model_law(actor, *, commission: str = "defence") -> ModelAct:
    return services.draft_act(
        actor=actor,
        kind="model_law",
        commission=body(commission),
        units=[
            ("title", "Модельный закон об испытании", "Model law on testing"),
            ("paragraph", "Первое положение.", "First provision."),
        ],
    )


def a_session(actor, code: str = "assembly", day: dt.date = dt.date(2026, 12, 1)) -> Session:
    return services.hold_session(body(code), actor=actor, held_on=day)
