"""Search work for the worker: a document's text read once, and index updates that failed
while the search engine was away, tried again later.

``document_text_index`` reads the text of a document's new file (``search.services``)
and indexes the document with it; it is enqueued when a document is saved with a file
whose text has not been read.

When an external engine (OpenSearch, Elasticsearch) is down, ``ResilientBackendMixin.add``
raises ``SearchUnavailable`` and calls ``index_retry_schedule``, which enqueues
``index_object_retry`` to run after the circuit breaker's cool-down (``run_after``).
The task indexes the object again; if the engine is still away it schedules itself
once more, every ``COOL_DOWN`` seconds for the first minute, then at doubling intervals
up to an hour, and gives up after ``RETRY_ATTEMPTS`` tries. Once an object is indexed,
cached search results are stale (they may lack it), so the task says the content
changed.

This needs a task backend that can defer a task: the database backend
(``TASKS_BACKEND=database``, run by ``manage.py db_worker``) can. The immediate backend
cannot: a retry would run at once while the engine is still down. There the failed
update is only logged, and ``manage.py update_index`` brings the index back in step (the
embedded tier, which uses the immediate backend, searches the database anyway, and that
does not fail this way). ``update_index`` also reconciles what the retries gave up on.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance
from wagtail.documents import get_document_model

from django_tasks import task

from resourcebank.core.caching import content_changed
from search.engines.resilience import COOL_DOWN, ResilientBackendMixin
from search.exceptions import SearchUnavailable
from search.services import document_text_extract, document_text_is_current

logger = logging.getLogger(__name__)

RETRY_ATTEMPTS = 24  # about ten hours: six tries in the first minute, then hourly at most
RETRY_DELAY_MAX = 3600.0  # seconds


def retry_delay(attempt: int) -> float:
    """Seconds to wait before try number `attempt` (1 is the first retry)."""
    if attempt <= 6:
        return COOL_DOWN
    return min(COOL_DOWN * 2 ** (attempt - 6), RETRY_DELAY_MAX)


def index_retry_schedule(obj, *, attempt: int = 1) -> bool:
    """Enqueue `obj`'s index update to be tried again later; False when it is not."""
    label, pk = obj._meta.label, str(obj.pk)
    if attempt > RETRY_ATTEMPTS:
        logger.warning(
            "Search engine still unavailable after %d tries to index %s %s; "
            "run manage.py update_index when it is back",
            RETRY_ATTEMPTS,
            label,
            pk,
        )
        return False
    if not index_object_retry.get_backend().supports_defer:
        logger.warning(
            "Search engine unavailable; %s %s is not indexed until manage.py update_index "
            "(the task backend cannot defer a retry)",
            label,
            pk,
        )
        return False
    run_after = timezone.now() + timedelta(seconds=retry_delay(attempt))
    index_object_retry.using(run_after=run_after).enqueue(label, pk, attempt=attempt)
    return True


@task()
def index_object_retry(label: str, pk: str, attempt: int = 1) -> bool:
    """Index the object again in each engine that failed; True when it reached them."""
    obj = apps.get_model(label)._default_manager.filter(pk=pk).first()
    if obj is None:
        return False  # deleted meanwhile; update_index removes stale entries
    obj = get_indexed_instance(obj)
    if obj is None:
        return False  # no longer indexed (e.g. unpublished)
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        if not isinstance(backend, ResilientBackendMixin):
            continue  # the database backend never missed the update
        try:
            backend.add_now(obj)
        except SearchUnavailable:
            index_retry_schedule(obj, attempt=attempt + 1)
            return False
    # Cached search results may lack this object: they are stale now it is indexed.
    content_changed()
    return True


@task()
def document_text_index(document_id: int) -> bool:
    """Read a document's text (once per file) and index the document with it.

    Enqueued when a document is saved with a file whose text has not been read
    (``document_saved``): an upload, or a file replaced. True when new text was indexed.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document_text_extract(document=document):
        return False
    index.insert_or_update_object(document)
    content_changed()  # cached search results lack the document's words
    return True


def document_saved(sender, instance, raw=False, **kwargs) -> None:
    """post_save of the document model: have the worker read a new file's text."""
    if raw or document_text_is_current(document=instance):
        return
    document_text_index.enqueue(instance.pk)
