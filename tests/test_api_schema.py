"""The published OpenAPI document: one component per schema class, so that a client generator accepts
it, and readable by whoever may use the API (a browser session or a personal token)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from enum import Enum

import pytest
from django.test import Client
from ninja.operation import Operation
from pydantic import BaseModel, create_model

from concord.accounts.services import create_api_token
from config.api import api


def operations() -> Iterator[Operation]:
    # The routers as mounted on the API, which is what the OpenAPI document is built from.
    for router in api._get_bound_routers():
        for path_view in router.path_operations.values():
            yield from path_view.operations


def classes_in(annotation: object, found: set[type]) -> None:
    """Every schema class (and enum, which also becomes a component) reachable from `annotation`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel | Enum):
        if annotation in found:
            return
        found.add(annotation)
        if issubclass(annotation, BaseModel):
            for field in annotation.model_fields.values():
                classes_in(field.annotation, found)
    for argument in typing.get_args(annotation):
        classes_in(argument, found)


def schema_classes() -> set[type]:
    """The classes the operations take and answer with. The models ninja wraps them in (one per
    operation's parameters and per response status) are flattened away, so only their fields count."""
    found: set[type] = set()
    for operation in operations():
        responses = [m for m in operation.response_models.values() if isinstance(m, type)]
        for wrapper in [*operation.models, *responses]:
            for field in wrapper.model_fields.values():
                classes_in(field.annotation, found)
    return found


def shared_names(classes: set[type]) -> dict[str, list[str]]:
    """The component names that two distinct classes would both take."""
    by_name: dict[str, set[str]] = {}
    for cls in classes:
        by_name.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    return {name: sorted(paths) for name, paths in by_name.items() if len(paths) > 1}


def test_every_schema_class_has_a_component_of_its_own():
    classes = schema_classes()
    assert shared_names(classes) == {}, "one name, two schemas: the document keeps only one"
    components = api.get_openapi_schema()["components"]["schemas"]
    assert sorted({cls.__name__ for cls in classes} - set(components)) == []


def test_every_operation_has_an_id_of_its_own():
    """Generated clients name their methods after the operation ids."""
    paths = api.get_openapi_schema()["paths"]
    ids = [operation["operationId"] for path in paths.values() for operation in path.values()]
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_the_check_sees_two_apps_naming_a_schema_alike():
    """As StageOut, ReportOut and DecisionIn once were, each in two apps."""
    procedure = create_model("StageOut", __module__="consultations", deadline=(str, ...))
    operation = create_model("StageOut", __module__="operations", ends_on=(str, ...))
    found: set[type] = set()
    classes_in(list[procedure] | dict[str, operation], found)
    assert list(shared_names(found)) == ["StageOut"]


@pytest.fixture
def token(kazakh_representative) -> str:
    _token, raw = create_api_token(kazakh_representative, actor=kazakh_representative, name="gen")
    return raw


def test_a_client_with_a_token_reads_the_schema(token):
    response = Client().get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert "/api/v1/member-states" in response.json()["paths"]


def test_a_client_with_a_token_opens_the_docs_page(token):
    response = Client().get("/api/v1/docs", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200


def test_a_browser_session_reads_the_schema_and_the_docs(client_as):
    client = client_as("kazakh_representative")
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.parametrize("header", [None, "Bearer cnc_not-a-real-token", "Basic a2F6OnB3"])
def test_a_visitor_without_a_session_or_a_token_reads_neither(db, header):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}
    schema = Client().get("/api/v1/openapi.json", **headers)
    assert schema.status_code == 401
    assert schema.json()["code"] == "not_authenticated"
    assert "paths" not in schema.json()
    docs = Client().get("/api/v1/docs", **headers)
    if header:  # a client: told why, as the API tells it
        assert docs.status_code == 401
    else:  # a browser: sent to sign in
        assert docs.status_code == 302 and "/accounts/login/" in docs["Location"]


def test_a_revoked_token_reads_no_schema(kazakh_representative):
    from concord.accounts.services import revoke_api_token

    token, raw = create_api_token(kazakh_representative, actor=kazakh_representative, name="gen")
    revoke_api_token(kazakh_representative, actor=kazakh_representative, token_id=token.pk)
    response = Client().get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401


def test_every_operation_declares_its_errors_in_the_one_shape():
    """A client (and schemathesis) knows each error status an operation may answer, and its shape."""
    document = api.get_openapi_schema()
    error = document["components"]["schemas"]["ErrorOut"]
    assert set(error["required"]) == {"code", "message"}
    field_error = document["components"]["schemas"]["FieldErrorOut"]
    assert {"field", "message"} <= set(field_error["properties"])
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "401", "403", "404", "409", "422"):
                schema = operation["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
