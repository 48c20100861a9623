"""The search backend, made once per process, for every app that searches.

modelsearch's (and Wagtail's) ``get_search_backend`` builds a new backend on every call,
and for an engine a new client with its own connection pool: each search would open a
new connection to OpenSearch or Elasticsearch (and over TLS, a new handshake). The
backend is forgotten when the search settings change (``connect``; the tests'
``override_settings``). Which backend and how it is configured is ``search.backends``'.
"""

from functools import cache

from django.test.signals import setting_changed

SEARCH_SETTINGS = ("WAGTAILSEARCH_BACKENDS", "MODELSEARCH_BACKENDS")


@cache
def search_backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend()


def _settings_changed(*, setting, **kwargs):
    if setting in SEARCH_SETTINGS:
        search_backend.cache_clear()


def connect() -> None:
    setting_changed.connect(_settings_changed, dispatch_uid="search_backend_settings")
