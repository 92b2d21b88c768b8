"""Consultations through the services: stages, positions, outcomes, the written procedure, sessions."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core import mail

from concord.audit.models import Entry
from concord.consultations import closing, outcomes, selectors, services
from concord.consultations.deadlines import close_due_procedures
from concord.consultations.models import Consultation, Notification, Position, Route, Stage
from concord.consultations.rules import TermUnit
from concord.consultations.states import ConsultationStatus, StageMode, StageOutcome, StageStatus
from concord.core.actors import SYSTEM
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.documents import services as documents
from concord.documents.rules import Operation, OpKind

NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)  # a Monday


@pytest.fixture
def text(secretariat_officer):
    return documents.create_document(
        actor=secretariat_officer,
        kind="draft_decision",
        marking="official",
        units=[
            ("title", "О сотрудничестве", "On cooperation"),
            ("paragraph", "Одобрить.", "To approve."),
            ("paragraph", "Поручить.", "To instruct."),
        ],
    )


@pytest.fixture
def question(secretariat_officer, text):
    return services.open_consultation(
        actor=secretariat_officer,
        title_ru="Вопрос",
        title_en="Question",
        kind="draft_decision",
        route=Route.objects.get(code="budget"),
        document=text,
        now=NOW,
    )


def position(stage, user, stance="join", statement="", now=NOW, **kw):
    stage.refresh_from_db()
    return services.record_position(
        stage,
        actor=user,
        stance=stance,
        statement=statement,
        version_id=stage.version_id,
        now=now,
        **kw,
    )


def reps(request, *codes):
    names = {
        "KZ": "kazakh_representative",
        "AM": "armenian_representative",
        "RU": "russian_representative",
    }
    from concord.accounts.models import User

    return [
        request.getfixturevalue(names[c])
        if c in names
        else User.objects.get(username=f"{c.lower()}_rep")
        for c in codes
    ]


def test_a_stage_sees_the_latest_version_and_takes_the_rule_of_its_body(
    question, secretariat_officer, text
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    assert (
        stage.body.code == "permanent-council"
        and stage.version.number == 1
        and stage.rule == "consensus"
    )
    with pytest.raises(Conflict):  # one open stage at a time
        services.open_stage(question, actor=secretariat_officer, now=NOW)


def test_only_a_states_delegation_records_its_position(request, question, secretariat_officer):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    for persona in ("secretariat_officer", "analyst", "staff_officer", "member_of_parliament"):
        with pytest.raises(NotAllowed):
            position(stage, request.getfixturevalue(persona))
    kz = position(stage, request.getfixturevalue("kazakh_representative"))
    assert kz.state.iso2 == "KZ" and kz.fingerprint == stage.version.fingerprint
    assert Entry.objects.filter(
        verb="consultations.record_position", object_id=str(stage.pk)
    ).exists()


def test_an_objection_needs_its_reasons_and_its_clauses_must_exist(
    request, question, secretariat_officer
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    kz = request.getfixturevalue("kazakh_representative")
    with pytest.raises(DomainError):
        position(stage, kz, "object")
    with pytest.raises(DomainError) as error:
        position(stage, kz, "object", "Не согласны.", clauses=["u99"])
    assert error.value.code == "unknown_clauses"
    assert not Position.objects.filter(stage=stage).exists()
    position(stage, kz, "object", "Не согласны.", clauses=["u2"])


def test_a_position_on_a_version_not_before_the_stage_is_refused(
    request, question, secretariat_officer, text
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    with pytest.raises(Conflict) as error:
        services.record_position(
            stage,
            actor=request.getfixturevalue("kazakh_representative"),
            stance="join",
            version_id=None,
            now=NOW,
        )
    assert error.value.code == "version_not_before_stage"


def test_a_new_version_puts_earlier_positions_on_an_older_text(
    request, question, secretariat_officer, text
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    kz, ru = reps(request, "KZ", "RU")
    position(stage, kz)
    documents.edit_text(
        text,
        actor=secretariat_officer,
        base_number=1,
        operation=Operation(OpKind.MODIFY, uid="u2", text_ru="Одобрить в целом."),
    )
    services.put_latest_version(stage, actor=secretariat_officer, now=NOW)
    stage.refresh_from_db()
    board = selectors.board(question, now=NOW)
    assert board.cells[0][kz.viewer.state_id].stale
    assert (
        outcomes.current_stances(stage, stage.positions.all()) == {}
    )  # the old join no longer counts
    assert Notification.objects.filter(user=ru, subject_en__contains="please confirm").exists()
    position(stage, kz)
    assert not selectors.board(question, now=NOW).cells[0][kz.viewer.state_id].stale


def test_positions_change_until_the_stage_closes_and_history_is_kept(
    request, question, secretariat_officer
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    (kz,) = reps(request, "KZ")
    position(stage, kz, "object", "Нет.")
    position(stage, kz, "join")
    assert [p.stance for p in Position.objects.filter(stage=stage)] == ["object", "join"]
    closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    with pytest.raises(Conflict):
        position(stage, kz, "object", "Передумали.")


def test_the_2024_budget_in_limited_format_binds_only_those_who_joined(
    request, question, secretariat_officer
):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    for user in reps(request, "BY", "KZ", "KG", "RU", "TJ"):
        position(stage, user)
    position(stage, reps(request, "AM")[0], "refrain")
    closed = closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    assert closed.outcome == StageOutcome.FORWARDED and closed.result == "adopted_limited"
    assert "Armenia refrained without objecting" in closed.explanation_en
    assert question.stages.count() == 1
    final = services.open_stage(question, actor=secretariat_officer, now=NOW)
    assert final.body.code == "csc"


def test_an_objection_returns_the_text_for_revision(request, question, secretariat_officer):
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    for user in reps(request, "KZ", "RU", "KG", "TJ"):
        position(stage, user)
    position(stage, reps(request, "BY")[0], "object", "Пункт 2 неприемлем.", clauses=["u2"])
    closed = closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    question.refresh_from_db()
    assert (
        closed.outcome == StageOutcome.RETURNED and question.status == ConsultationStatus.RETURNED
    )
    board = selectors.board(question, now=NOW)
    assert board.objected_clauses == {"u2": ["BY"]}
    again = services.open_stage(question, actor=secretariat_officer, now=NOW)
    assert again.body.code == "permanent-council"  # the same tier, after revision


def test_the_written_procedure_deadline_counts_working_days_and_closes_by_itself(
    request, question, secretariat_officer
):
    mail.outbox.clear()
    stage = services.open_stage(
        question,
        actor=secretariat_officer,
        now=NOW,
        mode=StageMode.WRITTEN,
        consent="silence",
        term=(5, TermUnit.WORKING_DAYS),
    )
    assert stage.deadline == dt.datetime(
        2026, 12, 7, 9, 0, tzinfo=dt.UTC
    )  # Monday + 5 working days
    assert Notification.objects.filter(subject_en__startswith="Written procedure").count() >= 6
    for user in reps(request, "KZ", "RU", "BY", "KG"):
        position(stage, user)
    position(stage, reps(request, "AM")[0], "refrain")
    # (The demo world has a written procedure of its own; only this stage is looked at.)
    close_due_procedures(actor=SYSTEM, now=NOW + dt.timedelta(days=2))
    stage.refresh_from_db()
    assert stage.status == StageStatus.OPEN and not stage.reminded
    close_due_procedures(actor=SYSTEM, now=stage.deadline - dt.timedelta(hours=2))
    reminders = Notification.objects.filter(
        subject_en__startswith="Reminder", url__endswith=f"/{question.pk}/"
    )
    assert {n.user.username for n in reminders} == {
        "tj_rep"
    }  # only the state that has not answered
    close_due_procedures(actor=SYSTEM, now=stage.deadline - dt.timedelta(hours=1))
    assert reminders.count() == 1  # once
    # The page tells the truth before the command has run:
    board = selectors.board(question, now=stage.deadline + dt.timedelta(minutes=1))
    assert (
        board.outcome.result == "adopted_limited"
        and "Tajikistan" not in board.outcome.explanation_en.split(";")[1:]
    )
    close_due_procedures(actor=SYSTEM, now=stage.deadline + dt.timedelta(minutes=1))
    stage.refresh_from_db()
    assert stage.status == StageStatus.CLOSED and stage.outcome == StageOutcome.FORWARDED
    assert (
        "Armenia refrained without objecting" in stage.explanation_en
    )  # Tajikistan's silence was consent
    closed_at = stage.closed_at
    close_due_procedures(actor=SYSTEM, now=stage.deadline + dt.timedelta(hours=1))  # nothing twice
    stage.refresh_from_db()
    assert stage.closed_at == closed_at


def test_breaking_silence_blocks_the_procedure(request, question, secretariat_officer):
    stage = services.open_stage(
        question,
        actor=secretariat_officer,
        now=NOW,
        mode=StageMode.WRITTEN,
        consent="silence",
        term=(2, TermUnit.WORKING_DAYS),
    )
    position(
        stage, reps(request, "KG")[0], "more_time", "Требуются внутригосударственные согласования."
    )
    close_due_procedures(actor=SYSTEM, now=stage.deadline)
    stage.refresh_from_db()
    assert stage.outcome == StageOutcome.RETURNED and "Kyrgyzstan objected" in stage.explanation_en


def test_a_position_after_the_deadline_is_refused_even_before_the_command_runs(
    request, question, secretariat_officer
):
    stage = services.open_stage(
        question,
        actor=secretariat_officer,
        now=NOW,
        mode=StageMode.WRITTEN,
        term=(1, TermUnit.WORKING_DAYS),
    )
    with pytest.raises(Conflict) as error:
        position(stage, reps(request, "KZ")[0], now=stage.deadline)
    assert error.value.code == "deadline_passed"


def test_two_delegates_of_one_state_recording_at_once_are_both_kept(transactional_db, request):
    from django.core.management import call_command

    call_command("seed_demo", password="x-pass-123456", stdout=__import__("io").StringIO())
    from concord.accounts.models import User
    from concord.organization.models import MemberState

    kz = MemberState.objects.get(iso2="KZ")
    c = Consultation.objects.filter(status="open", stages__status="open").first()
    stage = c.stages.get(status="open")
    # the demo's two people who speak for Kazakhstan
    users = [User.objects.get(username="kz_rep"), User.objects.get(username="kz_coord")]
    errors = []

    def give(user, stance):
        try:
            services.record_position(
                stage,
                actor=user,
                stance=stance,
                statement="x",
                version_id=stage.version_id,
                now=stage.opened_at,
            )
        except Exception as e:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(e)

    threads = [
        threading.Thread(target=give, args=(u, s))
        for u, s in zip(users, ["join", "join_opinion"], strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    mine = list(Position.objects.filter(stage=stage, state=kz).order_by("pk"))
    assert len(mine) >= 2 and {p.recorded_by.username for p in mine[-2:]} == {"kz_rep", "kz_coord"}
    assert outcomes.current_stances(stage, stage.positions.all())[kz.pk] == mine[-1].stance


def test_an_adopted_decision_is_signed_later_by_a_state_that_did_not_join(
    request, question, secretariat_officer
):
    for _ in range(2):
        stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
        for user in reps(request, "BY", "KZ", "KG", "RU", "TJ"):
            position(stage, user)
        stage = closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    assert stage.outcome == StageOutcome.ADOPTED
    (am,) = reps(request, "AM")
    services.sign_decision(stage, actor=am, on=dt.date(2026, 12, 15))
    with pytest.raises(Conflict):
        services.sign_decision(stage, actor=am, on=dt.date(2026, 12, 16))
    with pytest.raises(NotAllowed):
        services.sign_decision(stage, actor=secretariat_officer, on=dt.date(2026, 12, 16))
    assert [(s.state.iso2, s.signed_on) for s in stage.signatures.all()] == [
        ("AM", dt.date(2026, 12, 15))
    ]


def test_an_emergency_consultation_runs_on_its_clock(secretariat_officer):
    with pytest.raises(DomainError):
        services.open_consultation(
            actor=secretariat_officer,
            title_ru="Кризис",
            kind="assessment",
            route=Route.objects.get(code="emergency"),
            emergency=True,
            now=NOW,
        )
    c = services.open_consultation(
        actor=secretariat_officer,
        title_ru="Кризис",
        kind="assessment",
        route=Route.objects.get(code="emergency"),
        emergency=True,
        reason="Обострение на границе.",
        clock=dt.timedelta(hours=24),
        now=NOW,
    )
    stage = services.open_stage(
        c,
        actor=secretariat_officer,
        now=NOW,
        mode=StageMode.WRITTEN,
        term=(10, TermUnit.WORKING_DAYS),
    )
    assert stage.deadline == NOW + dt.timedelta(hours=24) and stage.body.code == "csc"


def test_a_joint_statement_needs_every_participating_state(request, secretariat_officer, text):
    c = services.open_consultation(
        actor=secretariat_officer,
        title_ru="Заявление",
        kind="joint_statement",
        route=Route.objects.get(code="statement-cfm"),
        document=text,
        now=NOW,
    )
    stage = services.open_stage(c, actor=secretariat_officer, now=NOW)
    assert stage.rule == "all_participating"
    for user in reps(request, "BY", "KZ", "RU", "TJ"):
        position(stage, user)
    position(stage, reps(request, "KG")[0], "refrain")
    assert (
        closing.close_stage(stage, actor=secretariat_officer, now=NOW).outcome
        == StageOutcome.RETURNED
    )


def test_outcome_notifications_are_sent_by_email(
    request, question, secretariat_officer, django_capture_on_commit_callbacks
):
    from concord.accounts.models import User

    User.objects.filter(username="kz_rep").update(email="kz@example.org")
    stage = services.open_stage(question, actor=secretariat_officer, now=NOW)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        closing.close_stage(stage, actor=secretariat_officer, now=NOW)
    assert any("kz@example.org" in m.to for m in mail.outbox)


def test_the_demo_world_has_its_consultations(db):
    titles = {c.title_en: c for c in Consultation.objects.all()}
    assert any(c.status == "adopted" and c.kind == "appointment" for c in titles.values())
    budget = next(c for t, c in titles.items() if "budget" in t)
    assert budget.stages.get(body__code="csc").result == "adopted_limited"
    written = Stage.objects.get(mode="written", status="open")
    assert written.deadline > written.opened_at
    assert Stage.objects.filter(outcome="returned", positions__stance="object").exists()
