"""Search backend configuration, chosen by one environment variable.

``SEARCH_BACKEND`` picks the engine; every choice gets the same Norwegian analysis
(``search.analysis``: Apertium's lemmas and compound parts, shared by Bokmål and
Nynorsk), computed in Python and handed to the engine as keys: FTS5 on SQLite,
``simple`` tsvectors on PostgreSQL, whitespace-split fields on Elasticsearch and
OpenSearch (no analysis plugin needed). Engines outside the process get a short
timeout and no retries, so a slow engine never holds up a publish (see
``search.engines.resilience``).

Imported from settings, so it must not import Django models.
"""

BACKENDS = {
    "database": "search.engines.database",
    "elasticsearch": "search.engines.elasticsearch.Elasticsearch8Backend",
    "elasticsearch8": "search.engines.elasticsearch.Elasticsearch8Backend",
    "elasticsearch9": "search.engines.elasticsearch.Elasticsearch8Backend",
    "opensearch": "search.engines.opensearch.OpenSearch3Backend",
    "opensearch2": "search.engines.opensearch.OpenSearch2Backend",
}


def search_backends(*, backend: str, url: str, index_prefix: str, timeout: float) -> dict:
    """Return WAGTAILSEARCH_BACKENDS for the backend named by SEARCH_BACKEND."""
    if backend not in BACKENDS:
        raise ValueError(
            f"SEARCH_BACKEND must be one of {', '.join(sorted(BACKENDS))}, not {backend!r}"
        )
    config = {"BACKEND": BACKENDS[backend]}
    if backend != "database":
        if not url:
            raise ValueError(f"SEARCH_URL is required when SEARCH_BACKEND={backend}")
        config.update(
            {
                "URLS": [url],
                "INDEX_PREFIX": f"{index_prefix}_",
                "TIMEOUT": timeout,
                "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
            }
        )
    return {"default": config}
