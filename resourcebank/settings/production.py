"""Production tier: PostgreSQL, Elasticsearch/OpenSearch, Redis, S3-compatible media.

Everything comes from the environment (see README). Nothing here has a default secret.
"""

from .base import *  # noqa: F403

if env("MEDIA_STORAGE", default="filesystem") == "s3":  # pragma: no cover - needs S3
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
