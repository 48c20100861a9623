"""Keep a down or slow search engine from blocking editors or breaking the site.

Every call to the engine runs inside ``engine_guard``. A connection error, a
timeout or a 5xx answer opens a short circuit breaker for that engine (per
process): for ``COOL_DOWN`` seconds further index updates and searches fail at
once instead of each waiting for the timeout again. The failure is raised as
``SearchUnavailable``, which modelsearch's signal handlers log and swallow for
index updates (``catch_indexing_errors``), and which the search page answers
with a 503.

An index update (``add``) that failed is tried again later by a task
(``search.tasks.index_object_retry``, enqueued with ``run_after`` past the
cool-down) where the task backend can defer one, i.e. the database backend that
``manage.py db_worker`` runs. ``manage.py update_index`` reconciles everything
else: bulk updates and deletions that failed, and updates the immediate task
backend cannot defer.
"""

import time
from contextlib import contextmanager

from search.exceptions import SearchUnavailable

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


class ResilientBackendMixin:
    def is_unavailable_error(self, exc: Exception) -> bool:
        raise NotImplementedError

    def add(self, obj):
        try:
            return self.add_now(obj)
        except SearchUnavailable:
            from search.tasks import index_retry_schedule

            index_retry_schedule(obj)
            raise

    def add_now(self, obj):
        """Index `obj` once, without scheduling a retry if the engine is away."""
        with engine_guard(self):
            return super().add(obj)

    def add_bulk(self, model, obj_list):
        with engine_guard(self):
            return super().add_bulk(model, obj_list)

    def delete(self, obj):
        with engine_guard(self):
            return super().delete(obj)
