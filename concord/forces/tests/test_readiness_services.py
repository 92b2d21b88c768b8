"""An assessment's way through the services, in order and out of order."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.audit.models import Entry
from concord.core.errors import Conflict, DomainError, NotAllowed
from concord.forces import readiness
from concord.forces.codes import Code, Verb
from concord.forces.models import Answer, Assessment, Questionnaire
from concord.forces.readiness import AnswerInput
from concord.forces.readiness_rules import Scored, weighted_score
from concord.forces.states import AssessmentStatus

from .readiness_builders import a_unit, an_assessment, full_marks


@pytest.fixture
def unit(db):
    return a_unit("KZ")


@pytest.fixture
def draft(unit):
    return an_assessment(unit)


def test_the_units_state_opens_an_assessment_on_the_questionnaire_of_its_kind(
    unit, kazakh_coordinator
):
    opened = readiness.open_assessment(unit, actor=kazakh_coordinator, as_of=dt.date(2025, 1, 31))
    assert opened.status == AssessmentStatus.DRAFT
    assert opened.questionnaire == Questionnaire.objects.get(kind="military", active=True)
    assert Entry.objects.filter(verb=Verb.SAVE_ASSESSMENT, object_id=str(opened.pk)).exists()


@pytest.mark.parametrize(
    "persona", ["russian_representative", "staff_officer", "secretariat_officer", "analyst"]
)
def test_no_one_else_opens_it(request, unit, persona):
    with pytest.raises(NotAllowed):
        readiness.open_assessment(
            unit, actor=request.getfixturevalue(persona), as_of=dt.date(2025, 1, 31)
        )


def test_without_a_questionnaire_in_use_nothing_is_opened(unit, kazakh_representative):
    Questionnaire.objects.filter(kind="military").update(active=False)
    with pytest.raises(DomainError) as error:
        readiness.open_assessment(unit, actor=kazakh_representative, as_of=dt.date(2025, 1, 31))
    assert error.value.code == Code.NO_QUESTIONNAIRE
    assert not unit.assessments.exists()


def test_an_assessment_is_not_dated_in_the_future(unit, kazakh_representative):
    with pytest.raises(DomainError) as error:
        readiness.open_assessment(
            unit, actor=kazakh_representative, as_of=dt.date.today() + dt.timedelta(days=1)
        )
    assert (error.value.code, error.value.field) == (Code.BAD_DATES, "as_of")


def test_one_assessment_under_way_at_a_time(draft, kazakh_representative):
    with pytest.raises(Conflict) as error:
        readiness.open_assessment(
            draft.unit, actor=kazakh_representative, as_of=dt.date(2025, 7, 31)
        )
    assert error.value.code == Code.ALREADY_OPEN


def test_answers_are_saved_and_changed(draft, kazakh_representative):
    draft = readiness.save_answers(
        draft, [AnswerInput(1, 3, "roll"), AnswerInput(2, 4)], actor=kazakh_representative
    )
    draft = readiness.save_answers(
        draft,
        [AnswerInput(1, 2, "roll, corrected"), AnswerInput(2, None)],
        actor=kazakh_representative,
        version=draft.version,
    )
    saved = {a.criterion.number: (a.score, a.evidence) for a in draft.answers.all()}
    assert saved == {1: (2, "roll, corrected")}  # no score takes the answer back


@pytest.mark.parametrize("score", [-1, 5, 100])
def test_a_score_out_of_range_names_the_criterion_and_saves_nothing(
    draft, kazakh_representative, score
):
    with pytest.raises(DomainError) as error:
        readiness.save_answers(
            draft, [AnswerInput(1, 4), AnswerInput(2, score)], actor=kazakh_representative
        )
    assert (error.value.code, error.value.field) == (Code.OUT_OF_RANGE, "criterion-2")
    assert "2" in str(error.value.message) and "4" in str(error.value.message)
    assert not Answer.objects.filter(assessment=draft).exists()  # not even criterion 1


def test_an_unknown_criterion_or_evidence_without_a_score_is_refused(draft, kazakh_representative):
    with pytest.raises(DomainError) as unknown:
        readiness.save_answers(draft, [AnswerInput(99, 1)], actor=kazakh_representative)
    assert (unknown.value.code, unknown.value.field) == (Code.UNKNOWN_CRITERION, "criterion-99")
    with pytest.raises(DomainError) as bare:
        readiness.save_answers(draft, [AnswerInput(3, None, "text")], actor=kazakh_representative)
    assert (bare.value.code, bare.value.field) == (Code.INCOMPLETE, "criterion-3")


def test_another_state_does_not_fill_it_in(draft, russian_representative, staff_officer):
    for actor in (russian_representative, staff_officer):
        with pytest.raises(NotAllowed):
            readiness.save_answers(draft, [AnswerInput(1, 1)], actor=actor)


def test_answers_drawn_from_an_older_edit_are_refused(draft, kazakh_representative):
    seen = draft.version
    readiness.save_answers(draft, [AnswerInput(1, 1)], actor=kazakh_representative, version=seen)
    with pytest.raises(Conflict) as error:
        readiness.save_answers(
            draft, [AnswerInput(1, 3)], actor=kazakh_representative, version=seen
        )
    assert error.value.code == "stale"
    assert draft.answers.get().score == 1


def test_an_incomplete_assessment_is_not_submitted(draft, kazakh_representative):
    readiness.save_answers(draft, full_marks(draft)[:-2], actor=kazakh_representative)
    last = draft.questionnaire.criteria.count()
    with pytest.raises(DomainError) as error:
        readiness.submit_assessment(draft, actor=kazakh_representative)
    assert (error.value.code, error.value.field) == (Code.INCOMPLETE, f"criterion-{last - 1}")
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT


def test_submitting_computes_the_weighted_score(draft, kazakh_coordinator):
    answers = full_marks(draft, 0.5)
    readiness.save_answers(draft, answers, actor=kazakh_coordinator)
    submitted = readiness.submit_assessment(draft, actor=kazakh_coordinator)
    criteria = {c.number: c for c in draft.questionnaire.criteria.all()}
    expected = weighted_score(
        Scored(a.score or 0, criteria[a.criterion].max_score, criteria[a.criterion].weight)
        for a in answers
    )
    assert submitted.status == AssessmentStatus.SUBMITTED
    assert submitted.score == expected
    assert submitted.submitted_by == kazakh_coordinator


def test_only_who_speaks_for_the_state_submits(unit, armenian_representative, staff_officer):
    assessment = an_assessment(unit, fraction=1)
    for actor in (armenian_representative, staff_officer):
        with pytest.raises(NotAllowed):
            readiness.submit_assessment(assessment, actor=actor)


def test_submitting_twice_is_refused(unit, kazakh_representative):
    assessment = an_assessment(unit, fraction=1, submitted=True)
    with pytest.raises(Conflict) as error:
        readiness.submit_assessment(assessment, actor=kazakh_representative)
    assert error.value.code == "wrong_status"


def test_a_draft_is_not_reviewed_or_returned(unit, staff_officer):
    assessment = an_assessment(unit, fraction=1)
    with pytest.raises(Conflict):
        readiness.review_assessment(assessment, actor=staff_officer)
    with pytest.raises(Conflict):
        readiness.return_assessment(assessment, actor=staff_officer, note="more")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_submitted_answers_are_not_changed(unit, kazakh_representative):
    assessment = an_assessment(unit, fraction=1, submitted=True)
    with pytest.raises(Conflict):
        readiness.save_answers(assessment, [AnswerInput(1, 0)], actor=kazakh_representative)


def test_only_the_joint_staff_reviews(unit, kazakh_coordinator, secretariat_officer, analyst):
    assessment = an_assessment(unit, fraction=1, submitted=True)
    for actor in (kazakh_coordinator, secretariat_officer, analyst):
        with pytest.raises(NotAllowed):
            readiness.review_assessment(assessment, actor=actor)


def test_a_return_says_what_is_missing_and_opens_the_answers_again(
    unit, staff_officer, kazakh_representative
):
    assessment = an_assessment(unit, fraction=0.5, submitted=True)
    with pytest.raises(DomainError) as error:
        readiness.return_assessment(assessment, actor=staff_officer, note="  ")
    assert (error.value.code, error.value.field) == (Code.NOTE_REQUIRED, "note")
    returned = readiness.return_assessment(
        assessment, actor=staff_officer, note="Attach the inspection reports."
    )
    assert returned.status == AssessmentStatus.RETURNED
    assert returned.review_note == "Attach the inspection reports."
    readiness.save_answers(returned, full_marks(returned), actor=kazakh_representative)
    again = readiness.submit_assessment(returned, actor=kazakh_representative)
    assert again.status == AssessmentStatus.SUBMITTED and again.score == 100


def test_a_review_sets_the_units_score_and_keeps_the_one_before(unit, staff_officer):
    first = an_assessment(unit, as_of=dt.date(2024, 6, 30), fraction=0.5, reviewed=True)
    unit.refresh_from_db()
    assert (unit.score, unit.previous_score, unit.assessed_on) == (
        first.score,
        None,
        dt.date(2024, 6, 30),
    )
    second = an_assessment(unit, as_of=dt.date(2025, 6, 30), fraction=1, reviewed=True)
    unit.refresh_from_db()
    assert (unit.score, unit.previous_score, unit.assessed_on) == (
        100,
        first.score,
        dt.date(2025, 6, 30),
    )
    assert second.reviewed_by == staff_officer
    assert second.status == AssessmentStatus.REVIEWED


def test_a_late_review_of_an_older_period_changes_only_the_previous_score(unit):
    # A newer reviewed assessment already on record (as an import of history would put it).
    Assessment.objects.create(
        unit=unit,
        questionnaire=Questionnaire.objects.get(kind="military", active=True),
        as_of=dt.date(2025, 6, 30),
        status=AssessmentStatus.REVIEWED,
        score=90,
    )
    unit.score, unit.assessed_on = 90, dt.date(2025, 6, 30)
    unit.save()
    older = an_assessment(unit, as_of=dt.date(2024, 6, 30), fraction=0.5, reviewed=True)
    unit.refresh_from_db()
    assert (unit.score, unit.previous_score, unit.assessed_on) == (
        90,
        older.score,
        dt.date(2025, 6, 30),
    )


def test_every_step_is_audited(unit, staff_officer):
    assessment = an_assessment(unit, fraction=1, reviewed=True)
    verbs = list(
        Entry.objects.filter(object_id=str(assessment.pk), verb__startswith="forces.assessment")
        .order_by("seq")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        Verb.SAVE_ASSESSMENT,
        Verb.SAVE_ASSESSMENT,
        Verb.SUBMIT_ASSESSMENT,
        Verb.REVIEW_ASSESSMENT,
    ]
