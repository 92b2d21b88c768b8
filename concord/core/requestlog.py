"""Structured logs: one JSON object a line, and one line per request with its request id.

`RequestLogMiddleware` gives every request an id (the proxy's `X-Request-ID` when it is a sane one,
else a new one), returns it in the `X-Request-ID` header and logs one record on `concord.request` when
the response is ready. The id is kept in a context variable, so every other record logged while the
request runs carries it too. `JsonFormatter` writes each record as one JSON object (settings.LOGGING
uses it in production; gunicorn's own records go through it as well, config/gunicorn.py).
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

# What a proxy may hand us as an id: letters, digits and a few separators, not too long. Anything
# else (a header used to smuggle text into the logs) is replaced by an id of our own.
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{8,128}$")
# Probes come every few seconds; their lines would drown the rest at INFO.
QUIET_PATHS = frozenset({"/healthz", "/readyz"})
# Fields that `extra=` may add to a record and that the JSON line carries.
REQUEST_FIELDS = ("request_id", "method", "path", "status", "duration_ms", "user_id")

logger = logging.getLogger("concord.request")


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SANE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            self._log(request, response, request_id, time.perf_counter() - started)
            return response
        finally:
            request_id_var.reset(token)

    @staticmethod
    def _log(request: HttpRequest, response: HttpResponse, request_id: str, seconds: float) -> None:
        level = logging.DEBUG if request.path in QUIET_PATHS else logging.INFO
        if not logger.isEnabledFor(level):
            return
        user = getattr(request, "user", None)
        duration_ms = round(seconds * 1000, 1)
        logger.log(
            level,
            "%s %s %s %sms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, the request's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if "request_id" not in entry and (current := request_id_var.get()) is not None:
            entry["request_id"] = current
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
