"""Four eyes on national reports: the person who submitted a report does not approve or return it,
unless the state's reporting rule turns the rule off (docs/operations.md)."""

from __future__ import annotations

import pytest
from django.utils import translation

from concord.audit.models import Entry
from concord.core.actors import SYSTEM
from concord.core.errors import Conflict, NotAllowed
from concord.operations import permissions, services
from concord.operations.models import NationalReport, ReportingRule
from concord.operations.states import ReportStatus
from concord.organization.models import MemberState
from conftest import PERSONAS

DECISIONS = {"approve": services.approve_report, "return": services.return_report}


def submitted(stage, state, by):
    """A report of `state` for the stage with one figure, submitted by `by` (a person or SYSTEM)."""
    report, _n, _w = services.import_rows(
        stage, state, enumerate([{"indicator": "drug-crimes", "value": "3"}], 1), actor=by
    )
    return services.submit_report(report, actor=by)


def four_eyes(state, on):
    ReportingRule.objects.update_or_create(state=state, defaults={"four_eyes": on})


def decisions(report):
    return Entry.objects.filter(
        object_type="operations.nationalreport",
        object_id=str(report.pk),
        verb__in=["operations.report.approved", "operations.report.draft"],
    ).count()


@pytest.mark.parametrize("step", DECISIONS)
def test_the_submitter_does_not_decide_on_their_own_report(
    stage, kz, kazakh_representative, kazakh_coordinator, step
):
    report = submitted(stage, kz, kazakh_representative)
    with pytest.raises(NotAllowed) as refused:
        DECISIONS[step](report, actor=kazakh_representative, version=report.version)
    assert refused.value.code == "same_person" and refused.value.status == 403
    assert "another national coordinator or the permanent representative of Kazakhstan" in str(
        refused.value.message
    )
    unchanged = NationalReport.objects.get(pk=report.pk)
    assert unchanged.status == ReportStatus.SUBMITTED and unchanged.version == report.version
    assert decisions(report) == 0
    decided = DECISIONS[step](report, actor=kazakh_coordinator, version=report.version)
    assert decided.status == (ReportStatus.APPROVED if step == "approve" else ReportStatus.DRAFT)
    if step == "approve":
        assert decided.approved_by == kazakh_coordinator


@pytest.mark.parametrize("persona", [*PERSONAS])
def test_who_approves_a_report_kz_rep_submitted(request, stage, kz, kazakh_representative, persona):
    """Of every persona, only Kazakhstan's other speaker: the submitter is refused as the same
    person, everyone else as not theirs to approve."""
    report = submitted(stage, kz, kazakh_representative)
    user = request.getfixturevalue(persona)
    assert permissions.can_decide(user, report) == (persona == "kazakh_coordinator")
    if user is None:
        return  # a visitor who has not signed in never reaches the service (actor_of refuses)
    if persona == "kazakh_coordinator":
        assert services.approve_report(report, actor=user).status == ReportStatus.APPROVED
        return
    with pytest.raises(NotAllowed) as refused:
        services.approve_report(report, actor=user)
    assert refused.value.code == (
        "same_person" if persona == "kazakh_representative" else "not_allowed"
    )


def test_the_rule_goes_both_ways_and_follows_the_last_submission(
    stage, kz, kazakh_representative, kazakh_coordinator
):
    """The coordinator submits, the representative returns it; the coordinator submits it again:
    still the representative's to approve. Had the representative submitted it again, the
    coordinator's."""
    report = submitted(stage, kz, kazakh_coordinator)
    assert permissions.can_decide(kazakh_representative, report)
    assert not permissions.can_decide(kazakh_coordinator, report)
    report = services.return_report(report, actor=kazakh_representative)
    report = services.submit_report(report, actor=kazakh_representative)
    assert report.submitted_by == kazakh_representative
    with pytest.raises(NotAllowed, match="You submitted this report"):
        services.approve_report(report, actor=kazakh_representative)
    assert services.approve_report(report, actor=kazakh_coordinator).approved_by_id == (
        kazakh_coordinator.pk
    )


def test_the_submitter_is_read_under_the_lock(stage, kz, kazakh_representative, kazakh_coordinator):
    """A page drawn while the coordinator's submission was current does not let the representative
    approve a submission they made since."""
    report = submitted(stage, kz, kazakh_coordinator)
    drawn = NationalReport.objects.get(pk=report.pk)  # says: submitted by the coordinator
    seen = drawn.version
    services.submit_report(
        services.return_report(report, actor=kazakh_representative), actor=kazakh_representative
    )
    with pytest.raises(NotAllowed) as refused:
        services.approve_report(
            drawn, actor=kazakh_representative
        )  # no version: not caught as stale
    assert refused.value.code == "same_person"
    with pytest.raises(Conflict):  # with the version the page was drawn from, it is stale first
        services.approve_report(drawn, actor=kazakh_representative, version=seen)


def test_a_report_no_longer_submitted_is_refused_for_its_status_not_its_submitter(
    stage, kz, kazakh_representative, kazakh_coordinator
):
    report = services.approve_report(
        submitted(stage, kz, kazakh_representative), actor=kazakh_coordinator
    )
    with pytest.raises(Conflict) as refused:
        services.approve_report(report, actor=kazakh_representative)
    assert refused.value.code == "wrong_status"


def test_a_report_the_system_submitted_is_approved_by_any_speaker_of_its_state(
    stage, kz, kazakh_representative
):
    """SYSTEM is not a person: the command line without --user and the demo submit as no one, so the
    representative who approves is another person than the submitter."""
    report = submitted(stage, kz, SYSTEM)
    assert report.submitted_by is None
    assert permissions.can_decide(kazakh_representative, report)
    assert services.approve_report(report, actor=kazakh_representative).status == "approved"


def test_every_demo_report_was_submitted_by_the_system_and_approved_by_a_person(db):
    reports = NationalReport.objects.exclude(status="submitted")
    assert reports.exists()
    assert not reports.filter(submitted_by__isnull=False).exists()
    assert not reports.filter(approved_by__isnull=True).exists()


def test_the_demo_leaves_a_correction_for_the_kazakh_coordinator_to_approve(client_as, db):
    waiting = NationalReport.objects.get(status="submitted")
    assert (waiting.state.iso2, waiting.submitted_by.username, waiting.revision) == (
        "KZ",
        "kz_rep",
        2,
    )
    link = f"/en/operations/reports/{waiting.pk}/"
    assert link in client_as("kazakh_coordinator").get("/en/").content.decode()
    assert link not in client_as("kazakh_representative").get("/en/").content.decode()


def test_four_eyes_is_configured_per_state(
    stage, kz, kazakh_representative, russian_representative
):
    ru = MemberState.objects.get(iso2="RU")
    four_eyes(ru, False)  # another state's rule changes nothing for Kazakhstan
    kz_report, ru_report = (
        submitted(stage, kz, kazakh_representative),
        submitted(stage, ru, russian_representative),
    )
    assert not permissions.can_decide(kazakh_representative, kz_report)
    assert services.approve_report(ru_report, actor=russian_representative).status == "approved"
    four_eyes(kz, True)  # said explicitly, the same as no rule
    assert not permissions.can_decide(kazakh_representative, kz_report)
    four_eyes(kz, False)
    assert permissions.can_decide(kazakh_representative, kz_report)
    report = services.return_report(kz_report, actor=kazakh_representative)
    assert report.status == ReportStatus.DRAFT


def test_the_refusal_speaks_russian(stage, kz, kazakh_representative):
    report = submitted(stage, kz, kazakh_representative)
    with translation.override("ru"), pytest.raises(NotAllowed) as refused:
        services.approve_report(report, actor=kazakh_representative)
    with translation.override("ru"):
        message = str(refused.value.message)
    assert message.startswith("Вы представили этот отчёт") and "Казахстан" in message


def test_the_page_says_why_the_submitter_is_not_offered_to_approve(
    client_as, stage, kz, kazakh_representative
):
    report = submitted(stage, kz, kazakh_representative)
    url = f"/en/operations/reports/{report.pk}/"
    own = client_as("kazakh_representative").get(url)
    html = own.content.decode()
    assert 'data-testid="step-approve"' not in html and 'data-testid="step-return"' not in html
    assert 'data-testid="four-eyes"' in html and "You submitted this report" in html
    other = client_as("kazakh_coordinator").get(url).content.decode()
    assert 'data-testid="step-approve"' in other and 'data-testid="four-eyes"' not in other
    secretariat = client_as("secretariat_officer").get(url).content.decode()
    assert 'data-testid="four-eyes"' not in secretariat  # not theirs to approve in any case
    ru = client_as("kazakh_representative").get(url.replace("/en/", "/ru/")).content.decode()
    assert "Вы представили этот отчёт" in ru
    four_eyes(kz, False)
    html = client_as("kazakh_representative").get(url).content.decode()
    assert 'data-testid="step-approve"' in html and 'data-testid="four-eyes"' not in html


def test_approving_ones_own_report_through_the_page_is_refused_with_the_reason(
    client_as, stage, kz, kazakh_representative
):
    report = submitted(stage, kz, kazakh_representative)
    response = client_as("kazakh_representative").post(
        f"/en/operations/reports/{report.pk}/approve/", {"version": report.version}, follow=True
    )
    assert "You submitted this report" in response.content.decode()
    assert NationalReport.objects.get(pk=report.pk).status == ReportStatus.SUBMITTED


@pytest.mark.parametrize("step", DECISIONS)
def test_the_api_answers_with_the_same_error(client_as, stage, kz, kazakh_representative, step):
    report = submitted(stage, kz, kazakh_representative)
    post = lambda persona, language: client_as(persona).post(  # noqa: E731
        f"/api/v1/reports/{report.pk}/{step}",
        {"version": report.version},
        content_type="application/json",
        headers={"accept-language": language},
    )
    refused = post("kazakh_representative", "ru")
    assert refused.status_code == 403
    body = refused.json()
    assert body["code"] == "same_person" and body["message"].startswith("Вы представили этот отчёт")
    assert (
        post("kazakh_representative", "en")
        .json()["message"]
        .startswith("You submitted this report")
    )
    assert post("kazakh_coordinator", "en").status_code == 200


def test_the_rule_is_kept_in_the_admin_and_audited(client_as, stage, kz, kazakh_representative):
    report = submitted(stage, kz, kazakh_representative)
    admin = client_as("secretariat_administrator")
    response = admin.post("/admin/operations/reportingrule/add/", {"state": kz.pk})  # unticked
    assert response.status_code == 302
    assert ReportingRule.objects.get(state=kz).four_eyes is False
    assert Entry.objects.filter(verb="admin.add", object_type="operations.reportingrule").exists()
    assert permissions.can_decide(kazakh_representative, report)
    outsider = client_as("kazakh_representative")  # a state does not switch its own rule off
    assert outsider.get("/admin/operations/reportingrule/", follow=True).status_code == 403
