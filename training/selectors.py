"""Reads for the training catalogue.

Events belong to a package page (usually the Bokmål one) and are shared by every
translation of it through the package's translation key. Only events of live
packages the request may see are read here, so drafts never show up in the
catalogue, the programme or the calendar feeds, and members-only packages only for
members.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from handbooks.models import HandbookChapterPage
from resourcebank.core.locales import localized
from resourcebank.core.selectors import materials_for
from resourcebank.core.visibility import pages_visible_to
from training import models
from training.halfyear import OSLO, HalfYear

__all__ = ["materials_for"]


def training_packages_under(catalog, *, request):
    return (
        pages_visible_to(models.TrainingPackagePage.objects.child_of(catalog).live(), request)
        .prefetch_related("audiences")
        .order_by("title")
    )


def media_items_for(page):
    return (
        page.media_items.filter(media__isnull=False)
        .select_related("media", "captions")
        .order_by("sort_order")
    )


def related_chapters_for(page, *, request):
    """Live handbook chapters linked from a package that the request may see, in the page's
    written standard.

    A chapter not yet translated is shown in the language it exists in.
    """
    keys = page.related_chapters.values("translation_key")
    chapters = (
        pages_visible_to(
            HandbookChapterPage.objects.filter(translation_key__in=keys).live(), request
        )
        .select_related("locale")
        .order_by("title")
    )
    own = [chapter for chapter in chapters if chapter.locale_id == page.locale_id]
    chosen = localized(own + list(chapters), locale_id=page.locale_id)
    return sorted(chosen, key=lambda chapter: chapter.title)


def visible_packages(*, request):
    """Every live training package the request may see, in any written standard."""
    return pages_visible_to(models.TrainingPackagePage.objects.live(), request)


def _events_of(packages):
    return models.TrainingEvent.objects.filter(package__in=packages.values("pk")).select_related(
        "package", "county", "local_branch"
    )


def visible_events(*, request):
    """Events of live packages the request may see, their relations loaded."""
    return _events_of(visible_packages(request=request))


def upcoming_events(*, request):
    return visible_events(request=request).filter(end__gte=timezone.now())


def localize_places(events: list, *, locale_id) -> list:
    """Give each event `organiser_place`: its local branch, else its county, in the
    written standard `locale_id` where that has a translation.

    Events are shared by both written standards and point at the Bokmål county and
    branch. Their translations come from the cache: no query, however many events.
    """
    for attname in ("local_branch", "county"):
        places = {
            obj.translation_key: obj
            for obj in localized(
                [getattr(event, attname) for event in events if getattr(event, f"{attname}_id")],
                locale_id=locale_id,
                cached=True,
            )
        }
        for event in events:
            obj = getattr(event, attname) if getattr(event, f"{attname}_id") else None
            setattr(event, f"localized_{attname}", obj and places[obj.translation_key])
    for event in events:
        event.organiser_place = event.localized_local_branch or event.localized_county
    return events


def upcoming_events_for_package(package, *, request):
    events = list(
        upcoming_events(request=request).filter(package__translation_key=package.translation_key)
    )
    for event in events:
        event.localized_package = package
    return localize_places(events, locale_id=package.locale_id)


def coming_events_in(*, locale_id: int) -> list:
    """Every coming, not cancelled event of a live package, soonest first, each with its
    package in `locale_id` where that version is live (else its own) and its place in
    that standard. The same for every reader: whoever shows them decides who may see
    which, by their packages (``event.package`` and ``event.localized_package``)."""
    # Kept in caches by those who show them: without the packages' long texts.
    long_texts = ("body", "learning_goals", "prerequisites")
    events = list(
        models.TrainingEvent.objects.filter(
            end__gte=timezone.now(), cancelled=False, package__live=True
        )
        .select_related("package", "county", "local_branch")
        .defer(*(f"package__{name}" for name in long_texts))
        .order_by("start", "pk")
    )
    versions = {
        page.translation_key: page
        for page in models.TrainingPackagePage.objects.live()
        .filter(
            translation_key__in={event.package.translation_key for event in events},
            locale_id=locale_id,
        )
        .defer(*long_texts)
    }
    for event in events:
        event.localized_package = versions.get(event.package.translation_key, event.package)
    return localize_places(events, locale_id=locale_id)


def local_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(OSLO).date()


def month_label(day: datetime.date) -> str:
    return f"{str(MONTHS[day.month]).capitalize()} {day.year}"


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


def programme_events(*, catalog, half_year: HalfYear, request) -> list:
    """Every event of a half-year (held, planned and cancelled) in date order."""
    packages = {
        package.translation_key: package
        for package in training_packages_under(catalog, request=request)
    }
    events = list(
        visible_events(request=request)
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
        months.setdefault(local_date(event.start).replace(day=1), []).append(event)
    return [
        ProgrammeMonth(month=month, label=month_label(month), events=month_events)
        for month, month_events in months.items()
    ]


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    events: list
    today: bool = False


@dataclass
class CalendarWeek:
    number: int  # the ISO week number Norwegians use ("uke 10")
    days: list[CalendarDay]


@dataclass
class CalendarMonth:
    month: datetime.date
    label: str
    weeks: list[CalendarWeek]
    days_with_events: list[CalendarDay]


# A Monday-to-Sunday week, for the names of the calendar's columns.
WEEKDAYS = [datetime.date(2024, 1, 1) + datetime.timedelta(days=n) for n in range(7)]


def programme_calendar(events, *, half_year: HalfYear) -> list[CalendarMonth]:
    """The half-year as six month grids, Monday first, each day with its events (as
    `programme_events` gives them). Days of the weeks' other months are left empty."""
    today = timezone.localdate(timezone=OSLO)
    by_day: dict[datetime.date, list] = {}
    for event in events:
        by_day.setdefault(local_date(event.start), []).append(event)
    months = []
    for offset in range(6):
        first = half_year.first_day.replace(month=half_year.first_day.month + offset)
        weeks = [
            CalendarWeek(
                number=week[0].isocalendar().week,
                days=[
                    CalendarDay(
                        date=day,
                        in_month=day.month == first.month,
                        events=by_day.get(day, []) if day.month == first.month else [],
                        today=day == today,
                    )
                    for day in week
                ],
            )
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
                first.year, first.month
            )
        ]
        busy = [day for week in weeks for day in week.days if day.events]
        months.append(
            CalendarMonth(month=first, label=month_label(first), weeks=weeks, days_with_events=busy)
        )
    return months


# --- Calendar feeds --------------------------------------------------------------------------


def feed_events(*, request, catalog=None, package=None, audience_slug=None, county_slug=None):
    """Upcoming events for a calendar feed: a catalogue's, narrowed by audience or county,
    or one package's."""
    if package is not None:
        return upcoming_events_for_package(package, request=request)
    packages = training_packages_under(catalog, request=request)
    if audience_slug:
        packages = packages.filter(audiences__slug=audience_slug)
    by_key = {package.translation_key: package for package in packages}
    events = upcoming_events(request=request).filter(package__translation_key__in=list(by_key))
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

    Counts only events that have taken place and were not cancelled, of every live
    package (members-only ones included: the report is for editors). A training for two
    audiences counts for both, so the audience rows may add up to more than the total.
    """
    now = timezone.now()
    events = list(
        _events_of(models.TrainingPackagePage.objects.live())
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
        _events_of(models.TrainingPackagePage.objects.live())
        .filter(
            Q(participants__isnull=True),
            start__gte=half_year.start,
            start__lt=min(half_year.end, timezone.now()),
            cancelled=False,
        )
        .count()
    )
