"""Schemathesis over the whole published OpenAPI document, as two people who use the API: a member
state's representative and a Secretariat officer, each with a personal token. Every operation gets a
few generated requests (valid by the schema); each answer must not be a server error, must have a
status the document declares, and must match the schema it declares for that status.

Bounded in time: `FUZZ_EXAMPLES` requests per operation and persona (3 unless set), no deadline.
Run with `make test-fuzz` (part of `make test`) or `pytest -m fuzz tests/fuzz`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from concord.accounts.services import create_api_token
from config.api import api

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
REVOKES_A_TOKEN = "DELETE /api/v1/me/tokens/{token_id}"
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def _schema() -> Any:
    document = api.get_openapi_schema(path_prefix="/api/v1/")
    return schemathesis.openapi.from_dict(document)


def _operations(schema: Any) -> list[Any]:
    operations = []
    for result in schema.get_all_operations():
        operation = result.ok()
        assert operation is not None, "every operation of the document can be generated"
        operations.append(operation)
    return operations


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["kazakh_representative", "secretariat_officer"])
def test_no_operation_answers_a_server_error_or_outside_its_schema(persona, request):
    user = request.getfixturevalue(persona)
    headers: dict[str, str] = {}

    def new_token() -> None:
        _token, raw = create_api_token(user, actor=user, name="fuzz")
        headers["Authorization"] = f"Bearer {raw}"

    new_token()
    app = WSGIHandler()
    failures: list[str] = []
    operations = _operations(_schema())
    assert len(operations) > 50

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        for operation in operations:
            case = data.draw(operation.as_strategy(), label=operation.label)
            try:
                case.call_and_validate(app=app, headers=headers, checks=CHECKS)
            # A failed check, or the application's own exception (raised again by the transport):
            # each is collected, so that one run shows them all.
            except (Exception, BaseExceptionGroup) as error:  # noqa: BLE001
                failures.append(f"{operation.label}: {str(error)[:800]}")
            if operation.label == REVOKES_A_TOKEN:  # perhaps the one in use: go on with another
                new_token()

    # As Django's test client does: the test's transaction outlives each request.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        run()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    assert failures == [], "\n\n".join(sorted(set(failures)))
