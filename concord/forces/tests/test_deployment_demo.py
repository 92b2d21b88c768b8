"""The Kazakhstan deployment of January 2022 as the demo records it, against the domain notes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from concord.consultations.models import Consultation
from concord.forces.deployment_selectors import deployments, record
from concord.forces.models import Deployment
from concord.forces.states import DeploymentStatus

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def kazakhstan() -> Deployment:
    return Deployment.objects.select_related("host", "consultation").get(
        title_en="Collective peacekeeping forces in Kazakhstan, January 2022"
    )


def _local(at: dt.datetime) -> dt.datetime:
    return at.astimezone(ALMATY)


def test_the_chronology_of_january_2022(kazakhstan):
    d = kazakhstan
    assert d.status == DeploymentStatus.CLOSED and d.demo
    assert (
        _local(d.requested_at).date() == dt.date(2022, 1, 5) and _local(d.requested_at).hour >= 18
    )  # evening
    assert (
        _local(d.decided_at).date() == dt.date(2022, 1, 6) and _local(d.decided_at).hour < 6
    )  # the night
    assert "Article 4" in d.legal_basis_en and "Статья 4" in d.legal_basis_ru
    assert _local(d.deployed_at).date() == dt.date(2022, 1, 6) and _local(d.deployed_at).hour >= 18


def test_the_force_its_sites_and_its_withdrawal(kazakhstan):
    d = kazakhstan
    rec = record(d)
    steps = [s.at for s in rec.steps]
    assert steps == sorted(steps)
    assert rec.totals.personnel == 2030 and rec.totals.equipment == 250
    assert rec.totals.states == 5 and rec.totals.sites == 14
    withdrawals = {c.state.iso2: _local(c.withdrawn_at).date() for c in rec.contingents}
    assert set(withdrawals.values()) <= {dt.date(2022, 1, day) for day in range(13, 20)}
    assert {k for k, v in withdrawals.items() if v == dt.date(2022, 1, 14)} == {
        "AM",
        "BY",
        "KG",
        "TJ",
    }
    assert _local(d.withdrawn_at).date() == dt.date(2022, 1, 19)
    session = next(e for e in rec.log if e.kind == "session")
    assert _local(session.at).date() == dt.date(2022, 1, 10) and "2,030" in session.text_en


def test_the_real_figures_are_not_marked_demo_and_the_estimates_are(kazakhstan):
    contingents = {c.state.iso2: c for c in kazakhstan.contingents.all()}
    assert (contingents["AM"].strength, contingents["AM"].demo) == (100, False)
    assert (contingents["KG"].strength, contingents["KG"].equipment, contingents["KG"].demo) == (
        150,
        8,
        False,
    )
    assert all(contingents[iso2].demo for iso2 in ("RU", "BY", "TJ"))
    assert all(s.demo for s in kazakhstan.sites.all())


def test_what_the_notes_do_not_give_stays_unrecorded(kazakhstan):
    assert kazakhstan.un_informed_on is None
    assert kazakhstan.reported_at is not None
    assert kazakhstan.report_reference_ru == kazakhstan.report_reference_en == ""
    assert kazakhstan.commander_ru == kazakhstan.commander_en == ""


def test_every_text_is_in_one_language_and_the_sources_name_outlets_only(kazakhstan):
    d = kazakhstan
    texts = ["letter_reference", "request_text", "decision_reference", "legal_basis", "tasks"]
    texts += ["area", "duration", "completion_reference"]
    for name in texts:
        ru, en = getattr(d, f"{name}_ru"), getattr(d, f"{name}_en")
        assert ru and en and " / " not in ru and " / " not in en, name
        assert not any("a" <= ch.lower() <= "z" for ch in ru), name
        assert not any("а" <= ch.lower() <= "я" for ch in en), name
    sources = [d.source, *d.log.values_list("source", flat=True)]
    sources += list(d.contingents.values_list("source", flat=True))
    for source in filter(None, sources):
        assert not any(word in source for word in ("transcript", "MoD", "estimate", "approximate"))


def test_the_emergency_consultation_was_decided_in_the_night(kazakhstan):
    consultation = Consultation.objects.get(pk=kazakhstan.consultation_id)
    assert consultation.emergency and consultation.status == "adopted"
    assert consultation.decide_by == kazakhstan.requested_at + dt.timedelta(hours=24)


def test_a_live_demo_request_has_its_clock_running(staff_officer):
    live = deployments(staff_officer).get(title_en="Request of Tajikistan for assistance (demo)")
    assert live.status == DeploymentStatus.REQUESTED and live.demo
    consultation = Consultation.objects.get(pk=live.consultation_id)
    assert consultation.status == "open" and consultation.decide_by > live.requested_at
