"""Liveness and readiness, for load balancers, systemd and monitoring (docs/deployment.md).

Both are outside the language prefix, need no sign-in, write nothing (no audit entry, no session) and
are cheap: `/healthz` touches no database, `/readyz` runs one `SELECT 1` once the migrations have been
found applied (a process does not see them un-applied again, so that answer is kept).
"""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

_migrations_applied = False


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive and answers: nothing else is asked, so a slow database never restarts it."""
    return JsonResponse({"status": "ok"})


def unapplied_migrations() -> list[str]:
    """The migrations on disk that the database has not applied, as "app.name", in plan order."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: the database answers and every migration is applied; else 503 saying which."""
    global _migrations_applied
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        missing = [] if _migrations_applied else unapplied_migrations()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "unavailable", "database": "down", "error": type(error).__name__},
            status=503,
        )
    if missing:
        return JsonResponse(
            {
                "status": "unavailable",
                "database": "up",
                "migrations": {"unapplied": len(missing), "missing": missing},
            },
            status=503,
        )
    _migrations_applied = True
    return JsonResponse({"status": "ready", "database": "up", "migrations": "applied"})
