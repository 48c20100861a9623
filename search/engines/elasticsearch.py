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

from .engine import (
    INDEX_SETTINGS,
    EnginePageSearchMixin,
    KeysAutocompleteCompilerMixin,
    KeysIndexMixin,
    KeysMappingMixin,
    KeysQueryCompilerMixin,
)
from .groups import GroupIndexingMixin
from .resilience import ResilientBackendMixin, ResilientResultsMixin, engine_guard


class Elasticsearch8Mapping(KeysMappingMixin, Elasticsearch8Mapping):
    pass


class Elasticsearch8Index(KeysIndexMixin, Elasticsearch8Index):
    pass


class Elasticsearch8QueryCompiler(KeysQueryCompilerMixin, Elasticsearch8SearchQueryCompiler):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8AutocompleteCompiler(
    KeysAutocompleteCompilerMixin, Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = Elasticsearch8Mapping


class Elasticsearch8Results(ResilientResultsMixin, Elasticsearch8SearchResults):
    pass


class Elasticsearch8Backend(
    GroupIndexingMixin, EnginePageSearchMixin, ResilientBackendMixin, Elasticsearch8SearchBackend
):
    mapping_class = Elasticsearch8Mapping
    index_class = Elasticsearch8Index
    query_compiler_class = Elasticsearch8QueryCompiler
    autocomplete_query_compiler_class = Elasticsearch8AutocompleteCompiler
    results_class = Elasticsearch8Results

    def __init__(self, params):
        super().__init__(params)
        self.settings = INDEX_SETTINGS  # no analyzers of modelsearch's: they need plugins

    def _engine_search(self, body, **params):
        with engine_guard(self):
            return self.es.search(index=self._page_index(), **body, **params)

    def is_unavailable_error(self, exc):
        if isinstance(exc, TransportError):
            return True
        return isinstance(exc, ApiError) and exc.meta.status >= 500
