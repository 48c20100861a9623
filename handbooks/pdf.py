"""The whole handbook as one PDF: cover, table of contents with page numbers, every chapter.

WeasyPrint renders it; the result is cached until the handbook or a chapter changes
(the cache key is the handbook's version fingerprint), in Django's cache so every
application server shares it where the cache is shared (Redis in production).
"""

from django.core.cache import cache
from django.utils import translation

from handbooks import selectors
from resourcebank.core.pdf import pdf_from_template

CACHE_SECONDS = 60 * 60 * 24 * 30


def handbook_pdf_cache_key(handbook, *, request) -> str:
    language = translation.get_language() or "nb"
    version = selectors.handbook_version(handbook, request=request)
    return f"handbook-pdf:{handbook.pk}:{language}:{version}"


def handbook_pdf(*, handbook, request) -> bytes:
    """The PDF of a handbook, from the cache when nothing has changed since it was made."""
    key = handbook_pdf_cache_key(handbook, request=request)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_handbook_pdf(handbook=handbook, request=request)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def render_handbook_pdf(*, handbook, request) -> bytes:
    chapters = list(selectors.chapters_of(handbook, request=request).specific())
    return pdf_from_template(
        "handbooks/handbook_pdf.html",
        {
            "page": handbook,
            "handbook": handbook,
            "chapters": chapters,
            "last_updated": selectors.last_updated(handbook, *chapters),
        },
        request=request,
    )
