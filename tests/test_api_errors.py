"""Every answer of the API that is not a success is a JSON 4xx in the one error shape
{"code", "message", "errors": [{"field", "message"}]}, whatever went wrong: unknown path or method,
unreadable body, wrong content type, a field that does not validate, not allowed, not found."""

from __future__ import annotations

import json

import pytest


def shaped(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"code", "message", "errors"} and body["message"]
    assert all({"field", "message"} <= set(e) for e in body["errors"])
    return body


@pytest.mark.parametrize(
    "path", ["/api/v1/no-such-thing", "/api/v1/member-states/KZ/nothing", "/api/nothing", "/api/"]
)
def test_an_unknown_path_under_the_api_is_a_json_404(client_as, path):
    assert shaped(client_as("kazakh_representative").get(path), 404)["code"] == "not_found"


def test_an_unknown_path_is_a_json_404_before_sign_in_too(client):
    assert shaped(client.get("/api/v1/no-such-thing"), 404)["code"] == "not_found"


def test_a_method_the_path_does_not_take_is_a_json_405(client_as):
    response = client_as("kazakh_representative").put("/api/v1/member-states", "{}")
    assert shaped(response, 405)["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ("[" * 100_000, "application/json"),
        (b"\xff", "application/json"),
    ],
)
def test_an_unreadable_body_is_a_json_400(client_as, body, content_type):
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", body, content_type=content_type
    )
    assert shaped(response, 400)["code"] == "bad_request"


def test_a_body_of_the_wrong_content_type_is_a_json_4xx(client_as):
    response = client_as("kazakh_representative").post(
        "/api/v1/agreements/entry-into-force", "rule=1", content_type="text/plain"
    )
    assert 400 <= response.status_code < 500
    shaped(response, response.status_code)


def test_fields_that_do_not_validate_are_named(client_as):
    response = client_as("kazakh_representative").post(
        "/api/v1/me/tokens", {"name": 5, "colour": "red"}, content_type="application/json"
    )
    body = shaped(response, 422)
    assert body["code"] == "invalid" and "colour" in [e["field"] for e in body["errors"]]


def test_a_visitor_is_told_to_sign_in_in_the_same_shape(client):
    assert shaped(client.get("/api/v1/member-states"), 401)["code"] == "not_authenticated"


def test_an_object_out_of_sight_is_a_json_404(client_as):
    assert shaped(client_as("kazakh_representative").get("/api/v1/member-states/0"), 404)


def test_a_refusal_raised_by_django_is_a_json_403(rf):
    from django.core.exceptions import PermissionDenied

    from config.api import api

    response = api.on_exception(rf.get("/api/v1/me"), PermissionDenied())
    assert response.status_code == 403
    assert json.loads(response.content) == {
        "code": "not_allowed",
        "message": "У вас нет права на это действие.",  # the default language
        "errors": [],
    }
