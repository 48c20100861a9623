"""Settings for `make run`: the embedded default tier (SQLite, database search, local media)."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret-ressursbanken")
os.environ.setdefault("DATABASE_URL", "sqlite:///db.sqlite3")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_DEBUG", "true")

from .base import *  # noqa: E402

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# load_demo may run here (its accounts have a known password).
DEMO_CONTENT_ALLOWED = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
