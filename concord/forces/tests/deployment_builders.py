"""Deployments for tests, built through the services with sensible dates (in 2025, long past):
`a_request`, `a_decided`, `a_deployed`, each a step further along the way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from concord.accounts.models import User
from concord.forces import deployments as services
from concord.forces.models import Contingent, Deployment
from concord.organization.models import MemberState

T0 = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)


def at(hours: float) -> dt.datetime:
    """`hours` after the request of the test deployments."""
    return T0 + dt.timedelta(hours=hours)


def user(name: str) -> User:
    return User.objects.get(username=name)


def state(iso2: str) -> MemberState:
    return MemberState.objects.get(iso2=iso2)


def a_request(host: str = "KZ", **options: Any) -> Deployment:
    return services.request_deployment(
        state(host),
        actor=user(f"{host.lower()}_rep"),
        requested_at=options.pop("requested_at", T0),
        letter_reference_ru=options.pop("letter_reference_ru", "Письмо № 1"),
        letter_reference_en=options.pop("letter_reference_en", "Letter No. 1"),
        request_text_ru=options.pop("request_text_ru", "Просим направить силы."),
        request_text_en=options.pop("request_text_en", "Please send the forces."),
        **options,
    )


def a_decided(host: str = "KZ") -> Deployment:
    return services.decide_deployment(
        a_request(host),
        actor=user("secretariat"),
        decided_at=at(6),
        decision_reference_ru="Решение СКБ № 1",
        decision_reference_en="CSC decision No. 1",
        legal_basis_ru="Статья 4 Договора о коллективной безопасности",
        legal_basis_en="Article 4 of the Collective Security Treaty",
        tasks_ru="Охрана объектов",
        tasks_en="Protect sites",
        area_ru="Государство, запросившее помощь",
        area_en="The host state",
        duration_ru="До месяца",
        duration_en="Up to a month",
    )


def an_accepted_offer(
    d: Deployment, iso2: str = "RU", strength: int = 100, hours: float = 7
) -> Contingent:
    c = services.offer_contingent(
        d, state(iso2), actor=user(f"{iso2.lower()}_rep"), offered=strength, offered_at=at(hours)
    )
    return services.accept_contingent(
        c, actor=user("staff"), accepted_at=at(hours + 1), strength=strength, equipment=10
    )


def a_deployed(
    host: str = "KZ", states: tuple[str, ...] = ("RU", "BY")
) -> tuple[Deployment, list[Contingent]]:
    d = a_decided(host)
    contingents = [an_accepted_offer(d, iso2, 100 + 10 * i) for i, iso2 in enumerate(states)]
    for i, c in enumerate(contingents):
        services.record_arrival(c, actor=user("staff"), arrived_at=at(10 + i))
    d.refresh_from_db()
    return d, contingents
