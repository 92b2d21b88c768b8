"""A long consultation is paged by stage: the current stage's positions a page at a time, the other
stages collapsed with their counts, in the same number of queries whatever the number of positions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concord.consultations.models import Consultation, Position, Stage
from concord.consultations.selectors import HISTORY_PAGE


def busiest() -> Consultation:
    """The demo question with the most stages that have positions."""
    return max(
        Consultation.objects.all(),
        key=lambda c: (
            Stage.objects.filter(consultation=c, positions__isnull=False).distinct().count()
        ),
    )


def grow(stage: Stage, times: int) -> None:
    """Each position of `stage` given again `times` times (a state changing its mind)."""
    given = list(Position.objects.filter(stage=stage))
    copies = []
    for _ in range(times):
        for p in given:
            p.pk = None
            copies.append(
                Position(
                    **{f.attname: getattr(p, f.attname) for f in Position._meta.concrete_fields}
                )
            )
    Position.objects.bulk_create(copies)


@pytest.mark.usefixtures("uncached_pages")
def test_the_board_costs_the_same_queries_with_25_times_the_positions(client_as):
    c = busiest()
    client = client_as("secretariat_officer")
    url = f"/en/consultations/{c.pk}/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries.captured_queries)

    before = count()
    for stage in Stage.objects.filter(consultation=c):
        grow(stage, 24)
    assert count() == before


def test_only_the_shown_stage_is_listed_a_page_at_a_time(client_as):
    c = busiest()
    stages = list(
        Stage.objects.filter(consultation=c, positions__isnull=False).distinct().order_by("pk")
    )
    for stage in stages:
        grow(stage, 24)
    first = stages[0]
    client = client_as("secretariat_officer")
    page = client.get(f"/en/consultations/{c.pk}/?stage={first.pk}")
    board = page.context["board"]
    assert board.shown == first
    assert len(board.history) == HISTORY_PAGE
    assert {p.stage_id for p in board.history} == {first.pk}
    assert board.counts[first.pk] == Position.objects.filter(stage=first).count()
    if len(stages) > 1:
        assert (
            page.content.decode().count('data-testid="collapsed-stage"')
            == len(Stage.objects.filter(consultation=c)) - 1
        )
    last = client.get(f"/en/consultations/{c.pk}/?stage={first.pk}&page=999").context["board"]
    assert last.history.number == last.history.paginator.num_pages


def test_the_board_still_says_each_states_last_position(client_as):
    """Later positions count, earlier ones stay in the history only (the cells read the latest)."""
    c = busiest()
    board = client_as("secretariat_officer").get(f"/en/consultations/{c.pk}/").context["board"]
    for stage in Stage.objects.filter(consultation=c):
        for p in Position.objects.filter(stage=stage).order_by("pk"):
            cell = board.cells[stage.position].get(p.state_id)
            last = Position.objects.filter(stage=stage, state=p.state).order_by("-pk").first()
            if (
                cell is not None
                and stage
                == Stage.objects.filter(consultation=c, position=stage.position)
                .order_by("-pk")
                .first()
            ):
                assert cell.stance == last.stance
