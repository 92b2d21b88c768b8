"""The depositary notification reads correctly for every state: it is a list of facts, so no word
agrees with the state's name, and each language is written whatever the reader's interface."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concord.agreements import notices
from concord.organization.models import MemberState


def act(state_ru: str, state_en: str, **kw) -> notices.Act:
    base = dict(
        title_ru="Протокол",
        title_en="Protocol",
        state_ru=state_ru,
        state_en=state_en,
        type="signature",
        date=dt.date(2024, 3, 1),
    )
    return notices.Act(**{**base, **kw})


@pytest.mark.parametrize("type_", sorted(notices.ACTS))
def test_the_same_sentence_holds_for_all_six_state_names(db, type_):
    """Replace the name by a placeholder: every state gives the same text, so none can be wrong in
    gender or case where another is right."""
    texts = set()
    for s in MemberState.objects.all():
        ru, en = notices.write(act(s.name_ru, s.name_en, type=type_, text="x"))
        assert f"Государство: {s.name_ru}." in ru and f"State: {s.name_en}." in en
        texts.add((ru.replace(s.name_ru, "{}"), en.replace(s.name_en, "{}")))
    assert len(texts) == 1
    ru, en = texts.pop()
    assert not re.search("[а-яё]", en.lower().replace("«x»", ""))
    assert not re.search("[a-z]", ru.lower().replace("x", ""))


def test_the_dates_are_written_in_each_languages_own_form():
    ru, en = notices.write(
        act("Казахстан", "Kazakhstan", in_force=dt.date(2024, 6, 1), in_force_for_state=None)
    )
    assert "Дата: 01.03.2024." in ru and "Date: 1 March 2024." in en
    assert (
        "вступления документа в силу: 01.06.2024" in ru
        and "force of the instrument: 1 June 2024" in en
    )


def test_internal_steps_are_not_notified_and_every_treaty_act_is():
    assert not notices.is_notified("step")
    assert all(notices.is_notified(t) for t in notices.ACTS)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_english_dates_never_depend_on_the_locale(day):
    assert notices.day_en(day).split()[1] in notices.MONTHS_EN
    assert dt.datetime.strptime(notices.day_en(day), "%d %B %Y").date() == day
