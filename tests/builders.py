"""Test builders: what a test needs, made in one call with sensible defaults, so that a test says
what matters to it instead of looking demo records up by name. The demo world (conftest personas)
stays where it is the point: permissions over the named personas, pages as users see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from django.apps import apps as django_apps
from django.db import IntegrityError, models, transaction

from concord.core.actors import Actor
from concord.documents import services as documents
from concord.documents.models import Document


class TestVerb(StrEnum):
    """Audit verbs that only tests write."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    TOUCH = "test.touch"
    SPECIAL = "test.special"
    BULK = "test.bulk"
    NUMBER = "test.number"


# A short joint statement: title, preamble, two operative paragraphs (uids u1–u4).
STATEMENT = [
    ("title", "Совместное заявление", "Joint statement"),
    ("preamble", "Мы, государства-члены,", "We, the member states,"),
    (
        "paragraph",
        "Решительно осуждаем терроризм во всех его формах.",
        "Firmly condemn terrorism in all its forms.",
    ),
    ("paragraph", "Поддерживаем центральную роль ООН.", "Support the central role of the UN."),
]


def a_draft(
    actor: Actor,
    *,
    units: Sequence[tuple[str, str, str]] = STATEMENT,
    kind: str = "joint_statement",
    marking: str = "official",
) -> Document:
    """A text under negotiation, version 1, owned by whom `actor` acts for."""
    return documents.create_document(actor=actor, kind=kind, units=units, marking=marking)


def delegate(iso2: str) -> Any:
    """The demo world's permanent representative of a state (`kz_rep`, `by_rep`, …)."""
    from concord.accounts.models import User

    return User.objects.get(username=f"{iso2.lower()}_rep")


def a_question(
    actor: Actor,
    *,
    now: dt.datetime,
    route: str = "budget",
    kind: str = "draft_decision",
    document: Document | None = None,
    **extra: Any,
) -> Any:
    """A question on a route of the demo world, about `document` (a new draft if none is given)."""
    from concord.consultations import services as consultations
    from concord.consultations.models import Route

    return consultations.open_consultation(
        actor=actor,
        title_ru="Вопрос",
        title_en="Question",
        kind=kind,
        route=Route.objects.get(code=route),
        document=document if document is not None else a_draft(actor, kind="draft_decision"),
        now=now,
        **extra,
    )


def answer(stage: Any, stances: dict[str, str], *, now: dt.datetime) -> None:
    """Each named state's delegation gives its stance on the text before `stage`."""
    from concord.consultations import services as consultations

    for iso2, stance in stances.items():
        stage.refresh_from_db()
        consultations.record_position(
            stage,
            actor=delegate(iso2),
            stance=stance,
            statement="" if stance in ("join", "refrain") else "Reasons.",
            version_id=stage.version_id,
            now=now,
        )


# --- More of the same data ---------------------------------------------------------------------

# Copies that must differ otherwise: fields reset to a value outside a conditional unique rule, and
# numbers shifted past the largest one.
RESET: dict[str, dict[str, Any]] = {
    "relations.Meeting": {"number": None},
    "organization.Body": {"is_secretariat": False},
    "publications.Publication": {"source_kind": "", "source_id": 0},
}
SHIFTED: dict[str, str] = {"audit.Entry": "seq"}


def _unique_groups(model: Any) -> list[tuple[str, ...]]:
    """The column groups the model's unique rules name (fields, unique_together, constraints)."""
    groups: list[tuple[str, ...]] = [
        (f.attname,) for f in model._meta.concrete_fields if f.unique and not f.primary_key
    ]
    groups += [tuple(g) for g in model._meta.unique_together]
    groups += [
        tuple(model._meta.get_field(n).attname for n in c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    return groups


def _uniques(model: Any, handled: set[str]) -> tuple[list[str], bool]:
    """The text fields to suffix, and whether the model's unique rules can all be kept that way."""
    texts = {
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.SlugField)
    }
    suffixed: set[str] = set()
    for group in _unique_groups(model):
        if handled & set(group):
            continue
        mine = [f for f in group if f in texts]
        if not mine:
            return [], False
        suffixed.add(mine[0])
    return sorted(suffixed), True


def _copy(model: Any, row: Any, k: int, suffixed: list[str], top: int) -> Any:
    """The k-th copy of `row`: no key, its unique rules kept (RESET, SHIFTED, a text suffix)."""
    copy = model(**{f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields})
    copy.pk = None
    for name, value in RESET.get(model._meta.label, {}).items():
        setattr(copy, name, value)
    shifted = SHIFTED.get(model._meta.label)
    if shifted:
        setattr(copy, shifted, getattr(row, shifted) + k * top)
    tail = f"-x{k}"
    for name in suffixed:
        value, field = getattr(copy, name), model._meta.get_field(name)
        setattr(copy, name, f"{value[: field.max_length - len(tail)]}{tail}")
    return copy


def _link_copies(model: Any, rows: list[Any], created: list[Any], links: dict[str, Any]) -> None:
    """Give the copies the many-to-many links of the rows they copy."""
    for f in model._meta.many_to_many:
        if f.name not in links:
            continue
        through = f.remote_field.through
        source, target = _ends(f)
        through.objects.bulk_create(
            [
                through(**{source: copy.pk, target: other})
                for row, copy in zip(rows, created, strict=True)
                for other in links[f.name].get(row.pk, [])
            ],
            batch_size=5000,
        )


def multiply(model: Any, times: int = 2) -> str:
    """Every row of `model` copied (times - 1) times, with its many-to-many links, inserted directly
    (no service, no signal): more of the same data for query-count tests and `bench/`. Unique text
    fields get a suffix; a model whose unique rules cannot be kept that way is left as it is."""
    shifted = SHIFTED.get(model._meta.label)
    handled = set(RESET.get(model._meta.label, {})) | {shifted or ""}
    suffixed, possible = _uniques(model, handled)
    if not possible:
        return f"{model._meta.label}: skipped (unique rule without a text field)"
    rows = list(model.objects.all())
    top = max((getattr(r, shifted) for r in rows), default=0) if shifted else 0
    links = {
        f.name: _links(f, [r.pk for r in rows])
        for f in model._meta.many_to_many
        if f.remote_field.through._meta.auto_created
    }
    made = 0
    for k in range(1, times):
        copies = [_copy(model, row, k, suffixed, top) for row in rows]
        created = model.objects.bulk_create(copies, batch_size=2000)
        made += len(created)
        _link_copies(model, rows, created, links)
    return f"{model._meta.label}: {len(rows):,} -> {len(rows) + made:,}"


def multiply_or_say(model: Any, times: int) -> str:
    try:
        with transaction.atomic():
            return multiply(model, times)
    except IntegrityError as error:
        return f"{model._meta.label}: skipped ({error})"


def multiply_agreements(times: int = 2) -> str:
    """Each instrument copied with its signature block and its actions (corrections kept pointing
    at the copies' actions), and what was stored of its standing when there is such a thing."""
    Agreement: Any = django_apps.get_model("agreements", "Agreement")
    TreatyAction: Any = django_apps.get_model("agreements", "TreatyAction")
    originals = list(Agreement.objects.order_by("pk"))
    actions = list(TreatyAction.objects.order_by("pk"))
    summary = multiply(Agreement, times)
    copies = list(Agreement.objects.exclude(pk__in=[a.pk for a in originals]).order_by("pk"))
    copy_of: dict[int, list[int]] = {a.pk: [] for a in originals}
    for i, copy in enumerate(copies):
        copy_of[originals[i % len(originals)].pk].append(copy.pk)
    for k in range(times - 1):
        made: dict[int, int] = {}
        # in the order of their keys: a correction comes after what it corrects
        for action in actions:
            fields = {
                f.attname: getattr(action, f.attname) for f in TreatyAction._meta.concrete_fields
            }
            fields.update(
                id=None,
                agreement_id=copy_of[action.agreement_id][k],
                corrects_id=made.get(action.corrects_id) if action.corrects_id else None,
            )
            made[action.pk] = TreatyAction.objects.bulk_create([TreatyAction(**fields)])[0].pk
    return f"{summary}, with {len(actions) * times:,} actions"


def _ends(field: Any) -> tuple[str, str]:
    through = field.remote_field.through
    source = field.m2m_column_name()
    target = field.m2m_reverse_name()
    assert through._meta.get_field(source.removesuffix("_id"))
    return source, target


def _links(field: Any, pks: list[int]) -> dict[int, list[int]]:
    through = field.remote_field.through
    source, target = _ends(field)
    result: dict[int, list[int]] = {}
    for a, b in through.objects.filter(**{f"{source}__in": pks}).values_list(source, target):
        result.setdefault(a, []).append(b)
    return result
