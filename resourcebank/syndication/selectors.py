"""Reads for the feeds and sitemaps: public content only, asked as an anonymous reader
(``resourcebank/core/visibility.py``), whoever fetches the feed."""

from collections import defaultdict

from django.db.models import Q

from wagtail.models import Locale, Page

from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core import visibility
from resourcebank.stories.models import SuccessStoryPage
from training.models import TrainingEvent, TrainingPackagePage

FEED_LENGTH = 30

# The kinds of new content a feed can follow, by the slug in its address.
FEED_KINDS = {
    "kampanjepakker": CampaignPackPage,
    "gode-eksempler": SuccessStoryPage,
    "skolering": TrainingPackagePage,
}


def public_versions(pages=None):
    """Live pages outside every restricted section that are real versions (an alias,
    an untranslated page shown in its source language, is left out)."""
    pages = Page.objects.all() if pages is None else pages
    return visibility.public_pages(pages.filter(depth__gt=1, alias_of__isnull=True))


def feed_items(
    *,
    language_code: str,
    kind: str | None = None,
    audience: str | None = None,
    county: str | None = None,
) -> list[Page]:
    """The newest public campaign packs, success stories and training packages of one
    language (one kind of them where `kind` is given), for an audience or a county."""
    models = [FEED_KINDS[kind]] if kind else list(FEED_KINDS.values())
    condition = Q()
    for model in models:
        pages = model.objects.filter(locale__language_code=language_code)
        if audience:
            pages = pages.filter(audiences__slug=audience)
        if county:
            pages = _in_county(model, pages, county)
        condition |= Q(pk__in=pages.values("pk"))
    return list(
        public_versions()
        .filter(condition)
        .specific()
        .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
    )


def _in_county(model, pages, county: str):
    if model is SuccessStoryPage:
        return pages.filter(county__slug=county)
    if model is TrainingPackagePage:
        keys = TrainingEvent.objects.filter(
            Q(county__slug=county) | Q(local_branch__county__slug=county)
        ).values("package__translation_key")
        return pages.filter(translation_key__in=keys)
    return pages.none()  # campaign packs are national


def sitemap_languages() -> list[str]:
    """Language codes with at least one public page, the default language first."""
    default = Locale.get_default().language_code
    codes = set(public_versions().values_list("locale__language_code", flat=True).distinct())
    return sorted(codes, key=lambda code: (code != default, code))


def sitemap_pages(*, language_code: str):
    return (
        public_versions()
        .filter(locale__language_code=language_code)
        .select_related("locale")
        .order_by("path")
    )


def versions_by_key(keys) -> dict:
    """{translation_key: {language_code: page}} of the public versions of those keys."""
    versions: dict = defaultdict(dict)
    for page in public_versions().filter(translation_key__in=keys).select_related("locale"):
        versions[page.translation_key][page.locale.language_code] = page
    return versions
