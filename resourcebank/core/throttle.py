"""The one limit on heavy work that anyone may ask for (PDFs, posters, whole-pack ZIPs).

Counted per client address (``clients.py``) in Django's cache with django-ratelimit, at
``HEAVY_WORK_RATE`` per endpoint; beyond it the visitor gets a Norwegian 429 page in the
standard of the page they asked from, with ``Retry-After``.
"""

from django.conf import settings
from django.template.response import TemplateResponse

from django_ratelimit.core import is_ratelimited

from resourcebank.core.clients import client_address_key

RETRY_AFTER_SECONDS = 600


def too_many_requests(request) -> TemplateResponse:
    response = TemplateResponse(request, "429.html", {}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "private, no-store"
    return response


def heavy_work_refused(request, *, group: str, rate: str | None = None):
    """A 429 response once this client has asked for `group` too often; None otherwise."""
    if is_ratelimited(
        request,
        group=group,
        key=client_address_key,
        rate=rate or settings.HEAVY_WORK_RATE,
        increment=True,
    ):
        return too_many_requests(request)
    return None
