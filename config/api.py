"""The JSON API at /api/v1/: each app's router, and one error shape for everything that goes wrong."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.openapi.schema import OpenAPISchema

from concord.accounts.api import router as accounts_router
from concord.accounts.api_auth import (
    NOT_AUTHENTICATED,
    docs_access,
    not_authenticated_message,
    signed_in,
    too_many_attempts,
)
from concord.agreements.api import router as agreements_router
from concord.audit.api import router as audit_router
from concord.consultations.api import router as consultations_router
from concord.core.api import ErrorOut
from concord.core.errors import DomainError
from concord.documents.api import router as documents_router
from concord.forces.api import router as forces_router
from concord.monitoring.api import router as monitoring_router
from concord.operations.api import router as operations_router
from concord.organization.api import router as organization_router
from concord.parliament.api import router as parliament_router
from concord.programmes.api import router as programmes_router
from concord.programmes.budget_api import router as budgets_router
from concord.programmes.plan_api import router as action_plans_router
from concord.publications.api import router as publications_router
from concord.relations.api_groups import router as relations_router

# What any operation may answer besides its own successes, each with the one error shape: a body or
# query the service refuses (400), no or a bad token (401), not allowed (403), not found or not
# visible (404), stale or in the wrong status (409), fields that do not validate (422).
ERRORS = {
    "400": "Refused: the request cannot be done as sent",
    "401": "Not signed in and no valid personal token",
    "403": "Not allowed",
    "404": "Not found, or not visible to the caller",
    "409": "Changed meanwhile (stale version) or in the wrong status",
    "422": "Some fields are not valid",
    "429": "Too many failed attempts from this address: wait as Retry-After says",
}


class ConcordAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """ninja's document, with every error status the handlers below can answer declared on
        every operation, so that a client (and schemathesis) knows them."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        error = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(error.pop("$defs", {}))
        components.setdefault("ErrorOut", error)
        reference = {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
        }
        for path in schema["paths"].values():
            for operation in path.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERRORS.items():
                    responses.setdefault(status, {"description": description, **reference})
        return schema

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_not_allowed(pattern.callback)
        return urls


def _json_not_allowed(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """ninja answers a method a path does not take with a plain-text 405; say it in the one shape,
    keeping the Allow header."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        refusal = _error(request, 405, "method_not_allowed", _("This method is not allowed here."))
        refusal["Allow"] = response.get("Allow", "")
        return refusal

    return checked


api = ConcordAPI(
    title="Concord API",
    version="1",
    urls_namespace="api",
    # Like every page of the system, the API answers signed-in users only; what is published to
    # the public goes out through the publications module.
    auth=signed_in,
    description="Everything the pages offer. Authenticate with `Authorization: Bearer <token>` "
    "(create a token on your profile page) or with the browser session.",
    # The document and its page for the same people as the API, a client generator with a token too.
    docs_decorator=docs_access,
)
api.add_router("", organization_router)
api.add_router("", accounts_router)
api.add_router("", audit_router)
api.add_router("", documents_router)
api.add_router("", consultations_router)
api.add_router("", agreements_router)
api.add_router("", operations_router)
api.add_router("", monitoring_router)
api.add_router("", forces_router)
api.add_router("", programmes_router)
api.add_router("", parliament_router)
api.add_router("", budgets_router)
api.add_router("", action_plans_router)
api.add_router("", relations_router)
api.add_router("", publications_router)


def _error(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    errors: list[dict[str, str]] | None = None,
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "errors": errors or []}, status=status
    )


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    errors = [{"field": exc.field, "message": str(exc.message)}] if exc.field else []
    return _error(request, exc.status, exc.code, str(exc.message), errors)


# pydantic's messages are English only: say the common ones in the user's language.
FIELD_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "extra_forbidden": gettext_lazy("Unknown field."),
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_type": gettext_lazy("Enter a whole number."),
    "string_type": gettext_lazy("Enter text."),
    "bool_parsing": gettext_lazy("Enter true or false."),
    "date_parsing": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "date_from_datetime_parsing": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "date_type": gettext_lazy("Enter a date as YYYY-MM-DD."),
    "greater_than_equal": gettext_lazy("The value is too small."),
    "less_than_equal": gettext_lazy("The value is too large."),
    "string_too_short": gettext_lazy("The text is too short."),
    "string_too_long": gettext_lazy("The text is too long."),
    "model_type": gettext_lazy("Send a JSON object."),
    "model_attributes_type": gettext_lazy("Send a JSON object."),
    "dict_type": gettext_lazy("Send a JSON object."),
}
# Where ninja says an error is: the part of the request, then (for a schema) the parameter's name,
# then the field ("body", "payload", "year"; "file", "file"; "form", "version"). Only the field path
# matters to a client.
SOURCES = {"body", "query", "path", "form", "file", "header", "cookie"}
SCHEMA_PARAMETERS = {"payload", "filters"}


def field_path(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in SOURCES:
        parts = parts[1:]
    if parts and parts[0] in SCHEMA_PARAMETERS:
        parts = parts[1:]
    return ".".join(parts)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        field = field_path(tuple(error.get("loc", ())))
        message = FIELD_MESSAGES.get(error.get("type", ""), error.get("msg", ""))
        errors.append(
            {"field": field, "code": error.get("type", "invalid"), "message": str(message)}
        )
    return _error(request, 422, "invalid", _("Some fields are not valid."), errors)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error(request, 401, NOT_AUTHENTICATED, not_authenticated_message())


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    return too_many_attempts(exc)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, "not_allowed", _("You are not allowed to do this."))


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", _("Not found."))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code, message = {
        400: ("bad_request", _("The request body could not be read; send valid JSON.")),
        403: (
            "forbidden",
            _("Not allowed (for a signed-in browser session, send the CSRF token)."),
        ),
        405: ("method_not_allowed", _("This method is not allowed here.")),
    }.get(exc.status_code, ("error", str(exc)))
    return _error(request, exc.status_code, code, str(message))
