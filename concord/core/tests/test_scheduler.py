"""The scheduler: what is due runs, once, by one process; a stopped process stops cleanly."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection

from concord.core import scheduler
from concord.core.models import JobRun, ScheduledJob

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def registry(monkeypatch, settings):
    """An empty registry of jobs (the apps' own are imported first, so they do not come back)."""
    scheduler.jobs()
    jobs = {}
    monkeypatch.setattr(scheduler, "_registry", jobs)
    settings.CONCORD_SCHEDULE = {}
    return jobs


def counting(name: str, runs: list[str], *, pause: float = 0.0):
    def run(now: dt.datetime) -> str:
        runs.append(name)
        time.sleep(pause)
        return f"{name} done"

    return run


def test_a_daily_job_is_next_due_at_its_time():
    job = scheduler.Job("x", lambda now: "", at=dt.time(6, 0))
    assert job.next_after(NOW) == dt.datetime(2026, 12, 2, 6, 0, tzinfo=dt.UTC)
    assert job.next_after(NOW.replace(hour=5)) == dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)
    assert job.first_due(NOW) == job.next_after(NOW)
    every = scheduler.Job("y", lambda now: "", every=dt.timedelta(minutes=5))
    assert every.first_due(NOW) == NOW and every.next_after(NOW) == NOW + dt.timedelta(minutes=5)


def test_settings_change_a_schedule_or_switch_a_job_off(registry, settings):
    scheduler.job("a.one", every=dt.timedelta(minutes=1))(lambda now: "")
    scheduler.job("a.two", every=dt.timedelta(minutes=1))(lambda now: "")
    settings.CONCORD_SCHEDULE = {"a.one": {"at": "04:30"}, "a.two": None}
    assert list(scheduler.jobs()) == ["a.one"]
    assert scheduler.jobs()["a.one"].at == dt.time(4, 30)


def test_the_apps_register_their_jobs():
    assert {
        "consultations.close_due_procedures",
        "consultations.mail_notifications",
        "consultations.mail_digests",
        "publications.index_live",
        "monitoring.early_warning",
    } <= set(scheduler.jobs())


def test_once_runs_the_due_jobs_and_not_the_others(registry, db, time_machine):
    time_machine.move_to(NOW, tick=False)
    runs = []
    scheduler.job("t.due", every=dt.timedelta(minutes=1))(counting("t.due", runs))
    scheduler.job("t.later", every=dt.timedelta(minutes=1))(counting("t.later", runs))
    scheduler.job("t.daily", at=dt.time(6, 0))(counting("t.daily", runs))
    ScheduledJob.objects.create(name="t.later", next_run_at=NOW + dt.timedelta(seconds=30))
    call_command("run_scheduler", "--once", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert runs == ["t.due"]
    due = ScheduledJob.objects.get(name="t.due")
    assert due.next_run_at == NOW + dt.timedelta(minutes=1) and due.lease_owner == ""
    assert ScheduledJob.objects.get(name="t.daily").next_run_at == dt.datetime(
        2026, 12, 2, 6, 0, tzinfo=dt.UTC
    )
    (run,) = JobRun.objects.filter(job__startswith="t.")
    assert run.ok and run.summary == "t.due done"
    call_command("run_scheduler", "--once", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert runs == ["t.due"]  # nothing is due a second time at the same moment


def test_a_failing_job_is_recorded_and_the_others_still_run(registry, db):
    runs = []

    def broken(now: dt.datetime) -> str:
        raise ValueError("no luck")

    scheduler.job("t.a_broken", every=dt.timedelta(minutes=1))(broken)
    scheduler.job("t.b_fine", every=dt.timedelta(minutes=1))(counting("t.b_fine", runs))
    done = scheduler.run_due(owner="me", now=NOW)
    assert [(r.job, r.ok) for r in done] == [("t.a_broken", False), ("t.b_fine", True)]
    assert done[0].summary == "ValueError: no luck" and runs == ["t.b_fine"]
    assert ScheduledJob.objects.get(name="t.a_broken").lease_until is None


def test_runs_are_kept_for_a_month(registry, db):
    scheduler.job("t.kept", every=dt.timedelta(minutes=1))(lambda now: "")
    scheduler.run_due(owner="me", now=NOW - scheduler.KEEP_RUNS - dt.timedelta(minutes=1))
    scheduler.run_due(owner="me", now=NOW - dt.timedelta(days=1))
    scheduler.run_due(owner="me", now=NOW)
    assert [r.started_at for r in JobRun.objects.filter(job="t.kept")] == [
        NOW,
        NOW - dt.timedelta(days=1),
    ]


def test_a_lease_is_taken_by_one_process_and_expires_if_its_holder_died(registry, db):
    job = scheduler.Job("t.leased", lambda now: "", every=dt.timedelta(minutes=1))
    assert scheduler.claim(job, owner="first", now=NOW)
    assert not scheduler.claim(job, owner="second", now=NOW)
    assert not scheduler.claim(job, owner="second", now=NOW + dt.timedelta(minutes=59))
    assert scheduler.claim(job, owner="second", now=NOW + scheduler.LEASE + dt.timedelta(seconds=1))


def test_two_schedulers_at_once_run_a_job_once(registry, transactional_db):
    """Two processes' worth of schedulers (threads, each with its own connection) race for the same
    due job: one runs it. Run on PostgreSQL too (scripts/with-postgres)."""
    runs = []
    scheduler.job("t.raced", every=dt.timedelta(minutes=1))(counting("t.raced", runs, pause=0.3))
    scheduler.claim(scheduler.jobs()["t.raced"], owner="setup", now=NOW - dt.timedelta(hours=2))
    ScheduledJob.objects.filter(name="t.raced").update(lease_owner="", lease_until=None)
    start = threading.Barrier(4)
    errors = []

    def race(owner: str) -> None:
        try:
            start.wait()
            scheduler.run_due(owner=owner, now=NOW)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(f"p{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and runs == ["t.raced"]
    assert JobRun.objects.filter(job="t.raced").count() == 1


def test_run_scheduler_runs_a_due_job_and_stops_on_sigterm(transactional_db):
    """The real command, as a separate process on the test's SQLite file: it runs what is due,
    keeps looking, and on SIGTERM finishes cleanly (exit status 0)."""
    db = connection.settings_dict
    url = (
        f"sqlite:///{db['NAME']}"
        if connection.vendor == "sqlite"
        else f"postgres://{db['USER']}@{quote(db['HOST'], safe='')}/{db['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_scheduler", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not JobRun.objects.filter(job="consultations.close_due_procedures").exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the scheduler ran nothing in two minutes"
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "stopped." in out
    assert ScheduledJob.objects.filter(lease_until__isnull=False).count() == 0
