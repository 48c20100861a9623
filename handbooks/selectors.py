"""Reads for handbooks.

The page models import this module, so it reaches them through the module
(``models.HandbookPage``), never by name at import time.
"""

import hashlib

from handbooks import models


def handbooks_under(index_page):
    return (
        models.HandbookPage.objects.child_of(index_page)
        .live()
        .public()
        .prefetch_related("audiences")
        .order_by("path")
    )


def chapters_of(handbook):
    """A handbook's live, public chapters in tree order."""
    return models.HandbookChapterPage.objects.child_of(handbook).live().public().order_by("path")


def chapter_neighbours(chapter):
    """The chapters before and after ``chapter`` in its handbook (None at either end)."""
    siblings = models.HandbookChapterPage.objects.sibling_of(chapter).live().public()
    previous = siblings.filter(path__lt=chapter.path).order_by("-path").first()
    following = siblings.filter(path__gt=chapter.path).order_by("path").first()
    return previous, following


def last_updated(*pages):
    """When the newest of these pages was last published (from its revision history)."""
    stamps = []
    for page in pages:
        revision = getattr(page, "live_revision", None)
        stamps.append(revision.created_at if revision else page.last_published_at)
    stamps = [s for s in stamps if s]
    return max(stamps) if stamps else None


def handbook_version(handbook) -> str:
    """A fingerprint that changes whenever the handbook or any chapter is published,
    unpublished, moved, added or removed: the PDF cache key is made from it."""
    rows = [(handbook.pk, handbook.live_revision_id, str(handbook.last_published_at))]
    rows += list(
        chapters_of(handbook).values_list("pk", "path", "live_revision_id", "last_published_at")
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:32]
