"""The Assembly's records: bad input refused with nothing saved; adoption after examination; a
chamber's vote recorded once, in the agreements module."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from concord.agreements import selectors as agreements
from concord.agreements.models import Agreement, TreatyAction
from concord.core.errors import DomainError, NotAllowed
from concord.organization.models import MemberState
from concord.parliament import ratification, records, services
from concord.parliament.models import Chamber, Harmonisation, Member
from concord.parliament.states import ActStatus
from concord.publications.models import Publication

from .builders import a_model_law, a_session, body, parliament, state


def test_a_member_cannot_sit_in_two_national_delegations(secretariat_officer, member_of_parliament):
    kz, by = parliament("KZ"), parliament("BY")
    with pytest.raises(DomainError) as error:
        services.add_member(
            by,
            actor=secretariat_officer,
            chamber=by.chambers.first(),
            user=member_of_parliament,
            name_ru="Тот же депутат",
            name_en="The same deputy",
            since=dt.date(2025, 1, 1),
        )
    assert (error.value.code, error.value.field) == ("two_delegations", "parliament")
    assert not Member.objects.filter(parliament=by, user=member_of_parliament).exists()
    # after leaving Kazakhstan's delegation, another state's is possible (a new period)
    Member.objects.filter(parliament=kz, user=member_of_parliament).update(
        until=dt.date(2024, 12, 31)
    )
    services.add_member(
        by,
        actor=secretariat_officer,
        chamber=by.chambers.first(),
        user=member_of_parliament,
        name_ru="Тот же депутат",
        name_en="The same deputy",
        since=dt.date(2025, 1, 1),
    )


def test_a_member_sits_in_a_chamber_of_their_own_parliament(secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.add_member(
            parliament("KZ"),
            actor=secretariat_officer,
            chamber=parliament("RU").chambers.first(),
            name_ru="Депутат",
            name_en="Deputy",
        )
    assert error.value.code == "other_parliament"


def test_only_the_secretariat_keeps_the_structure(member_of_parliament, kazakh_representative):
    for who in (member_of_parliament, kazakh_representative):
        with pytest.raises(NotAllowed):
            records.add_observer(actor=who, name_ru="Наблюдатель", name_en="Observer")


def test_a_model_law_is_adopted_only_after_its_commission_examined_it(
    secretariat_officer, django_capture_on_commit_callbacks
):
    act = a_model_law(secretariat_officer)
    plenary = a_session(secretariat_officer)
    with pytest.raises(DomainError) as error:
        services.adopt_act(act, actor=secretariat_officer, session=plenary)
    assert (error.value.code, error.value.field) == ("not_examined", "session")
    act.refresh_from_db()
    assert act.status == ActStatus.DRAFT
    with pytest.raises(DomainError) as error:  # examined at another commission's meeting
        services.examine_act(
            act, actor=secretariat_officer, on=None, session=a_session(secretariat_officer, "legal")
        )
    assert error.value.code == "not_a_commission"
    services.examine_act(
        act,
        actor=secretariat_officer,
        on=dt.date(2026, 11, 1),
        session=a_session(secretariat_officer, "defence", dt.date(2026, 11, 1)),
    )
    with pytest.raises(DomainError) as error:  # the Council does not adopt model acts
        services.adopt_act(
            act, actor=secretariat_officer, session=a_session(secretariat_officer, "council")
        )
    assert error.value.code == "not_plenary"
    with django_capture_on_commit_callbacks(execute=True):
        act = services.adopt_act(act, actor=secretariat_officer, session=plenary)
    assert (act.status, act.adopted_on) == (ActStatus.ADOPTED, plenary.held_on)
    act.document.refresh_from_db()
    assert act.document.status == "adopted"  # the text is closed in the documents module
    draft = Publication.objects.get(source_kind="model_act", source_id=str(act.pk))
    assert draft.title_en == "Model law on testing"


def test_a_demo_model_act_is_never_announced_on_the_public_site(db):
    from concord.parliament.models import ModelAct

    for act in ModelAct.objects.filter(demo=True, status=ActStatus.ADOPTED):
        assert not Publication.objects.filter(source_kind="model_act", source_id=str(act.pk))
    real = ModelAct.objects.filter(demo=False, status=ActStatus.ADOPTED)
    assert real and all(
        Publication.objects.filter(source_kind="model_act", source_id=str(a.pk)) for a in real
    )


def test_harmonisation_is_recorded_for_member_states_only(secretariat_officer):
    act = a_model_law(secretariat_officer)
    services.examine_act(act, actor=secretariat_officer, on=None)
    services.adopt_act(act, actor=secretariat_officer, session=a_session(secretariat_officer))
    former = MemberState.objects.create(
        iso2="UZ",
        iso3="UZB",
        name_ru="Узбекистан",
        name_en="Uzbekistan",
        member_since=dt.date(1992, 5, 15),
        membership="withdrawn",
        membership_since=dt.date(2012, 12, 19),
    )
    with pytest.raises(DomainError) as error:
        services.record_harmonisation(act, actor=secretariat_officer, state=former, law_ru="Закон")
    assert (error.value.code, error.value.field) == ("not_member", "state")
    assert not Harmonisation.objects.filter(state=former).exists()
    row = services.record_harmonisation(
        act, actor=secretariat_officer, state=state("KZ"), law_ru="Закон", closeness="full"
    )
    assert row.act == act


def test_harmonisation_needs_an_adopted_model_act(secretariat_officer):
    with pytest.raises(DomainError) as error:
        services.record_harmonisation(
            a_model_law(secretariat_officer),
            actor=secretariat_officer,
            state=state("KZ"),
            law_ru="Закон",
        )
    assert error.value.code == "not_adopted"


@pytest.mark.parametrize("iso2", ["AM", "BY", "KG", "KZ", "RU", "TJ"])
def test_each_parliaments_queue_is_the_agreements_pending_list_of_its_state(
    iso2, member_of_parliament
):
    today = timezone.localdate()
    queue = ratification.queue(member_of_parliament, parliament(iso2), today=today)
    pending = agreements.pending(member_of_parliament, state(iso2), today=today)
    assert [e.agreement.pk for e in queue.entries] == [p.standing.agreement.pk for p in pending]
    for entry, item in zip(queue.entries, pending, strict=True):
        done = {s.pk: a.date for s, a in item.row.steps if a}
        assert {c.step_id: d for c, d in entry.chambers if d} == {
            c.step_id: done[c.step_id] for c, d in entry.chambers if c.step_id in done
        }


def _demo_agreement() -> Agreement:
    return Agreement.objects.get(illustrative=True)


def test_a_chamber_vote_is_the_agreements_step_recorded_once(
    secretariat_officer, member_of_parliament
):
    agreement, kz = _demo_agreement(), state("KZ")
    senate = parliament("KZ").chambers.get(position=1)
    before = TreatyAction.objects.count()
    action = ratification.record_chamber_vote(
        agreement, actor=secretariat_officer, state=kz, chamber=senate, date=timezone.localdate()
    )
    assert TreatyAction.objects.count() == before + 1
    assert (action.type, action.step_id) == ("step", senate.step_id)
    queue = ratification.queue(member_of_parliament, parliament("KZ"), today=timezone.localdate())
    entry = next(e for e in queue.entries if e.agreement == agreement)
    assert dict((c.pk, d) for c, d in entry.chambers)[senate.pk] == timezone.localdate()
    _, rows, _ = agreements.status_table(agreement, today=timezone.localdate())
    row = next(r for r in rows if r.state == kz)
    assert senate.step_id not in {s.pk for s in row.open_steps}


def test_a_vote_for_a_chamber_the_state_does_not_have_is_refused(secretariat_officer):
    before = TreatyAction.objects.count()
    duma = parliament("RU").chambers.get(position=0)
    with pytest.raises(DomainError) as error:
        ratification.record_chamber_vote(
            _demo_agreement(),
            actor=secretariat_officer,
            state=state("KG"),
            chamber=duma,
            date=timezone.localdate(),
        )
    assert (error.value.code, error.value.field) == ("no_such_chamber", "chamber")
    assert TreatyAction.objects.count() == before


def test_only_the_depositary_records_a_chamber_vote(member_of_parliament):
    with pytest.raises(NotAllowed):
        ratification.record_chamber_vote(
            _demo_agreement(),
            actor=member_of_parliament,
            state=state("KZ"),
            chamber=Chamber.objects.get(parliament__state__iso2="KZ", position=1),
            date=timezone.localdate(),
        )


def test_a_members_own_parliament_comes_first(
    member_of_parliament, belarusian_member_of_parliament
):
    today = timezone.localdate()
    assert ratification.queues(member_of_parliament, today=today)[0].parliament.state.iso2 == "KZ"
    assert ratification.queues(belarusian_member_of_parliament, today=today)[0].own
    first = ratification.queues(belarusian_member_of_parliament, today=today)[0]
    assert first.parliament.state.iso2 == "BY"


def test_the_report_on_ratification_is_drafted_from_the_record(secretariat_officer):
    report = ratification.draft_report(actor=secretariat_officer, as_of=timezone.localdate())
    from concord.documents.selectors import latest_version

    version = latest_version(report.document_id)
    assert version is not None
    texts = [u["text_en"] or "" for u in version.units]
    agreement = _demo_agreement()
    assert any(agreement.title_en in t and "Mazhilis on" in t for t in texts)
    assert report.document.status == "negotiation"


def test_a_member_asks_and_the_secretariat_answers(
    member_of_parliament, secretariat_officer, kazakh_representative
):
    with pytest.raises(NotAllowed):
        services.ask_request(actor=kazakh_representative, question="?")
    request = services.ask_request(actor=member_of_parliament, question="Когда?")
    with pytest.raises(NotAllowed):
        services.answer_request(request, actor=member_of_parliament, answer="Сам")
    answered = services.answer_request(request, actor=secretariat_officer, answer="Завтра")
    assert answered.status == "answered"
    assert body("assembly").organ is not None
