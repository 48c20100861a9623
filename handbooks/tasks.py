"""Handbook PDFs made by the worker when a handbook or one of its chapters is published,
so the first reader to press "Last ned som PDF" gets it from the cache instead of
waiting for WeasyPrint.

Only what the public sees is made ahead: the PDF is cached per fingerprint of the
chapters a reader may see (``handbooks.pdf``), and a members-only handbook's PDF is
made the first time a member asks for it. Nothing is enqueued without a worker
(``resourcebank.core.worker``).
"""

from django.utils import translation

from django_tasks import task

from handbooks import models, pdf
from resourcebank.core import visibility
from resourcebank.core.worker import worker_runs


def handbook_of(page):
    """The handbook `page` is, or is a chapter of; None for any other page."""
    page = page.specific
    if isinstance(page, models.HandbookPage):
        return page
    if isinstance(page, models.HandbookChapterPage):
        return models.HandbookPage.objects.parent_of(page).first()
    return None


def handbook_pdf_prerender_schedule(page) -> bool:
    """Enqueue the PDF of the handbook the just published `page` belongs to; False when
    there is none, or no worker to make it."""
    if not worker_runs(handbook_pdf_prerender):
        return False
    handbook = handbook_of(page)
    if handbook is None:
        return False
    handbook_pdf_prerender.enqueue(handbook.pk)
    return True


@task()
def handbook_pdf_prerender(handbook_id: int) -> bool:
    """Make the public PDF of a live handbook into the cache; False when it has none."""
    handbook = models.HandbookPage.objects.live().filter(pk=handbook_id).first()
    if handbook is None:
        return False  # unpublished or deleted meanwhile
    request = visibility.public_request()
    if not visibility.pages_visible_to(
        models.HandbookPage.objects.filter(pk=handbook.pk), request
    ).exists():
        return False  # members only: made when a member first asks
    with translation.override(handbook.locale.language_code):
        pdf.handbook_pdf(handbook=handbook, request=request)
    return True
