"""Action plans: tasks drawn from the decisions adopted at the session, each with responsible bodies
and states and a deadline; the chairman approves; states and bodies report; rates and overdue lists
over what each may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from concord.core.errors import DomainError, NotAllowed
from concord.programmes import plan_selectors as selectors
from concord.programmes import plans

from .builders import NOW, a_decision, a_plan, body, state

LATER = NOW + dt.timedelta(days=40)


def a_task(
    plan, secretariat, decision, *, states=("KZ", "RU"), bodies=("secretariat",), deadline=None
):
    return plans.add_task(
        plan,
        actor=secretariat,
        decision_id=decision.pk,
        text_ru="Выполнить решение.",
        text_en="Carry out the decision.",
        deadline=deadline or dt.date(2027, 1, 31),
        bodies=[body(b) for b in bodies],
        states=[state(s) for s in states],
    )


@pytest.fixture
def approved(secretariat_officer, russian_representative):
    """A plan after a CSC session of 2026 (chaired by Russia), with two tasks, approved."""
    decision = a_decision(secretariat_officer)
    plan = a_plan(secretariat_officer, decision)
    first = a_task(plan, secretariat_officer, decision, deadline=dt.date(2026, 12, 10))
    second = a_task(plan, secretariat_officer, decision, states=("KZ",), bodies=("joint-staff",))
    plans.approve_plan(plan, actor=russian_representative, on=NOW.date())
    plan.refresh_from_db()
    return plan, first, second


@pytest.mark.parametrize(
    ("kw", "code", "field"),
    [
        ({"bodies": ()}, "no_responsible", "bodies"),
        ({"deadline": dt.date(2026, 11, 29)}, "deadline_before_plan", "deadline"),
    ],
)
def test_a_task_needs_a_responsible_body_and_a_deadline_after_the_plan(
    secretariat_officer, kw, code, field
):
    decision = a_decision(secretariat_officer)
    plan = a_plan(secretariat_officer, decision)
    with pytest.raises(DomainError) as error:
        a_task(plan, secretariat_officer, decision, **kw)
    assert (error.value.code, error.value.field) == (code, field)
    assert not plan.tasks.exists()


def test_a_task_is_drawn_from_a_decision_adopted_at_the_plans_session(secretariat_officer):
    decision = a_decision(secretariat_officer)
    plan = a_plan(secretariat_officer, decision)
    from concord.consultations.models import Consultation

    elsewhere = Consultation.objects.get(
        status="adopted", title_en__icontains="budget of the Collective"
    )
    with pytest.raises(DomainError) as error:
        a_task(plan, secretariat_officer, elsewhere)
    assert (error.value.code, error.value.field) == ("not_from_session", "decision")
    from tests.builders import a_question

    with pytest.raises(DomainError) as error:
        a_task(plan, secretariat_officer, a_question(secretariat_officer, now=NOW))
    assert (error.value.code, error.value.field) == ("not_adopted", "decision")


def test_a_plan_is_not_dated_before_its_session(secretariat_officer):
    decision = a_decision(secretariat_officer)
    with pytest.raises(DomainError) as error:
        a_plan(secretariat_officer, decision, dated=NOW.date() - dt.timedelta(days=1))
    assert (error.value.code, error.value.field) == ("before_session", "dated")


def test_only_the_chairman_approves_and_only_a_plan_with_tasks(
    secretariat_officer, kazakh_representative, russian_representative
):
    decision = a_decision(secretariat_officer)
    plan = a_plan(secretariat_officer, decision)
    with pytest.raises(DomainError) as error:
        plans.approve_plan(plan, actor=russian_representative, on=NOW.date())
    assert error.value.code == "empty_plan"
    a_task(plan, secretariat_officer, decision)
    for who in (kazakh_representative, secretariat_officer):
        with pytest.raises(NotAllowed) as refused:
            plans.approve_plan(plan, actor=who, on=NOW.date())
        assert "Russia" in str(refused.value.message) or "Росси" in str(refused.value.message)
    plans.approve_plan(plan, actor=russian_representative, on=NOW.date(), version=plan.version)
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.approved_by == russian_representative


def test_tasks_are_reported_on_only_once_the_plan_is_approved(
    secretariat_officer, kazakh_representative
):
    decision = a_decision(secretariat_officer)
    plan = a_plan(secretariat_officer, decision)
    task = a_task(plan, secretariat_officer, decision)
    part = task.assignments.get(state__iso2="KZ")
    with pytest.raises(DomainError) as error:
        plans.report_task(part, actor=kazakh_representative, text="Сделано.", done=True, now=NOW)
    assert error.value.code == "not_adopted"


def test_only_a_delegation_of_a_state_can_speak_for_that_state(
    approved, russian_representative, kazakh_coordinator, staff_officer, secretariat_officer
):
    _plan, first, _second = approved
    kz = first.assignments.get(state__iso2="KZ")
    for who in (russian_representative, staff_officer, secretariat_officer):
        with pytest.raises(NotAllowed):
            plans.report_task(kz, actor=who, text="x", done=True, now=LATER)
    plans.report_task(kz, actor=kazakh_coordinator, text="Сделано.", done=True, now=LATER)
    kz.refresh_from_db()
    assert kz.status == "done" and kz.done_on == LATER.date()


def test_a_task_is_done_when_every_part_is_and_open_again_when_one_is_returned(
    approved, secretariat_officer, kazakh_representative, russian_representative
):
    _plan, first, _second = approved
    for part, who in (
        (first.assignments.get(state__iso2="KZ"), kazakh_representative),
        (first.assignments.get(state__iso2="RU"), russian_representative),
    ):
        plans.report_task(part, actor=who, text="Сделано.", done=True, now=LATER)
    first.refresh_from_db()
    assert first.status == "open"  # the Secretariat's part is still open
    secretariat_part = first.assignments.get(body__code="secretariat")
    plans.report_task(
        secretariat_part, actor=secretariat_officer, text="Сделано.", done=True, now=LATER
    )
    first.refresh_from_db()
    assert first.status == "done"
    ru = first.assignments.get(state__iso2="RU")
    with pytest.raises(DomainError) as error:
        plans.return_report(ru, actor=secretariat_officer, reason=" ", now=LATER)
    assert error.value.field == "reason"
    plans.return_report(
        ru, actor=secretariat_officer, reason="Нет подтверждения.", now=LATER, version=ru.version
    )
    first.refresh_from_db()
    ru.refresh_from_db()
    assert (first.status, ru.status, ru.done_on) == ("open", "open", None)
    assert [r.returned for r in ru.reports.all()] == [False, True]


def test_a_form_drawn_from_an_older_report_is_stale(approved, kazakh_representative):
    _plan, first, _second = approved
    kz = first.assignments.get(state__iso2="KZ")
    drawn = kz.version
    plans.report_task(
        kz, actor=kazakh_representative, text="Начато.", done=False, now=LATER, version=kz.version
    )
    plans.report_task(
        kz, actor=kazakh_representative, text="Сделано.", done=True, now=LATER, version=kz.version
    )
    from concord.core.errors import Conflict

    with pytest.raises(Conflict) as error:
        plans.report_task(
            kz, actor=kazakh_representative, text="Ещё.", done=True, now=LATER, version=drawn
        )
    assert error.value.code == "stale"


@pytest.fixture(autouse=True)
def in_russian():
    """Names are read in the active language: these tests read them in Russian."""
    with translation.override("ru"):
        yield


def test_rates_and_overdue_lists_over_what_each_may_see(
    approved,
    secretariat_officer,
    kazakh_representative,
    russian_representative,
    staff_officer,
    member_of_parliament,
):
    plan, first, _second = approved
    today = dt.date(2026, 12, 15)  # after the first task's deadline, before the second's
    plans.report_task(
        first.assignments.get(state__iso2="KZ"),
        actor=kazakh_representative,
        text="x",
        done=True,
        now=LATER,
    )

    def by_state(user):
        return {
            r.name: (r.rate.done, r.rate.total, r.rate.overdue)
            for r in selectors.rates_by_state(user, today=today, plan=plan)
        }

    assert by_state(secretariat_officer) == {"Казахстан": (1, 2, 0), "Россия": (0, 1, 1)}
    assert by_state(kazakh_representative) == {"Казахстан": (1, 2, 0)}
    assert by_state(staff_officer) == {}
    bodies = {
        r.name: (r.rate.done, r.rate.total)
        for r in selectors.rates_by_body(staff_officer, today=today, plan=plan)
    }
    assert bodies == {"Объединённый штаб": (0, 1)}
    decisions = selectors.rates_by_decision(secretariat_officer, today=today, plan=plan)
    assert [(r.rate.done, r.rate.total, r.rate.overdue) for r in decisions] == [(1, 5, 2)]
    overdue = {
        (a.state or a.body).pk
        for a in selectors.overdue(secretariat_officer, today=today).filter(task__plan=plan)
    }
    assert state("RU").pk in overdue and state("KZ").pk not in overdue
    assert {a.state.iso2 for a in selectors.overdue(russian_representative, today=today)} == {"RU"}
    assert list(selectors.overdue(kazakh_representative, today=today).filter(task__plan=plan)) == []
    assert list(selectors.overdue(member_of_parliament, today=today)) == []


def test_a_state_sees_its_own_tasks_and_the_secretariat_all(
    approved,
    secretariat_officer,
    kazakh_representative,
    russian_representative,
    staff_officer,
    armenian_representative,
):
    plan, _first, _second = approved

    def seen(user):
        return {
            t.number: sorted(str(p.party) for p in t.parts) for t in selectors.tasks(user, plan)
        }

    assert set(seen(secretariat_officer)) == {1, 2}
    assert seen(kazakh_representative) == {1: ["Казахстан"], 2: ["Казахстан"]}
    assert seen(russian_representative) == {1: ["Россия"]}
    assert seen(staff_officer) == {2: ["Объединённый штаб"]}
    assert seen(armenian_representative) == {}


def test_the_demo_plan_has_tasks_done_and_overdue_against_the_real_clock(db):
    from concord.accounts.models import User
    from concord.programmes.models import ActionPlan

    plan = ActionPlan.objects.get()
    secretariat = User.objects.get(username="secretariat")
    statuses = {t.status for t in plan.tasks.all()}
    assert plan.demo and plan.status == "approved" and statuses == {"open", "done"}
    assert selectors.overdue(secretariat, today=dt.date(2026, 12, 1)).exists()
    for name in ("kz_rep", "ru_rep", "tj_rep", "staff"):
        assert (
            selectors.my_parts(User.objects.get(username=name), today=dt.date(2026, 12, 1))
            .filter(status="open")
            .exists()
        ), name


def test_a_value_is_recorded_within_the_chairmanship_year_by_the_chair(
    kazakh_representative, russian_representative
):
    from concord.programmes.models import Indicator

    indicator = Indicator.objects.filter(priority__year=2024).first()
    with pytest.raises(DomainError) as error:
        plans.record_value(indicator, actor=kazakh_representative, on=dt.date(2025, 1, 1), value=1)
    assert (error.value.code, error.value.field) == ("outside_year", "on")
    with pytest.raises(NotAllowed):
        plans.record_value(
            indicator, actor=russian_representative, on=dt.date(2024, 12, 1), value=1
        )
    row = plans.record_value(
        indicator, actor=kazakh_representative, on=dt.date(2024, 12, 1), value=1
    )
    assert row.recorded_by == kazakh_representative
