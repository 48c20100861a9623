"""Keep a down or slow search engine from blocking editors or breaking the site.

Every call to the engine runs inside ``engine_guard``. A connection error, a
timeout or a 5xx answer opens a short circuit breaker for that engine (per
process): for ``COOL_DOWN`` seconds further index updates and searches fail at
once instead of each waiting for the timeout again. The failure is raised as
``SearchUnavailable``, which modelsearch's signal handlers log and swallow for
index updates (``catch_indexing_errors``), and which the search page answers
with a 503.

An index update that failed is remembered in the cache (shared between
processes where the cache is, e.g. Redis) and retried after the next update
that reaches the engine. ``manage.py update_index`` reconciles everything, for
updates lost with a process or a local-memory cache.
"""

import logging
import time
from contextlib import contextmanager

from django.apps import apps
from django.core.cache import cache

from resourcebank.core.caching import content_changed
from search.exceptions import SearchUnavailable

logger = logging.getLogger(__name__)

PENDING_KEY = "search:pending-index-updates"
PENDING_MAX = 10_000

COOL_DOWN = 10.0  # seconds

_open_until: dict[str, float] = {}


def _key(backend) -> str:
    return repr(backend.hosts)


def breaker_reset() -> None:
    _open_until.clear()


@contextmanager
def engine_guard(backend):
    key = _key(backend)
    if time.monotonic() < _open_until.get(key, 0.0):
        raise SearchUnavailable("the search engine failed moments ago; not retrying yet")
    try:
        yield
    except Exception as exc:
        if backend.is_unavailable_error(exc):
            _open_until[key] = time.monotonic() + COOL_DOWN
            raise SearchUnavailable(str(exc)) from exc
        raise
    _open_until.pop(key, None)


class ResilientResultsMixin:
    def _do_search(self):
        with engine_guard(self.backend):
            return super()._do_search()

    def _do_count(self):
        with engine_guard(self.backend):
            return super()._do_count()

    def facet(self, field_name):
        with engine_guard(self.backend):
            return super().facet(field_name)


def pending_updates() -> set[tuple[str, str]]:
    return set(cache.get(PENDING_KEY) or ())


def _remember(obj) -> None:
    pending = pending_updates()
    if len(pending) < PENDING_MAX:
        pending.add((obj._meta.label, str(obj.pk)))
        cache.set(PENDING_KEY, pending, None)


class ResilientBackendMixin:
    def is_unavailable_error(self, exc: Exception) -> bool:
        raise NotImplementedError

    def add(self, obj):
        try:
            with engine_guard(self):
                result = super().add(obj)
        except SearchUnavailable:
            _remember(obj)
            raise
        self.retry_pending()
        return result

    def retry_pending(self) -> None:
        """Index the objects whose updates failed while the engine was away."""
        pending = pending_updates()
        if not pending:
            return
        cache.delete(PENDING_KEY)
        for label, pk in sorted(pending):
            obj = apps.get_model(label)._default_manager.filter(pk=pk).first()
            if obj is None:
                continue  # deleted meanwhile; update_index removes stale entries
            obj = obj.get_indexed_instance() or obj
            try:
                with engine_guard(self):
                    super().add(obj)
            except SearchUnavailable:
                _remember(obj)
                logger.warning("Search engine unavailable again while retrying index updates")
                return
        # Cached search results may lack these objects: they are stale now they are indexed.
        content_changed()

    def add_bulk(self, model, obj_list):
        with engine_guard(self):
            return super().add_bulk(model, obj_list)

    def delete(self, obj):
        with engine_guard(self):
            return super().delete(obj)
