"""None is never an actor; SYSTEM gets only what a permission function grants it by name.

Walks every permission function of every app, calling it with None and with SYSTEM, with the other
arguments taken from the demo world by their annotations.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import QuerySet

import concord
from concord.core.actors import SYSTEM, require_actor
from concord.core.errors import NotAllowed

# What the system may do on its own, and why: nothing else.
SYSTEM_MAY = {
    "concord.accounts.permissions.can_manage_account",  # create_api_token on the command line
    "concord.accounts.permissions.can_administer_accounts",  # demo accounts
    "concord.organization.permissions.can_record_acts",  # the demo organization
    "concord.operations.permissions.can_report",  # import_stage_report without --user
    "concord.operations.permissions.keeps_reference_data",  # import_unodc_seizures
    "concord.publications.permissions.is_editor",  # drafts from other modules' events
    "concord.monitoring.permissions.imports_data",  # import_events and import_ucdp_yearly
    "concord.documents.permissions.can_adopt",  # a procedure closing by itself adopts its text
    "concord.forces.permissions.can_record_adoption",  # a training plan adopted with its consultation
    # A change to a programme is adopted by its consultation: recorded when the event arrives.
    "concord.programmes.permissions.can_record_change_adoption",
}


def permission_functions() -> list[typing.Callable[..., object]]:
    found: list[typing.Callable[..., object]] = []
    for app in pkgutil.iter_modules(concord.__path__):
        try:
            module = importlib.import_module(f"concord.{app.name}.permissions")
        except ModuleNotFoundError:
            continue
        found += [
            f
            for name, f in vars(module).items()
            if inspect.isfunction(f)
            and f.__module__ == module.__name__
            and not name.startswith("_")
        ]
    return found


FUNCTIONS = permission_functions()


def arguments(function: typing.Callable[..., object]) -> list[object]:
    """The demo world's first record of each annotated model; None for what may be left out."""
    annotations = inspect.get_annotations(function)
    values: list[object] = []
    for name in list(inspect.signature(function).parameters)[1:]:
        hint = eval(annotations[name], function.__globals__)  # noqa: S307 - our own annotations
        if isinstance(hint, type) and issubclass(hint, models.Model):
            values.append(hint._default_manager.first())
        else:
            values.append(None)
    return values


def answer(function: typing.Callable[..., object], who: object) -> object:
    try:
        result = function(who, *arguments(function))
    except NotAllowed:
        return False
    if isinstance(result, QuerySet):
        return set(result)
    return result


def test_the_walk_finds_the_permission_functions_of_every_app():
    apps = {f.__module__.split(".")[1] for f in FUNCTIONS}
    assert {"accounts", "documents", "consultations", "operations", "publications"} <= apps
    assert len(FUNCTIONS) >= 30


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_none_gets_no_more_than_a_visitor_who_has_not_signed_in(db, function):
    refused = answer(function, None)
    if isinstance(refused, set):  # what a visitor may read: the public records, if any
        assert refused == answer(function, AnonymousUser())
    else:
        assert refused in (False, None)


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_system_gets_only_what_is_granted_by_name(db, function):
    granted = answer(function, SYSTEM)
    name = f"{function.__module__}.{function.__name__}"
    if isinstance(granted, set):
        assert granted == answer(function, AnonymousUser())
    else:
        assert bool(granted) == (name in SYSTEM_MAY)


@pytest.mark.parametrize("nobody", [None, AnonymousUser(), "kz_rep"])
def test_only_a_person_or_system_can_act(nobody):
    with pytest.raises(TypeError):
        require_actor(nobody)
    assert require_actor(SYSTEM) is SYSTEM


def test_a_service_called_with_none_is_refused(db):
    from concord.organization.models import MemberState
    from concord.organization.services import record_chairmanship

    with pytest.raises(NotAllowed):
        record_chairmanship(actor=None, year=2031, state=MemberState.objects.first())


def test_no_audit_entry_is_written_without_an_actor(db):
    from concord.audit.services import record
    from tests.builders import TestVerb

    with pytest.raises(TypeError):  # the entry could not say who acted
        record(TestVerb.TOUCH, actor=None)
