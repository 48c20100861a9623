"""Reads for handbooks.

The page models import this module, so it reaches them through the module
(``models.HandbookPage``), never by name at import time.
"""

import hashlib

from django.db.models import Q, Subquery

from wagtail.models import Revision

from handbooks import models
from resourcebank.core.visibility import pages_visible_to


def handbooks_under(index_page, *, request):
    return pages_visible_to(
        models.HandbookPage.objects.child_of(index_page).live(), request
    ).order_by("path")


def chapters_of(handbook, *, request):
    """A handbook's live chapters that this request may see, in tree order.

    A members-only handbook's chapters are restricted with it, so a member sees them all
    and, since the handbook itself is refused, no one else reaches them here.
    """
    chapters = models.HandbookChapterPage.objects.child_of(handbook).live()
    return pages_visible_to(chapters, request).order_by("path")


def chapter_neighbours(chapter, *, request):
    """The chapters before and after ``chapter`` in its handbook (None at either end), in
    one query."""
    siblings = pages_visible_to(
        models.HandbookChapterPage.objects.sibling_of(chapter).live(), request
    )
    before = siblings.filter(path__lt=chapter.path).order_by("-path").values("path")[:1]
    after = siblings.filter(path__gt=chapter.path).order_by("path").values("path")[:1]
    pair = list(siblings.filter(Q(path=Subquery(before)) | Q(path=Subquery(after))))
    previous = next((page for page in pair if page.path < chapter.path), None)
    following = next((page for page in pair if page.path > chapter.path), None)
    return previous, following


def last_updated(*pages):
    """When the newest of these pages was last published (from its revision history), in
    one query however many pages there are."""
    revision_ids = [page.live_revision_id for page in pages if page.live_revision_id]
    created = dict(
        Revision.objects.filter(pk__in=revision_ids).values_list("pk", "created_at")
        if revision_ids
        else ()
    )
    stamps = [
        created.get(page.live_revision_id) if page.live_revision_id else page.last_published_at
        for page in pages
    ]
    stamps = [s for s in stamps if s]
    return max(stamps) if stamps else None


def handbook_version(handbook, *, request) -> str:
    """A fingerprint that changes whenever the handbook or any chapter the request may
    see is published, unpublished, moved, added or removed: the PDF cache key is made
    from it, so a PDF is shared only by readers who see the same chapters."""
    rows = [(handbook.pk, handbook.live_revision_id, str(handbook.last_published_at))]
    rows += list(
        chapters_of(handbook, request=request).values_list(
            "pk", "path", "live_revision_id", "last_published_at"
        )
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:32]
