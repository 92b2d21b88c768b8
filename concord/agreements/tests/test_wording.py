"""The engine's rules, answers and errors in words (wording.py): every rule key, every need and every
error code says something in each language, Russian holds no English and English no Cyrillic."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from concord.agreements.rules import INSTRUMENTS, Need, Result, RuleError, run
from concord.agreements.wording import (
    describe_error,
    describe_needs,
    describe_result,
    describe_rule,
)

LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
NAMES = {
    "ru": {"AM": "Армения", "KZ": "Казахстан", "RU": "Россия", "BY": "Беларусь"},
    "en": {"AM": "Armenia", "KZ": "Kazakhstan", "RU": "Russia", "BY": "Belarus"},
}
FOREIGN = {"ru": LATIN, "en": CYRILLIC}
D = dt.date.fromisoformat


def in_language(language, say):
    with translation.override(language):
        return say(NAMES[language])


BASE = {"threshold": {"count": 3}}
# One rule per key of the format (and per value where the wording differs), each a change of BASE.
VARIANTS = {
    "count": {"threshold": {"count": 21}},
    "of instrument": {"threshold": {"count": 2, "of": "instrument"}},
    "of consent": {"threshold": {"count": 2, "of": "consent"}},
    "all_signatories": {"threshold": {"all_signatories": True}},
    "required": {"threshold": {"required": ["RU", "KZ"]}},
    "weight": {"threshold": {"weight": 0.625}},
    "everything in the threshold": {
        "threshold": {
            "count": 2,
            "of": "consent",
            "all_signatories": True,
            "required": ["AM"],
            "weight": 0.5,
        }
    },
    "delay days": {**BASE, "delay": {"days": 30}},
    "delay months": {**BASE, "delay": {"months": 3}},
    "delay months and days": {**BASE, "delay": {"months": 1, "days": 1}},
    "roll": {**BASE, "roll": "first_of_next_month"},
    "delay and roll": {**BASE, "delay": {"days": 60}, "roll": "first_of_next_month"},
    "kth_month": {**BASE, "kth_month": 6},
    "not_before": {**BASE, "not_before": "1995-01-13"},
    "fixed_date": {**BASE, "fixed_date": "1989-01-01"},
    "later.delay": {**BASE, "later": {"delay": {"days": 30}}},
    "later.roll": {**BASE, "later": {"roll": "first_of_next_month"}},
    "later.kth_month": {**BASE, "later": {"kth_month": 3}},
    "later.from": {**BASE, "later": {"from": "entry_into_force"}},
    "later.from instrument": {
        "threshold": {"count": 2, "of": "instrument"},
        "later": {"from": "entry_into_force"},
    },
    "later.from consent": {
        "threshold": {"count": 2, "of": "consent"},
        "later": {"from": "entry_into_force"},
    },
    "provisional": {**BASE, "provisional": {"delay": {"days": 0}}},
    "provisional with a delay": {**BASE, "provisional": {"delay": {"months": 2}}},
    "withdrawal": {**BASE, "withdrawal": {"delay": {"months": 12}}},
    "withdrawal at once": {**BASE, "withdrawal": {"delay": {"days": 0}}},
    "requires_signature": {**BASE, "requires_signature": True},
    "no signature needed": {**BASE, "requires_signature": False},
}


def test_the_first_pattern_reads_as_the_clause_does():
    rule = {"threshold": {"count": 5}, "later": {"delay": {"days": 0}}}
    with translation.override("en"):
        assert describe_rule(rule) == (
            "Enters into force on the date the depositary receives the 5th notification; for a "
            "state notifying later, on the date of its notification."
        )
    with translation.override("ru"):
        assert describe_rule(rule) == (
            "Вступает в силу в день получения депозитарием 5-го уведомления о выполнении "
            "внутригосударственных процедур; для государства, направившего уведомление позднее, "
            "— в день получения его уведомления."
        )


def test_a_kth_month_clause_reads_in_both_languages():
    rule = {"threshold": {"count": 40, "of": "instrument"}, "kth_month": 6}
    with translation.override("en"):
        assert describe_rule(rule).startswith(
            "Enters into force on the first day of the 6th month after the month of deposit of "
            "the 40th instrument of ratification, acceptance, approval or accession;"
        )
    with translation.override("ru"):
        assert describe_rule(rule).startswith(
            "Вступает в силу в первый день 6-го месяца после месяца сдачи на хранение 40-го "
            "документа о ратификации, принятии, утверждении или присоединении;"
        )


@pytest.mark.parametrize("key", VARIANTS)
def test_every_rule_key_changes_the_description(key):
    for language in ("ru", "en"):
        base = in_language(language, lambda names: describe_rule(BASE, names))
        assert in_language(language, lambda names: describe_rule(VARIANTS[key], names)) != base


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("key", [*VARIANTS, "base"])
def test_a_rule_description_is_all_in_one_language(key, language):
    text = in_language(language, lambda names: describe_rule(VARIANTS.get(key, BASE), names))
    assert not FOREIGN[language].search(text), text


def test_dates_and_counts_read_naturally_in_russian():
    with translation.override("ru"):
        assert "но не ранее 13 января 1995" in describe_rule(VARIANTS["not_before"])
        assert "через 1 месяц и 1 день после даты" in describe_rule(
            VARIANTS["delay months and days"]
        )
        assert "через 3 месяца после даты" in describe_rule(VARIANTS["delay months"])
        assert "21-го уведомления" in describe_rule(VARIANTS["count"])
        assert "не менее 62,5\xa0% общего веса" in describe_rule(VARIANTS["weight"])
        assert "следующих государств: RU, KZ" in describe_rule(VARIANTS["required"])
    with translation.override("en"):
        assert "but not before 13 January 1995" in describe_rule(VARIANTS["not_before"])
        assert "the 21st notification" in describe_rule(VARIANTS["count"])
        assert "the following states: Russia, Kazakhstan" in describe_rule(
            VARIANTS["required"], NAMES["en"]
        )


def test_a_missing_or_unreadable_rule_says_so():
    with translation.override("ru"):
        assert describe_rule(None) == "Положение о вступлении в силу не записано."
        assert "(rule.delay)" in describe_rule({"threshold": {"count": 1}, "delay": 3})
    with translation.override("en"):
        assert describe_rule(None) == "The entry-into-force clause is not recorded."


# --- Needs and results ----------------------------------------------------------------------------

NEEDS = [
    Need("more", count=1),
    Need("more", count=2),
    Need("more", count=5),
    Need("more", count=21),
    Need("from_signatories", states=("AM", "BY")),
    Need("from_required", states=("RU",)),
    Need("weight", share=0.3, target=0.6),
    Need("no_consent"),
]


def not_in_force(of, needs=tuple(NEEDS)):
    return Result(False, None, {}, "", "", needs=needs, of=of)


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("of", ["notification", "instrument", "consent"])
def test_every_need_is_one_phrase_in_one_language(of, language):
    phrases = in_language(language, lambda names: describe_needs(not_in_force(of), names))
    assert len(phrases) == len(NEEDS) and len(set(phrases)) == len(NEEDS)
    for phrase in phrases:
        assert not FOREIGN[language].search(phrase), phrase
    sentence = in_language(language, lambda names: describe_result(not_in_force(of), names))
    assert not FOREIGN[language].search(sentence)


def test_counts_of_missing_notifications_agree_in_russian():
    with translation.override("ru"):
        phrases = describe_needs(not_in_force("notification", tuple(NEEDS[:4])))
    assert phrases == [
        "не хватает ещё 1 уведомления",
        "не хватает ещё 2 уведомлений",
        "не хватает ещё 5 уведомлений",
        "не хватает ещё 21 уведомления",
    ]


def test_state_names_default_to_their_codes():
    result = not_in_force("instrument", (Need("from_required", states=("RU", "KZ")),))
    with translation.override("en"):
        assert describe_needs(result) == ["needs instruments from these states: RU, KZ"]
        assert describe_needs(result, {"RU": "Russia"}) == [
            "needs instruments from these states: Russia, KZ"
        ]


def ask(actions, as_of="2026-01-01"):
    return run(
        {
            "rule": {"threshold": {"count": 2}, "delay": {"days": 30}},
            "parties": [{"state": s} for s in ("AM", "KZ", "RU")],
            "actions": [{"state": s, "type": t, "date": d} for s, t, d in actions],
        },
        as_of=D(as_of),
    )


SIGNED = [(s, "signature", "2009-01-10") for s in ("AM", "KZ", "RU")]
MET = [*SIGNED, ("KZ", "notification", "2009-05-15"), ("RU", "notification", "2009-06-14")]


def test_the_result_in_words():
    with translation.override("ru"):
        assert describe_result(ask(MET)) == (
            "Условие вступления в силу выполнено 14 июня 2009; действует с 14 июля 2009."
        )
        assert describe_result(ask(MET, as_of="2009-07-01")) == (
            "Условие вступления в силу выполнено 14 июня 2009; вступает в силу 14 июля 2009."
        )
        assert describe_result(ask(MET[:-1])) == "Пока не действует: не хватает ещё 1 уведомления."
    with translation.override("en"):
        assert describe_result(ask(MET)) == (
            "The threshold was reached on 14 June 2009; in force since 14 July 2009."
        )
        assert describe_result(ask(MET[:-1])) == "Not in force: needs 1 more notification."


def test_the_english_sentence_matches_the_engines_own_where_they_say_the_same():
    result = ask(MET[:-1])
    with translation.override("en"):
        assert describe_result(result) == result.explanation


# --- Errors ---------------------------------------------------------------------------------------

ERRORS = [
    *(
        RuleError("actions[0].state", "m", code="not_signed", state="KZ", action_type=t)
        for t in [*sorted(INSTRUMENTS - {"accession"}), "notification"]
    ),
    RuleError("actions[1]", "m", code="withdrawal_before_force", state="KZ"),
    RuleError("actions[2]", "m", code="withdrawal_before_bound", state="KZ"),
]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_error_code_is_said_in_one_language(language):
    texts = [in_language(language, lambda names, e=e: describe_error(e, names)) for e in ERRORS]
    assert len(set(texts)) == len(ERRORS)
    for text in texts:
        assert not FOREIGN[language].search(text), text
        assert NAMES[language]["KZ"] in text


def test_the_engines_own_errors_come_with_their_codes_and_read_in_russian():
    with pytest.raises(RuleError) as error:
        ask([("KZ", "notification", "2009-05-15")])
    with translation.override("ru"):
        assert describe_error(error.value, NAMES["ru"]) == (
            "Казахстан: подписи этого государства нет, поэтому направить уведомление нельзя — "
            "возможно только присоединение."
        )


def test_an_input_error_keeps_its_field_and_technical_message():
    with pytest.raises(RuleError) as error:
        run(
            {"rule": {"threshold": {"count": 9}}, "parties": [{"state": "KZ"}]},
            as_of=D("2026-01-01"),
        )
    with translation.override("ru"):
        text = describe_error(error.value)
    assert text.startswith("Ошибка во входных данных, rule.threshold.count:")
    assert error.value.message in text
