"""The training catalogue under a reader's filters: packages, upcoming events and facets.

Filters on audience, topic and format choose packages; filters on organiser level,
county and dates choose events, and with any of them a package is listed only if it
has a matching upcoming event that is not cancelled. Each facet value carries the
number of packages the catalogue would list if it were chosen, the other filters
kept. Everything is read once (a fixed number of queries, however many packages and
events there are) and filtered in memory by the small functions below.

What is read is kept in the cache under the content version, per catalogue and what the
reader may see (``visibility_key``); an event that has ended since is left out when the
listing is read from there, so the cache never shows one.

The page models import this module, so it reaches them through the module
(``models.TrainingFormat``).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from resourcebank.core import caching, visibility
from resourcebank.core.facets import Facet, FacetValue
from resourcebank.core.query import (
    AUDIENCE,
    COUNTY,
    DATE_FROM,
    DATE_TO,
    FORMAT,
    ORGANISER,
    TOPIC,
    query_string,
)
from resourcebank.taxonomy.models import County
from training import models, selectors

CATALOGUE_EVENT_LIMIT = 50
FILTER_PARAMS = (AUDIENCE, TOPIC, FORMAT, ORGANISER, COUNTY, DATE_FROM, DATE_TO)
PACKAGE_FACETS = (AUDIENCE, TOPIC, FORMAT)
EVENT_FACETS = (ORGANISER, COUNTY)
DATES = "dates"  # the month facet: sets DATE_FROM and DATE_TO together
MONTH_FACET_SIZE = 12
LISTING_STEP = datetime.timedelta(minutes=10)  # see listing_time


@dataclass
class Catalogue:
    packages: list
    events: list
    facets: list[Facet]
    filters: dict
    errors: list[str]
    clear_url: str
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    event_count: int = 0

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)


@dataclass
class _Listing:
    """What the catalogue reads once: packages, their facet values, upcoming events."""

    packages: list
    values: dict  # package pk -> {param: set of values}
    events: list
    events_by_package: dict = field(default_factory=dict)
    known: dict = field(default_factory=dict)  # param -> {value: label}
    counties: dict = field(default_factory=dict)  # slug -> name, the catalogue's own

    def upcoming(self, now: datetime.datetime) -> "_Listing":
        """This listing without the events that have ended by `now`."""
        events = [event for event in self.events if event.end >= now]
        by_package = defaultdict(list)
        counties = dict(self.counties)
        for event in events:
            by_package[event.localized_package.pk].append(event)
            if event.county_id:
                counties.setdefault(event.county.slug, event.county.name)
        return replace(
            self,
            events=events,
            events_by_package=by_package,
            known={**self.known, COUNTY: counties},
        )


def month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def facet_labels() -> dict:
    return {
        AUDIENCE: _("Audience"),
        TOPIC: _("Topic"),
        FORMAT: _("Format"),
        ORGANISER: _("Organiser"),
        COUNTY: _("County"),
    }


def catalogue_url(base: str, filters: dict, **changes) -> str:
    """The catalogue's address with `filters` changed (a value of None removes a filter)."""
    params = {**filters, **changes}
    pairs = [(key, params[key]) for key in FILTER_PARAMS if params.get(key)]
    return base + query_string(pairs) if pairs else base


def listing_time() -> datetime.datetime:
    """The moment the catalogue shows its upcoming events as of: now, to the last
    ``LISTING_STEP``, so the rendered catalogue can be kept for that long
    (``{% shared_fragment %}``) and an event that has ended leaves it within the step."""
    now = timezone.now()
    step = int(LISTING_STEP.total_seconds())
    return datetime.datetime.fromtimestamp(now.timestamp() // step * step, tz=datetime.UTC)


def _listing_read(catalog, *, request, as_of: datetime.datetime) -> _Listing:
    listing = caching.versioned(
        "training-catalogue",
        lambda: _listing_build(catalog, request=request),
        catalog.pk,
        visibility.visibility_key(request),
    )
    return listing.upcoming(as_of)


def _listing_build(catalog, *, request) -> _Listing:
    packages = list(
        selectors.training_packages_under(catalog, request=request)
        .prefetch_related("topics")
        .select_related("locale")
    )
    by_key = {package.translation_key: package for package in packages}
    events = list(
        selectors.upcoming_events(request=request)
        .filter(package__translation_key__in=list(by_key))
        .order_by("start", "pk")
    )
    selectors.localize_places(events, locale_id=catalog.locale_id)
    listing = _Listing(packages=packages, values={}, events=events)
    audiences, topics = {}, {}
    for package in packages:
        for audience in package.audiences.all():
            audiences.setdefault(audience.slug, audience.name)
        for topic in package.topics.all():
            topics.setdefault(topic.slug, topic.name)
        listing.values[package.pk] = {
            AUDIENCE: {audience.slug for audience in package.audiences.all()},
            TOPIC: {topic.slug for topic in package.topics.all()},
            FORMAT: {package.format},
        }
    listing.counties = dict(
        County.objects.filter(locale_id=catalog.locale_id).values_list("slug", "name")
    )
    for event in events:
        event.localized_package = by_key[event.package.translation_key]
    listing.known = {
        AUDIENCE: audiences,
        TOPIC: topics,
        FORMAT: dict(models.TrainingFormat.choices),
        ORGANISER: dict(models.OrganiserLevel.choices),
    }
    return listing


def _parse_date(raw: str, errors: list[str]) -> datetime.date | None:
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        errors.append(
            _("“%(value)s” is not a date. Write dates as YYYY-MM-DD; this filter was left out.")
            % {"value": raw[:40]}
        )
        return None


def filters_read(params, known: dict) -> tuple[dict, list[str]]:
    """The filters in the query string that the catalogue knows, and a message for each
    one it does not (left out rather than silently listing nothing)."""
    errors: list[str] = []
    labels = facet_labels()
    filters: dict[str, str] = {}
    for param, values in known.items():
        raw = (params.get(param) or "").strip()
        if raw in values:
            filters[param] = raw
        elif raw:
            errors.append(
                _("The catalogue has no %(filter)s “%(value)s”; this filter was left out.")
                % {"filter": str(labels[param]).lower(), "value": raw[:40]}
            )
    date_from = _parse_date((params.get(DATE_FROM) or "").strip(), errors)
    date_to = _parse_date((params.get(DATE_TO) or "").strip(), errors)
    if date_from and date_to and date_to < date_from:
        errors.append(_("The end date is before the start date; the dates were left out."))
        date_from = date_to = None
    if date_from:
        filters[DATE_FROM] = date_from.isoformat()
    if date_to:
        filters[DATE_TO] = date_to.isoformat()
    return filters, errors


def event_matches(event, filters: dict, *, ignore: str | None = None) -> bool:
    """Whether an event passes the event filters (all but the one being counted)."""
    if ignore != ORGANISER and ORGANISER in filters:
        if event.organiser_level != filters[ORGANISER]:
            return False
    if ignore != COUNTY and COUNTY in filters:
        if not event.county_id or event.county.slug != filters[COUNTY]:
            return False
    if ignore != DATES:
        start_day = selectors.local_date(event.start).isoformat()
        if DATE_FROM in filters and start_day < filters[DATE_FROM]:
            return False
        if DATE_TO in filters and start_day > filters[DATE_TO]:
            return False
    return True


def _has_event_filters(filters: dict, ignore: str | None) -> bool:
    ignored = {DATE_FROM, DATE_TO} if ignore == DATES else {ignore}
    return any(key in filters for key in {ORGANISER, COUNTY, DATE_FROM, DATE_TO} - ignored)


def package_matches(package, listing: _Listing, filters: dict, *, ignore=None) -> bool:
    """Whether a package passes the filters: its own, and with event filters an event."""
    values = listing.values[package.pk]
    for param in PACKAGE_FACETS:
        if param != ignore and param in filters and filters[param] not in values[param]:
            return False
    if _has_event_filters(filters, ignore):
        return any(
            not event.cancelled and event_matches(event, filters, ignore=ignore)
            for event in listing.events_by_package[package.pk]
        )
    return True


def _count_with(listing: _Listing, filters: dict, changes: dict) -> int:
    criteria = {**filters, **changes}
    return sum(1 for package in listing.packages if package_matches(package, listing, criteria))


def _facet(param: str, listing: _Listing, filters: dict, base: str) -> Facet:
    known = listing.known[param]
    choices = (
        known.items()
        if param in (FORMAT, ORGANISER)
        else sorted(known.items(), key=lambda item: item[1])
    )
    chosen = filters.get(param)
    return Facet(
        param=param,
        label=facet_labels()[param],
        values=[
            FacetValue(
                value=value,
                label=label,
                count=_count_with(listing, filters, {param: value}),
                url=catalogue_url(base, filters, **{param: None if chosen == value else value}),
                selected=chosen == value,
            )
            for value, label in choices
        ],
    )


def _month_facet(listing: _Listing, filters: dict, base: str) -> Facet:
    """One value per month that has upcoming events; a form takes any other range."""
    months = sorted({selectors.local_date(event.start).replace(day=1) for event in listing.events})
    values = []
    for month in months[:MONTH_FACET_SIZE]:
        first, last = (day.isoformat() for day in month_bounds(month))
        chosen = filters.get(DATE_FROM) == first and filters.get(DATE_TO) == last
        dates = {DATE_FROM: None, DATE_TO: None} if chosen else {DATE_FROM: first, DATE_TO: last}
        values.append(
            FacetValue(
                value=first,
                label=selectors.month_label(month),
                count=_count_with(listing, filters, {DATE_FROM: first, DATE_TO: last}),
                url=catalogue_url(base, filters, **dates),
                selected=chosen,
            )
        )
    return Facet(param=DATES, label=_("Month"), values=values)


def catalogue_filtered(*, catalog, params, request, as_of=None) -> Catalogue:
    """The catalogue's packages and upcoming events (as of `as_of`, by default now) under
    the filters in `params`, as far as the request may see them."""
    base = catalog.url or ""
    listing = _listing_read(catalog, request=request, as_of=as_of or timezone.now())
    filters, errors = filters_read(params, listing.known)
    facets = [_facet(param, listing, filters, base) for param in (*PACKAGE_FACETS, *EVENT_FACETS)]
    facets.append(_month_facet(listing, filters, base))
    listed = [package for package in listing.packages if package_matches(package, listing, filters)]
    listed_pks = {package.pk for package in listed}
    events = [
        event
        for event in listing.events
        if event.localized_package.pk in listed_pks and event_matches(event, filters)
    ]
    return Catalogue(
        packages=listed,
        events=events[:CATALOGUE_EVENT_LIMIT],
        event_count=len(events),
        facets=facets,
        filters=filters,
        errors=errors,
        clear_url=base,
        date_from=datetime.date.fromisoformat(filters[DATE_FROM]) if DATE_FROM in filters else None,
        date_to=datetime.date.fromisoformat(filters[DATE_TO]) if DATE_TO in filters else None,
    )


def catalogue_feed_links(*, catalog, catalogue: Catalogue) -> list[dict]:
    """Calendar feeds that match the catalogue's current audience and county filters."""
    links = [{"label": _("All upcoming training events"), "url": _feed_url(catalog, "calendar")}]
    chosen = {facet.param: facet.active_value for facet in catalogue.facets}
    if chosen.get(AUDIENCE):
        links.append(
            {
                "label": _("Events for %(audience)s") % {"audience": chosen[AUDIENCE].label},
                "url": _feed_url(catalog, "calendar_audience", slug=chosen[AUDIENCE].value),
            }
        )
    if chosen.get(COUNTY):
        links.append(
            {
                "label": _("Events in %(county)s") % {"county": chosen[COUNTY].label},
                "url": _feed_url(catalog, "calendar_county", slug=chosen[COUNTY].value),
            }
        )
    return links


def _feed_url(page, name, **kwargs):
    return (page.url or "") + page.reverse_subpage(name, kwargs=kwargs or None)
