"""Settings for the test suite: the real settings, plus a fast password hasher and a test-only app."""

import os
import tempfile
from pathlib import Path

from .settings import *  # noqa: F403
from .settings import DATABASES, INSTALLED_APPS

# Argon2 is deliberately slow; tests hash many passwords and check nothing about the algorithm.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A concrete model with the reusable marking, to test `visible_to` on a real table.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.markedthings"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory, so that tests of concurrent writers see SQLite's real locking; one
    # per run (the process id), so that two runs on one machine do not share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"concord-test-{os.getpid()}.sqlite3")
    }

# One process, emptied before each test (conftest.py): no test sees another's cached pages.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
