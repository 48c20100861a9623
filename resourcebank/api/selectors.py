"""Reads for the API: only what the public may see, whatever the filter.

Every queryset the API serves starts here, from the visibility rule
(``resourcebank/core/visibility.py``) asked as an anonymous reader without a session, so
a member's login never widens a response that is cached for everyone. Pages are live,
outside every restricted section and real versions (an alias, the Bokmål text shown under
another language until it is translated, is no version of its own).
"""

import datetime

from django.db.models import Q

from wagtail.models import Page

from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core import visibility
from resourcebank.core.models import ResourcePage
from training.models import TrainingEvent, TrainingPackagePage


def public_pages(model=Page):
    """Pages of `model` (every page type by default) that the public may see."""
    pages = model.objects.filter(depth__gt=1, alias_of__isnull=True)
    return visibility.public_pages(pages)


def public_documents():
    return visibility.public_documents()


def public_images():
    return visibility.public_images()


def public_media_ids(media_items) -> set[int]:
    """Ids of the audio and video among `media_items` that are outside restricted collections."""
    hidden = visibility.collections_hidden_from(visibility.public_request())
    return {item.media_id for item in media_items if item.media.collection_id not in hidden}


def public_translations(page) -> list[Page]:
    """The page's versions in the other languages that the public may see."""
    return list(
        public_pages()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def resource_page_models() -> list[type[Page]]:
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, ResourcePage)]


def pages_with_term(*, relation: str, slug: str):
    """Ids of resource pages of any type that carry the audience or topic `slug`."""
    condition = Q()
    for model in resource_page_models():
        condition |= Q(pk__in=model.objects.filter(**{f"{relation}__slug": slug}).values("pk"))
    return condition


def public_events():
    """Training events of packages the public may see."""
    return TrainingEvent.objects.filter(
        package__in=public_pages(TrainingPackagePage).values("pk")
    ).select_related("package", "package__locale", "county", "local_branch")


def current_campaign_packs(*, day: datetime.date, locale_code: str | None = None):
    """Public campaign packs whose period includes `day` (an open end counts as open)."""
    packs = public_pages(CampaignPackPage).filter(
        Q(period_start__isnull=False) | Q(period_end__isnull=False),
        Q(period_start__isnull=True) | Q(period_start__lte=day),
        Q(period_end__isnull=True) | Q(period_end__gte=day),
    )
    if locale_code:
        packs = packs.filter(locale__language_code=locale_code)
    return packs.select_related("locale", "commemoration_day").order_by("period_end", "pk")


def member_activities(*, day: datetime.date, locale_code: str | None = None) -> list[dict]:
    """The activities for individual members of every pack that runs on `day`."""
    items = []
    for pack in current_campaign_packs(day=day, locale_code=locale_code):
        for block in pack.member_activities:
            items.append({"id": block.id, "pack": pack, **dict(block.value)})
    return items
