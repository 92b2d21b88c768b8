"""Settings: everything that differs between machines comes from environment variables.

Defaults are safe for a laptop: SQLite in the project folder, DEBUG on only when asked for, a secret key
generated once and kept in a local file. Production mode (CONCORD_PRODUCTION=true) refuses to start
without SECRET_KEY and ALLOWED_HOSTS and sends cookies over HTTPS only.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


PRODUCTION = env_bool("CONCORD_PRODUCTION", False)
DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production mode.")
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost").split(",")
    if h.strip()
]
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production mode.")
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "concord.accounts.admin_config.ConcordAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves the API docs' assets locally instead of from a CDN
    "axes",
    "django.contrib.sitemaps",
    "concord.core",
    "concord.audit",
    "concord.organization",
    "concord.accounts",
    "concord.documents",
    "concord.consultations",
    "concord.agreements",
    "concord.operations",
    "concord.monitoring",
    "concord.forces",
    "concord.programmes",
    "concord.relations",
    "concord.parliament",
    "concord.publications",
]

MIDDLEWARE = [
    "concord.core.middleware.RejectNulMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "concord.core.context_processors.acting_for",
                "concord.publications.context_processors.alternates",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'concord.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock when a
    # transaction starts, so two writers queue instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
        ),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Read replica (docs/replica.md) -------------------------------------------------------------
# With DATABASE_REPLICA_URL (a streaming standby of DATABASE_URL, PostgreSQL only), the GET pages and
# API operations below read from the standby, unless their sender wrote something within the pin;
# writes, reads inside transactions and migrations stay on the primary (concord.core.routing).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_max_age=0)
    # Tests: no test database is made on the standby (it is read-only); the alias reads the default's.
    # tests/test_replica.py points it at the standby's streamed copy of that database instead.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["concord.core.routing.ReplicaRouter"]
    # After authentication: it reads the view's name and sets the pin cookie on unsafe requests.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "concord.core.routing.ReadReplicaMiddleware",
    )
# After any POST, PUT, PATCH or DELETE its sender reads from the primary for this many seconds.
CONCORD_REPLICA_PIN_SECONDS = int(os.environ.get("CONCORD_REPLICA_PIN_SECONDS", "10"))
# A replica further behind than this is not read from; its lag is checked at most this often.
CONCORD_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("CONCORD_REPLICA_MAX_LAG_SECONDS", "5"))
CONCORD_REPLICA_LAG_CHECK_SECONDS = float(os.environ.get("CONCORD_REPLICA_LAG_CHECK_SECONDS", "1"))
if (
    CONCORD_REPLICA_MAX_LAG_SECONDS + CONCORD_REPLICA_LAG_CHECK_SECONDS
    > CONCORD_REPLICA_PIN_SECONDS
):
    # Otherwise a writer whose pin has ended could read a replica that has not yet got the write.
    raise ImproperlyConfigured(
        "CONCORD_REPLICA_MAX_LAG_SECONDS + CONCORD_REPLICA_LAG_CHECK_SECONDS must not exceed "
        "CONCORD_REPLICA_PIN_SECONDS."
    )
# Views (URL names, shell patterns) whose GET may read a few seconds old data: the situation picture
# and the event views (imported data), lists, search, the public site, the API's list operations.
CONCORD_REPLICA_VIEWS = [
    "monitoring:picture",
    "monitoring:picture-data",
    "monitoring:area",
    "monitoring:yearly",
    "monitoring:afghanistan",
    "*-list",
    "search",
    "publications:*",
    "api:list_*",
    "api:search",
]

# --- Accounts and security ----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "concord.accounts.backends.SecretariatAdministratorBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a locked account opens again after 15 minutes
# Lock the account, not the address: a delegation often shares one gateway, and one person's typos
# must not lock out the rest of it. (axes warns about this choice; it is deliberate.)
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "concord.core.views.csrf_failure"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Behind a TLS-terminating proxy that says so; set only when such a proxy is in front.
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static files (all vendored: the system runs in closed networks) ----------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Collected for production only; elsewhere files are served straight from STATICFILES_DIRS.
STATIC_ROOT = BASE_DIR / "var" / "static" if PRODUCTION else None
# Outside production, serve straight from the sources so that no collectstatic step is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Uploaded files (attachments): kept outside the static tree, served only through permission checks.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"  # never routed: downloads go through views that check who may see the file
CONCORD_MAX_UPLOAD_BYTES = int(os.environ.get("CONCORD_MAX_UPLOAD_BYTES", str(10 * 2**20)))

# --- E-mail: printed to the console unless a server is configured ---------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "concord@localhost")

# --- Concord --------------------------------------------------------------------------------------
# Each panel is a callable(request) -> (template name, context) drawn on the home dashboard, in order.
# Later modules append theirs here.
CONCORD_DASHBOARD_PANELS = [
    "concord.organization.panels.organization_panel",
    "concord.consultations.panels.consultations_panel",
    "concord.documents.panels.documents_panel",
    "concord.operations.panels.operations_panel",
    "concord.forces.panels.forces_panel",
    "concord.programmes.panels.tasks_panel",
]
# Each seeder is a callable(*, password) -> lines to print; `manage.py seed_demo` runs them in order.
CONCORD_DEMO_SEEDERS = [
    "concord.organization.demo.seed",
    "concord.accounts.demo.seed",
    "concord.documents.demo.seed",
    "concord.consultations.demo.seed",
    "concord.agreements.demo.seed",
    "concord.operations.demo.seed",
    "concord.monitoring.demo.seed",
    "concord.forces.demo.seed",
    "concord.programmes.demo.seed",
    "concord.relations.demo.seed",
    "concord.parliament.demo.seed",
    "concord.publications.demo.seed",
    "concord.publications.demo.publish_drafts_from_other_modules",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
