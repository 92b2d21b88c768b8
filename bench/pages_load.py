#!/usr/bin/env python
"""Each page under load on the production server, beside a trivial view (issue 23).

Usage: .venv/bin/python bench/pages_load.py [--seconds 10] [--pages NAME,...] [--db DEMO.sqlite3]
       .venv/bin/python bench/pages_load.py --postgres [...]     (through scripts/with-postgres)

Copies the demo database (`--db` copies an existing demo SQLite file, e.g. one made with
`manage.py migrate && manage.py seed_demo`; without it a fresh demo is built, about two minutes; on
PostgreSQL the throwaway server is seeded), starts gunicorn on it with the production settings as
`scripts/with-server` does (config/gunicorn.py: 2 workers × 4 threads, CONCORD_PRODUCTION=true, the
second factor required, JSON request log at INFO), and, page after page, runs `--clients` (20)
concurrent clients for `--seconds`, each on its own keep-alive connection, sending requests as nginx
passes them on (X-Forwarded-Proto: https, Accept-Encoding: gzip). Pages that need a signed-in user
are read as `--persona` (kz_rep): each client signs in once through the sign-in form and keeps its
session cookie for every page. The clients are spread over `--processes` processes so that the load
generator is not held back by one interpreter lock; it shares the machine's cores with the server,
as every figure here does.

Prints a Markdown table: requests/s, p50 and p95 latency, the queries one request runs (counted in
this process with the test client once caches are warm: "built / kept", when the page is built and
when a signed-in page is answered from the page kept for the reader, `core.pagecache`) and
the ratio of each page to its yardstick: the signed-in trivial view to the anonymous one; the
signed-in pages to the signed-in trivial view; the public pages to the anonymous trivial view. The
trivial view `/ru/ping/` runs every middleware, as every page does, and answers "ok" (and
X-Signed-In: 1 or 0).

Page names for --pages (comma-separated; a name ending in * is a prefix; the trivial views always
run): dashboard, agreements, consultation, picture, map-data, public-home, search, and list:<URL
name> for every list page kz_rep may open (list:* for all of them).
"""

from __future__ import annotations

import argparse
import fnmatch
import html
import multiprocessing
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from demo_copy import PASSWORD, ROOT, demo_database, manage

SEARCH = (
    "/api/v1/search?q=" + "%D0%B1%D0%B5%D0%B7%D0%BE%D0%BF%D0%B0%D1%81%D0%BD%D0%BE%D1%81%D1%82%D0%B8"
)


@dataclass
class Page:
    name: str
    path: str
    signed_in: bool
    yardstick: str  # the page its ratio is taken to
    queries: str = ""  # built / kept
    result: dict[str, float] = field(default_factory=dict)


# --- The HTTP client: one keep-alive connection, as small as can be so that it costs little CPU ----


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None
        self.buffer = b""

    def _connect(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=60)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        return sock

    def _read_until(self, sock: socket.socket, marker: bytes) -> bytes:
        while marker not in self.buffer:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        head, _sep, self.buffer = self.buffer.partition(marker)
        return head

    def _read_exactly(self, sock: socket.socket, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = sock.recv(max(65536, n - len(self.buffer)))
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        body, self.buffer = self.buffer[:n], self.buffer[n:]
        return body

    def _read_chunked(self, sock: socket.socket) -> bytes:
        body = b""
        while True:
            size = int(self._read_until(sock, b"\r\n").split(b";")[0], 16)
            body += self._read_exactly(sock, size + 2)[:size]
            if size == 0:
                return body

    def request(self, raw: bytes) -> tuple[int, dict[str, str], bytes]:
        for attempt in (1, 2):  # the server may have closed an idle connection: one retry
            try:
                if self.sock is None:
                    self.sock = self._connect()
                self.sock.sendall(raw)
                head = self._read_until(self.sock, b"\r\n\r\n").decode("latin-1").split("\r\n")
                break
            except (ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
        status = int(head[0].split()[1])
        headers: dict[str, str] = {}
        for line in head[1:]:
            name, _sep, value = line.partition(":")
            name = name.strip().lower()
            value = value.strip()
            headers[name] = f"{headers[name]}\n{value}" if name in headers else value
        if "content-length" in headers:
            body = self._read_exactly(self.sock, int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._read_chunked(self.sock)
        else:
            body = self.buffer + b"".join(iter(lambda: self.sock.recv(65536), b""))  # type: ignore[union-attr]
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self.sock = None


def raw_request(
    port: int, path: str, cookie: str = "", method: str = "GET", data: bytes = b""
) -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "X-Forwarded-Proto: https",
        f"Referer: https://127.0.0.1:{port}/",
        "Accept-Encoding: gzip",
        "User-Agent: concord-pages-load",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    if data:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


def cookies_from(headers: dict[str, str], jar: dict[str, str]) -> None:
    for line in headers.get("set-cookie", "").split("\n"):
        if "=" in line:
            name, _sep, rest = line.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]


def sign_in(port: int, username: str) -> str:
    """The Cookie header of a fresh session of `username`, signed in through the sign-in form."""
    connection, jar = Connection(port), {}
    _status, headers, page = connection.request(raw_request(port, "/ru/accounts/login/"))
    cookies_from(headers, jar)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None, "no CSRF token on the sign-in page"
    form = {"csrfmiddlewaretoken": token[1].decode(), "username": username, "password": PASSWORD}
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    status, headers, _body = connection.request(
        raw_request(port, "/ru/accounts/login/", cookie, "POST", urlencode(form).encode())
    )
    cookies_from(headers, jar)
    assert status == 302, f"signing in as {username} answered {status}"
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    status, headers, _body = connection.request(raw_request(port, "/ru/ping/", cookie))
    assert headers.get("x-signed-in") == "1", f"not signed in: {status}"
    connection.close()
    return cookie


# --- The load: processes × threads, each thread one client ------------------------------------------


def _client(port: int, raw: bytes, deadline: float, start: float, out: list, errors: list) -> None:
    connection = Connection(port)
    try:
        while time.perf_counter() < start:
            connection.request(raw)  # warm up (not counted): connection, caches, imports
    except (ConnectionError, OSError) as error:
        errors.append(f"warm-up {type(error).__name__}")
    while (now := time.perf_counter()) < deadline:
        try:
            status, _headers, _body = connection.request(raw)
        except (ConnectionError, OSError) as error:
            errors.append(type(error).__name__)
            connection.close()
            continue
        out.append(time.perf_counter() - now)
        if status != 200:
            errors.append(str(status))
    connection.close()


def _process(port: int, raws: list[bytes], warmup: float, seconds: float, queue) -> None:
    start = time.perf_counter() + warmup
    deadline = start + seconds
    out: list[float] = []
    errors: list[str] = []
    threads = [
        threading.Thread(target=_client, args=(port, raw, deadline, start, out, errors))
        for raw in raws
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((out, errors))


def load(page: Page, port: int, cookies: list[str], args: argparse.Namespace) -> dict[str, float]:
    raws = [raw_request(port, page.path, cookie if page.signed_in else "") for cookie in cookies]
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    groups = [raws[i :: args.processes] for i in range(args.processes)]
    processes = [
        context.Process(target=_process, args=(port, group, 1.0, args.seconds, queue))
        for group in groups
        if group
    ]
    for process in processes:
        process.start()
    latencies: list[float] = []
    errors: list[str] = []
    for _ in processes:
        out, errs = queue.get()
        latencies += out
        errors += errs
    for process in processes:
        process.join()
    latencies.sort()
    n = len(latencies)
    return {
        "rps": n / args.seconds,
        "p50": statistics.median(latencies) * 1000 if n else float("nan"),
        "p95": latencies[min(n - 1, int(n * 0.95))] * 1000 if n else float("nan"),
        "errors": len(errors),
        "error_kinds": ", ".join(sorted(set(errors))[:3]),
    }


# --- The server -------------------------------------------------------------------------------------


def server_environment(folder: Path, database_url: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DEBUG", None)
    env.update(
        {
            "CONCORD_PRODUCTION": "true",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "BEHIND_TLS_PROXY": "true",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(folder / "static"),
            "CONCORD_CACHE_DIR": str(folder / "cache"),
            "CONCORD_BIND": f"127.0.0.1:{port}",
            "LOG_LEVEL": "INFO",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
    )
    return env


def start_server(env: dict[str, str], folder: Path) -> subprocess.Popen[bytes]:
    log = open(folder / "server.log", "wb")  # noqa: SIM115 (kept open while the server runs)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    port = int(env["CONCORD_BIND"].rsplit(":", 1)[1])
    for _ in range(240):
        try:
            status, _h, _b = Connection(port).request(raw_request(port, "/readyz"))
            if status == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            sys.exit(f"The server did not start; see {folder / 'server.log'}")
        time.sleep(0.5)
    server.terminate()
    sys.exit("The server did not become ready.")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- The pages, and their queries counted in this process -------------------------------------------


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    os.environ["CONCORD_CACHE_DIR"] = env["CONCORD_CACHE_DIR"] + "-counting"
    os.environ["LOG_LEVEL"] = "WARNING"  # this process's requests are not the server's log
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# List pages that show nothing without a query: one a reader would open.
NEEDS_QUERY = {"monitoring:event-list": "?country=SYR&month=2016-12"}


def discover(persona: str) -> list[Page]:
    """The pages, with the addresses that depend on the data found in the pages themselves."""
    from django.test import Client
    from django.urls import get_resolver

    from concord.accounts.models import User

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(User.objects.get(username=persona))
    consultations = client.get("/ru/consultations/").content.decode()
    consultation = re.search(r'href="(/ru/consultations/\d+/)"', consultations)
    picture = client.get("/ru/monitoring/").content.decode()
    map_data = re.search(r'data-data="([^"]+)"', picture)
    pages = [
        Page("trivial, anonymous", "/ru/ping/", False, ""),
        Page("trivial, signed in", "/ru/ping/", True, "trivial, anonymous"),
        Page("dashboard", "/ru/", True, "trivial, signed in"),
        Page("agreements", "/ru/agreements/", True, "trivial, signed in"),
        Page(
            "consultation",
            consultation[1] if consultation else "/ru/consultations/1/",
            True,
            "trivial, signed in",
        ),
        Page("picture", "/ru/monitoring/", True, "trivial, signed in"),
        Page(
            "map-data",
            html.unescape(map_data[1]) if map_data else "/ru/monitoring/data.json",
            True,
            "trivial, signed in",
        ),
        Page("public-home", "/ru/public/", False, "trivial, anonymous"),
        Page("search", SEARCH, False, "trivial, anonymous"),
    ]
    names = sorted(
        f"{namespace}:{name}"
        for namespace, (_prefix, resolver) in get_resolver().namespace_dict.items()
        for name in resolver.reverse_dict
        if isinstance(name, str) and name.endswith("-list")
    )
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    with translation.override("ru"):
        for name in names:
            try:
                path = reverse(name) + NEEDS_QUERY.get(name, "")
            except NoReverseMatch:  # needs arguments
                continue
            if path.startswith("/ru/") and path not in {p.path for p in pages}:
                pages.append(Page(f"list:{name}", path, True, "trivial, signed in"))
    return pages


def count_queries(pages: list[Page], persona: str) -> list[Page]:
    """Each page's queries on its second request; pages the persona may not open are left out."""
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from concord.accounts.models import User

    signed_in = Client(HTTP_X_FORWARDED_PROTO="https")
    anonymous = Client(HTTP_X_FORWARDED_PROTO="https")
    signed_in.force_login(User.objects.get(username=persona))
    kept = []
    for page in pages:
        client = signed_in if page.signed_in else anonymous
        first = client.get(page.path)
        if first.status_code != 200:
            print(f"  left out {page.name} {page.path}: {first.status_code}", file=sys.stderr)
            continue
        built_again = override_settings(CONCORD_PAGE_SECONDS=0)
        with built_again, CaptureQueriesContext(connection) as queries:
            client.get(page.path)
        built = len(queries.captured_queries)
        client.get(page.path)  # kept, if the page is kept
        with CaptureQueriesContext(connection) as queries:
            client.get(page.path)
        page.queries = f"{built} / {len(queries.captured_queries)}"
        kept.append(page)
    connections.close_all()
    return kept


def chosen(pages: list[Page], wanted: str | None) -> list[Page]:
    if not wanted:
        return pages
    patterns = [w.strip() for w in wanted.split(",") if w.strip()]
    return [
        p
        for p in pages
        if p.name.startswith("trivial") or any(fnmatch.fnmatch(p.name, w) for w in patterns)
    ]


def table(pages: list[Page], args: argparse.Namespace, engine: str) -> str:
    by_name = {p.name: p for p in pages}
    load1, _l5, _l15 = os.getloadavg()
    lines = [
        f"{engine}, gunicorn 2 workers × 4 threads, {args.clients} clients × {args.seconds:g} s per "
        f"page, as {args.persona}{', pages built for every request' if args.built else ''}; "
        f"load average {load1:.1f} at the end; "
        f"commit {git_commit()}",
        "",
        "| page | path | requests/s | p50 ms | p95 ms | queries built / kept | ratio | to |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for p in pages:
        base = by_name.get(p.yardstick)
        ratio = p.result["rps"] / base.result["rps"] if base and base.result.get("rps") else None
        n = p.result["errors"]
        errors = f" ({n} errors: {p.result['error_kinds']})" if n else ""
        lines.append(
            f"| {p.name}{errors} | `{p.path}` | {p.result['rps']:,.0f} | {p.result['p50']:.1f} | "
            f"{p.result['p95']:.1f} | {p.queries} | {f'{ratio:.2f}' if ratio else '1'} | "
            f"{p.yardstick or '—'} |"
        )
    return "\n".join(lines)


def git_commit() -> str:
    git = ["git", "rev-parse", "--short", "HEAD"]
    return subprocess.run(git, cwd=ROOT, capture_output=True, text=True).stdout.strip() or "?"  # noqa: S603


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="load per page (default 10)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--processes", type=int, default=4, help="client processes (default 4)")
    parser.add_argument("--pages", help="comma-separated page names (see above); default all")
    parser.add_argument("--persona", default="kz_rep", help="who signs in (default kz_rep)")
    parser.add_argument("--db", help="a demo SQLite database to copy (else a fresh one is built)")
    parser.add_argument("--postgres", action="store_true", help="on a throwaway PostgreSQL")
    parser.add_argument("--built", action="store_true", help="keep no page: what building costs")
    args = parser.parse_args()
    if args.postgres and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        argv = [a for a in sys.argv[1:] if a != "--postgres"]
        wrapper = str(ROOT / "scripts" / "with-postgres")
        os.execv(wrapper, [wrapper, sys.executable, __file__, "--postgres", *argv])  # noqa: S606
    folder = Path(tempfile.mkdtemp(prefix="concord-pages-load-"))
    database_url = demo_database(folder, source=None if args.postgres else args.db)
    port = free_port()
    env = server_environment(folder, database_url, port)
    if args.built:
        env["CONCORD_PAGE_SECONDS"] = "0"
    manage("collectstatic", "--noinput", env=env)
    setup_django(env)
    pages = chosen(discover(args.persona), args.pages)
    pages = count_queries(pages, args.persona)
    server = start_server(env, folder)
    try:
        cookies = [sign_in(port, args.persona) for _ in range(args.clients)]
        for page in pages:
            page.result = load(page, port, cookies, args)
            rps, p95 = page.result["rps"], page.result["p95"]
            print(f"  {page.name:40} {rps:8,.0f}/s  p95 {p95:7.1f} ms", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=40)
    engine = "PostgreSQL" if args.postgres else "SQLite"
    print(table(pages, args, engine))
    print(f"\n(server log: {folder / 'server.log'})")


if __name__ == "__main__":
    main()
