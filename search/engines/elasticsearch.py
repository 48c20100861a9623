"""Elasticsearch 9: modelsearch's backend, guarded against an absent engine.

The Norwegian analysis comes from ``INDEX_SETTINGS`` (see search/backends.py).
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchResults,
)

from elastic_transport import TransportError
from elasticsearch import ApiError

from .resilience import ResilientBackendMixin, ResilientResultsMixin


class Elasticsearch9Results(ResilientResultsMixin, Elasticsearch9SearchResults):
    pass


class Elasticsearch9Backend(ResilientBackendMixin, Elasticsearch9SearchBackend):
    results_class = Elasticsearch9Results

    def is_unavailable_error(self, exc):
        if isinstance(exc, TransportError):
            return True
        return isinstance(exc, ApiError) and exc.meta.status >= 500
