"""Machine translation in the worker: a published page is translated before anyone asks.

When a page is published, the worker machine translates its strings into the other
written standard, into the translator's cache (``localization.machine_translation``),
and writes nothing else: no translation, no draft, nothing a reader or translator sees.
When someone later presses "Machine translate" in wagtail-localize's editor (or syncs
with machine translation, or uses the Missing Nynorsk report), the translator finds the
strings in the cache, and the request does not wait on Apertium. A string changed since
the publish (or one the cache lost) is translated in that request, as before.

This pays only where a worker runs the task (``TASKS_BACKEND=database``). With the
immediate backend (the embedded tier, the tests) the task would run inside the publish
request and make every publish wait on Apertium, so nothing is enqueued there.
"""

import logging

from wagtail.models import Page

from django_tasks import task

from localization import services
from localization.machine_translation import ApertiumError
from resourcebank.core.worker import worker_runs

logger = logging.getLogger(__name__)


def page_pretranslate_schedule(page: Page) -> bool:
    """Enqueue the machine translation of the just published `page` for the worker;
    False when it is not worth it (no worker, or a page nobody translates from)."""
    if not worker_runs(page_pretranslate):
        return False
    if not services.page_is_translation_source(page=page):
        return False
    page_pretranslate.enqueue(page.pk)
    return True


@task()
def page_pretranslate(page_id: int) -> int:
    """Machine translate the page's strings into the cache; returns how many."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0  # deleted meanwhile
    try:
        return services.page_strings_pretranslate(page=page.specific)
    except ApertiumError as error:
        # The button translates on its own then; nothing is lost.
        logger.warning("Page %s not machine translated ahead: %s", page_id, error)
        return 0
