#!/usr/bin/env python
"""Where a signed-in request's time goes, beside an anonymous one (issue 23).

Usage: .venv/bin/python bench/signed_in_cost.py [--db DEMO.sqlite3] [--requests N]
       scripts/with-postgres .venv/bin/python bench/signed_in_cost.py

Runs Django's WSGI handler in this process with the production settings (CONCORD_PRODUCTION=true,
the second factor required, the JSON request log at INFO written to a file), on a copy of the demo
database (`--db` copies an existing demo SQLite file; without it a fresh one is built), the way
gunicorn calls it: one request at a time, the connection closed (or kept) at the end of the request
as the settings say. It prints

- the trivial view `/ru/ping/` anonymous and signed in as kz_rep: µs per request and the ratio;
- the signed-in request's time by middleware (inclusive: each includes those inside it) and by the
  pieces they call (database connect and close, SQL, session load, user load, the second-factor
  check, the request log line), per request;
- the context processors' time on the dashboard `/ru/`;
- the top functions of a cProfile of the signed-in trivial view.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import secrets
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from demo_copy import PASSWORD, ROOT, demo_database, manage

HOST = "127.0.0.1"
TIMES: dict[str, float] = defaultdict(float)


def production_environment(folder: Path, database_url: str) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "CONCORD_PRODUCTION": "true",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "BEHIND_TLS_PROXY": "true",
            "STATIC_ROOT": str(folder / "static"),
            "CONCORD_CACHE_DIR": str(folder / "cache"),
            "LOG_LEVEL": "INFO",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
    )
    os.environ.pop("DEBUG", None)
    manage("collectstatic", "--noinput", env=dict(os.environ))
    sys.path.insert(0, str(ROOT))


class Browser:
    """One client of the WSGI handler: keeps its cookies, speaks as nginx passes requests on."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler
        self.cookies: dict[str, str] = {}

    def request(self, path: str, data: bytes = b"", method: str = "GET") -> tuple[int, bytes]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": HOST,
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": HOST,
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_REFERER": f"https://{HOST}/",
            "HTTP_COOKIE": cookie,
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(data)),
            "wsgi.input": io.BytesIO(data),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
        }
        status: list[str] = []
        headers: list[tuple[str, str]] = []

        def start_response(s: str, h: list[tuple[str, str]], exc_info: Any = None) -> None:
            status.append(s)
            headers.extend(h)

        response = self.handler(environ, start_response)
        try:
            body = b"".join(response)
        finally:
            response.close()  # request_finished: closes the connection unless it is kept
        for name, value in headers:
            if name.lower() == "set-cookie":
                key, _sep, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return int(status[0].split()[0]), body

    def sign_in(self, username: str) -> None:
        from urllib.parse import urlencode

        _status, page = self.request("/ru/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None, "no CSRF token on the sign-in page"
        form = {"csrfmiddlewaretoken": token[1].decode(), "username": username}
        form["password"] = PASSWORD
        status, _body = self.request("/ru/accounts/login/", urlencode(form).encode(), "POST")
        assert status == 302, f"sign-in as {username} answered {status}"
        assert self.request("/ru/ping/")[0] == 200


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[label] += time.perf_counter() - started

    wrapper.__wrapped__ = function  # type: ignore[attr-defined]
    return wrapper


def instrument() -> None:
    """Timers around each middleware's __call__ and around the pieces a signed-in request runs."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib import auth
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.backends.utils import CursorWrapper
    from django.utils.module_loading import import_string

    for path in settings.MIDDLEWARE:
        cls = import_string(path)
        cls.__call__ = timed(f"middleware {cls.__name__}", cls.__call__)
    pieces: list[tuple[Any, str, str]] = [
        (BaseDatabaseWrapper, "connect", "database connect"),
        (BaseDatabaseWrapper, "close", "database close (end of request)"),
        (CursorWrapper, "execute", "SQL (all queries)"),
        (import_module(settings.SESSION_ENGINE).SessionStore, "load", "session load"),
        (auth, "get_user", "user load (with the session)"),
        (
            import_module("concord.accounts.middleware"),
            "needs_second_factor",
            "second-factor check",
        ),
        (import_module("concord.core.requestlog").RequestLogMiddleware, "_log", "request log line"),
    ]
    for owner, name, label in pieces:
        original = owner.__dict__[name]
        if isinstance(original, staticmethod):
            setattr(owner, name, staticmethod(timed(label, original.__func__)))
        else:
            setattr(owner, name, timed(label, original))
    for path in settings.TEMPLATES[0]["OPTIONS"]["context_processors"]:
        module_name, _sep, name = path.rpartition(".")
        module = import_module(module_name)
        setattr(module, name, timed(f"context processor {name}", getattr(module, name)))


def per_request(browser: Browser, path: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        status, _body = browser.request(path)
        times.append(time.perf_counter() - started)
        assert status == 200, f"{path} answered {status}"
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a demo SQLite database to copy (else a fresh one is built)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per measurement")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="concord-signed-in-"))
    production_environment(folder, demo_database(folder, source=args.db))

    import django

    django.setup()
    import logging

    from django.core.handlers.wsgi import WSGIHandler

    for handler in logging.getLogger().handlers:  # the request log goes to a file, as gunicorn's
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(open(folder / "server.log", "w"))  # noqa: SIM115

    from django.conf import settings

    database = settings.DATABASES["default"]
    print(
        f"{database['ENGINE'].rsplit('.', 1)[-1]}, CONN_MAX_AGE={database['CONN_MAX_AGE']}, "
        f"SESSION_ENGINE={settings.SESSION_ENGINE}"
    )
    instrument()
    wsgi = WSGIHandler()
    anonymous, signed_in = Browser(wsgi), Browser(wsgi)
    signed_in.sign_in("kz_rep")
    n = args.requests
    per_request(anonymous, "/ru/ping/", n // 4)  # warm up both
    per_request(signed_in, "/ru/ping/", n // 4)
    anon = statistics.median(per_request(anonymous, "/ru/ping/", n)) * 1e6
    TIMES.clear()
    signed = statistics.median(per_request(signed_in, "/ru/ping/", n)) * 1e6
    print(f"\n/ru/ping/ anonymous   {anon:8.0f} µs per request (median of {n})")
    print(f"/ru/ping/ signed in   {signed:8.0f} µs per request, ×{signed / anon:.1f} of anonymous")
    print("\nThe signed-in request, µs per request (inclusive: outer middleware include inner):")
    for label, total in sorted(TIMES.items(), key=lambda item: -item[1]):
        if not label.startswith("context processor"):
            print(f"  {total / n * 1e6:8.1f}  {label}")

    TIMES.clear()
    per_request(signed_in, "/ru/", 5)
    TIMES.clear()
    runs = 50
    dashboard = statistics.median(per_request(signed_in, "/ru/", runs)) * 1e6
    print(
        f"\nThe dashboard /ru/ (kz_rep): {dashboard:.0f} µs; its context processors, µs per page:"
    )
    for label, total in sorted(TIMES.items(), key=lambda item: -item[1]):
        if label.startswith("context processor"):
            print(f"  {total / runs * 1e6:8.1f}  {label.removeprefix('context processor ')}")

    profiler = cProfile.Profile()
    profiler.enable()
    per_request(signed_in, "/ru/ping/", n // 2)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
    print("\ncProfile of the signed-in trivial view, top 15 by own time:")
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


if __name__ == "__main__":
    main()
