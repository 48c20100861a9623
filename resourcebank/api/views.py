"""The API's endpoints: Wagtail's API v2 views on querysets of public content only.

Every view here reads through ``resourcebank.api.selectors``, which asks the visibility
rule as an anonymous reader; none of them authenticates or looks at the session, so a
response is the same for everyone and may be cached as such.
"""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.models import Page, Site

from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from handbooks.models import HandbookChapterPage, HandbookPage
from resourcebank.api import errors, fields, filters, selectors
from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core.models import InfoPage
from resourcebank.stories.models import SuccessStoryPage
from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic
from training.models import TrainingEvent, TrainingPackagePage

# Deeper than any listing goes; an offset beyond the database's integers would be an error.
MAX_OFFSET = 100_000


class PublicAPIMixin:
    """No authentication, JSON only, only the query parameters a view knows, and a 400
    with a message in English and Bokmål for a bad query string (``errors``)."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]
    ordering_fields = ["id"]

    @property
    def known_query_parameters(self):
        names = set(BaseAPIViewSet.known_query_parameters) - {"search_operator", "format"}
        for backend in self.filter_backends:
            names.update(getattr(backend, "parameters", ()))
        return frozenset(names | set(self.extra_query_parameters))

    extra_query_parameters = ()

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET) - set(self.known_query_parameters)
        if unknown:
            raise errors.QueryError(
                _("query parameter is not an operation or a recognised filter: %(names)s"),
                names=", ".join(sorted(unknown)),
            )
        offset = self.request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise errors.QueryError(_("offset cannot be higher than %(offset)d"), offset=MAX_OFFSET)

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return Response(errors.error_body(exc), status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def get_object(self):
        pk = self.kwargs.get("pk")
        if pk is not None and not errors.id_in_range(self.model, int(pk)):
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET:
            pk = errors.parse_id(request.GET["id"], "id")
            if not errors.id_in_range(queryset.model, pk):
                return None
            return queryset.get(pk=pk)
        return super().find_object(queryset, request)

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)


class PagesViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Every public page; ?type= narrows to one page type, as Wagtail's API does."""

    filter_backends = [
        filters.PageFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        TranslationOfFilter,
        LocaleFilter,
        filters.OrderingFilter,
        filters.SearchFilter,
    ]
    extra_query_parameters = (
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
    )
    ordering_fields = ["id", "title", "first_published_at", "last_published_at"]
    meta_fields = [
        name for name in PagesAPIViewSet.meta_fields if name not in ("alias_of", "show_in_menus")
    ]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["translation_key"]

    def get_base_queryset(self):
        return selectors.public_pages()

    def get_root_page(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        return site.root_page if site else Page.get_first_root_node()

    def get_queryset(self):
        if self.model is Page:
            queryset = super().get_queryset()  # ?type= as in Wagtail's API
        else:
            queryset = self.model.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        queryset = queryset.select_related("locale")
        if queryset.model is Page:
            return queryset.order_by("path")
        return queryset.order_by("-first_published_at", "-pk")

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + fields.api_fields(model))

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields + fields.PAGE_META_FIELDS)

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + fields.listing_fields(model)

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            raise errors.QueryError(_("find by html_path is not offered; use ?slug= or the id"))
        return super().find_object(queryset, request)


class PagesOfOneTypeViewSet(PagesViewSet):
    """One page type's listing (``model``), with the same filters as every page's."""

    extra_query_parameters = tuple(
        name for name in PagesViewSet.extra_query_parameters if name != "type"
    )


class CampaignPacksViewSet(PagesOfOneTypeViewSet):
    model = CampaignPackPage
    ordering_fields = PagesViewSet.ordering_fields + ["period_start", "period_end"]


class TrainingPackagesViewSet(PagesOfOneTypeViewSet):
    model = TrainingPackagePage


class HandbooksViewSet(PagesOfOneTypeViewSet):
    model = HandbookPage


class HandbookChaptersViewSet(PagesOfOneTypeViewSet):
    model = HandbookChapterPage

    def get_queryset(self):
        return super().get_queryset().order_by("path")


class StoriesViewSet(PagesOfOneTypeViewSet):
    model = SuccessStoryPage


class InfoPagesViewSet(PagesOfOneTypeViewSet):
    model = InfoPage


class DocumentsViewSet(PublicAPIMixin, BaseAPIViewSet):
    """Documents outside every restricted collection."""

    filter_backends = [filters.OrderingFilter, filters.SearchFilter]
    body_fields = BaseAPIViewSet.body_fields + ["title"]
    meta_fields = BaseAPIViewSet.meta_fields + ["tags", "download_url"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["title", "download_url"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "download_url"]
    ordering_fields = ["id", "title", "created_at"]
    name = "documents"
    model = get_document_model()

    base_serializer_class = DocumentSerializer

    def get_queryset(self):
        return selectors.public_documents().order_by("id")


class ImagesViewSet(PublicAPIMixin, BaseAPIViewSet):
    """Images outside every restricted collection."""

    filter_backends = [filters.OrderingFilter, filters.SearchFilter]
    body_fields = BaseAPIViewSet.body_fields + ["title", "width", "height"]
    meta_fields = BaseAPIViewSet.meta_fields + ["tags", "download_url"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "title",
        "width",
        "height",
        "download_url",
    ]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["title", "download_url"]
    ordering_fields = ["id", "title", "created_at"]
    name = "images"
    model = get_image_model()

    base_serializer_class = ImageSerializer

    def get_queryset(self):
        return selectors.public_images().order_by("id")


class TermsViewSet(PublicAPIMixin, BaseAPIViewSet):
    """A taxonomy: every term in every language (?locale= for one)."""

    filter_backends = [filters.LocaleCodeFilter, filters.OrderingFilter]
    ordering_fields = ["id", "name", "slug"]
    body_fields = BaseAPIViewSet.body_fields + ["name", "slug", "description"]
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("locale", serializer=fields.LocaleField()),
        APIField("translation_key", serializer=fields.TranslationKeyField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "slug",
        "locale",
        "translation_key",
    ]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("name", "id")

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)


class AudiencesViewSet(TermsViewSet):
    model = Audience


class TopicsViewSet(TermsViewSet):
    model = Topic


class CountiesViewSet(TermsViewSet):
    model = County
    body_fields = BaseAPIViewSet.body_fields + ["name", "slug"]


class LocalBranchesViewSet(TermsViewSet):
    model = LocalBranch
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "slug",
        APIField("county", serializer=fields.TermField(read_only=True)),
    ]
    listing_default_fields = TermsViewSet.listing_default_fields + ["county"]

    def get_queryset(self):
        return super().get_queryset().select_related("county")


class CommemorationDaysViewSet(TermsViewSet):
    model = CommemorationDay
    ordering_fields = ["id", "name", "month", "day"]
    body_fields = BaseAPIViewSet.body_fields + ["name", "month", "day", "description"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "month",
        "day",
        "locale",
        "translation_key",
    ]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("month", "day", "id")


class TrainingEventsViewSet(PublicAPIMixin, BaseAPIViewSet):
    """Sessions of public training packages, with the package in the language asked for
    (?locale=, else the package's own)."""

    filter_backends = [filters.EventFilter, filters.OrderingFilter]
    extra_query_parameters = ("locale",)
    ordering_fields = ["id", "start", "end"]
    model = TrainingEvent
    name = "training-events"

    def get_queryset(self):
        return selectors.public_events().order_by("start", "pk")

    def _packages(self, events) -> dict:
        """The package of each event in the language asked for, where the public may read it."""
        code = self.request.GET.get("locale")
        if not code:
            return {}
        keys = {event.package.translation_key for event in events}
        return {
            page.translation_key: page
            for page in selectors.public_pages(TrainingPackagePage)
            .filter(translation_key__in=keys, locale__language_code=code)
            .select_related("locale")
        }

    def _data(self, events) -> list[dict]:
        context = self.get_serializer_context()
        packages = self._packages(events)
        return [
            fields.event_data(context, event, package=packages.get(event.package.translation_key))
            for event in events
        ]

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self._data(page))

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        return Response(self._data([self.get_object()])[0])


class MemberActivitiesViewSet(PublicAPIMixin, BaseAPIViewSet):
    """What a member can do this week: the activities for individual members of every
    public campaign pack whose period includes ?date= (today in Oslo by default)."""

    filter_backends = []
    extra_query_parameters = ("date", "locale")
    model = CampaignPackPage
    name = "member-activities"

    def listing_view(self, request):
        self.check_query_parameters(None)
        day = timezone.localdate()
        if request.GET.get("date"):
            day = filters.parse_date(request.GET["date"], "date")
        code = request.GET.get("locale") or None
        context = self.get_serializer_context()
        items = [
            {
                "id": item["id"],
                "title": item["title"],
                "description": item["description"],
                "mode": item["mode"],
                "pack": {
                    **fields.page_link(context, item["pack"]),
                    "period_start": _iso(item["pack"].period_start),
                    "period_end": _iso(item["pack"].period_end),
                    "commemoration_day": fields.day_data(item["pack"].commemoration_day),
                },
            }
            for item in selectors.member_activities(day=day, locale_code=code)
        ]
        return Response(
            {"meta": {"date": day.isoformat(), "total_count": len(items)}, "items": items}
        )

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None
