"""Reads for handbooks."""


def handbooks_under(index_page):
    from handbooks.models import HandbookPage

    return (
        HandbookPage.objects.child_of(index_page)
        .live()
        .public()
        .prefetch_related("audiences")
        .order_by("path")
    )


def chapters_of(handbook):
    """A handbook's live, public chapters in tree order."""
    from handbooks.models import HandbookChapterPage

    return HandbookChapterPage.objects.child_of(handbook).live().public().order_by("path")
