"""Elasticsearch 8 (and 9): modelsearch's backend with our analysis, guarded against outages.

The analysis is done in Python and handed over as whitespace-separated keys (see
``search.engines.engine``), so the index needs no analysis plugin. The Python client
is the 8.x one: Elasticsearch 8 refuses the 9.x client's compatibility headers,
and Elasticsearch 9 accepts the 8.x client's.
"""

from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)

from elastic_transport import TransportError
from elasticsearch import ApiError

from .engine import EngineBackendMixin, engine_backend
from .resilience import engine_guard


class _Elasticsearch8Engine(EngineBackendMixin):
    def _engine_search(self, body, **params):
        with engine_guard(self):
            return self.es.search(index=self._page_index(), **body, **params)

    def is_unavailable_error(self, exc):
        if isinstance(exc, TransportError):
            return True
        return isinstance(exc, ApiError) and exc.meta.status >= 500


Elasticsearch8Backend = engine_backend(
    "Elasticsearch8",
    __name__,
    _Elasticsearch8Engine,
    Elasticsearch8SearchBackend,
    mapping=Elasticsearch8Mapping,
    index=Elasticsearch8Index,
    query_compiler=Elasticsearch8SearchQueryCompiler,
    autocomplete_compiler=Elasticsearch8AutocompleteQueryCompiler,
    results=Elasticsearch8SearchResults,
)
