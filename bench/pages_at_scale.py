#!/usr/bin/env python
"""Every signed-in page at the demo's size and with ten times its data (issue 23, "work that does
not grow with the data").

Usage: .venv/bin/python bench/pages_at_scale.py [--db DEMO.sqlite3] [--times 10] [--runs 5]

Works on a copy of a seeded demo database (--db; without it a throwaway one is migrated and seeded,
which takes a few minutes). Times each page through the test client, signed in as a persona who
sees it, the median of --runs requests after one warm-up, at the demo's size; then multiplies the
rows behind the pages by --times (agreements with their actions and signature blocks, positions,
consultations, documents, operations, alerts, reports, programmes, partners, meetings, sessions,
audit entries, publications, events, notifications; rows inserted directly, not through the services,
so that only the pages are timed) and times them again. Prints per page the milliseconds before and
after, the slowdown (the target: no page more than about 2x from 10x data) and the queries before
and after.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--db", help="a seeded demo SQLite database, copied (never changed)")
parser.add_argument("--times", type=int, default=10)
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--only", default="", help="comma-separated page names")
ARGS = parser.parse_args()
WORK = Path(tempfile.mkdtemp()) / "bench.sqlite3"
if ARGS.db:
    shutil.copyfile(ARGS.db, WORK)
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import IntegrityError, connection, models, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# name, persona (username), address; "{consultation}" and "{agreement}" are filled in at run time.
PAGES = [
    ("dashboard", "kz_rep", "/en/"),
    ("agreements", "kz_rep", "/en/agreements/"),
    ("agreements (depositary)", "secretariat", "/en/agreements/"),
    ("agreement", "secretariat", "/en/agreements/{agreement}/"),
    ("my state's agreements", "kz_rep", "/en/agreements/mine/"),
    ("consultations", "kz_rep", "/en/consultations/"),
    ("a consultation", "secretariat", "/en/consultations/{consultation}/"),
    ("inbox", "kz_rep", "/en/consultations/inbox/"),
    ("documents", "kz_rep", "/en/documents/"),
    ("operations", "secretariat", "/en/operations/"),
    ("alerts", "analyst", "/en/monitoring/alerts/"),
    ("reports", "analyst", "/en/monitoring/reports/"),
    ("programmes", "secretariat", "/en/programmes/"),
    ("forces", "staff", "/en/forces/"),
    ("partners", "secretariat", "/en/relations/"),
    ("meetings", "secretariat", "/en/relations/meetings/"),
    ("calendar", "secretariat", "/en/relations/calendar/"),
    ("parliament", "mp", "/en/parliament/"),
    ("model laws", "mp", "/en/parliament/model-laws/"),
    ("states", "kz_rep", "/en/organization/states/"),
    ("bodies", "kz_rep", "/en/organization/bodies/"),
    ("audit log", "secretariat", "/en/audit/"),
    ("search", "secretariat", "/en/search/?q=security"),
    ("editor list", "secretariat", "/en/publications/"),
]

# What grows: every row of these models is copied (times - 1) times. Unique text fields get a
# suffix; a model whose unique constraints cannot be kept that way is named in the output as skipped.
GROWN = [
    "consultations.Consultation",
    "consultations.Position",
    "consultations.Session",
    "consultations.Notification",
    "documents.Document",
    "operations.Operation",
    "monitoring.Alert",
    "monitoring.SituationReport",
    "monitoring.Event",
    "programmes.Programme",
    "relations.Partner",
    "relations.Meeting",
    "organization.Body",
    "audit.Entry",
    "publications.Publication",
]

# Copies that must differ otherwise: fields reset to a value outside a conditional unique rule, and
# numbers shifted past the largest one.
RESET = {
    "relations.Meeting": {"number": None},
    "organization.Body": {"is_secretariat": False},
    "publications.Publication": {"source_kind": "", "source_id": None},
}
SHIFTED = {"audit.Entry": "seq"}


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    cache.clear()
    first = client.get(url)  # warm-up (and the status to report)
    times, counts = [], []
    for _ in range(runs):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        counts.append(len(queries.captured_queries))
    return statistics.median(times) * 1000, max(counts), first.status_code


def addresses() -> dict[str, str]:
    Position = apps.get_model("consultations", "Position")
    busiest = (
        Position.objects.values("stage__consultation")
        .annotate(n=models.Count("pk"))
        .order_by("-n")
        .first()
    )
    Agreement = apps.get_model("agreements", "Agreement")
    agreement = Agreement.objects.filter(illustrative=True).first() or Agreement.objects.first()
    return {
        "consultation": str(busiest["stage__consultation"] if busiest else 1),
        "agreement": str(agreement.pk if agreement else 1),
    }


def measure_all(clients: dict[str, Client], where: dict[str, str]) -> dict[str, tuple]:
    chosen = {n.strip() for n in ARGS.only.split(",") if n.strip()}
    return {
        name: measure(clients[persona], url.format(**where), ARGS.runs)
        for name, persona, url in PAGES
        if not chosen or name in chosen
    }


def _uniques(model: type[models.Model], handled: set[str]) -> tuple[list[str], bool]:
    """The text fields to suffix, and whether the model's unique rules can all be kept that way."""
    texts = {
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.SlugField)
    }
    groups: list[tuple[str, ...]] = [
        (f.attname,) for f in model._meta.concrete_fields if f.unique and not f.primary_key
    ]
    groups += [tuple(g) for g in model._meta.unique_together]
    groups += [
        tuple(model._meta.get_field(n).attname for n in c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    suffixed: set[str] = set()
    for group in groups:
        if handled & set(group):
            continue
        mine = [f for f in group if f in texts]
        if not mine:
            return [], False
        suffixed.add(mine[0])
    return sorted(suffixed), True


def grow(model: type[models.Model], times: int) -> str:
    """Copy every row (times - 1) times, with their many-to-many links."""
    reset = RESET.get(model._meta.label, {})
    shifted = SHIFTED.get(model._meta.label)
    suffixed, possible = _uniques(model, set(reset) | {shifted or ""})
    if not possible:
        return f"{model._meta.label}: skipped (unique rule without a text field)"
    rows = list(model.objects.all())
    top = max((getattr(r, shifted) for r in rows), default=0) if shifted else 0
    m2m = [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]
    links = {
        f.name: {
            pk: list(ids)
            for pk, ids in _links(f, [r.pk for r in rows]).items()  # type: ignore[union-attr]
        }
        for f in m2m
    }
    made = 0
    for k in range(1, times):
        copies = []
        for row in rows:
            copy = model(**{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields})
            copy.pk = None
            for name, value in reset.items():
                setattr(copy, name, value)
            if shifted:
                setattr(copy, shifted, getattr(row, shifted) + k * top)
            for name in suffixed:
                value, field = getattr(copy, name), model._meta.get_field(name)
                tail = f"-x{k}"
                setattr(copy, name, f"{value[: field.max_length - len(tail)]}{tail}")  # type: ignore[attr-defined]
            copies.append(copy)
        created = model.objects.bulk_create(copies, batch_size=2000)
        made += len(created)
        for f in m2m:
            through = f.remote_field.through  # type: ignore[union-attr]
            source, target = _ends(f)
            through.objects.bulk_create(
                [
                    through(**{source: copy.pk, target: other})
                    for row, copy in zip(rows, created, strict=True)
                    for other in links[f.name].get(row.pk, [])
                ],
                batch_size=5000,
            )
    return f"{model._meta.label}: {len(rows):,} -> {len(rows) + made:,}"


def grow_or_say(model: type[models.Model], times: int) -> str:
    try:
        with transaction.atomic():
            return grow(model, times)
    except IntegrityError as error:
        return f"{model._meta.label}: skipped ({error})"


def grow_agreements(times: int) -> str:
    """Each instrument copied with its signature block and its actions (corrections kept pointing
    at the copies' actions), and what was stored of its standing when there is such a thing."""
    Agreement = apps.get_model("agreements", "Agreement")
    TreatyAction = apps.get_model("agreements", "TreatyAction")
    originals = list(Agreement.objects.order_by("pk"))
    actions = list(TreatyAction.objects.order_by("pk"))
    summary = grow(Agreement, times)
    copies = list(Agreement.objects.exclude(pk__in=[a.pk for a in originals]).order_by("pk"))
    copy_of: dict[int, list[int]] = {a.pk: [] for a in originals}
    for i, copy in enumerate(copies):
        copy_of[originals[i % len(originals)].pk].append(copy.pk)
    for k in range(times - 1):
        made: dict[int, int] = {}
        for action in actions:  # in the order of their keys: a correction comes after what it corrects
            fields = {f.attname: getattr(action, f.attname) for f in TreatyAction._meta.concrete_fields}
            fields.update(
                id=None,
                agreement_id=copy_of[action.agreement_id][k],
                corrects_id=made.get(action.corrects_id) if action.corrects_id else None,
            )
            made[action.pk] = TreatyAction.objects.bulk_create([TreatyAction(**fields)])[0].pk
    return f"{summary}, with {len(actions) * times:,} actions"


def _ends(field: models.ManyToManyField) -> tuple[str, str]:
    through = field.remote_field.through  # type: ignore[attr-defined]
    source = field.m2m_column_name()
    target = field.m2m_reverse_name()
    assert through._meta.get_field(source.removesuffix("_id"))
    return source, target


def _links(field: models.ManyToManyField, pks: list[int]) -> dict[int, list[int]]:
    through = field.remote_field.through  # type: ignore[attr-defined]
    source, target = _ends(field)
    result: dict[int, list[int]] = {}
    for a, b in through.objects.filter(**{f"{source}__in": pks}).values_list(source, target):
        result.setdefault(a, []).append(b)
    return result


def main() -> None:
    if not ARGS.db:
        call_command("migrate", verbosity=0)
        call_command("seed_demo", password="bench-password-1")  # noqa: S106
    User = apps.get_model("accounts", "User")
    clients = {}
    for _name, persona, _url in PAGES:
        if persona not in clients:
            clients[persona] = Client(raise_request_exception=False)
            clients[persona].force_login(User.objects.get(username=persona))
    where = addresses()
    before = measure_all(clients, where)
    start = time.perf_counter()
    with transaction.atomic():
        grown = [grow_agreements(ARGS.times)]
        grown += [grow_or_say(apps.get_model(label), ARGS.times) for label in GROWN]
    print(f"Data multiplied by {ARGS.times} in {time.perf_counter() - start:.0f} s:")
    for line in grown:
        print(f"  {line}")
    after = measure_all(clients, where)
    print(
        f"\n{'page':26} {'status':>6} {'ms before':>10} {'ms after':>10} {'slowdown':>9} "
        f"{'queries':>12}"
    )
    worst = 0.0
    for name, (ms, queries, status) in before.items():
        ms2, queries2, status2 = after[name]
        ratio = ms2 / ms if ms else 0.0
        worst = max(worst, ratio)
        print(
            f"{name:26} {status:>3}/{status2:<3} {ms:10.1f} {ms2:10.1f} {ratio:8.1f}x "
            f"{queries:>5} -> {queries2:<5}"
        )
    print(f"\nWorst slowdown from {ARGS.times}x data: {worst:.1f}x (target: about 2x at most)")


if __name__ == "__main__":
    main()
