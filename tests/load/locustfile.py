"""Load test: 50 simulated people against the production server (make test-load, docs/deployment.md).

Run through `scripts/with-server --demo`, which starts gunicorn with the production settings on a
fresh copy of the demo and exports CONCORD_URL. Three in five users are anonymous visitors of the
public site; the rest sign in with a demo account and read the internal pages. Every request is
sent as nginx would pass it on (X-Forwarded-Proto: https), so HTTPS redirects, secure cookies and
the CSRF referer check work as in production. Any failed request fails the run (exit 1).
"""

from __future__ import annotations

import itertools
import os
import random
import re
from typing import Any

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("CONCORD_DEMO_PASSWORD", "concord-demo-2024")
# Accounts that sign in with a password alone in production (Secretariat officers and
# administrators need a second factor there), spread over the simulated users in turn.
ACCOUNTS = itertools.cycle(
    [
        "kz_rep",
        "ru_rep",
        "by_rep",
        "kg_rep",
        "tj_rep",
        "am_rep",
        "analyst",
        "staff",
        "mp",
        "kz_coord",
    ]
)
PUBLICATION_LINK = re.compile(r'href="(/(?:ru|en)/public/p/[^"/]+/)"')
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class ProxiedUser(HttpUser):
    abstract = True
    host = os.environ.get("CONCORD_URL", "http://127.0.0.1:8000")
    wait_time = between(1, 3)

    def on_start(self) -> None:
        origin = self.host.replace("http://", "https://", 1)
        # nginx speaks HTTP/1.0 to gunicorn, one connection a request (docs/deployment.md).
        self.client.headers.update(
            {"X-Forwarded-Proto": "https", "Referer": f"{origin}/", "Connection": "close"}
        )

    def page(self, path: str, name: str | None = None) -> Any:
        response = self.client.get(path, name=name or path)
        # The proxy speaks HTTPS to the browser, so cookies are marked Secure; this client talks
        # plain HTTP to gunicorn on loopback and would otherwise never send them back.
        for cookie in self.client.cookies:
            cookie.secure = False
        return response


class PublicVisitor(ProxiedUser):
    weight = 3

    def on_start(self) -> None:
        super().on_start()
        home = self.page("/ru/public/")
        self.publications = PUBLICATION_LINK.findall(home.text) or ["/ru/public/"]

    @task(4)
    def public_home(self) -> None:
        self.page(random.choice(["/ru/public/", "/en/public/"]), name="/{lang}/public/")

    @task(3)
    def publication(self) -> None:
        self.page(random.choice(self.publications), name="/ru/public/p/{slug}/")

    @task(2)
    def states_and_agreements(self) -> None:
        self.page(
            random.choice(["/ru/public/states/", "/ru/public/agreements/"]),
            name="/ru/public/{list}/",
        )

    @task(1)
    def search(self) -> None:
        word = random.choice(["договор", "учения", "безопасность", "Казахстан"])
        self.page(f"/ru/public/search/?q={word}", name="/ru/public/search/?q=")


class SignedInMember(ProxiedUser):
    weight = 2

    def on_start(self) -> None:
        super().on_start()
        form = self.page("/ru/accounts/login/")
        token = CSRF_FIELD.search(form.text)
        with self.client.post(
            "/ru/accounts/login/",
            data={
                "username": next(ACCOUNTS),
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            allow_redirects=False,
            name="/ru/accounts/login/ (POST)",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in refused: {response.status_code}")
        for cookie in self.client.cookies:
            cookie.secure = False

    @task(3)
    def dashboard(self) -> None:
        self.page("/ru/", name="/ru/ (dashboard)")

    @task(6)
    def lists(self) -> None:
        section = random.choice(
            [
                "consultations",
                "documents",
                "agreements",
                "operations",
                "forces",
                "programmes",
                "parliament",
                "relations",
            ]
        )
        self.page(f"/ru/{section}/", name="/ru/{section}/")

    @task(1)
    def situation(self) -> None:
        self.page("/ru/monitoring/", name="/ru/monitoring/")

    @task(1)
    def search(self) -> None:
        word = random.choice(["договор", "учения", "доклад"])
        self.page(f"/ru/search/?q={word}", name="/ru/search/?q=")


@events.quitting.add_listener
def summary(environment: Any, **_kwargs: Any) -> None:
    """One line with the figures docs/deployment.md quotes; any failure makes the exit code 1."""
    total = environment.stats.total
    print(
        f"load: {total.num_requests} requests, {total.num_failures} failed, "
        f"p50 {total.get_response_time_percentile(0.5):.0f} ms, "
        f"p95 {total.get_response_time_percentile(0.95):.0f} ms, "
        f"p99 {total.get_response_time_percentile(0.99):.0f} ms, "
        f"{total.total_rps:.1f} requests/s"
    )
    if total.num_failures or total.num_requests == 0:
        environment.process_exit_code = 1
