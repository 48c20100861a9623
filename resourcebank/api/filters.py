"""Filters of the API's listings. Each one only narrows the public queryset it is given,
so no filter can bring in anything the visibility rule left out."""

import datetime
import re

from django.db.models import Case, IntegerField, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from rest_framework.filters import BaseFilterBackend

from resourcebank.api import selectors
from resourcebank.api.errors import QueryError, parse_id
from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core.searching import search_backend
from resourcebank.stories.models import SuccessStoryPage
from resourcebank.taxonomy.models import CommemorationDay
from training.halfyear import OSLO
from training.models import TrainingEvent, TrainingPackagePage

SEARCH_LIMIT = 500
SEARCH_MAX_LENGTH = 200
# The words of a search: punctuation that a search engine could read as syntax is dropped.
WORD_RE = re.compile(r"\w+", re.UNICODE)


def parse_date(value: str, name: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise QueryError(_("%(name)s must be a date (YYYY-MM-DD)"), name=name) from error


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The start and end of a day in Oslo."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=OSLO)
    return start, start + datetime.timedelta(days=1)


def _specific_ids(queryset, model, **lookups):
    """Narrow `queryset` (of any page model) to pages of `model` matching `lookups`."""
    return queryset.filter(pk__in=model.objects.filter(**lookups).values("pk"))


class PageFilter(BaseFilterBackend):
    """?audience=, ?topic= (slugs), ?commemoration_day= (id), ?county= (slug),
    ?date= (campaign packs running that day, training packages with a session that day),
    ?published_since= (first published on or after a date)."""

    parameters = ("audience", "topic", "commemoration_day", "county", "date", "published_since")

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        for relation in ("audience", "topic"):
            if params.get(relation):
                queryset = queryset.filter(
                    selectors.pages_with_term(relation=f"{relation}s", slug=params[relation])
                )
        if params.get("commemoration_day"):
            day_id = parse_id(params["commemoration_day"], "commemoration_day")
            keys = CommemorationDay.objects.filter(pk=day_id).values("translation_key")
            queryset = _specific_ids(
                queryset, CampaignPackPage, commemoration_day__translation_key__in=keys
            )
        if params.get("county"):
            slug = params["county"]
            packages = TrainingEvent.objects.filter(county__slug=slug).values(
                "package__translation_key"
            )
            queryset = queryset.filter(
                Q(pk__in=SuccessStoryPage.objects.filter(county__slug=slug).values("pk"))
                | Q(
                    pk__in=TrainingPackagePage.objects.filter(translation_key__in=packages).values(
                        "pk"
                    )
                )
            )
        if params.get("date"):
            day = parse_date(params["date"], "date")
            start, end = day_bounds(day)
            running = TrainingEvent.objects.filter(start__lt=end, end__gte=start).values(
                "package__translation_key"
            )
            queryset = queryset.filter(
                Q(pk__in=selectors.current_campaign_packs(day=day).values("pk"))
                | Q(
                    pk__in=TrainingPackagePage.objects.filter(translation_key__in=running).values(
                        "pk"
                    )
                )
            )
        if params.get("published_since"):
            day = parse_date(params["published_since"], "published_since")
            queryset = queryset.filter(first_published_at__gte=day_bounds(day)[0])
        return queryset


class EventFilter(BaseFilterBackend):
    """Training events: ?county=, ?local_branch=, ?audience=, ?topic= (slugs), ?package= (a
    package id in any language), ?date=, ?from=, ?to= (dates, Oslo time), ?upcoming=true."""

    parameters = (
        "county",
        "local_branch",
        "audience",
        "topic",
        "package",
        "date",
        "from",
        "to",
        "upcoming",
    )

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        if params.get("county"):
            queryset = queryset.filter(
                Q(county__slug=params["county"]) | Q(local_branch__county__slug=params["county"])
            )
        if params.get("local_branch"):
            queryset = queryset.filter(local_branch__slug=params["local_branch"])
        for relation in ("audience", "topic"):
            if params.get(relation):
                keys = TrainingPackagePage.objects.filter(
                    **{f"{relation}s__slug": params[relation]}
                ).values("translation_key")
                queryset = queryset.filter(package__translation_key__in=keys)
        if params.get("package"):
            package_id = parse_id(params["package"], "package")
            keys = Page.objects.filter(pk=package_id).values("translation_key")
            queryset = queryset.filter(package__translation_key__in=keys)
        if params.get("date"):
            start, end = day_bounds(parse_date(params["date"], "date"))
            queryset = queryset.filter(start__lt=end, end__gte=start)
        if params.get("from"):
            queryset = queryset.filter(end__gte=day_bounds(parse_date(params["from"], "from"))[0])
        if params.get("to"):
            queryset = queryset.filter(start__lt=day_bounds(parse_date(params["to"], "to"))[1])
        if params.get("upcoming") in ("true", "1"):
            queryset = queryset.filter(end__gte=timezone.now())
        return queryset


class LocaleCodeFilter(BaseFilterBackend):
    """?locale= for taxonomy terms (language code)."""

    parameters = ("locale",)

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("locale"):
            queryset = queryset.filter(locale__language_code=request.GET["locale"])
        return queryset


class OrderingFilter(BaseFilterBackend):
    """?order= with the fields the view names (a leading "-" for descending)."""

    parameters = ("order",)

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if not order:
            return queryset
        names = order.split(",")
        allowed = set(view.ordering_fields)
        for name in names:
            if name.lstrip("-") not in allowed:
                raise QueryError(
                    _("cannot order by “%(name)s” (use %(fields)s)"),
                    name=name,
                    fields=", ".join(sorted(allowed)),
                )
        return queryset.order_by(*names)


class SearchFilter(BaseFilterBackend):
    """?search=: full-text search over everything of the view's model, then narrowed to
    the public, filtered queryset, best match first."""

    parameters = ("search",)

    def filter_queryset(self, request, queryset, view):
        query = request.GET.get("search", "").strip()
        if not query:
            return queryset
        if len(query) > SEARCH_MAX_LENGTH:
            raise QueryError(
                _("search is longer than %(length)d characters"), length=SEARCH_MAX_LENGTH
            )
        words = WORD_RE.findall(query)
        if not words:
            return queryset.none()
        query = " ".join(words)
        model = queryset.model
        searchable = model.objects.live() if issubclass(model, Page) else model.objects.all()
        results = search_backend().search(query, searchable)[:SEARCH_LIMIT]
        ids = [result.pk for result in results]
        ranked = queryset.filter(pk__in=ids)
        if "order" in request.GET:
            return ranked
        return ranked.order_by(
            Case(
                *[When(pk=pk, then=rank) for rank, pk in enumerate(ids)],
                output_field=IntegerField(),
            )
        )
