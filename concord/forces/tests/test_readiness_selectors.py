"""The readiness reads: the trend in SQL against the rule, aggregates and the trend per formation
against the figures they summarise."""

from __future__ import annotations

import datetime as dt
import itertools

from django.db.models import Avg

from concord.forces import readiness_selectors as selectors
from concord.forces.models import Assessment, Unit
from concord.forces.readiness_rules import trend
from concord.forces.states import AssessmentStatus

from .readiness_builders import a_unit


def test_the_trend_in_sql_is_the_rule(db):
    values = [None, 0, 40, 100]
    made = {}
    for n, (score, previous) in enumerate(itertools.product(values, values)):
        unit = a_unit("KZ", kind="police", strength=10 + n)
        Unit.objects.filter(pk=unit.pk).update(score=score, previous_score=previous)
        made[unit.pk] = trend(score, previous).value
    found = dict(
        Unit.objects.filter(pk__in=made).annotate(trend=selectors.TREND).values_list("pk", "trend")
    )
    assert found == made


def test_aggregates_average_the_latest_scores_per_formation_and_state(staff_officer):
    rows = selectors.aggregates(staff_officer)
    for row in rows:
        units = selectors.serving(
            Unit.objects.filter(
                formation__code=row["formation__code"], state__iso2=row["state__iso2"]
            )
        )
        assert row["units"] == units.count()
        assert row["assessed"] == units.exclude(score=None).count()
        average = units.aggregate(Avg("score"))["score__avg"]
        assert row["average"] == (None if average is None else round(average, 1))


def test_the_trend_per_formation_averages_the_reviewed_assessments(analyst):
    trend_by_year = selectors.formation_trend(analyst)
    assert {"2023", "2024"} <= set(trend_by_year.periods)
    crrf = next(cells for name, cells in trend_by_year.rows if name in ("КСОР", "CRRF"))
    reviewed = Assessment.objects.filter(
        unit__formation__code="crrf", status=AssessmentStatus.REVIEWED, as_of__year=2024
    )
    cell = crrf[trend_by_year.periods.index("2024")]
    assert cell == (round(reviewed.aggregate(Avg("score"))["score__avg"], 1), reviewed.count())
    halves = selectors.formation_trend(analyst, by="half")
    assert "2024/2" in halves.periods and all("/" in p for p in halves.periods)


def test_nothing_for_who_does_not_see_the_forces(db):
    from django.contrib.auth.models import AnonymousUser

    visitor = AnonymousUser()
    assert selectors.aggregates(visitor) == []
    assert selectors.formation_trend(visitor).rows == []
    assert selectors.readiness_table(visitor) == []


def test_a_withdrawn_unit_leaves_the_table_and_the_aggregates(staff_officer):
    unit = a_unit("KZ", withdrawn_on=dt.date(2024, 1, 1))
    names = {r["name_en"] for r in selectors.readiness_table(staff_officer)}
    assert unit.name_en not in names
    assert unit in selectors.units(staff_officer)  # the register keeps it


def test_an_average_of_too_few_units_is_withheld_from_other_states(
    kazakh_representative, staff_officer, settings
):
    """An average of one unit is that unit's score: withheld from who may not see the unit."""
    settings.CONCORD_FORCES_SMALLEST_AVERAGE = 2

    def cell(user, formation, iso2):
        return next(
            r
            for r in selectors.aggregates(user)
            if r["formation__code"] == formation and r["state__iso2"] == iso2
        )

    kyrgyz = cell(kazakh_representative, "crdf-ca", "KG")  # one Kyrgyz unit, assessed
    assert kyrgyz["assessed"] == 1
    assert kyrgyz["withheld"] and kyrgyz["average"] is None
    assert cell(staff_officer, "crdf-ca", "KG")["average"] is not None
    own = cell(kazakh_representative, "crdf-ca", "KZ")  # Kazakhstan's own single unit
    assert not own["withheld"] and own["average"] is not None
    settings.CONCORD_FORCES_SMALLEST_AVERAGE = 1
    assert cell(kazakh_representative, "crdf-ca", "KG")["average"] is not None
