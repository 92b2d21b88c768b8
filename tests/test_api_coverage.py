"""The API offers what the pages offer: every page that accepts a POST (an action) has its operation
in the published OpenAPI document, or a stated reason why it has none.

The pages are found by walking the URL resolver, not listed by hand, so a new page action without an
entry below fails here. A page accepts POST when its view (a class with `post`, or a function and the
helpers of its module it hands the request to) reads `request.POST`, `request.FILES` or
`request.method`, or is wrapped in `require_http_methods`/`require_POST` allowing POST.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable, Iterator
from functools import cache
from types import ModuleType
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from config.api import api


class Exempt(str):
    """A page action with no API operation, and why."""


# "<namespace>:<url name>" of every page action -> the API operations that do what it does (the same
# service, the same checks), or why there is none.
PAGE_ACTIONS: dict[str, tuple[str, ...] | Exempt] = {
    "set_language": Exempt(
        "the interface language of the pages, kept in a cookie; the API answers in the language "
        "of each request's Accept-Language"
    ),
    "accounts:login": Exempt(
        "opens a browser session; an API client sends a personal token with every request"
    ),
    "accounts:logout": Exempt(
        "ends the browser session; a client's token is revoked with DELETE /api/v1/me/tokens/{id}"
    ),
    "accounts:otp-verify": Exempt(
        "completes a browser sign-in with the second factor; a token is issued only after it"
    ),
    "accounts:otp-enrol": Exempt(
        "sets up the browser sign-in's second factor, the person's own secret, never by a script"
    ),
    "accounts:password-change": Exempt(
        "the password is the person's own sign-in secret: changing it needs the current password "
        "and is done in the browser, never by a script holding a token "
        "(docs/decisions/0002-page-actions-without-api-operations.md)"
    ),
    "accounts:affiliation-switch": ("POST /api/v1/me/affiliation",),
    "accounts:token-create": ("POST /api/v1/me/tokens",),
    "accounts:mail-settings": ("PUT /api/v1/me/mail",),
    "accounts:token-revoke": ("DELETE /api/v1/me/tokens/{token_id}",),
    "organization:chairmanship-list": ("POST /api/v1/chairmanships",),
    "documents:document-create": ("POST /api/v1/documents",),
    "documents:document-import": ("POST /api/v1/documents/import",),
    "documents:edit": ("POST /api/v1/documents/{pk}/versions",),
    "documents:declare-final": ("POST /api/v1/documents/{pk}/final",),
    "documents:amendment-create": ("POST /api/v1/documents/{pk}/amendments",),
    "documents:amendment-detail": ("POST /api/v1/documents/{pk}/amendments/{id}/decision",),
    "documents:amendment-support": ("POST /api/v1/documents/{pk}/amendments/{id}/support",),
    "documents:amendment-withdraw": ("POST /api/v1/documents/{pk}/amendments/{id}/withdraw",),
    "documents:attachment-upload": ("POST /api/v1/documents/{pk}/attachments",),
    # Consultations are being rewritten (sessions, stages); these operations come with that work.
    "consultations:consultation-create": ("POST /api/v1/consultations",),
    "consultations:emergency-create": ("POST /api/v1/consultations",),
    "consultations:stage-open": ("POST /api/v1/consultations/{id}/stages",),
    "consultations:position-record": ("POST /api/v1/consultations/{id}/positions",),
    "consultations:stage-close": ("POST /api/v1/consultations/{id}/stages/{stage_id}/close",),
    "consultations:stage-version": ("POST /api/v1/consultations/{id}/stages/{stage_id}/version",),
    "consultations:sign": ("POST /api/v1/consultations/{id}/stages/{stage_id}/signatures",),
    "consultations:notifications": ("POST /api/v1/notifications/read",),
    "consultations:stage-extend": ("POST /api/v1/consultations/{id}/stages/{stage_id}/extend",),
    "consultations:session-list": ("POST /api/v1/sessions",),
    "consultations:session-change": ("PATCH /api/v1/sessions/{id}",),
    "consultations:agenda-add": ("POST /api/v1/sessions/{id}/agenda",),
    "consultations:agenda-move": ("POST /api/v1/sessions/{id}/agenda/{stage_id}/move",),
    "consultations:agenda-publish": ("POST /api/v1/sessions/{id}/publish",),
    "agreements:agreement-detail": ("POST /api/v1/agreements/{pk}/actions",),
    "operations:open-report": ("POST /api/v1/stages/{pk}/reports/open",),
    "operations:report-detail": (
        "POST /api/v1/reports/{pk}/figures",  # one figure, from the form
        "POST /api/v1/reports/{pk}/spreadsheet",  # the upload
        "POST /api/v1/stages/{pk}/reports",  # the upload's rows as JSON
    ),
    "operations:report-step": (
        "POST /api/v1/reports/{pk}/{step}",  # submit, return, approve, consolidate, correct
        "DELETE /api/v1/reports/{pk}/figures/{figure_id}",  # the page's "remove" step
    ),
    "operations:publicity": ("POST /api/v1/stages/{pk}/publicity",),
    "operations:press-release": ("POST /api/v1/stages/{pk}/press-release",),
    "monitoring:alert-detail": ("POST /api/v1/alerts/{pk}",),
    "forces:plan-list": ("POST /api/v1/training-plans",),
    "forces:plan-consultation": ("POST /api/v1/training-plans/{year}/consultation",),
    "forces:plan-withdraw": ("POST /api/v1/training-plans/{year}/withdrawal",),
    "forces:event-add": ("POST /api/v1/training-plans/{year}/events",),
    "forces:event-edit": ("PATCH /api/v1/training-events/{pk}",),
    "forces:event-delete": ("DELETE /api/v1/training-events/{pk}",),
    "forces:event-status": ("POST /api/v1/training-events/{pk}/status",),
    "forces:event-after-action": ("PUT /api/v1/training-events/{pk}/after-action",),
    "forces:lesson-add": ("POST /api/v1/training-events/{pk}/lessons",),
    "forces:lesson-close": ("POST /api/v1/lessons/{pk}/closure",),
    "monitoring:region-new": ("POST /api/v1/regions",),
    "monitoring:region-edit": ("PUT /api/v1/regions/{code}",),
    "monitoring:report-list": ("POST /api/v1/situation-reports",),
    "monitoring:report-detail": (
        "PUT /api/v1/situation-reports/{pk}",
        "POST /api/v1/situation-reports/{pk}/approve",
        "POST /api/v1/situation-reports/{pk}/share",
    ),
    # forces: deployments
    "forces:deployment-new": ("POST /api/v1/deployments",),
    "forces:deployment-decision": ("POST /api/v1/deployments/{pk}/decision",),
    "forces:deployment-refusal": ("POST /api/v1/deployments/{pk}/refusal",),
    "forces:deployment-command": ("POST /api/v1/deployments/{pk}/command",),
    "forces:contingent-offer": ("POST /api/v1/deployments/{pk}/contingents",),
    "forces:contingent-acceptance": ("POST /api/v1/contingents/{pk}/acceptance",),
    "forces:contingent-arrival": ("POST /api/v1/contingents/{pk}/arrival",),
    "forces:contingent-withdrawal": ("POST /api/v1/contingents/{pk}/withdrawal",),
    "forces:site-new": ("POST /api/v1/deployments/{pk}/sites",),
    "forces:log-new": ("POST /api/v1/deployments/{pk}/log",),
    "forces:un-informed": ("POST /api/v1/deployments/{pk}/un-informed",),
    "forces:deployment-completion": ("POST /api/v1/deployments/{pk}/completion",),
    "forces:deployment-report": ("POST /api/v1/deployments/{pk}/report",),
    "programmes:programme-create": ("POST /api/v1/programmes",),
    "programmes:stage-add": ("POST /api/v1/programmes/{pk}/stages",),
    "programmes:customer-add": ("POST /api/v1/programmes/{pk}/customers",),
    "programmes:activity-add": ("POST /api/v1/programmes/{pk}/activities",),
    "programmes:funding-set": ("PUT /api/v1/programmes/{pk}/stages/{number}/funding",),
    "programmes:programme-adopt": ("POST /api/v1/programmes/{pk}/adopt",),
    "programmes:budget-create": ("POST /api/v1/budgets",),
    "programmes:item-save": ("PUT /api/v1/budgets/{year}/items/{position}",),
    "programmes:shares-set": ("PUT /api/v1/budgets/{year}/shares",),
    "programmes:budget-adopt": ("POST /api/v1/budgets/{year}/adopt",),
    "programmes:delivery-record": ("POST /api/v1/programmes/{pk}/deliveries",),
    "programmes:contract-record": ("POST /api/v1/programmes/{pk}/contracts",),
    "programmes:change-propose": ("POST /api/v1/programmes/{pk}/changes",),
    "programmes:payment-record": ("POST /api/v1/budgets/{year}/payments",),
    "programmes:plan-list": ("POST /api/v1/action-plans",),
    "programmes:task-add": ("POST /api/v1/action-plans/{pk}/tasks",),
    "programmes:plan-approve": ("POST /api/v1/action-plans/{pk}/approve",),
    "programmes:task-report": ("POST /api/v1/tasks/parts/{pk}/report",),
    "programmes:report-return": ("POST /api/v1/tasks/parts/{pk}/return",),
    "programmes:value-record": ("POST /api/v1/indicators/{pk}/values",),
    "relations:group-detail": ("POST /api/v1/working-groups/{code}/meetings",),
    "relations:meeting-list": ("POST /api/v1/meetings",),
    "relations:meeting-outcome": ("POST /api/v1/meetings/{pk}/outcome",),
    "relations:meeting-follow-up": ("POST /api/v1/meetings/{pk}/follow-ups",),
    "relations:meeting-hold": ("POST /api/v1/meetings/{pk}/held",),
    "relations:meeting-cancel": ("POST /api/v1/meetings/{pk}/cancelled",),
    "relations:feed-list": ("POST /api/v1/calendar/addresses",),
    "relations:feed-revoke": ("POST /api/v1/calendar/addresses/{pk}/revoke",),
    "parliament:act-examine": ("POST /api/v1/model-laws/{pk}/examination",),
    "parliament:act-adopt": ("POST /api/v1/model-laws/{pk}/adoption",),
    "parliament:cooperation": ("POST /api/v1/assembly/requests",),
    "parliament:request-answer": ("POST /api/v1/assembly/requests/{pk}/answer",),
    "relations:partner-create": ("POST /api/v1/partners",),
    "relations:application-create": ("POST /api/v1/status-applications",),
    "relations:group-create": ("POST /api/v1/working-groups",),
    "relations:work-plan-create": ("POST /api/v1/working-groups/{code}/work-plans",),
    "relations:plan-item-add": ("POST /api/v1/working-groups/{code}/work-plans/{pk}/items",),
    "relations:plan-item-status": (
        "POST /api/v1/working-groups/{code}/work-plan-items/{pk}/status",
    ),
    "relations:report-create": ("POST /api/v1/working-groups/{code}/reports",),
    "relations:follow-up-track": ("POST /api/v1/meetings/{pk}/follow-ups/{follow_up_id}/task",),
    "editor:editor-new": ("POST /api/v1/editor/publications",),
    "editor:editor-edit": ("PUT /api/v1/editor/publications/{pk}",),
    "editor:editor-step": (
        "POST /api/v1/editor/publications/{pk}/publish",
        "POST /api/v1/editor/publications/{pk}/unpublish",
    ),
    # forces: readiness
    "forces:unit-list": ("POST /api/v1/units",),
    "forces:unit-detail": ("PATCH /api/v1/units/{pk}",),
    "forces:unit-certify": ("POST /api/v1/units/{pk}/certification",),
    "forces:assessment-open": ("POST /api/v1/assessments",),
    "forces:assessment-detail": ("PUT /api/v1/assessments/{pk}/answers",),
    "forces:assessment-step": (
        "POST /api/v1/assessments/{pk}/submit",
        "POST /api/v1/assessments/{pk}/return",
        "POST /api/v1/assessments/{pk}/review",
    ),
}

# Operations of the consultations rewrite whose pages are not in the URL configuration yet (extending
# a stage, sessions and their agenda); once the pages exist, they join the table above.
CONSULTATIONS_TO_COME = (
    "POST /api/v1/consultations/{id}/stages/{stage_id}/extend",
    "POST /api/v1/sessions",
    "PATCH /api/v1/sessions/{id}",
    "POST /api/v1/sessions/{id}/agenda",
)

# Not the pages of the system: Django's admin (reference data kept by administrators) and the API.
NOT_PAGES = {"admin", "api"}


def url_patterns(
    patterns: list[Any] | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """("<namespace>:<name>", pattern) for every named pattern of the site's URL configuration."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            if pattern.namespace not in NOT_PAGES:
                yield from url_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


READS_THE_FORM = re.compile(r"\brequest\.(POST|FILES|method)\b")


def allowed_methods(view: Callable[..., Any]) -> list[str] | None:
    """What `require_http_methods` (or `require_POST`) around the view allows, if it is used."""
    layer: Any = view
    while layer is not None:
        names = getattr(getattr(layer, "__code__", None), "co_freevars", ())
        cells = dict(zip(names, getattr(layer, "__closure__", None) or (), strict=True))
        if "request_method_list" in cells:
            return list(cells["request_method_list"].cell_contents)
        layer = getattr(layer, "__wrapped__", None)
    return None


@cache
def module_functions(module: ModuleType) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(module))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def reads_the_form(function: ast.FunctionDef, module: ModuleType, seen: set[str]) -> bool:
    """The function, or a function of its module it passes the request to, reads the form."""
    seen.add(function.name)
    if READS_THE_FORM.search(ast.unparse(function)):
        return True
    helpers = module_functions(module)
    for call in ast.walk(function):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id in helpers
            and call.func.id not in seen
            and any(isinstance(a, ast.Name) and a.id == "request" for a in call.args)
            and reads_the_form(helpers[call.func.id], module, seen)
        ):
            return True
    return False


def accepts_post(view: Callable[..., Any]) -> bool:
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    methods = allowed_methods(view)
    if methods is not None:
        return "POST" in methods
    function = inspect.unwrap(view)
    if not inspect.isfunction(function):  # an instance that is called (a feed)
        function = type(function).__call__
    module = inspect.getmodule(function)
    assert module is not None
    node = ast.parse(textwrap.dedent(inspect.getsource(function))).body[0]
    assert isinstance(node, ast.FunctionDef)
    return reads_the_form(node, module, set())


def page_actions() -> set[str]:
    return {name for name, pattern in url_patterns() if accepts_post(pattern.callback)}


@cache
def documented() -> set[str]:
    """Every operation of the OpenAPI document as "METHOD /path", path parameters unnamed."""
    paths = api.get_openapi_schema()["paths"]
    return {shape(f"{method.upper()} {path}") for path, ops in paths.items() for method in ops}


def shape(operation: str) -> str:
    """Path parameters are named as each app likes (`{pk}`, `{id}`): only where they are matters."""
    return re.sub(r"\{[^}]*\}", "{}", operation)


def test_the_walk_finds_page_actions_of_each_kind():
    found = page_actions()
    assert "accounts:token-revoke" in found  # require_POST
    assert "organization:chairmanship-list" in found  # require_http_methods(["GET", "POST"])
    assert "documents:amendment-detail" in found  # request.method == "POST", a helper decides
    assert "accounts:login" in found  # a class-based view
    assert "documents:document-list" not in found and "healthz" not in found


def test_every_page_action_is_in_the_table():
    assert sorted(page_actions() - set(PAGE_ACTIONS)) == []


def test_the_table_names_only_page_actions():
    assert sorted(set(PAGE_ACTIONS) - page_actions()) == []


TABLE = sorted(
    {
        operation
        for operations in PAGE_ACTIONS.values()
        if not isinstance(operations, Exempt)
        for operation in operations
    }
    | set(CONSULTATIONS_TO_COME)
)


@pytest.mark.parametrize("operation", TABLE)
def test_each_page_action_has_its_operation_in_the_document(operation):
    assert shape(operation) in documented()
