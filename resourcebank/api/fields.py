"""What the API shows of each page type, and the fields that need more than a column.

Wagtail's API reads ``api_fields`` from the page models; here the API keeps that list
itself (``API_FIELDS``), so the models need know nothing of the API. Fields that point
at files (materials, images, recordings) leave out whatever lies in a restricted
collection: a public page may offer a members-only file, and its id, title and address
must not reach the public through the API.
"""

from django.utils import timezone

from wagtail.api import APIField
from wagtail.api.v2.utils import get_full_url, get_object_detail_url

from rest_framework.fields import Field

from handbooks.models import HandbookChapterPage, HandbookPage
from resourcebank.api import selectors
from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core import visibility
from resourcebank.core.models import HomePage, IndexPage, InfoPage, ResourcePage
from resourcebank.core.selectors import materials_for
from resourcebank.stories.models import SuccessStoryPage
from training.models import TrainingPackagePage


def detail_url(context, obj) -> str | None:
    return get_object_detail_url(context["router"], context["request"], type(obj), obj.pk)


def term_data(term) -> dict | None:
    if term is None:
        return None
    return {"id": term.pk, "slug": term.slug, "name": term.name}


def day_data(day) -> dict | None:
    if day is None:
        return None
    return {"id": day.pk, "name": day.name, "month": day.month, "day": day.day}


def page_link(context, page) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "html_url": page.get_full_url(context["request"]),
        "detail_url": detail_url(context, page),
    }


def _hidden_collections(context) -> set[int]:
    if "_hidden_collections" not in context:
        context["_hidden_collections"] = visibility.collections_hidden_from(
            visibility.public_request()
        )
    return context["_hidden_collections"]


def document_data(context, document) -> dict | None:
    if document is None or document.collection_id in _hidden_collections(context):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "file_extension": document.file_extension,
        "download_url": get_full_url(context["request"], document.url),
        "detail_url": detail_url(context, document),
    }


def image_data(context, image) -> dict | None:
    if image is None or image.collection_id in _hidden_collections(context):
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "download_url": get_full_url(context["request"], image.file.url),
        "detail_url": detail_url(context, image),
    }


def event_data(context, event, package=None) -> dict:
    package = package or event.package
    place = event.local_branch or event.county
    return {
        "id": event.pk,
        "title": event.title or package.title,
        "start": timezone.localtime(event.start).isoformat(),
        "end": timezone.localtime(event.end).isoformat(),
        "place": event.place,
        "online_url": event.online_url,
        "signup_url": event.signup_url,
        "organiser_level": event.organiser_level,
        "organiser": place.name if place else None,
        "county": term_data(event.county),
        "local_branch": term_data(event.local_branch),
        "cancelled": event.cancelled,
        "package": page_link(context, package),
    }


class InstanceField(Field):
    """A read-only field made from the whole object rather than one attribute."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance


class TermsField(Field):
    """Audiences or topics: [{"id", "slug", "name"}]. Slugs are the same in every language."""

    def to_representation(self, value):
        return [term_data(term) for term in value.all()]


class TermField(Field):
    """A county or a local branch: {"id", "slug", "name"}."""

    def to_representation(self, value):
        return term_data(value)


class CommemorationDayField(Field):
    def to_representation(self, value):
        return day_data(value)


class LocaleField(InstanceField):
    """The language code of a translatable object (nb, nn, en, ...)."""

    def to_representation(self, obj):
        return obj.locale.language_code


class TranslationKeyField(InstanceField):
    """The same for an object in every language: the stable id of the content."""

    def to_representation(self, obj):
        return str(obj.translation_key)


class TranslationsField(InstanceField):
    """The page in the other languages the public may read: [{"id", "locale", ...}]."""

    def to_representation(self, page):
        return [page_link(self.context, other) for other in selectors.public_translations(page)]


class MaterialsField(InstanceField):
    """Materials of a campaign pack or training package, each with its public file."""

    def to_representation(self, page):
        items = []
        for material in materials_for(page):
            document = document_data(self.context, material.document)
            image = image_data(self.context, material.image)
            if document is None and image is None:
                continue  # no file, or one the public may not have
            items.append(
                {
                    "id": material.pk,
                    "title": material.title,
                    "kind": material.kind,
                    "document": document,
                    "image": image,
                }
            )
        return items


class MediaItemsField(InstanceField):
    """Audio and video of a training package that lie outside restricted collections."""

    def to_representation(self, page):
        items = list(page.media_items.filter(media__isnull=False).select_related("media"))
        public = selectors.public_media_ids(items)
        request = self.context["request"]
        return [
            {
                "title": item.media.title,
                "type": item.media.type,
                "duration": item.media.duration,
                "url": get_full_url(request, item.media.url),
                "captions": document_data(self.context, item.captions),
                "transcript": item.transcript,
            }
            for item in items
            if item.media_id in public
        ]


class UpcomingEventsField(InstanceField):
    """Sessions of a training package that have not ended, in date order."""

    def to_representation(self, page):
        events = selectors.public_events().filter(
            package__translation_key=page.translation_key, end__gte=timezone.now()
        )
        return [event_data(self.context, event, package=page) for event in events]


class ImageField(Field):
    def to_representation(self, value):
        return image_data(self.context, value)


RESOURCE_FIELDS = [
    APIField("summary"),
    APIField("audiences", serializer=TermsField(read_only=True)),
    APIField("topics", serializer=TermsField(read_only=True)),
    APIField("tags"),
]

# Per page model: the fields the API shows (Wagtail's ``api_fields``).
API_FIELDS = {
    HomePage: [APIField("intro"), APIField("body")],
    IndexPage: [APIField("intro")],
    InfoPage: [*RESOURCE_FIELDS, APIField("body")],
    CampaignPackPage: [
        *RESOURCE_FIELDS,
        APIField("message"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("commemoration_day", serializer=CommemorationDayField(read_only=True)),
        APIField("body"),
        APIField("materials", serializer=MaterialsField()),
        APIField("suggested_events"),
        APIField("member_activities"),
    ],
    TrainingPackagePage: [
        *RESOURCE_FIELDS,
        APIField("format"),
        APIField("duration_minutes"),
        APIField("learning_goals"),
        APIField("prerequisites"),
        APIField("body"),
        APIField("materials", serializer=MaterialsField()),
        APIField("media_items", serializer=MediaItemsField()),
        APIField("upcoming_events", serializer=UpcomingEventsField()),
    ],
    HandbookPage: [*RESOURCE_FIELDS, APIField("kind"), APIField("intro")],
    HandbookChapterPage: [*RESOURCE_FIELDS, APIField("body")],
    SuccessStoryPage: [
        *RESOURCE_FIELDS,
        APIField("county", serializer=TermField(read_only=True)),
        APIField("local_branch", serializer=TermField(read_only=True)),
        APIField("what_was_done"),
        APIField("result"),
        APIField("how"),
        APIField("image", serializer=ImageField(read_only=True)),
    ],
}

# Shown in listings of one page type without asking (``?fields=`` adds or removes).
LISTING_FIELDS = {
    CampaignPackPage: ["summary", "period_start", "period_end", "commemoration_day"],
    TrainingPackagePage: ["summary", "format", "duration_minutes", "audiences"],
    HandbookPage: ["summary", "kind"],
    HandbookChapterPage: ["summary"],
    SuccessStoryPage: ["summary", "county", "local_branch"],
    InfoPage: ["summary"],
}

# Meta fields of every page, beside Wagtail's own.
PAGE_META_FIELDS = [
    APIField("translation_key", serializer=TranslationKeyField()),
    APIField("translations", serializer=TranslationsField()),
    APIField("last_published_at"),
]


def api_fields(model) -> list:
    """The API fields of `model`: its own entry, else that of the nearest model above it."""
    for klass in model.__mro__:
        if klass in API_FIELDS:
            return API_FIELDS[klass]
    return RESOURCE_FIELDS if issubclass(model, ResourcePage) else []


def listing_fields(model) -> list[str]:
    for klass in model.__mro__:
        if klass in LISTING_FIELDS:
            return LISTING_FIELDS[klass]
    return []
