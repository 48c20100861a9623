"""Production tier: PostgreSQL, Elasticsearch/OpenSearch, Redis, S3-compatible media,
a django-tasks worker and an HTTP cache in front.

Everything comes from the environment (see README and docs/deploy.md); base.py reads it
all, so this module adds nothing but its name. Nothing here has a default secret.
"""

from .base import *  # noqa: F403
