"""OpenSearch 2.x/3.x: modelsearch's backend, guarded against an absent engine.

The Norwegian analysis comes from ``INDEX_SETTINGS`` (see search/backends.py).
"""

from modelsearch.backends.opensearch2 import (
    OpenSearch2SearchBackend,
    OpenSearch2SearchResults,
)
from modelsearch.backends.opensearch3 import (
    OpenSearch3SearchBackend,
    OpenSearch3SearchResults,
)

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError

from .resilience import ResilientBackendMixin, ResilientResultsMixin


def _unavailable(exc: Exception) -> bool:
    if isinstance(exc, OpenSearchConnectionError):
        return True
    status = getattr(exc, "status_code", None)
    return isinstance(exc, TransportError) and isinstance(status, int) and status >= 500


class OpenSearch2Results(ResilientResultsMixin, OpenSearch2SearchResults):
    pass


class OpenSearch2Backend(ResilientBackendMixin, OpenSearch2SearchBackend):
    results_class = OpenSearch2Results

    def is_unavailable_error(self, exc):
        return _unavailable(exc)


class OpenSearch3Results(ResilientResultsMixin, OpenSearch3SearchResults):
    pass


class OpenSearch3Backend(ResilientBackendMixin, OpenSearch3SearchBackend):
    results_class = OpenSearch3Results

    def is_unavailable_error(self, exc):
        return _unavailable(exc)
