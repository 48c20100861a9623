"""Settings for the test suite. DATABASE_URL picks SQLite (default) or PostgreSQL."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/test.sqlite3")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from .base import *  # noqa: E402

DEBUG = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One local memory store under both aliases (see base.py).
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    for alias in ("default", "strict")
}
# The whole suite shares one client address; tests of the limit set their own rate.
HEAVY_WORK_RATE = "10000/m"
# load_demo may run here (its accounts have a known password).
DEMO_CONTENT_ALLOWED = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Tests never run collectstatic: static files come from the apps' finders, so
# WhiteNoise has no collected directory to look for.
STATIC_ROOT = None
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", str(BASE_DIR / "var" / "test-media"))
WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's default in-memory test database: the browser tests' live
    # server then has its own connection per request thread, as a real server does,
    # instead of sharing the test's one connection between concurrent requests.
    # TEST_DATABASE_NAME lets two runs in one checkout use separate files.
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test-db.sqlite3"))
    }
# Tests see pages rendered, not served from the page cache; the caching tests turn it on.
PAGE_CACHE_SECONDS = 0
# The API's rate limit is tested on its own (resourcebank/api/tests/test_api_http.py).
API_RATE_LIMIT = "100000/m"
