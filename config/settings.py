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
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    # Security: the Content-Security-Policy and the other headers, on every response.
    "csp.middleware.CSPMiddleware",
    "concord.accounts.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Security: who signed in with a second factor, and the pages they may reach before they do.
    "django_otp.middleware.OTPMiddleware",
    "concord.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The language of the last /ru/ or /en/ page, for the pages outside the prefix (the admin).
    "concord.core.middleware.RememberLanguageMiddleware",
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
# Each worker thread keeps its connection between requests (issue 23: opening one per request cost a
# signed-in request more than the rest of it), checked before reuse after an error or a restart of
# the database; CONCORD_CONN_MAX_AGE=0 opens one per request again. At most workers × threads
# connections per machine (2 × 4 by default, docs/deployment.md).
CONN_MAX_AGE = int(os.environ.get("CONCORD_CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'concord.sqlite3'}"),
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
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

# --- Cache ---------------------------------------------------------------------------------------
# Shared by every worker process of one machine: a directory of files by default (no server to run);
# CONCORD_CACHE_URL may name Redis or Memcached in production (docs/deployment.md). Rate limits and the
# page caches of the public site, search and the map data live here.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CONCORD_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
if os.environ.get("CONCORD_CACHE_URL", "").startswith(("redis://", "rediss://")):
    CACHES["default"] = {  # needs the redis package
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["CONCORD_CACHE_URL"],
        "TIMEOUT": 24 * 60 * 60,
    }
elif os.environ.get("CONCORD_CACHE_URL", "").startswith("memcached://"):
    CACHES["default"] = {  # needs the pymemcache package
        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
        "LOCATION": os.environ["CONCORD_CACHE_URL"].removeprefix("memcached://"),
        "TIMEOUT": 24 * 60 * 60,
    }

# Signed-in pages kept per reader (core.pagecache): many short-lived entries, in a cache of their own,
# so that making room for them never evicts a session, a signed-in user or a rate limit.
CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages", "TIMEOUT": 60}
if CACHES["pages"]["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache":
    CACHES["pages"]["LOCATION"] = str(Path(str(CACHES["default"]["LOCATION"])) / "pages")
    CACHES["pages"]["OPTIONS"] = {"MAX_ENTRIES": 3_000}

# --- Read replica (docs/replica.md) -------------------------------------------------------------
# With DATABASE_REPLICA_URL (a streaming standby of DATABASE_URL, PostgreSQL only), the GET pages and
# API operations below read from the standby, unless their sender wrote something within the pin;
# writes, reads inside transactions and migrations stay on the primary (concord.core.routing).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
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
    # Django's password backend, loading a request's user, affiliation and roles in one query.
    "concord.accounts.backends.ConcordModelBackend",
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "concord.core.views.csrf_failure"
# HTTPS redirect, HSTS and the proxy header: in the "Production server" block at the end.

# --- Security: CSP, headers, lockout, token rate limit, second factor, sessions ----------------
# (docs/security.md says why each of these is what it is.)
from csp.constants import NONE, SELF  # noqa: E402

# No inline script and no inline event handlers anywhere: every script is a file under /static/.
# Styles keep 'unsafe-inline': pygal's SVG charts carry their own <style> element (with a per-chart
# id), templates and the Django admin use style="" attributes. A style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Sent by concord.accounts.middleware.SecurityHeadersMiddleware on every response.
CONCORD_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONCORD_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Lock a username only from the address that failed: five wrong passwords from a stranger's address
# lock that stranger out, not the Secretariat signing in from its own. Answered with 429.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a locked pair opens again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The client's address for lockouts and rate limits: REMOTE_ADDR, or, behind N reverse proxies
# that append to X-Forwarded-For, the address the outermost trusted proxy saw (never a header the
# client wrote itself).
CONCORD_TRUSTED_PROXY_COUNT = int(os.environ.get("CONCORD_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "concord.accounts.security.client_address"

# Failed API token attempts per client address: after this many within the window, every token
# from that address is answered 429 until the window ends. Counted in the default cache.
CONCORD_TOKEN_FAILURE_LIMIT = int(os.environ.get("CONCORD_TOKEN_FAILURE_LIMIT", "10"))
CONCORD_TOKEN_FAILURE_WINDOW = int(os.environ.get("CONCORD_TOKEN_FAILURE_WINDOW", "300"))  # s

# A TOTP code after the password for Secretariat officers and administrators (and superusers):
# on in production, off in the `make run` demo unless asked for.
CONCORD_REQUIRE_2FA = env_bool("CONCORD_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "Concord"

# A session lasts one working day from sign-in at most, and ends when the browser closes.
SESSION_COOKIE_AGE = int(float(os.environ.get("CONCORD_SESSION_HOURS", "8")) * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Sessions read from the shared cache (CACHES) and written through to the database: a signed-in
# request reads no session row, signing out deletes both, and an emptied cache falls back to the rows.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

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
# SMTP (EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend): docs/scheduler-and-backups.md
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
# The address links in e-mails start with, e.g. https://concord.example.org (no trailing slash).
CONCORD_SITE_URL = os.environ.get("CONCORD_SITE_URL", "")

# --- Scheduled jobs (`manage.py run_scheduler`): each job's schedule, {"every": seconds} or
# {"at": "HH:MM"} (UTC, daily), or None to switch it off. Jobs not named keep their own default.
CONCORD_SCHEDULE: dict[str, dict[str, object] | None] = {
    "consultations.close_due_procedures": {"every": 60},
    "consultations.mail_notifications": {"every": 60},
    "consultations.mail_digests": {"at": os.environ.get("CONCORD_DIGEST_AT", "06:00")},
    "publications.index_live": {"every": 300},
    "monitoring.early_warning": {"at": os.environ.get("CONCORD_EARLY_WARNING_AT", "03:00")},
}

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
# The record's version (core.pagecache): a number that moves with every audited change; signed-in pages
# are kept until it moves, and CONCORD_PAGE_SECONDS at most (what changes with the clock alone); 0 keeps
# none.
CONCORD_RECORD_VERSION = "concord.audit.selectors.record_version"
CONCORD_PAGE_SECONDS = int(os.environ.get("CONCORD_PAGE_SECONDS", "30"))
# === Landing page (issue 21, part "landing") ===
# Each provider is a callable(request) -> list[core.waiting.Waiting]: what waits for the signed-in
# user in that module, listed first on the home page, soonest deadline first (concord/core/waiting.py).
CONCORD_WAITING = [
    "concord.consultations.waiting.waiting",
    "concord.documents.waiting.waiting",
    "concord.operations.waiting.waiting",
    "concord.monitoring.waiting.waiting",
    "concord.parliament.waiting.waiting",
    "concord.programmes.waiting.waiting",
    "concord.relations.waiting.waiting",
]
# The seeders whose lines `seed_demo` prints at its default verbosity (the others with -v 2).
CONCORD_DEMO_ESSENTIAL = ["concord.accounts.demo.seed"]
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


# === Production server (issue 22, part "prod-server") ============================================
# What changes behind gunicorn and a TLS-terminating proxy: the secret key's strength, HTTPS,
# collected static files, JSON logs, the request id. docs/deployment.md lists every variable.
# (Content-Security-Policy, lockout, rate limits and the second factor are set elsewhere.)
if PRODUCTION and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-")
):
    # The same test as `check --deploy` (security.W009), but fatal: a guessable key forges sessions.
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use 50 or more random characters, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Probes from the proxy or the machine itself speak plain HTTP on loopback.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    # Only says the site may be put on the browsers' preload list; nobody submits it but its owner.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    # Trust X-Forwarded-Proto only when a TLS proxy in front sets it (and strips the client's own).
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Collected once by `collectstatic` (make serve), compressed (gzip and brotli)
    # and named by their hash, so WhiteNoise serves them with a year's cache.
    STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
    STORAGES["staticfiles"] = {"BACKEND": "concord.core.staticstorage.StaticFilesStorage"}

# The request id comes first, so that even a request refused by the next middleware has one.
MIDDLEWARE.insert(0, "concord.core.requestlog.RequestLogMiddleware")

# JSON lines on stderr in production (LOG_FORMAT=text for people reading a terminal); plain text
# elsewhere. One line per request at INFO on `concord.request` (concord/core/requestlog.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "concord.core.requestlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("LOG_LEVEL", "INFO" if PRODUCTION else "WARNING"),
    },
    # The request line says it already; Django's own 4xx warnings would say it twice.
    # django-axes reports every sign-in at INFO; failures and lockouts are WARNING.
    "loggers": {"django.request": {"level": "ERROR"}, "axes": {"level": "WARNING"}}
    if PRODUCTION
    else {},
}
