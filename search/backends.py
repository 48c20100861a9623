"""Search backend configuration, chosen by one environment variable.

``SEARCH_BACKEND`` picks the engine; every choice gets the same Norwegian
analysis (``search.analysis``): Snowball-stemmed terms on SQLite, the
``norwegian`` configuration on PostgreSQL, a Norwegian default analyzer in the
Elasticsearch/OpenSearch index settings. Engines outside the process get a short
timeout and no retries, so a slow engine never holds up a publish (see
``search.engines.resilience``).

Imported from settings, so it must not import Django models.
"""

from search.analysis import elasticsearch_analysis

BACKENDS = {
    "database": "search.engines.database",
    "elasticsearch": "search.engines.elasticsearch.Elasticsearch9Backend",
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
                "INDEX_SETTINGS": {"settings": elasticsearch_analysis()},
            }
        )
    return {"default": config}
