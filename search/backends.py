"""Search backend configuration, chosen by one environment variable.

Imported from settings, so it must not import Django models.
"""

BACKENDS = {
    "database": "wagtail.search.backends.database",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "opensearch": "wagtail.search.backends.opensearch3",
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
