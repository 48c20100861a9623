"""The pack's summary PDF made by the worker when a pack is published, so the first
download of the pack's ZIP does not wait for WeasyPrint (``campaigns.summary``).
Nothing is enqueued without a worker (``resourcebank.core.worker``)."""

from django.utils import translation

from django_tasks import task

from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.campaigns.summary import pack_summary_pdf
from resourcebank.core import visibility
from resourcebank.core.worker import worker_runs


def pack_summary_prerender_schedule(page) -> bool:
    """Enqueue the summary of the just published `page` if it is a pack and a worker runs."""
    if not isinstance(page.specific, CampaignPackPage) or not worker_runs(pack_summary_prerender):
        return False
    pack_summary_prerender.enqueue(page.pk)
    return True


@task()
def pack_summary_prerender(page_id: int) -> bool:
    """Make the summary of the pack's published version into the cache."""
    page = CampaignPackPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return False  # unpublished or deleted meanwhile
    with translation.override(page.locale.language_code):
        # The summary is the same for every reader; no one's session is needed.
        pack_summary_pdf(page=page, request=visibility.public_request())
    return True
