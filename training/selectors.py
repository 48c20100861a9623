"""Reads for the training catalogue.

Events belong to a package page (usually the Bokmål one) and are shared by every
translation of it through the package's translation key. Only events of live,
public packages are ever read here, so drafts and members-only packages never
show up in the catalogue, the programme or the calendar feeds.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from training.halfyear import OSLO, HalfYear

CATALOGUE_EVENT_LIMIT = 50

# Query parameters of the catalogue's filters (Norwegian words: they are in shared URLs).
AUDIENCE = "malgruppe"
TOPIC = "tema"
FORMAT = "format"
ORGANISER = "arrangor"
COUNTY = "fylke"
DATE_FROM = "fra"
DATE_TO = "til"
FILTER_PARAMS = (AUDIENCE, TOPIC, FORMAT, ORGANISER, COUNTY, DATE_FROM, DATE_TO)
PACKAGE_FACETS = (AUDIENCE, TOPIC, FORMAT)
EVENT_FACETS = (ORGANISER, COUNTY, "dates")


def training_packages_under(catalog):
    from training.models import TrainingPackagePage

    return (
        TrainingPackagePage.objects.child_of(catalog)
        .live()
        .public()
        .prefetch_related("audiences")
        .order_by("title")
    )


def materials_for(page):
    return page.materials.select_related("document", "image").order_by("sort_order")


def media_items_for(page):
    return (
        page.media_items.filter(media__isnull=False)
        .select_related("media", "captions")
        .order_by("sort_order")
    )


def related_chapters_for(page):
    """Live, public handbook chapters linked from a package, in the page's written standard.

    A chapter not yet translated is shown in the language it exists in.
    """
    from handbooks.models import HandbookChapterPage

    keys = page.related_chapters.values("translation_key")
    chapters = (
        HandbookChapterPage.objects.filter(translation_key__in=keys)
        .live()
        .public()
        .select_related("locale")
        .order_by("title")
    )
    by_key = {}
    for chapter in chapters:
        if chapter.translation_key not in by_key or chapter.locale_id == page.locale_id:
            by_key[chapter.translation_key] = chapter
    return sorted(by_key.values(), key=lambda chapter: chapter.title)


def visible_packages():
    """Every training package anyone may see, in any written standard."""
    from training.models import TrainingPackagePage

    return TrainingPackagePage.objects.live().public()


def visible_events():
    """Events of live, public packages, their relations loaded."""
    from training.models import TrainingEvent

    return TrainingEvent.objects.filter(package__in=visible_packages().values("pk")).select_related(
        "package", "county", "local_branch"
    )


def _upcoming():
    return visible_events().filter(end__gte=timezone.now())


def localize_places(events: list, *, locale_id) -> list:
    """Give each event `organiser_place`: its local branch, else its county, in the
    written standard `locale_id` where that has a translation.

    Events are shared by both written standards and point at the Bokmål county and
    branch. At most two queries, however many events there are.
    """
    from resourcebank.models import County, LocalBranch

    for attname, model in (("local_branch", LocalBranch), ("county", County)):
        related = [getattr(event, attname) for event in events if getattr(event, f"{attname}_id")]
        keys = {obj.translation_key for obj in related if obj.locale_id != locale_id}
        translations = (
            {
                obj.translation_key: obj
                for obj in model.objects.filter(locale_id=locale_id, translation_key__in=keys)
            }
            if keys
            else {}
        )
        for event in events:
            obj = getattr(event, attname) if getattr(event, f"{attname}_id") else None
            if obj is not None and obj.locale_id != locale_id:
                obj = translations.get(obj.translation_key, obj)
            setattr(event, f"localized_{attname}", obj)
    for event in events:
        event.organiser_place = event.localized_local_branch or event.localized_county
    return events


def upcoming_events_for_package(package):
    events = list(_upcoming().filter(package__translation_key=package.translation_key))
    for event in events:
        event.localized_package = package
    return localize_places(events, locale_id=package.locale_id)


# --- The catalogue and its filters -------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    active: bool

    @property
    def available(self) -> bool:
        """Worth following: it lists something, or it is the chosen value (which removes it).

        A value that would list nothing is shown as plain text, not as a link to an
        empty page; the chosen value always stays a link so it can be removed.
        """
        return self.active or self.count > 0


@dataclass
class Facet:
    param: str
    label: str
    values: list[FacetValue]

    @property
    def active_value(self):
        return next((value for value in self.values if value.active), None)


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
    extra: dict = field(default_factory=dict)

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)


def _local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(OSLO).date()


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


def _month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = day.replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def _url(base: str, filters: dict, **changes) -> str:
    params = dict(filters)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    ordered = [(key, params[key]) for key in FILTER_PARAMS if params.get(key)]
    return f"{base}?{urlencode(ordered)}" if ordered else base


def catalogue_filtered(*, catalog, params) -> Catalogue:
    """The catalogue's packages and upcoming events under the filters in `params`.

    Filters on audience, topic and format choose packages; filters on organiser
    level, county and dates choose events, and with any of them a package is listed
    only if it has a matching upcoming event that is not cancelled. Each facet value
    carries the number of packages the catalogue would list if it were chosen (with the
    other filters kept). Costs the same number of queries however many packages and
    events there are: everything is read once and filtered in memory.
    """
    from resourcebank.models import County
    from training.models import OrganiserLevel, TrainingFormat

    base = catalog.url or ""
    packages = list(
        training_packages_under(catalog).prefetch_related("topics").select_related("locale")
    )
    by_key = {package.translation_key: package for package in packages}
    events = list(
        _upcoming().filter(package__translation_key__in=list(by_key)).order_by("start", "pk")
    )
    localize_places(events, locale_id=catalog.locale_id)
    counties = {
        county.slug: county.name
        for county in County.objects.filter(locale_id=catalog.locale_id).only("slug", "name")
    }

    package_info = {}
    audiences, topics = {}, {}
    for package in packages:
        audience_slugs = {audience.slug for audience in package.audiences.all()}
        topic_slugs = {topic.slug for topic in package.topics.all()}
        for audience in package.audiences.all():
            audiences.setdefault(audience.slug, audience.name)
        for topic in package.topics.all():
            topics.setdefault(topic.slug, topic.name)
        package_info[package.pk] = {
            AUDIENCE: audience_slugs,
            TOPIC: topic_slugs,
            FORMAT: {package.format},
        }
    events_by_package = defaultdict(list)
    for event in events:
        package = by_key[event.package.translation_key]
        event.localized_package = package
        events_by_package[package.pk].append(event)
        if event.county_id:
            counties.setdefault(event.county.slug, event.county.name)

    # Read and check the filters. A value the catalogue does not know is left out, with a
    # message, rather than silently giving an empty result.
    errors: list[str] = []
    known = {
        AUDIENCE: audiences,
        TOPIC: topics,
        FORMAT: dict(TrainingFormat.choices),
        ORGANISER: dict(OrganiserLevel.choices),
        COUNTY: counties,
    }
    facet_labels = {
        AUDIENCE: _("Audience"),
        TOPIC: _("Topic"),
        FORMAT: _("Format"),
        ORGANISER: _("Organiser"),
        COUNTY: _("County"),
    }
    filters: dict[str, str] = {}
    for param, values in known.items():
        raw = (params.get(param) or "").strip()
        if not raw:
            continue
        if raw in values:
            filters[param] = raw
        else:
            errors.append(
                _("The catalogue has no %(filter)s “%(value)s”; this filter was left out.")
                % {"filter": str(facet_labels[param]).lower(), "value": raw[:40]}
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

    def event_matches(event, *, ignore=None, criteria=filters):
        if ignore != ORGANISER and ORGANISER in criteria:
            if event.organiser_level != criteria[ORGANISER]:
                return False
        if ignore != COUNTY and COUNTY in criteria:
            if not event.county_id or event.county.slug != criteria[COUNTY]:
                return False
        if ignore != "dates":
            start_day = _local_date(event.start)
            if DATE_FROM in criteria and start_day < datetime.date.fromisoformat(
                criteria[DATE_FROM]
            ):
                return False
            if DATE_TO in criteria and start_day > datetime.date.fromisoformat(criteria[DATE_TO]):
                return False
        return True

    def has_event_criteria(criteria, ignore=None):
        keys = {ORGANISER, COUNTY, DATE_FROM, DATE_TO} - (
            {DATE_FROM, DATE_TO} if ignore == "dates" else {ignore}
        )
        return any(key in criteria for key in keys)

    def package_matches(package, *, ignore=None, criteria=filters):
        info = package_info[package.pk]
        for param in PACKAGE_FACETS:
            if param != ignore and param in criteria and criteria[param] not in info[param]:
                return False
        if has_event_criteria(criteria, ignore):
            return any(
                not event.cancelled and event_matches(event, ignore=ignore, criteria=criteria)
                for event in events_by_package[package.pk]
            )
        return True

    def count_with(param, value):
        criteria = dict(filters)
        if param == "dates":
            criteria[DATE_FROM], criteria[DATE_TO] = value
        else:
            criteria[param] = value
        return sum(1 for package in packages if package_matches(package, criteria=criteria))

    def facet(param, label, values):
        return Facet(
            param=param,
            label=label,
            values=[
                FacetValue(
                    value=value,
                    label=value_label,
                    count=count_with(param, value),
                    url=_url(
                        base, filters, **{param: None if filters.get(param) == value else value}
                    ),
                    active=filters.get(param) == value,
                )
                for value, value_label in values
            ],
        )

    facets = [
        facet(AUDIENCE, _("Audience"), sorted(audiences.items(), key=lambda item: item[1])),
        facet(TOPIC, _("Topic"), sorted(topics.items(), key=lambda item: item[1])),
        facet(FORMAT, _("Format"), TrainingFormat.choices),
        facet(ORGANISER, _("Organiser"), OrganiserLevel.choices),
        facet(COUNTY, _("County"), sorted(counties.items(), key=lambda item: item[1])),
    ]

    # Dates: one link per month that has upcoming events; a form takes any other range.
    months = sorted({_local_date(event.start).replace(day=1) for event in events})[:12]
    month_values = []
    for month in months:
        first, last = _month_bounds(month)
        active = (
            filters.get(DATE_FROM) == first.isoformat() and filters.get(DATE_TO) == last.isoformat()
        )
        month_values.append(
            FacetValue(
                value=first.isoformat(),
                label=month_label(month),
                count=count_with("dates", (first.isoformat(), last.isoformat())),
                url=_url(
                    base,
                    filters,
                    **(
                        {DATE_FROM: None, DATE_TO: None}
                        if active
                        else {DATE_FROM: first.isoformat(), DATE_TO: last.isoformat()}
                    ),
                ),
                active=active,
            )
        )
    facets.append(Facet(param="dates", label=_("Month"), values=month_values))

    listed = [package for package in packages if package_matches(package)]
    listed_pks = {package.pk for package in listed}
    matching_events = [
        event
        for event in events
        if event.localized_package.pk in listed_pks and event_matches(event)
    ]
    return Catalogue(
        packages=listed,
        events=matching_events[:CATALOGUE_EVENT_LIMIT],
        event_count=len(matching_events),
        facets=facets,
        filters=filters,
        errors=errors,
        clear_url=base,
        date_from=date_from,
        date_to=date_to,
    )


def month_label(day: datetime.date) -> str:
    from django.utils.dates import MONTHS

    return f"{str(MONTHS[day.month]).capitalize()} {day.year}"


def catalogue_feed_links(*, catalog, catalogue: Catalogue) -> list[dict]:
    """Calendar feeds that match the catalogue's current audience and county filters."""
    links = [{"label": _("All upcoming training events"), "url": _feed_url(catalog, "calendar")}]
    names = {facet.param: facet.active_value for facet in catalogue.facets}
    if names.get(AUDIENCE):
        links.append(
            {
                "label": _("Events for %(audience)s") % {"audience": names[AUDIENCE].label},
                "url": _feed_url(catalog, "calendar_audience", slug=names[AUDIENCE].value),
            }
        )
    if names.get(COUNTY):
        links.append(
            {
                "label": _("Events in %(county)s") % {"county": names[COUNTY].label},
                "url": _feed_url(catalog, "calendar_county", slug=names[COUNTY].value),
            }
        )
    return links


def _feed_url(page, name, **kwargs):
    return (page.url or "") + page.reverse_subpage(name, kwargs=kwargs or None)


def programme_links(*, catalog) -> list[dict]:
    """Links to this half-year's programme and the next one."""
    current = HalfYear.containing(timezone.now())
    return [
        {"label": half.label, "url": catalog.programme_url(half)}
        for half in (current, current.next())
    ]


# --- The half-year programme ---------------------------------------------------------------


@dataclass
class ProgrammeMonth:
    month: datetime.date
    label: str
    events: list


def programme_events(*, catalog, half_year: HalfYear) -> list:
    """Every event of a half-year (held, planned and cancelled) in date order."""
    packages = {package.translation_key: package for package in training_packages_under(catalog)}
    events = list(
        visible_events()
        .filter(
            package__translation_key__in=list(packages),
            start__gte=half_year.start,
            start__lt=half_year.end,
        )
        .order_by("start", "pk")
    )
    for event in events:
        event.localized_package = packages[event.package.translation_key]
    return localize_places(events, locale_id=catalog.locale_id)


def programme_by_month(events) -> list[ProgrammeMonth]:
    months: dict[datetime.date, list] = {}
    for event in events:
        months.setdefault(_local_date(event.start).replace(day=1), []).append(event)
    return [
        ProgrammeMonth(month=month, label=month_label(month), events=month_events)
        for month, month_events in months.items()
    ]


# --- Calendar feeds --------------------------------------------------------------------------


def feed_events(*, catalog=None, package=None, audience_slug=None, county_slug=None):
    """Upcoming events for a calendar feed: a catalogue's, narrowed by audience or county,
    or one package's."""
    if package is not None:
        return upcoming_events_for_package(package)
    packages = training_packages_under(catalog)
    if audience_slug:
        packages = packages.filter(audiences__slug=audience_slug)
    by_key = {package.translation_key: package for package in packages}
    events = _upcoming().filter(package__translation_key__in=list(by_key))
    if county_slug:
        events = events.filter(county__slug=county_slug)
    events = list(events.order_by("start", "pk"))
    for event in events:
        event.localized_package = by_key[event.package.translation_key]
    return localize_places(events, locale_id=catalog.locale_id)


# --- Attendance --------------------------------------------------------------------------------


@dataclass
class AttendanceRow:
    dimension: str
    name: str
    trainings_held: int
    participants: int


def attendance_report(*, half_year: HalfYear) -> list[AttendanceRow]:
    """Trainings held in a half-year and their participants, by audience, county and package.

    Counts only events that have taken place and were not cancelled. A training for two
    audiences counts for both, so the audience rows may add up to more than the total.
    """
    now = timezone.now()
    events = list(
        visible_events()
        .filter(
            start__gte=half_year.start,
            start__lt=min(half_year.end, now),
            cancelled=False,
        )
        .prefetch_related("package__audiences")
        .order_by("start")
    )
    totals = AttendanceRow(str(_("Total")), str(_("All trainings")), 0, 0)
    groups: dict[tuple[str, str], AttendanceRow] = {}

    def add(dimension, name, event):
        row = groups.setdefault(
            (dimension, name), AttendanceRow(dimension, name, trainings_held=0, participants=0)
        )
        row.trainings_held += 1
        row.participants += event.participants or 0

    audience_label, county_label, package_label = (
        str(_("Audience")),
        str(_("County")),
        str(_("Training package")),
    )
    for event in events:
        totals.trainings_held += 1
        totals.participants += event.participants or 0
        audiences = event.package.audiences.all()
        for audience in audiences:
            add(audience_label, audience.name, event)
        if not audiences:
            add(audience_label, str(_("No audience given")), event)
        add(county_label, event.county.name if event.county_id else str(_("National")), event)
        add(package_label, event.package.title, event)
    order = {audience_label: 0, county_label: 1, package_label: 2}
    rows = sorted(groups.values(), key=lambda row: (order[row.dimension], row.name))
    return [totals, *rows]


def has_events_without_participants(*, half_year: HalfYear) -> int:
    """How many held events of the half-year still lack a participant count."""
    return (
        visible_events()
        .filter(
            Q(participants__isnull=True),
            start__gte=half_year.start,
            start__lt=min(half_year.end, timezone.now()),
            cancelled=False,
        )
        .count()
    )
