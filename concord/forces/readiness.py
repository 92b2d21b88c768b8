"""Readiness assessments: a unit's state opens one against the questionnaire of the unit's kind, fills
in a score and evidence for every criterion and submits it; the Joint Staff returns it for more
evidence or reviews it, and a reviewed assessment sets the unit's score in the readiness table.

Answers are named by their criterion's number: the score of criterion 3 is the field `criterion-3`
and its evidence `evidence-3`, on the page and in the API's errors alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from concord.audit.services import record
from concord.core.actions import lock, require, transition
from concord.core.actors import Actor, user_of
from concord.core.errors import Code as CoreCode
from concord.core.errors import Conflict, DomainError

from . import permissions
from .codes import Code, Verb
from .models import Answer, Assessment, Criterion, Questionnaire, Unit
from .readiness_rules import Scored, latest_two, weighted_score
from .states import ASSESSMENT_FLOW, AssessmentStatus

FILL_ONLY = gettext_lazy("Only a delegation of the unit's state fills in its assessments.")
SUBMIT_ONLY = gettext_lazy(
    "Only the permanent representative or the national coordinator of the unit's state submits "
    "its assessments."
)
REVIEW_ONLY = gettext_lazy("Only the Joint Staff reviews assessments.")
EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)
UNDER_WAY = (AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED, AssessmentStatus.RETURNED)
MAX_EVIDENCE = 10_000


@dataclass(frozen=True)
class AnswerInput:
    """A criterion's answer as given: no score (and no evidence) takes a saved answer back."""

    criterion: int  # the criterion's number in the questionnaire
    score: int | None
    evidence: str = ""


def score_field(number: int) -> str:
    return f"criterion-{number}"


def evidence_field(number: int) -> str:
    return f"evidence-{number}"


def active_questionnaire(kind: str) -> Questionnaire | None:
    return Questionnaire.objects.filter(kind=kind, active=True).first()


@transaction.atomic
def open_assessment(unit: Unit, *, actor: Actor, as_of: dt.date, demo: bool = False) -> Assessment:
    """A new draft of the unit's readiness as of a day, on the questionnaire now in use for its kind."""
    require(permissions.can_fill(actor, unit), FILL_ONLY)
    unit = lock(unit)
    if as_of > dt.date.today():
        raise DomainError(
            Code.BAD_DATES, _("An assessment cannot be dated in the future."), field="as_of"
        )
    if unit.withdrawn_on is not None and as_of > unit.withdrawn_on:
        raise DomainError(
            Code.BAD_DATES,
            _("The unit was withdrawn from its formation on %(day)s.")
            % {"day": unit.withdrawn_on.isoformat()},
            field="as_of",
        )
    if unit.assessments.filter(status__in=UNDER_WAY).exists():
        raise Conflict(
            Code.ALREADY_OPEN,
            _("This unit has an assessment under way: finish it before opening another."),
        )
    if unit.assessments.filter(as_of=as_of).exists():
        raise DomainError(
            Code.BAD_DATES, _("This unit already has an assessment as of that day."), field="as_of"
        )
    questionnaire = active_questionnaire(unit.kind)
    if questionnaire is None or not _weighs(questionnaire):
        raise DomainError(
            Code.NO_QUESTIONNAIRE,
            _("No questionnaire with weighted criteria is in use for %(kind)s.")
            % {"kind": unit.get_kind_display()},
        )
    assessment = Assessment.objects.create(
        unit=unit, questionnaire=questionnaire, as_of=as_of, demo=demo
    )
    record(
        Verb.SAVE_ASSESSMENT,
        actor=actor,
        target=assessment,
        summary=f"{unit} {as_of:%Y-%m-%d}",
    )
    return assessment


def _weighs(questionnaire: Questionnaire) -> bool:
    return sum(c.weight for c in questionnaire.criteria.all()) > 0


def _check(answer: AnswerInput, criteria: dict[int, Criterion]) -> None:
    """Bad input refused with the criterion named, before anything is written."""
    criterion = criteria.get(answer.criterion)
    if criterion is None:
        raise DomainError(
            Code.UNKNOWN_CRITERION,
            _("The questionnaire has no criterion %(number)s.") % {"number": answer.criterion},
            field=score_field(answer.criterion),
        )
    if answer.score is not None and not 0 <= answer.score <= criterion.max_score:
        raise DomainError(
            Code.OUT_OF_RANGE,
            _("Criterion %(number)s: the score must be a whole number from 0 to %(max)s.")
            % {"number": criterion.number, "max": criterion.max_score},
            field=score_field(criterion.number),
        )
    if answer.score is None and answer.evidence.strip():
        raise DomainError(
            Code.INCOMPLETE,
            _("Criterion %(number)s: give a score with the evidence.")
            % {"number": criterion.number},
            field=score_field(criterion.number),
        )
    if len(answer.evidence) > MAX_EVIDENCE:
        raise DomainError(
            Code.OUT_OF_RANGE,
            _("Criterion %(number)s: the evidence is longer than %(max)s characters.")
            % {"number": criterion.number, "max": MAX_EVIDENCE},
            field=evidence_field(criterion.number),
        )


@transaction.atomic
def save_answers(
    assessment: Assessment,
    answers: Iterable[AnswerInput],
    *,
    actor: Actor,
    version: int | None = None,
) -> Assessment:
    """The given criteria's answers replace what was saved for them (the others stay as they are);
    all or nothing. Only while the assessment is a draft or returned to the state."""
    require(permissions.can_fill(actor, assessment.unit), FILL_ONLY)
    assessment = lock(assessment, version=version)
    if assessment.status not in EDITABLE:
        raise Conflict(
            CoreCode.WRONG_STATUS,
            _("The answers can no longer be changed: the assessment is “%(status)s”.")
            % {"status": assessment.get_status_display()},
        )
    criteria = {c.number: c for c in assessment.questionnaire.criteria.all()}
    given = list(answers)
    for answer in given:
        _check(answer, criteria)
    saved = {a.criterion_id: a for a in assessment.answers.all()}
    changes: dict[str, list[str]] = {}
    for answer in given:
        criterion = criteria[answer.criterion]
        before = saved.get(criterion.pk)
        was = "" if before is None else f"{before.score}"
        if answer.score is None:
            if before is not None:
                before.delete()
                changes[score_field(answer.criterion)] = [was, ""]
            continue
        if before is None:
            Answer.objects.create(
                assessment=assessment,
                criterion=criterion,
                score=answer.score,
                evidence=answer.evidence,
            )
        elif (before.score, before.evidence) != (answer.score, answer.evidence):
            before.score, before.evidence = answer.score, answer.evidence
            before.save(update_fields=["score", "evidence"])
        else:
            continue
        changes[score_field(answer.criterion)] = [was, f"{answer.score}"]
    assessment.version += 1
    assessment.save(update_fields=["version"])
    record(
        Verb.SAVE_ASSESSMENT,
        actor=actor,
        target=assessment,
        summary=str(assessment.unit),
        changes=changes,
    )
    return assessment


def unanswered(assessment: Assessment) -> list[int]:
    """Numbers of the questionnaire's criteria without an answer yet."""
    answered = set(assessment.answers.values_list("criterion_id", flat=True))
    return [
        number
        for pk, number in assessment.questionnaire.criteria.values_list("pk", "number")
        if pk not in answered
    ]


def score_of(assessment: Assessment) -> int:
    return weighted_score(
        Scored(a.score, a.criterion.max_score, a.criterion.weight)
        for a in assessment.answers.select_related("criterion")
    )


@transaction.atomic
def submit_assessment(
    assessment: Assessment, *, actor: Actor, version: int | None = None
) -> Assessment:
    """To the Joint Staff, every criterion answered; the score is computed now."""
    require(permissions.can_submit(actor, assessment.unit), SUBMIT_ONLY)
    assessment = lock(assessment, version=version)
    ASSESSMENT_FLOW.check(
        assessment.status, AssessmentStatus.SUBMITTED, display=assessment.get_status_display()
    )
    missing = unanswered(assessment)
    if missing:
        raise DomainError(
            Code.INCOMPLETE,
            _("Answer every criterion before submitting: %(numbers)s unanswered.")
            % {"numbers": ", ".join(str(n) for n in missing)},
            field=score_field(missing[0]),
        )
    score = score_of(assessment)
    return transition(
        assessment,
        AssessmentStatus.SUBMITTED,
        flow=ASSESSMENT_FLOW,
        actor=actor,
        verb=Verb.SUBMIT_ASSESSMENT,
        summary=f"{assessment.unit}: {score}%",
        score=score,
        submitted_by=user_of(actor),
        submitted_at=timezone.now(),
    )


@transaction.atomic
def return_assessment(
    assessment: Assessment, *, actor: Actor, note: str, version: int | None = None
) -> Assessment:
    """Back to the state, saying what is missing; its answers can be changed again."""
    require(permissions.can_review(actor), REVIEW_ONLY)
    if not note.strip():
        raise DomainError(
            Code.NOTE_REQUIRED,
            _("Say what the state should add or correct."),
            field="note",
        )
    return transition(
        assessment,
        AssessmentStatus.RETURNED,
        flow=ASSESSMENT_FLOW,
        actor=actor,
        verb=Verb.RETURN_ASSESSMENT,
        version=version,
        summary=f"{assessment.unit}: {note.strip()}",
        review_note=note.strip(),
    )


@transaction.atomic
def review_assessment(
    assessment: Assessment, *, actor: Actor, note: str = "", version: int | None = None
) -> Assessment:
    """Accepted by the Joint Staff: final. The unit's score, previous score and day of assessment
    follow its two latest reviewed assessments, so a late review of an older period changes only
    the previous score."""
    require(permissions.can_review(actor), REVIEW_ONLY)
    assessment = lock(assessment, version=version)
    unit = lock(assessment.unit)
    ASSESSMENT_FLOW.check(
        assessment.status, AssessmentStatus.REVIEWED, display=assessment.get_status_display()
    )
    reviewed = list(
        unit.assessments.filter(status=AssessmentStatus.REVIEWED)
        .exclude(pk=assessment.pk)
        .values_list("as_of", "score")
    )
    reviewed.append((assessment.as_of, assessment.score))
    score, previous = latest_two(reviewed)
    assessed_on = max(day for day, _score in reviewed)
    before = (unit.score, unit.previous_score, unit.assessed_on)
    after = (score, previous, assessed_on)
    changes = {}
    if before != after:
        unit.score, unit.previous_score, unit.assessed_on = after
        unit.save(update_fields=["score", "previous_score", "assessed_on"])
        changes["unit"] = [" / ".join(str(v) for v in before), " / ".join(str(v) for v in after)]
    return transition(
        assessment,
        AssessmentStatus.REVIEWED,
        flow=ASSESSMENT_FLOW,
        actor=actor,
        verb=Verb.REVIEW_ASSESSMENT,
        summary=f"{unit}: {assessment.score}%",
        changes=changes,
        reviewed_by=user_of(actor),
        reviewed_at=timezone.now(),
        review_note=note.strip(),
    )


def take_step(
    assessment: Assessment,
    step: str,
    *,
    actor: Actor,
    version: int | None = None,
    note: str = "",
) -> Assessment:
    """`submit`, `return` or `review`, as the page's buttons and the API's paths name them."""
    if step == "submit":
        return submit_assessment(assessment, actor=actor, version=version)
    if step == "return":
        return return_assessment(assessment, actor=actor, version=version, note=note)
    if step == "review":
        return review_assessment(assessment, actor=actor, version=version, note=note)
    raise ValueError(f"no step {step!r}")


STEPS = ("submit", "return", "review")
