"""gunicorn's settings for `make serve` and the systemd unit (docs/deployment.md): all from the environment.

The defaults suit a 2-core machine behind nginx: 2 worker processes × 4 threads each (the work is
mostly waiting on the database and on the network, and threads share one process's memory).
"""

import os

bind = os.environ.get("CONCORD_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# A request still running after this many seconds is killed with its worker (a stuck export, say).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# nginx keeps its connections to us open; shorter than nginx's keepalive_timeout to the upstream.
keepalive = 5
# Workers are replaced now and then, so that a slow leak never grows into an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Only the proxy on this machine may say the client came over HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Django writes the one line per request (concord.core.requestlog); gunicorn's own records (start,
# stop, worker deaths) go to stderr as JSON too.
accesslog = None
errorlog = "-"
# One server per socket file: tests and the load test start several on one machine.
control_socket_disable = True
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "concord.core.requestlog.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
# As config/settings.py decides: JSON in production unless LOG_FORMAT=text.
production = os.environ.get("CONCORD_PRODUCTION", "").strip().lower() in {"1", "true", "yes", "on"}
if os.environ.get("LOG_FORMAT", "json" if production else "text") != "json":
    logconfig_dict = {}
