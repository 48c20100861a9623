"""OpenSearch 2.x/3.x: modelsearch's backend with our analysis, guarded against an absent engine.

The analysis is done in Python and handed over as whitespace-separated keys (see
``search.engines.engine``), so the index needs no analysis plugin.
"""

from modelsearch.backends import opensearch2, opensearch3

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError

from .engine import EngineBackendMixin, engine_backend
from .resilience import engine_guard


class _OpenSearchEngine(EngineBackendMixin):
    def _engine_search(self, body, **params):
        with engine_guard(self):
            return self.es.search(index=self._page_index(), body=body, **params)

    def is_unavailable_error(self, exc):
        if isinstance(exc, OpenSearchConnectionError):
            return True
        status = getattr(exc, "status_code", None)
        return isinstance(exc, TransportError) and isinstance(status, int) and status >= 500


def _backend(version: int, module) -> type:
    prefix = f"OpenSearch{version}"
    return engine_backend(
        prefix,
        __name__,
        _OpenSearchEngine,
        getattr(module, f"{prefix}SearchBackend"),
        mapping=getattr(module, f"{prefix}Mapping"),
        index=getattr(module, f"{prefix}Index"),
        query_compiler=getattr(module, f"{prefix}SearchQueryCompiler"),
        autocomplete_compiler=getattr(module, f"{prefix}AutocompleteQueryCompiler"),
        results=getattr(module, f"{prefix}SearchResults"),
    )


OpenSearch2Backend = _backend(2, opensearch2)
OpenSearch3Backend = _backend(3, opensearch3)
