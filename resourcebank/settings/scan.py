"""Settings for `make security` (scripts/security-scan.sh): the production settings, served
by gunicorn over TLS on loopback with the demo content, for scanners to attack.

Only two things differ from production: static files are served from the apps (no
collectstatic in the scan's time budget), and the demo content may be loaded.
"""

from .production import *  # noqa: F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
DEMO_CONTENT_ALLOWED = True
