"""The one settings module. Every deployment difference is an environment variable.

The defaults run the local demo; production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS and
DATABASE_URL (see README). ``yhdessa check --deploy --fail-level WARNING`` passes then.
"""

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from pythonjsonlogger.core import RESERVED_ATTRS

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
VAR_DIR = Path(os.environ.get("YHDESSA_VAR_DIR", BASE_DIR / "var"))


def local_secret_key() -> str:
    """Generate the key once into var/ so local sessions survive restarts."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "django_guid",
    "yhdessa.core",
    "yhdessa.accounts",
    "yhdessa.directory",
    "yhdessa.projects",
    "yhdessa.events",
    "yhdessa.surveys",
    "yhdessa.experiments",
    "yhdessa.toolkit",
    "yhdessa.reports",
    "yhdessa.mail",
    "yhdessa.siteinfo",
]

MIDDLEWARE = [
    # The request id first, so that every log line of the request carries it.
    "django_guid.middleware.guid_middleware",
    "yhdessa.core.middleware.AccessLogMiddleware",
    # The security headers wrap every answer, the health check's too; the health check comes
    # before the host name check (CommonMiddleware) so that a load balancer may ask by address.
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "yhdessa.core.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "yhdessa.urls"
WSGI_APPLICATION = "yhdessa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "yhdessa.core.context_processors.site",
                "yhdessa.siteinfo.context_processors.site_profile",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default: WAL lets readers run beside the writer, and IMMEDIATE transactions take
# the write lock at BEGIN so concurrent writers queue instead of failing with "database is
# locked" half-way through a transaction.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'yhdessa.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
    if not str(DATABASES["default"]["NAME"]).startswith(":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Tests use a file, not SQLite's in-memory default: with an in-memory database the live
    # server shares the test's one connection, and the concurrency test of registrations
    # (tests/events/test_concurrency.py) would see no concurrent writers. One file per test
    # process in the temporary directory, so that test runs side by side never share one;
    # Django deletes it at the end of the run.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"yhdessa-test-{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Shared by every app server and worker: built reports and rate-limit counters live here.
# Redis when REDIS_URL is set (several hosts, compose.yaml); otherwise a table in the database,
# which every process on every host already shares and which `migrate` creates.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "yhdessa_cache",
            # Room for the kept reports beside rate-limit counters of many addresses: at the
            # default 300, culling would throw kept reports away.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }

# --- Background tasks -----------------------------------------------------------------------
# Django's tasks framework (the django-tasks backport of Django 6's django.tasks). The database
# backend needs no other service; `yhdessa db_worker` runs the queue (make run starts one).
# Tests run tasks at once (tests/conftest.py).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("YHDESSA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    },
}

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "yhdessa.accounts.backends.MembershipBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("suomi")), ("sv", _("svenska")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request without it
# Uploaded files go through Django's storage API: the file system under var/media by default,
# S3-compatible object storage (UpCloud, Hetzner, MinIO, AWS) when YHDESSA_S3_BUCKET is set, so
# that every app server sees the same files. Needs the "s3" extra (boto3).
MEDIA_ROOT = VAR_DIR / "media"
S3_BUCKET = os.environ.get("YHDESSA_S3_BUCKET", "")
DEFAULT_STORAGE: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if S3_BUCKET:
    s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("YHDESSA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("YHDESSA_S3_REGION") or None,
        "access_key": os.environ.get("YHDESSA_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("YHDESSA_S3_SECRET_ACCESS_KEY") or None,
        "location": os.environ.get("YHDESSA_S3_PREFIX", ""),
        # Private objects, handed out through short-lived signed links; never overwritten.
        "default_acl": os.environ.get("YHDESSA_S3_ACL", "private"),
        "querystring_auth": True,
        "file_overwrite": False,
    }
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {key: value for key, value in s3_options.items() if value is not None},
    }
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded public images are served by yhdessa.siteinfo.views.public_image at this address
# (whitenoise serves static files only), whichever storage holds them.
MEDIA_URL = "/media/"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Yhdessä <noreply@yhdessa.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
# YHDESSA_HTTPS is on in production (the default when DEBUG is off); the local demo served
# over plain http://127.0.0.1 turns it off.
HTTPS = env_bool("YHDESSA_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
YHDESSA_BEHIND_PROXY = env_bool("YHDESSA_BEHIND_PROXY", False)
if YHDESSA_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers ask /healthz over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Rate limits (yhdessa/core/ratelimits.py) ------------------------------------------------
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "yhdessa.core.ratelimits.rate_limited"
RATELIMIT_IP_META_KEY = "yhdessa.core.ratelimits.client_ip"
# The database cache's increment is not atomic: visitors at the very same moment may be
# counted once. A limit then holds within a few requests, which is enough against floods;
# Redis (REDIS_URL) counts exactly.
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Yhdessä --------------------------------------------------------------------------------
# The public address of the site, for links made outside a request: e-mails (sent by
# background tasks), calendar files and PDFs. Required in production (check --deploy).
YHDESSA_SITE_URL = os.environ.get("YHDESSA_SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
# Seconds a built report (page, dashboard, downloads) is served before it is built again in the
# background; staff can ask for a rebuild at once.
YHDESSA_REPORT_MAX_AGE = int(os.environ.get("YHDESSA_REPORT_MAX_AGE", "600"))
# Days after an event when registrants' names, e-mails and free texts are anonymised.
YHDESSA_ANONYMISE_AFTER_DAYS = int(os.environ.get("YHDESSA_ANONYMISE_AFTER_DAYS", "30"))

# Counts below this are never shown outside the staff views (small-number protection).
YHDESSA_MIN_CELL_SIZE = int(os.environ.get("YHDESSA_MIN_CELL_SIZE", "5"))
if YHDESSA_MIN_CELL_SIZE < 1:
    raise ImproperlyConfigured("YHDESSA_MIN_CELL_SIZE must be a positive whole number.")

# --- Logs -----------------------------------------------------------------------------------
# Every line names the request it was made for (X-Request-ID from the proxy when it is a valid
# UUID, else a new one; returned in the response) or the task the worker runs. LOG_FORMAT=json
# writes one JSON object a line for log collectors. No line holds personal data: the access
# log writes URL patterns, never paths with tokens or query strings.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {
            "()": "yhdessa.core.logs.RequestIdFilter",
            "blank": None if LOG_FORMAT == "json" else "-",
        }
    },
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s",
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(levelname)s %(name)s %(message)s %(correlation_id)s",
            "timestamp": "time",  # ISO 8601 in UTC
            "rename_fields": {
                "levelname": "level",
                "name": "logger",
                "correlation_id": "request_id",
            },
            # Django attaches the request to its error lines; its text has the query string.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint tells every layout step at INFO: a line per page of every PDF.
        "weasyprint.progress": {"level": "WARNING"},
        # Refused requests (4xx) are in the access log, without their paths (tokens); the
        # errors (5xx) stay.
        "django.request": {"level": "ERROR"},
        # django-guid tells at INFO for every request whether the proxy sent an id.
        "django_guid": {"level": "WARNING"},
    },
}
