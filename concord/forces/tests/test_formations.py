"""Formations and the register of pledged units: who sees what, the capability gaps, the pledge
checks."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.forces import permissions, selectors, services
from concord.forces.codes import Code
from concord.forces.models import Formation, Requirement, Unit
from concord.forces.states import Personnel, ReadinessCategory, UnitKind
from concord.organization.models import MemberState

pytestmark = pytest.mark.django_db

INSIDERS = [
    "kazakh_representative",
    "kazakh_coordinator",
    "armenian_representative",
    "russian_representative",
    "secretariat_officer",
    "secretariat_administrator",
    "analyst",
    "staff_officer",
    "member_of_parliament",
]


def _pledge(actor, *, state="KZ", formation="crrf", strength=100, **fields):
    return services.pledge_unit(
        actor=actor,
        name_ru="Тестовое подразделение",
        name_en="Test unit",
        state=MemberState.objects.get(iso2=state),
        formation=Formation.objects.get(code=formation),
        kind=fields.pop("kind", UnitKind.MILITARY),
        personnel=Personnel.MILITARY,
        strength=strength,
        readiness=ReadinessCategory.HIGH,
        **fields,
    )


@pytest.mark.parametrize("persona", INSIDERS)
def test_every_insider_reads_the_formations(persona, client_as):
    page = client_as(persona).get("/en/forces/")
    assert page.status_code == 200
    assert "Collective Rapid Reaction Forces" in page.content.decode()
    detail = client_as(persona).get("/en/forces/formations/crdf-ca/")
    assert detail.status_code == 200
    assert "Bishkek" in detail.content.decode()


def test_a_visitor_is_sent_to_sign_in(client):
    assert client.get("/en/forces/").status_code == 302
    assert client.get("/en/forces/formations/crrf/").status_code == 302


def test_an_unknown_formation_does_not_exist(client_as):
    assert client_as("staff_officer").get("/en/forces/formations/nowhere/").status_code == 404


def test_the_russian_page_is_in_russian(client_as):
    body = client_as("kazakh_representative").get("/ru/forces/formations/crrf/").content.decode()
    assert "Коллективные силы оперативного реагирования" in body
    assert "Gap to pledged" not in body and "Required" not in body


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("staff_officer", "all"),
        ("kazakh_representative", "KZ"),
        ("kazakh_coordinator", "KZ"),
        ("russian_representative", "RU"),
        ("armenian_representative", "AM"),
        ("secretariat_officer", None),
        ("analyst", None),
        ("member_of_parliament", None),
        ("public_visitor", None),
    ],
)
def test_units_in_detail_only_for_their_state_and_the_joint_staff(persona, sees, request):
    user = request.getfixturevalue(persona)
    visible = permissions.units_visible_to(user)
    if sees == "all":
        assert visible.count() == Unit.objects.count() > 0
    elif sees is None:
        assert not visible.exists()
    else:
        states = set(visible.values_list("state__iso2", flat=True))
        assert states == {sees}
        assert visible.count() == Unit.objects.filter(state__iso2=sees).count()


def test_the_gaps_are_what_is_required_less_what_is_pledged_and_certified(staff_officer):
    formation = Formation.objects.create(code="test-f", name_ru="Ф", name_en="F")
    formation.states.set(MemberState.objects.filter(iso2__in=["KZ", "RU"]))
    Requirement.objects.create(
        formation=formation,
        kind=UnitKind.POLICE,
        capability_ru="Полиция",
        capability_en="Police",
        units=3,
        strength=1000,
    )
    certified = _pledge(staff_officer, formation="test-f", strength=300, kind=UnitKind.POLICE)
    services.certify_unit(certified, actor=staff_officer, on=dt.date(2024, 1, 1))
    _pledge(staff_officer, formation="test-f", state="RU", strength=500, kind=UnitKind.POLICE)
    _pledge(staff_officer, formation="test-f", state="RU", strength=50, kind=UnitKind.MILITARY)
    withdrawn = _pledge(staff_officer, formation="test-f", strength=999, kind=UnitKind.POLICE)
    services.change_unit(withdrawn, actor=staff_officer, withdrawn_on=dt.date(2024, 2, 1))

    (overview,) = selectors.overviews(staff_officer, code="test-f")
    police, military = sorted(overview.lines, key=lambda line: line.kind != UnitKind.POLICE)
    assert (police.pledged_strength, police.certified_strength) == (800, 300)
    assert (police.gap_pledged, police.gap_certified) == (200, 700)
    assert (military.requirement, military.gap_pledged, military.pledged_units) == (None, None, 1)
    assert overview.pledged_strength == 850


def test_more_pledged_than_required_is_no_gap(staff_officer):
    line = selectors.Line(
        kind=UnitKind.POLICE,
        kind_label="",
        requirement=Requirement(strength=100, units=1),
        pledged_strength=150,
        certified_strength=100,
    )
    assert (line.gap_pledged, line.gap_certified) == (0, 0)


def test_the_gaps_are_read_in_a_constant_number_of_queries(
    staff_officer, django_assert_num_queries
):
    with django_assert_num_queries(4):
        selectors.overviews(staff_officer)
    for n in range(30):
        _pledge(staff_officer, strength=10 + n)
    with django_assert_num_queries(4):
        selectors.overviews(staff_officer)


def test_a_state_pledges_only_to_a_formation_it_takes_part_in(staff_officer):
    with pytest.raises(DomainError) as refused:
        _pledge(staff_officer, state="BY", formation="crdf-ca")
    assert (refused.value.code, refused.value.field) == (Code.NOT_PARTICIPATING, "formation")
    assert not Unit.objects.filter(name_en="Test unit").exists()


@pytest.mark.parametrize(
    "persona",
    [p for p in INSIDERS if p != "staff_officer"],
)
def test_only_the_joint_staff_keeps_the_register(persona, request):
    with pytest.raises(NotAllowed):
        _pledge(request.getfixturevalue(persona))


def test_a_pledge_is_audited_and_a_stale_change_refused(staff_officer):
    from concord.audit.models import Entry

    unit = _pledge(staff_officer)
    assert Entry.objects.filter(verb="forces.unit.save", object_id=str(unit.pk)).exists()
    drawn = unit.version
    services.change_unit(unit, actor=staff_officer, version=drawn, strength=120)
    with pytest.raises(Conflict):
        services.change_unit(unit, actor=staff_officer, version=drawn, strength=130)
    unit.refresh_from_db()
    assert unit.strength == 120


def test_a_certification_is_not_dated_in_the_future(staff_officer):
    unit = _pledge(staff_officer)
    with pytest.raises(DomainError) as refused:
        services.certify_unit(unit, actor=staff_officer, on=dt.date.today() + dt.timedelta(days=1))
    assert refused.value.field == "on"
    unit.refresh_from_db()
    assert unit.certified_on is None


@pytest.mark.parametrize(
    ("persona", "waits"),
    [
        ("kazakh_representative", {"KZ"}),
        ("kazakh_coordinator", {"KZ"}),
        ("staff_officer", {"RU"}),
        ("russian_representative", set()),
        ("secretariat_officer", set()),
    ],
)
def test_the_dashboard_shows_the_assessments_waiting_for_each(persona, waits, request):
    """The demo leaves a Kazakh draft for Kazakhstan and a Russian submission for the Joint Staff."""
    user = request.getfixturevalue(persona)
    found = selectors.awaiting(user)
    assert {a.unit.state.iso2 for a in found.assessments} == waits
    assert all(a.unit.state_id == a.unit.state.pk for a in found.assessments)


def test_the_dashboard_panel_lists_what_waits_in_a_constant_number_of_queries(
    client_as, staff_officer, django_assert_max_num_queries
):
    page = client_as("staff_officer").get("/en/")
    panel = page.content.decode().split('data-testid="forces-panel"')[1]
    assert "Readiness assessments waiting for you" in panel
    assert "Lessons past their day" in panel  # the demo's Rubezh-2024 lesson, due June 2025
    assert "Request of Tajikistan" in panel  # the demo request under way
    with django_assert_max_num_queries(3):
        found = selectors.awaiting(staff_officer)
        assert found.assessments and found.lessons and found.deployments


def test_a_member_of_parliament_has_no_assessment_to_fill_in(member_of_parliament):
    assert selectors.awaiting(member_of_parliament).assessments == []
