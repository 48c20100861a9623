"""Reads for success stories.

The page models import this module, so it reaches them through the module
(``models.SuccessStoryPage``), never by name at import time.
"""

from django.db.models import Prefetch

from wagtail.images.models import Image

from resourcebank.core.selectors import live_visible_children
from resourcebank.stories import models


def success_stories_under(index_page, *, request):
    images = Image.objects.prefetch_renditions("fill-480x270")
    return (
        live_visible_children(index_page, models.SuccessStoryPage, request=request)
        .select_related("local_branch", "county")
        .prefetch_related(Prefetch("image", queryset=images))
    )
