"""Base settings: safe for production on their own.

Every value that differs between tiers comes from the environment. Secrets have
no default, so a missing one stops the site at start-up instead of running with
a guessable value. ``dev.py`` and ``test.py`` relax this for local work.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import django.conf.locale
from django.core.exceptions import ImproperlyConfigured

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_ALLOWED_HOSTS=(list, []),
    DJANGO_CSRF_TRUSTED_ORIGINS=(list, []),
    SEARCH_BACKEND=(str, "database"),
    SEARCH_URL=(str, ""),
    SEARCH_INDEX_PREFIX=(str, "ressursbanken"),
    SEARCH_TIMEOUT=(float, 1.0),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    STATIC_ROOT=(str, str(BASE_DIR / "static_root")),
    CACHE_URL=(str, "locmemcache://"),
    CACHE_TIMEOUT=(float, 0.5),
    SESSION_ENGINE=(str, "db"),
    TASKS_BACKEND=(str, "immediate"),
    FRONTEND_CACHE_URL=(list, []),
    MEDIA_STORAGE=(str, "filesystem"),
    S3_BUCKET=(str, ""),
    S3_ENDPOINT_URL=(str, ""),
    S3_REGION=(str, ""),
    S3_ACCESS_KEY_ID=(str, ""),
    S3_SECRET_ACCESS_KEY=(str, ""),
    S3_ADDRESSING_STYLE=(str, "auto"),
    S3_PUBLIC_MEDIA_URL=(str, ""),
    DJANGO_SECURE_COOKIES=(bool, True),
    TRUSTED_PROXIES=(list, []),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "ressursbanken@localhost"),
    APERTIUM_APY_URL=(str, ""),
    APERTIUM_NYNORSK_STYLE=(str, "e"),
    APERTIUM_TIMEOUT=(float, 60.0),
    APERTIUM_CONCURRENCY=(int, 2),
    API_CORS_ALLOWED_ORIGINS=(list, []),
    API_RATE_LIMIT=(str, "300/m"),
    API_CACHE_SECONDS=(int, 300),
)

DEBUG = env("DJANGO_DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, from the bottom layer up (see README: Layout).
    "resourcebank.core",
    "resourcebank.taxonomy",
    "resourcebank.campaigns",
    "resourcebank.stories",
    "training",
    "handbooks",
    "resourcebank.accounts",
    "resourcebank.downloads",
    "search",
    "localization",
    "resourcebank.api",
    "resourcebank.syndication",
    "resourcebank.editorial",
    "resourcebank.privacy",
    "resourcebank.demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "django_tasks",
    "django_tasks_db",
    "taggit",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # First: X-Forwarded-* count only from TRUSTED_PROXIES (resourcebank/core/clients.py).
    "resourcebank.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "resourcebank.core.middleware.SecurityHeadersMiddleware",
    "resourcebank.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304s for every response, the cached ones included.
    "django.middleware.http.ConditionalGetMiddleware",
    # The content version and what is cached under it, read once per request.
    "resourcebank.core.caching.RequestMemoMiddleware",
    # Anonymous pages from Django's cache; Cache-Control for the HTTP cache in front.
    "resourcebank.core.caching.PageCacheMiddleware",
    # The request's Wagtail site from the cache (no query per request).
    "resourcebank.core.caching.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # CORS for the API alone (API_CORS_ALLOWED_ORIGINS), before anything that answers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The languages added for the public reach translated pages only (localization/).
    "localization.middleware.PagesOnlyInAddedLanguagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff prove a second factor before the admin shows them anything.
    "django_otp.middleware.OTPMiddleware",
    "resourcebank.accounts.middleware.StaffSecondFactorMiddleware",
    # Before any view reads the body: too large a request with files is answered 413.
    "resourcebank.core.middleware.UploadSizeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers for a login form whose name is locked (django-axes).
    "axes.middleware.AxesMiddleware",
    # Last: a view that may write runs in one transaction, after the checks above.
    "resourcebank.core.middleware.AtomicWritesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "resourcebank.accounts.backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "resourcebank.urls"
WSGI_APPLICATION = "resourcebank.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
if not DATABASES["default"].get("ENGINE"):
    raise ImproperlyConfigured(
        "DATABASE_URL is not a database URL this site knows "
        "(use sqlite:///path or postgres://user:password@host:port/name)"
    )
# No ATOMIC_REQUESTS: AtomicWritesMiddleware runs only requests that may write in a
# transaction, so a read never waits for a writer.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's default deferred transactions fail at once with "database is locked" when
    # two of them both go on to write; immediate ones wait their turn (up to the
    # timeout) instead. Reads run outside transactions (AtomicWritesMiddleware), and
    # WAL lets them go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two aliases on the one store CACHE_URL names. "default" is an optimisation: with
# Redis, an error there (Redis down) counts as a miss, so pages still serve. "strict"
# is for what must not be lost silently (sessions, login and reset throttles): its
# errors raise, so such a request fails closed. With the local memory cache both
# aliases share one store (same LOCATION).
_cache = env.cache_url_config(env("CACHE_URL"))
_strict_cache = dict(_cache)
if _cache["BACKEND"] == "django_redis.cache.RedisCache":
    _redis_options = {
        "SOCKET_CONNECT_TIMEOUT": env("CACHE_TIMEOUT"),
        "SOCKET_TIMEOUT": env("CACHE_TIMEOUT"),
        **_cache.get("OPTIONS", {}),
    }
    _cache["OPTIONS"] = {**_redis_options, "IGNORE_EXCEPTIONS": True}
    _strict_cache["OPTIONS"] = {**_redis_options, "IGNORE_EXCEPTIONS": False}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
elif _cache["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    # Django's default of 300 entries is too few for the rendered parts of pages kept
    # under the content version ({% shared_fragment %}: a few per page, standard and
    # reader's rights); ``?max_entries=`` in CACHE_URL sets another number.
    _cache["OPTIONS"] = {"MAX_ENTRIES": 5_000, **_cache.get("OPTIONS", {})}
    _strict_cache = _cache
CACHES = {"default": _cache, "strict": _strict_cache}

# Anonymous pages kept in Django's cache (resourcebank/core/caching.py); 0 keeps none
# (the headers for the HTTP cache in front are sent either way).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60)

# Sessions: "db" (the database), "cache" (Redis through the "strict" alias: with Redis
# down nobody can log in, rather than logging in without a session) or "cached_db".
_SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
if env("SESSION_ENGINE") not in _SESSION_ENGINES:
    raise ImproperlyConfigured(f"SESSION_ENGINE must be one of {', '.join(_SESSION_ENGINES)}")
SESSION_ENGINE = _SESSION_ENGINES[env("SESSION_ENGINE")]
SESSION_CACHE_ALIAS = "strict"

# Background work (django-tasks): "immediate" runs each task inside the request that
# enqueues it (the embedded tier); "database" stores it for `manage.py db_worker`.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if env("TASKS_BACKEND") not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[env("TASKS_BACKEND")]}}

# The HTTP cache in front (Varnish): Wagtail sends it a PURGE for a page's URLs when the
# page is published, unpublished or moved (from the worker with TASKS_BACKEND=database).
# One URL per cache node, comma-separated.
if env("FRONTEND_CACHE_URL"):
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("wagtail.contrib.forms"), "wagtail.contrib.frontend_cache"
    )
    WAGTAILFRONTENDCACHE = {
        f"http{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
        for number, location in enumerate(env("FRONTEND_CACHE_URL"))
    }

# Failed logins: five for one name from one address lock that name there for a quarter
# of an hour, on every login form (site and admin). Counted in a shared cache (CACHE_URL
# redis://...) where there is one, so nothing is stored in the database; otherwise (the
# embedded tier's per-process local memory cannot be shared) in the database, where
# the attempts are removed when they expire.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if CACHES["default"]["BACKEND"].startswith("django_redis")
    or "redis" in CACHES["default"]["BACKEND"].lower()
    else "axes.handlers.database.AxesDatabaseHandler"
)
AXES_CACHE = "strict"  # with Redis down, logins fail closed rather than go uncounted
AXES_DISABLE_ACCESS_LOG = True
# Rate limits (django-ratelimit: password resets, story submissions, heavy downloads).
RATELIMIT_USE_CACHE = "strict"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "resourcebank.accounts.selectors.login_username"
AXES_CLIENT_IP_CALLABLE = "resourcebank.core.clients.lockout_address"
AXES_LOCKOUT_CALLABLE = "resourcebank.accounts.views.login_locked_out"
AXES_VERBOSE = False

# Heavy work anyone may ask for (poster rendering, whole-pack ZIPs, handbook PDFs): this
# many requests per client address and endpoint (resourcebank/core/throttle.py).
HEAVY_WORK_RATE = env.str("HEAVY_WORK_RATE", default="30/10m")

# Retention (manage.py retention, daily; docs/data-map.md): how long each kind is kept.
RETENTION_REVISION_DAYS = env.int("RETENTION_REVISION_DAYS", default=365)
RETENTION_AUDIT_LOG_MONTHS = env.int("RETENTION_AUDIT_LOG_MONTHS", default=12)
RETENTION_REJECTED_STORY_DAYS = env.int("RETENTION_REJECTED_STORY_DAYS", default=90)
RETENTION_STORY_SUBMISSION_DAYS = env.int("RETENTION_STORY_SUBMISSION_DAYS", default=365)
RETENTION_SEARCH_QUERY_DAYS = env.int("RETENTION_SEARCH_QUERY_DAYS", default=30)
RETENTION_INACTIVE_ACCOUNT_YEARS = env.int("RETENTION_INACTIVE_ACCOUNT_YEARS", default=3)
# Campaign pack mails: what was sent (so nothing is sent twice) is kept this long.
RETENTION_PACK_NOTICE_DAYS = env.int("RETENTION_PACK_NOTICE_DAYS", default=90)

# Campaign pack subscriptions (resourcebank/accounts): the worker waits this long after a
# pack is published before it mails the digest, so packs published together come in one
# mail; reminders go this many weeks before a commemoration day whose pack is unopened.
PACK_DIGEST_DELAY_MINUTES = env.int("PACK_DIGEST_DELAY_MINUTES", default=10)
PACK_REMINDER_WEEKS = env.int("PACK_REMINDER_WEEKS", default=3)

# `manage.py load_demo` refuses to run unless a tier allows it (dev.py, test.py).
DEMO_CONTENT_ALLOWED = False

# A second factor for staff (TOTP through django-otp; resourcebank/accounts/second_factor.py).
OTP_TOTP_ISSUER = "Ressursbanken"
# Staff sessions last a working day from login; members keep Django's two weeks.
STAFF_SESSION_SECONDS = env.int("STAFF_SESSION_SECONDS", default=10 * 60 * 60)

# No avatars fetched from Gravatar: it would send a hash of every editor's e-mail
# address to a third party on each admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Bokmål is the source, Nynorsk the translation: the two written
# standards, both required for campaign packs and kept in step (the Nynorsk tree is
# synchronised from the Bokmål one). The other languages are for the public, in the
# languages of Oslo's largest immigrant groups: an editor adds one as a Wagtail locale
# (Settings → Locales, without synchronisation) and translates chosen pages into it with
# wagtail-localize; a page not translated into such a language is not offered in it.
# Urdu and Arabic are written right to left.
LANGUAGE_CODE = "nb"
WRITTEN_STANDARDS = ["nb", "nn"]
LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("so", "Soomaali"),
    ("ar", "العربية"),
]
# Django knows every one of these but Somali.
django.conf.locale.LANG_INFO.setdefault(
    "so", {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"}
)
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (code, name) for code, name in LANGUAGES if code in WRITTEN_STANDARDS
]
WAGTAIL_I18N_ENABLED = True
# locale/: our own strings (first, so it wins). locale-admin/: the admin in Bokmål and
# Nynorsk (django and djangojs domains), built from localization/admin_catalogues/ by
# `manage.py build_admin_catalogues`.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-admin"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# MEDIA_STORAGE=s3: uploads in an S3-compatible bucket (django-storages). The bucket stays
# private: documents are always read through Django's document view, which checks their
# privacy. Images have no privacy in Wagtail: with S3_PUBLIC_MEDIA_URL (a CDN, or a proxy
# that serves only the public prefixes images/, original_images/ and media/) their URLs
# point there; without it they are short-lived signed URLs to the bucket itself.
if env("MEDIA_STORAGE") == "s3":
    _missing = [
        name for name in ("S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY") if not env(name)
    ]
    if _missing:
        raise ImproperlyConfigured(f"MEDIA_STORAGE=s3 needs {', '.join(_missing)}")
    _s3_options = {
        "bucket_name": env("S3_BUCKET"),
        "access_key": env("S3_ACCESS_KEY_ID"),
        "secret_key": env("S3_SECRET_ACCESS_KEY"),
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "region_name": env("S3_REGION") or None,
        "addressing_style": env("S3_ADDRESSING_STYLE"),
        "signature_version": "s3v4",
        "default_acl": None,  # the bucket's own policy: private
        "file_overwrite": False,
        "querystring_auth": True,
    }
    if env("S3_PUBLIC_MEDIA_URL"):
        _public = urlsplit(env("S3_PUBLIC_MEDIA_URL").rstrip("/"))
        _s3_options.update(
            querystring_auth=False,
            url_protocol=f"{_public.scheme}:",
            custom_domain=_public.netloc + _public.path,
        )
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
elif env("MEDIA_STORAGE") != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE must be filesystem or s3")

# Wagtail
WAGTAIL_SITE_NAME = "Ressursbanken"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt", "zip", "vtt"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# One limit for every upload (documents, images, audio and video, story photos), in
# bytes; a request body larger than UPLOAD_MAX_FILES_PER_REQUEST such files is refused
# before it is read (resourcebank/core/middleware.py).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
UPLOAD_MAX_FILES_PER_REQUEST = 3
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
# Every upload is checked by content, not name, with these limits, and stored under a
# random name (resourcebank/core/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "resourcebank.core.forms.SafeDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "resourcebank.core.forms.SafeImageForm"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "resourcebank.core.forms.SafeMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm"],
}

# The site's own login page (resourcebank/accounts/) for members; Wagtail's page privacy
# and private document collections send visitors there with ?next=. Staff still log in
# at /admin/login/ (Wagtail's admin uses its own login URL).
LOGIN_URL = "accounts:login"
# The admin's login lets in only people with admin access (resourcebank/accounts/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "resourcebank.accounts.forms.AdminLoginForm"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# Search: the backend is chosen by SEARCH_BACKEND alone (see search/backends.py).
from search.backends import search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends(
    backend=env("SEARCH_BACKEND"),
    url=env("SEARCH_URL"),
    index_prefix=env("SEARCH_INDEX_PREFIX"),
    timeout=env("SEARCH_TIMEOUT"),
)

# Machine translation between the written standards (Apertium, offline).
# APERTIUM_APY_URL set: the apertium-apy server; empty: the `apertium` command.
# APERTIUM_NYNORSK_STYLE: "e" (e-infinitive, "vi": nob-nno_e) or "a" (a-infinitive: nob-nno).
# APERTIUM_CONCURRENCY: requests sent to APy at once for one page; as many as APy's
# pipes per pair (its -i), no more than the cores of its machine.
APERTIUM_APY_URL = env("APERTIUM_APY_URL")
APERTIUM_NYNORSK_STYLE = env("APERTIUM_NYNORSK_STYLE")
APERTIUM_TIMEOUT = env("APERTIUM_TIMEOUT")
APERTIUM_CONCURRENCY = env("APERTIUM_CONCURRENCY")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "localization.machine_translation.ApertiumTranslator",
    "OPTIONS": {},
}

# The API (resourcebank/api/): read-only, public content only, for the member app and the
# county sites. API_CORS_ALLOWED_ORIGINS: the origins whose pages may read it from a
# browser (e.g. https://oslo.example.org); API_RATE_LIMIT: requests per client address
# (django-ratelimit's notation, e.g. 300/m); API_CACHE_SECONDS: how long a response is
# kept (purged at once on publish).
CORS_ALLOWED_ORIGINS = env("API_CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
API_RATE_LIMIT = env("API_RATE_LIMIT")
API_CACHE_SECONDS = env("API_CACHE_SECONDS")
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

EMAIL_CONFIG = env.email_url("EMAIL_URL")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")

# Our own reverse proxies (addresses or networks, e.g. 10.0.1.0/24). From them, and only
# from them, the reader's address is read from X-Forwarded-For (resourcebank/wsgi.py under
# gunicorn, resourcebank/core/clients.py for every server) and the scheme from
# X-Forwarded-Proto; anyone else's X-Forwarded-* headers are dropped
# (resourcebank/core/middleware.py). Empty: REMOTE_ADDR is the reader.
TRUSTED_PROXIES = env("TRUSTED_PROXIES")

# Security defaults for production; dev.py and test.py relax them.
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Cookies only over HTTPS. DJANGO_SECURE_COOKIES=false only for a production-like stack
# served over plain HTTP on loopback (make production-local).
SESSION_COOKIE_SECURE = env("DJANGO_SECURE_COOKIES")
CSRF_COOKIE_SECURE = env("DJANGO_SECURE_COOKIES")
# No script of ours reads the CSRF cookie (forms carry the token; Wagtail's admin has it in
# its page config), so it need not be readable by scripts either.
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this for themselves
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# A StreamField page of a few hundred blocks posts several thousand fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

# Content-Security-Policy (django-csp): the site runs only its own scripts, no inline
# ones, and is framed by nobody. CSP_MEDIA_SOURCES: where images, audio and video are
# served from besides this site (an S3 bucket or CDN address).
CSP_MEDIA_SOURCES = env.list("CSP_MEDIA_SOURCES", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_SOURCES],
        "media-src": ["'self'", *CSP_MEDIA_SOURCES],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin (under /admin/) has inline scripts of its own and shows the page preview
# in a frame of itself (resourcebank/core/middleware.py).
ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
