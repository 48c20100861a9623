"""OpenSearch 2.x/3.x: modelsearch's backend with our analysis, guarded against an absent engine.

The analysis is done in Python and handed over as whitespace-separated keys (see
``search.engines.engine``), so the index needs no analysis plugin.
"""

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
    OpenSearch2SearchResults,
)
from modelsearch.backends.opensearch3 import (
    OpenSearch3AutocompleteQueryCompiler,
    OpenSearch3Index,
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
    OpenSearch3SearchResults,
)

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError

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


def _unavailable(exc: Exception) -> bool:
    if isinstance(exc, OpenSearchConnectionError):
        return True
    status = getattr(exc, "status_code", None)
    return isinstance(exc, TransportError) and isinstance(status, int) and status >= 500


class _EngineBackend(GroupIndexingMixin, EnginePageSearchMixin, ResilientBackendMixin):
    def __init__(self, params):
        super().__init__(params)
        self.settings = INDEX_SETTINGS  # no analyzers of modelsearch's: they need plugins

    def _engine_search(self, body, **params):
        with engine_guard(self):
            return self.es.search(index=self._page_index(), body=body, **params)

    def is_unavailable_error(self, exc):
        return _unavailable(exc)


class OpenSearch2Mapping(KeysMappingMixin, OpenSearch2Mapping):
    pass


class OpenSearch2Index(KeysIndexMixin, OpenSearch2Index):
    pass


class OpenSearch2QueryCompiler(KeysQueryCompilerMixin, OpenSearch2SearchQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2AutocompleteCompiler(
    KeysAutocompleteCompilerMixin, OpenSearch2AutocompleteQueryCompiler
):
    mapping_class = OpenSearch2Mapping


class OpenSearch2Results(ResilientResultsMixin, OpenSearch2SearchResults):
    pass


class OpenSearch2Backend(_EngineBackend, OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    index_class = OpenSearch2Index
    query_compiler_class = OpenSearch2QueryCompiler
    autocomplete_query_compiler_class = OpenSearch2AutocompleteCompiler
    results_class = OpenSearch2Results


class OpenSearch3Mapping(KeysMappingMixin, OpenSearch3Mapping):
    pass


class OpenSearch3Index(KeysIndexMixin, OpenSearch3Index):
    pass


class OpenSearch3QueryCompiler(KeysQueryCompilerMixin, OpenSearch3SearchQueryCompiler):
    mapping_class = OpenSearch3Mapping


class OpenSearch3AutocompleteCompiler(
    KeysAutocompleteCompilerMixin, OpenSearch3AutocompleteQueryCompiler
):
    mapping_class = OpenSearch3Mapping


class OpenSearch3Results(ResilientResultsMixin, OpenSearch3SearchResults):
    pass


class OpenSearch3Backend(_EngineBackend, OpenSearch3SearchBackend):
    mapping_class = OpenSearch3Mapping
    index_class = OpenSearch3Index
    query_compiler_class = OpenSearch3QueryCompiler
    autocomplete_query_compiler_class = OpenSearch3AutocompleteCompiler
    results_class = OpenSearch3Results
