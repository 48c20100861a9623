"""The pack's summary PDF, put first in the pack's ZIP: its message, its suggested events
grouped by branch size, and its member activities. The same for every reader, so it is
made once per published version and language (by the worker when the pack is
published, where a worker runs) and then read from the cache."""

from django.utils.translation import get_language

from resourcebank.campaigns import selectors
from resourcebank.core.pdf import pdf_from_template_once


def pack_summary_pdf(*, page, request) -> bytes:
    """A short PDF of the pack's message, its suggested events grouped by branch size, and
    its member activities, made once per published version of the pack and language."""
    version = ":".join(
        str(part)
        for part in (
            page.pk,
            get_language(),
            page.live_revision_id or page.latest_revision_id,
            page.last_published_at,
        )
    )
    context = {"page": page, "events_by_size": selectors.suggested_events_by_size(page)}
    return pdf_from_template_once(
        "campaigns/pack_summary_pdf.html", context, version=version, request=request
    )
