"""A real primary and streaming standby (scripts/with-postgres --replica, `make test-replica`): list
pages read the standby, writes and the writer's next reads go to the primary, a lagging standby is not
read. Not selected by a plain `pytest` (marker `replica`); the rules alone: concord/core/tests/test_routing.py.

The tests commit (a standby only sees committed data), so each empties the database at its end: the
first test uses the demo's analyst, the later ones only what they make."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from concord.accounts.models import User
from concord.core import routing
from concord.monitoring.models import Region

pytestmark = [
    pytest.mark.replica,
    pytest.mark.django_db(databases=["default", "replica"], transaction=True),
]


@pytest.fixture(autouse=True)
def standby(django_db_setup: None) -> Iterator[None]:
    """Point the `replica` alias at the standby's streamed copy of the test database (the settings make
    it a test mirror of `default`, since nothing can be created on a standby)."""
    assert os.environ.get("DATABASE_REPLICA_URL"), "run under scripts/with-postgres --replica"
    replica = connections["replica"]
    replica.close()
    mirror = replica.settings_dict
    replica.settings_dict = {
        **settings.DATABASES["replica"],
        "NAME": connections["default"].settings_dict["NAME"],
    }
    with override_settings(CONCORD_REPLICA_LAG_CHECK_SECONDS=0):
        yield
    replica.close()
    replica.settings_dict = mirror


def _sql(alias: str, query: str) -> object:
    with connections[alias].cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchone()[0]


def _wait_replayed(timeout: float = 20) -> None:
    """Until the standby has applied everything the primary has written so far."""
    lsn = _sql("default", "SELECT pg_current_wal_lsn()")
    deadline = time.monotonic() + timeout
    while not _sql("replica", f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn"):
        assert time.monotonic() < deadline, "the standby did not catch up"
        time.sleep(0.05)


def _touched(captured: CaptureQueriesContext, table: str) -> bool:
    return any(f'"{table}"' in q["sql"] for q in captured.captured_queries)


class Both:
    """The queries run on the primary and on the standby during a block."""

    def __enter__(self) -> Both:
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


# The others' read below must find the paused standby within the tolerated lag on a busy machine too;
# still within the rule that the lag tolerated plus the check interval (0 here) is at most the pin.
@override_settings(CONCORD_REPLICA_MAX_LAG_SECONDS=9)
def test_lists_read_the_standby_and_a_writer_reads_the_primary_until_the_pin_ends() -> None:
    writer, other = Client(), Client()
    writer.force_login(_demo_user("analyst"))
    other.force_login(_demo_user("staff"))
    _wait_replayed()

    with Both() as q:
        page = writer.get("/en/monitoring/regions/")
        api = writer.get("/api/v1/events")
    assert page.status_code == 200 and api.status_code == 200
    assert _touched(q.replica, "monitoring_region") and _touched(q.replica, "monitoring_event")
    assert not _touched(q.primary, "monitoring_region") and not _touched(
        q.primary, "monitoring_event"
    )
    # Who is signed in: never the standby (session and user come from the cache, filled from the
    # primary at sign-in).
    assert not _touched(q.replica, "accounts_user") and not _touched(q.replica, "django_session")

    _sql("replica", "SELECT pg_wal_replay_pause()")  # the standby falls behind from here on
    try:
        with Both() as q:
            saved = writer.post(
                "/en/monitoring/regions/new/",
                {
                    "code": "replica-check",
                    "name_ru": "Проверка",
                    "name_en": "Replica check",
                    "countries": "KAZ",
                },
            )
        assert saved.status_code == 302
        assert routing.PIN_COOKIE in saved.cookies
        assert _touched(q.primary, "monitoring_region") and not _touched(
            q.replica, "monitoring_region"
        )
        assert not Region.objects.using("replica").filter(code="replica-check").exists()
        pinned_at = time.monotonic()

        with Both() as q:
            own = writer.get("/en/monitoring/regions/")
            theirs = other.get("/en/monitoring/regions/")
        assert "Replica check" in own.content.decode()  # the writer sees their write at once
        assert (
            "Replica check" not in theirs.content.decode()
        )  # the others read the standby as it is
        assert _touched(q.primary, "monitoring_region") and _touched(q.replica, "monitoring_region")
    finally:
        _sql("replica", "SELECT pg_wal_replay_resume()")

    _wait_replayed()
    time.sleep(
        max(0.0, settings.CONCORD_REPLICA_PIN_SECONDS - (time.monotonic() - pinned_at)) + 0.5
    )
    with Both() as q:
        later = writer.get("/en/monitoring/regions/")
    assert "Replica check" in later.content.decode()  # now from the standby, which has it
    assert _touched(q.replica, "monitoring_region") and not _touched(q.primary, "monitoring_region")


def _demo_user(username: str) -> User:
    found = User.objects.filter(username=username).first()
    assert found is not None, "the demo is gone: this test must run first in its session"
    return found


@override_settings(CONCORD_REPLICA_MAX_LAG_SECONDS=2)
def test_a_standby_behind_more_than_the_tolerated_lag_is_not_read() -> None:
    Region.objects.create(code="before", name_ru="До", name_en="Before", countries=["KAZ"])
    _wait_replayed()  # the standby's last applied transaction is from now
    router = routing.ReplicaRouter()
    _sql("replica", "SELECT pg_wal_replay_pause()")
    try:
        Region.objects.create(code="after", name_ru="После", name_en="After", countries=["KAZ"])
        with routing.replica_reads():
            assert router.db_for_read(Region) == routing.REPLICA  # a second behind: fine for a list
            assert not Region.objects.filter(code="after").exists()
            time.sleep(2.5)
            assert routing.replica_lag() > 2
            assert router.db_for_read(Region) == routing.PRIMARY  # too far behind: the primary
            assert Region.objects.filter(code="after").exists()
    finally:
        _sql("replica", "SELECT pg_wal_replay_resume()")
    _wait_replayed()
    with routing.replica_reads():
        assert routing.replica_lag() == 0
        assert router.db_for_read(Region) == routing.REPLICA


def test_reads_inside_a_transaction_and_writes_go_to_the_primary() -> None:
    _wait_replayed()
    router = routing.ReplicaRouter()
    with routing.replica_reads():
        assert router.db_for_read(Region) == routing.REPLICA
        with transaction.atomic():
            assert router.db_for_read(Region) == routing.PRIMARY
        with Both() as q:
            Region.objects.create(code="written", name_ru="З", name_en="W", countries=[])
        assert _touched(q.primary, "monitoring_region") and not q.replica.captured_queries


def test_the_script_starts_a_streaming_standby_of_the_primary() -> None:
    assert _sql("replica", "SELECT pg_is_in_recovery()") is True
    assert _sql("default", "SELECT pg_is_in_recovery()") is False
    assert (
        _sql("default", "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'") == 1
    )
    assert _sql("replica", "SELECT status FROM pg_stat_wal_receiver") == "streaming"
