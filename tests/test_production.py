"""The production server as it runs: gunicorn with CONCORD_PRODUCTION=true, started here on loopback.

The fixtures start gunicorn as `make serve` does (config/gunicorn.py, config.settings) in a child
process on a free port, against the test database (migrated and seeded, on SQLite or PostgreSQL
alike) or against an empty one. Requests carry X-Forwarded-Proto: https, as nginx sends them
(docs/deployment.md). The health endpoints are also tested in-process, where the database can be
made to fail.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.db.utils import OperationalError
from django.test import Client

from concord.core import health

PROXIED = {"X-Forwarded-Proto": "https"}


def production_env(**extra: str) -> dict[str, str]:
    """The environment docs/deployment.md asks for, with a fresh random key."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        CONCORD_PRODUCTION="true",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        BEHIND_TLS_PROXY="true",
    )
    env.update(extra)
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@dataclass
class Server:
    url: str
    log: Path
    static_root: Path

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        # Only the http:// address of the server started below is ever opened.
        request = urllib.request.Request(  # noqa: S310
            self.url + path, headers={**PROXIED, **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                return Response(answer.status, dict(answer.headers), answer.read())
        except urllib.error.HTTPError as answer:
            return Response(answer.code, dict(answer.headers), answer.read())

    def log_records(self) -> list[dict[str, object]]:
        return [json.loads(line) for line in self.log.read_text().splitlines() if line.strip()]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, object]:
        return json.loads(self.body)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def database_url_of(db: dict[str, object]) -> str:
    """The test database as a DATABASE_URL, so that the server reads what the suite set up."""
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = quote(str(db.get("USER") or ""), safe="")
    password = quote(str(db.get("PASSWORD") or ""), safe="")
    host = quote(str(db.get("HOST") or ""), safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}:{password}@{host}{port}/{db['NAME']}"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("static")
    # The map outlines are left out: compressing 3 MB takes longer than everything else here, and
    # no test below draws the map (the load test collects everything).
    collected = manage(
        "collectstatic",
        "--noinput",
        "--ignore",
        "*.geojson",
        env=production_env(STATIC_ROOT=str(root)),
    )
    assert collected.returncode == 0, collected.stderr
    return root


@contextmanager
def running_server(database_url: str, static_root: Path, log: Path) -> Iterator[Server]:
    port = free_port()
    env = production_env(
        DATABASE_URL=database_url,
        STATIC_ROOT=str(static_root),
        CONCORD_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
        LOG_LEVEL="INFO",
    )
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", log, static_root)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if server.get("/healthz").status == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the server did not start:\n" + log.read_text()
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, static_root, tmp_path_factory) -> Iterator[Server]:
    """The production server on the suite's test database (migrated, with the demo)."""
    with django_db_blocker.unblock():
        url = database_url_of(connection.settings_dict)
    log = tmp_path_factory.mktemp("server") / "server.log"
    with running_server(url, static_root, log) as running:
        yield running


@pytest.fixture(scope="module")
def unmigrated_server(static_root, tmp_path_factory) -> Iterator[Server]:
    """The production server on an empty SQLite database: no migration applied."""
    folder = tmp_path_factory.mktemp("empty")
    with running_server(f"sqlite:///{folder / 'empty.sqlite3'}", static_root, folder / "log") as s:
        yield s


# --- The health endpoints, in-process --------------------------------------------------------------


def test_healthz_answers_without_touching_the_database():
    # No `db` fixture: pytest-django refuses any query, so an answer proves none was made.
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ready_on_a_migrated_database(db):
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "database": "up", "migrations": "applied"}


def test_readyz_reports_a_database_that_is_down(db):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone")
    ):
        response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_readyz_names_the_migrations_missing(db, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health, "unapplied_migrations", lambda: ["audit.0042_future"])
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == {"unapplied": 1, "missing": ["audit.0042_future"]}


def test_a_request_gets_an_id_and_keeps_a_sane_one_it_brings():
    assert len(Client().get("/healthz")["X-Request-ID"]) == 32
    assert (
        Client().get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c12")["X-Request-ID"] == "lb-7f3a9c12"
    )
    smuggled = Client().get("/healthz", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert smuggled["X-Request-ID"] != "<script>alert(1)</script>"


# --- The production server ---------------------------------------------------------------------


def test_server_is_alive_and_ready(server):
    assert server.get("/healthz").json() == {"status": "ok"}
    ready = server.get("/readyz")
    assert ready.status == 200 and ready.json()["migrations"] == "applied"


def test_server_on_an_unmigrated_database_is_alive_but_not_ready(unmigrated_server):
    assert unmigrated_server.get("/healthz").status == 200
    ready = unmigrated_server.get("/readyz")
    assert ready.status == 503
    body = ready.json()
    assert body["database"] == "up"
    assert "accounts.0001_initial" in body["migrations"]["missing"]


def test_static_files_are_hashed_compressed_and_cached_for_a_year(server):
    manifest = json.loads((server.static_root / "staticfiles.json").read_text())["paths"]
    name = next(n for n in manifest if n.endswith(".css"))
    response = server.get(f"/static/{manifest[name]}", {"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert "max-age=315360000" in response.headers["Cache-Control"]
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers.get("Content-Encoding") == "gzip"


def test_pages_carry_the_security_headers(server):
    response = server.get("/ru/accounts/login/")
    assert response.status == 200
    headers = response.headers
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Secure" in headers["Set-Cookie"]


def test_plain_http_is_sent_to_https_but_probes_are_not(server):
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(server.url + "/ru/public/", timeout=30)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"].startswith("https://127.0.0.1")
    with opener.open(server.url + "/healthz", timeout=30) as probe:
        assert probe.status == 200


def test_each_request_is_one_json_log_line_with_its_id(server):
    response = server.get("/ru/public/", {"X-Request-ID": "test-request-0001"})
    assert response.status == 200 and response.headers["X-Request-ID"] == "test-request-0001"
    deadline = time.monotonic() + 10
    while True:
        records = server.log_records()  # every line of the log is a JSON object
        lines = [r for r in records if r.get("request_id") == "test-request-0001"]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    request_line = next(r for r in lines if r["logger"] == "concord.request")
    assert request_line["method"] == "GET" and request_line["path"] == "/ru/public/"
    assert request_line["status"] == 200 and request_line["level"] == "INFO"
    assert isinstance(request_line["duration_ms"], float)
    assert {"time", "message"} <= request_line.keys()


# --- Deployment checks -----------------------------------------------------------------------------


def test_check_deploy_is_clean_with_the_documented_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "key",
    ["", "changeme", "django-insecure-" + "x1y2z3" * 10, "a" * 60],
    ids=["missing", "short", "django-insecure", "one-letter"],
)
def test_production_refuses_a_missing_or_weak_secret_key(key):
    result = manage("check", env=production_env(SECRET_KEY=key))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
