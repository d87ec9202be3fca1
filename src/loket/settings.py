"""Loket's settings: everything comes from the environment, with embedded defaults.

With nothing set, Loket runs as one process on a laptop: SQLite under ./var/, an in-memory
channel layer, mail kept in a local outbox. `LOKET_ENV=production` turns on the strict mode
that refuses to start without a real secret and host names.
"""

import ipaddress
import os
import re
import secrets
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("LOKET_VAR_DIR", "var")).resolve()

PRODUCTION = os.environ.get("LOKET_ENV", "development") == "production"
DEBUG = os.environ.get("LOKET_DEBUG", "0") == "1" and not PRODUCTION


def _development_secret() -> str:
    """A per-install secret kept under ./var/, so sessions survive restarts without a shared default."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        # Written aside and linked into place: of two processes starting at once on a new ./var/, neither reads a
        # half-written (empty) key, and the first link wins (a second one fails: the key is there).
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        draft = VAR_DIR / f"secret_key.{os.getpid()}"
        draft.write_text(secrets.token_urlsafe(50))
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process was first: its key is the one
        finally:
            draft.unlink()
    return path.read_text().strip()


if PRODUCTION:
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not os.environ.get(name)]
    if missing:
        raise ImproperlyConfigured(f"LOKET_ENV=production needs these environment variables: {', '.join(missing)}")
    SECRET_KEY = os.environ["SECRET_KEY"]
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters in production.")
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _development_secret()

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
CSRF_FAILURE_VIEW = "loket.errors.csrf_failure"  # a Loket page in the visitor's language, not Django's

INSTALLED_APPS = [
    "loket.knowledge",
    "loket.guidance",
    "loket.contact",
    "loket.chat",
    "loket.console",
    "loket.staff",
    "loket.audit",
    "loket.reports",
    "loket.privacy",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "channels",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "loket.metrics.RequestMetricsMiddleware",  # outermost: counts and times every answer, static files included
    "loket.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "loket.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "loket.staff.middleware.StaffSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "loket.urls"
ASGI_APPLICATION = "loket.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "loket.knowledge.context_processors.navigation",
                "loket.staff.context_processors.staff",
            ],
            "builtins": ["loket.templatetags.loket"],
        },
    }
]

# --- Data -----------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'loket.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# Threads for the chat's database work in each process. SQLite writes one at a time whatever the threads: one.
LOKET_CHAT_DB_THREADS = 1
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; the timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not DATABASES["default"]["CONN_MAX_AGE"]:
    # Under ASGI every database call runs in a thread and closes its connection afterwards: without a pool, each
    # chat message would open a new PostgreSQL connection. LOKET_DB_POOL_SIZE connections per process at most.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("LOKET_DB_POOL_SIZE", "10")),
        "timeout": 10,
        # While the database is away, the pool's reconnection backs off (1, 2, 4 … s); giving up after 5 s lets the
        # next request start afresh, so the pool is back within seconds of the database, not after a long backoff.
        "reconnect_timeout": 5,
    }
    # The chat's database work runs on threads of its own (chat/consumers.py), at most half the pool: a burst of chat
    # messages then waits for a thread, not for a connection, and the rest of the pool stays for pages and the hub.
    LOKET_CHAT_DB_THREADS = max(1, DATABASES["default"]["OPTIONS"]["pool"]["max_size"] // 2)
    # The pool tries a connection before handing it out: after a database restart, the broken ones are replaced
    # instead of failing one request each.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
LOKET_CHAT_DB_THREADS = int(os.environ.get("LOKET_CHAT_DB_THREADS", "0")) or LOKET_CHAT_DB_THREADS
if "pool" in DATABASES["default"].get("OPTIONS", {}):  # more threads than connections would only wait for the pool
    LOKET_CHAT_DB_THREADS = min(LOKET_CHAT_DB_THREADS, DATABASES["default"]["OPTIONS"]["pool"]["max_size"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")

# With Redis, the cache (rate limits) is shared and chat events reach every process: each process holds one Redis
# subscription and fans out to its own sockets (loket/chat/hub.py). There is no Channels channel layer: one per
# connection costs about 20 times as much per broadcast (docs/architecture.md).
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "loket.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Chat presence, in seconds: connections beat every HEARTBEAT; a visitor keeps their place for VISITOR_GRACE after the
# last beat, an agent's chats go back to the queue AGENT_GRACE after theirs.
LOKET_CHAT_HEARTBEAT = float(os.environ.get("LOKET_CHAT_HEARTBEAT", "15"))
LOKET_CHAT_VISITOR_GRACE = float(os.environ.get("LOKET_CHAT_VISITOR_GRACE", "120"))
LOKET_CHAT_AGENT_GRACE = float(os.environ.get("LOKET_CHAT_AGENT_GRACE", "60"))
# Sites that may show the chat widget (its frame); "*" is any site. For example: https://www.example.be
LOKET_CHAT_EMBED_ORIGINS = os.environ.get("LOKET_CHAT_EMBED_ORIGINS", "*").split()

# Background work is stored in the database first, so nothing is lost when a worker is down.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# /metrics for Prometheus answers only requests with `Authorization: Bearer LOKET_METRICS_TOKEN`; unset, it is a 404.
LOKET_METRICS_TOKEN = os.environ.get("LOKET_METRICS_TOKEN", "")
# Every Loket process on this machine counts into files here and a scrape adds them up (prometheus-client's
# multiprocess mode, which reads PROMETHEUS_MULTIPROC_DIR when it is first imported: that is after the settings).
LOKET_METRICS_DIR = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(VAR_DIR / "metrics")))
LOKET_METRICS_DIR.mkdir(parents=True, exist_ok=True)

# --- Mail -----------------------------------------------------------------------------------


def _email_settings(url: str) -> dict[str, object]:
    """`smtp://user:pass@host:port?tls=1` or `smtps://…`; empty keeps mail in a local outbox."""
    if not url:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(VAR_DIR / "outbox"),
        }
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme}://")
    query = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": parts.username or "",
        "EMAIL_HOST_PASSWORD": parts.password or "",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", ["0"])[0] == "1",
        "EMAIL_TIMEOUT": 10,
    }


globals().update(_email_settings(os.environ.get("EMAIL_URL", "")))
LOKET_SERVICE_EMAIL = os.environ.get("LOKET_SERVICE_EMAIL", "1700@loket.localhost")
# Closed cases are deleted, with their mail and attachments, this many days after closing.
LOKET_RETENTION_DAYS = int(os.environ.get("LOKET_RETENTION_DAYS", "365"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", LOKET_SERVICE_EMAIL)
# Mailboxes Loket reads over IMAP (docs/operations.md, "Mailboxes"): space-separated imaps:// URLs.
LOKET_IMAP_URL = os.environ.get("LOKET_IMAP_URL", "")
LOKET_IMAP_POLL_SECONDS = float(os.environ.get("LOKET_IMAP_POLL_SECONDS", "60"))
LOKET_IMAP_DONE_FOLDER = os.environ.get("LOKET_IMAP_DONE_FOLDER", "Loket/Verwerkt")
LOKET_IMAP_FAILED_FOLDER = os.environ.get("LOKET_IMAP_FAILED_FOLDER", "Loket/Niet-verwerkt")
LOKET_IMAP_AUTOMATIC_FOLDER = os.environ.get("LOKET_IMAP_AUTOMATIC_FOLDER", "Loket/Automatisch")
# XOAUTH2 (Microsoft 365): an access token from this token endpoint, by the client-credentials flow.
LOKET_IMAP_OAUTH_TOKEN_URL = os.environ.get("LOKET_IMAP_OAUTH_TOKEN_URL", "")
LOKET_IMAP_OAUTH_CLIENT_ID = os.environ.get("LOKET_IMAP_OAUTH_CLIENT_ID", "")
LOKET_IMAP_OAUTH_CLIENT_SECRET = os.environ.get("LOKET_IMAP_OAUTH_CLIENT_SECRET", "")
LOKET_IMAP_OAUTH_SCOPE = os.environ.get("LOKET_IMAP_OAUTH_SCOPE", "https://outlook.office365.com/.default")
# XOAUTH2 (Google Workspace): a service account's JSON key with domain-wide delegation; set, it gives the tokens.
LOKET_IMAP_GOOGLE_KEY_FILE = os.environ.get("LOKET_IMAP_GOOGLE_KEY_FILE", "")
# Automatic mails (the copy to the sender) one address gets per hour at most: two auto-responders cannot loop.
LOKET_AUTOMATIC_MAILS_PER_HOUR = int(os.environ.get("LOKET_AUTOMATIC_MAILS_PER_HOUR", "5"))

# --- Language -------------------------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

# --- Static files and documents ---------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production, serve straight from the apps so `loket serve` needs no collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt", "csv", "xlsx", "ods"]

# --- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Loket"
WAGTAILADMIN_BASE_URL = os.environ.get("LOKET_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "loket.knowledge.search_backend",
        # Used by PostgreSQL's full-text search; SQLite's FTS5 ignores it.
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no request to an outside service for every editor's avatar

# --- Security -------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"

# The reverse proxies in front of Loket (addresses or networks): only their X-Forwarded-For and X-Forwarded-Proto
# are believed (loket.security.TrustedProxyMiddleware removes them from anyone else's request).
try:
    LOKET_TRUSTED_PROXIES = [
        ipaddress.ip_network(value, strict=False)
        for value in re.split(r"[\s,]+", os.environ.get("LOKET_TRUSTED_PROXIES", ""))
        if value
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"LOKET_TRUSTED_PROXIES: {error}") from None
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # from a trusted proxy only (see above)

# No inline script or style anywhere on the public site: every behaviour lives in /static/.
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
    }
}

# Anonymous endpoints: (requests, seconds) per client address; `LOKET_RATE_LIMITS=search=600/60,…` overrides.
LOKET_RATE_LIMITS = {
    "feedback": (20, 600),
    "search": (120, 60),
    "check": (60, 60),
    "contact": (10, 3600),  # per client address
    "contact-address": (5, 3600),  # per sender's e-mail address
    "chat-start": (10, 600),  # per client address
    "chat-message": (30, 60),  # per conversation and side
    "chat-transcript": (3, 3600),  # per conversation
    "chat-signal": (120, 60),  # typing and read marks per conversation and side; past it they are dropped
    "signin-account": (5, 900),  # failed staff sign-ins per account from one address; then locked out
    "signin-address": (20, 900),  # failed staff sign-ins from one address, whatever the account
    "signin": (120, 60),  # staff sign-in attempts from one address, good or bad (an office behind one address)
}
for _rule in filter(None, os.environ.get("LOKET_RATE_LIMITS", "").split(",")):
    _scope, _, _limit = _rule.partition("=")
    _count, _, _seconds = _limit.partition("/")
    if _scope not in LOKET_RATE_LIMITS or not (
        _count.isascii() and _count.isdigit() and _seconds.isascii() and _seconds.isdigit()
    ):
        raise ImproperlyConfigured(f"LOKET_RATE_LIMITS: {_rule!r} is not like search=120/60")
    LOKET_RATE_LIMITS[_scope] = (int(_count), int(_seconds))

# --- Staff sign-in (django-allauth: accounts, two-factor, passkeys, single sign-on; loket/staff/) -------------------

AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "staff:home"  # then on to where the person's role works
LOGOUT_REDIRECT_URL = "account_login"
WAGTAILADMIN_LOGIN_URL = "staff:admin-entrance"  # strangers on to the sign-in; staff without the admin told so
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # passwords change on Loket's own pages, with the same rules
WAGTAIL_PASSWORD_RESET_ENABLED = False
PASSWORD_RESET_TIMEOUT = 24 * 3600  # a sign-in link from `loket staff add` or a reset mail lasts a day
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "loket.staff.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Seconds without activity after which a staff session ends (the pages say when, and warn before).
LOKET_STAFF_SESSION_IDLE = int(os.environ.get("LOKET_STAFF_SESSION_IDLE", str(8 * 3600)))
# "required": staff reach nothing before a second factor is set up (single sign-on leaves it to the provider).
LOKET_STAFF_2FA = os.environ.get("LOKET_STAFF_2FA", "required" if PRODUCTION else "optional")
if LOKET_STAFF_2FA not in ("required", "optional"):
    raise ImproperlyConfigured("LOKET_STAFF_2FA must be required or optional")

ACCOUNT_ADAPTER = "loket.staff.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "loket.staff.adapters.SocialAccountAdapter"
MFA_ADAPTER = "loket.staff.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}  # one name per account: an e-mail address would be a second way to guess
ACCOUNT_FORMS = {"login": "loket.staff.forms.LoginForm"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*"]  # signing up is closed: staff are made by operators
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a reset asked for an unknown address sends nothing: no mail to strangers
ACCOUNT_SESSION_REMEMBER = True  # the idle timeout above decides how long a session lasts
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Loket] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
_signin_account = LOKET_RATE_LIMITS["signin-account"]
ACCOUNT_RATE_LIMITS = {
    # Failures per account from one address (the adapter puts the address into the key): a stranger elsewhere cannot
    # lock a colleague out. Failures per address are counted by the adapter itself (`signin-address`).
    "login_failed": f"{_signin_account[0]}/{_signin_account[1]}s/key",
    "login": f"{LOKET_RATE_LIMITS['signin'][0]}/{LOKET_RATE_LIMITS['signin'][1]}s/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION  # passkeys on http://localhost while trying Loket
MFA_TOTP_ISSUER = "Loket"
MFA_TOTP_TOLERANCE = 1  # a code of the 30 seconds before or after is good too: phone clocks drift
MFA_RECOVERY_CODE_COUNT = 10
MFA_ALLOW_UNVERIFIED_EMAIL = True  # staff addresses come from operators or the provider: nobody signs up with one
USERSESSIONS_TRACK_ACTIVITY = True

# Single sign-on with the organisation's OpenID provider (discovery from the issuer, PKCE).
LOKET_OIDC_ISSUER = os.environ.get("LOKET_OIDC_ISSUER", "").rstrip("/")
LOKET_OIDC_ROLES_CLAIM = os.environ.get("LOKET_OIDC_ROLES_CLAIM", "roles")
# The provider's role or group names that differ from Loket's identifiers: `loket-agents=agent,loket-editors=editor`.
LOKET_OIDC_ROLE_MAP = [
    (name.strip(), role.strip())
    for name, _, role in (pair.partition("=") for pair in os.environ.get("LOKET_OIDC_ROLE_MAP", "").split(","))
    if name.strip()
]
LOKET_OIDC_NAME = os.environ.get("LOKET_OIDC_NAME", "") or "SSO"
LOKET_PASSWORD_LOGIN = os.environ.get("LOKET_PASSWORD_LOGIN", "1") != "0"
if not LOKET_PASSWORD_LOGIN and not LOKET_OIDC_ISSUER:
    raise ImproperlyConfigured("LOKET_PASSWORD_LOGIN=0 needs single sign-on: set LOKET_OIDC_ISSUER too")
SOCIALACCOUNT_PROVIDERS: dict[str, object] = {}
if LOKET_OIDC_ISSUER:
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "sso",
                "name": LOKET_OIDC_NAME,
                "client_id": os.environ.get("LOKET_OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("LOKET_OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": LOKET_OIDC_ISSUER, "oauth_pkce_enabled": True},
            }
        ],
    }
SOCIALACCOUNT_ONLY = not LOKET_PASSWORD_LOGIN
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # a provider's e-mail address never takes over a local account
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10

# Kept this many days, then purged by the daily task.
LOKET_AUDIT_RETENTION_DAYS = int(os.environ.get("LOKET_AUDIT_RETENTION_DAYS", "730"))

# --- Reports (docs/reports.md) -------------------------------------------------------------
# A visitor who leaves the queue sooner than this is a short abandon: counted, but not against the service level.
LOKET_SHORT_ABANDON_SECONDS = int(os.environ.get("LOKET_SHORT_ABANDON_SECONDS", "10"))
# The service level is the share of offered chats (short abandons aside) answered within this many seconds.
LOKET_SERVICE_LEVEL_SECONDS = int(os.environ.get("LOKET_SERVICE_LEVEL_SECONDS", "60"))
# Searches that found nothing are kept (text and count per day only) this many days.
LOKET_SEARCH_LOG_DAYS = int(os.environ.get("LOKET_SEARCH_LOG_DAYS", "90"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOKET_LOG_LEVEL", "INFO")},
    "loggers": {name: {"level": "WARNING"} for name in ("django_tasks", "django_tasks_db", "wagtail")},
}
