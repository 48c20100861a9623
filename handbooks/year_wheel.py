"""A handbook's year wheel ("årshjul"): its entries placed in a year, month by month.

An entry is yearly (the same dates every year, from its start date's year on) or happens
once (see ``models.YearWheelEntry``). A year view shows every occurrence that touches
the year, under the month it starts in, or under January when it began the year before
(a budget period from December into January shows in both years).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dates import MONTHS

from icalendar import Event

from resourcebank.core.calendars import feed_stamp, new_calendar, stable_uid

# How many years ahead of this one the year view goes (yearly entries go on forever).
YEARS_AHEAD = 5


@dataclass(frozen=True)
class Occurrence:
    entry: object  # a YearWheelEntry
    start: datetime.date
    end: datetime.date  # the last day (the start, for a single day)

    @property
    def is_period(self) -> bool:
        return self.end != self.start

    @property
    def within_a_month(self) -> bool:
        """A period inside one month, written "9.–11. desember"."""
        return self.is_period and (self.start.year, self.start.month) == (
            self.end.year,
            self.end.month,
        )


@dataclass
class Month:
    first_day: datetime.date
    label: str
    occurrences: list[Occurrence]


def _in_year(day: datetime.date, year: int) -> datetime.date:
    """`day`'s day and month in `year` (a 29 February falls on the 28th elsewhere)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def occurrences(entry, year: int) -> list[Occurrence]:
    """The times `entry` happens that touch `year`, in date order."""
    length = (entry.end_date - entry.start_date) if entry.end_date else datetime.timedelta(0)
    if entry.yearly:
        starts = [
            _in_year(entry.start_date, candidate)
            for candidate in (year - 1, year)
            if candidate >= entry.start_date.year
        ]
    else:
        starts = [entry.start_date]
    found = []
    for start in starts:
        end = start + length
        if start.year <= year <= end.year:
            found.append(Occurrence(entry=entry, start=start, end=end))
    return found


def year_occurrences(entries, year: int) -> list[Occurrence]:
    """Every occurrence of `entries` in `year`, by start date, then in the editor's order."""
    found = [occurrence for entry in entries for occurrence in occurrences(entry, year)]
    return sorted(found, key=lambda o: o.start)


def months_of(entries, year: int) -> list[Month]:
    """January to December of `year`, each with the occurrences listed under it."""
    months = [
        Month(first_day=datetime.date(year, number, 1), label=str(MONTHS[number]), occurrences=[])
        for number in range(1, 13)
    ]
    first_of_year = datetime.date(year, 1, 1)
    for occurrence in year_occurrences(entries, year):
        months[max(occurrence.start, first_of_year).month - 1].occurrences.append(occurrence)
    return months


def year_range(entries) -> range:
    """The years a year view is offered for: from the first entry's year (this year at the
    latest) to some years ahead, or to the last one-off entry if that is later."""
    entries = list(entries)
    this_year = timezone.localdate().year
    first = min([this_year, *(entry.start_date.year for entry in entries)])
    last = max(
        [
            this_year + YEARS_AHEAD,
            *((entry.end_date or entry.start_date).year for entry in entries if not entry.yearly),
        ]
    )
    return range(first, last + 1)


def entry_uid(entry) -> str:
    """The same UID in every download and in both standards (the entry's translation key)."""
    return stable_uid("year-wheel", entry.translation_key)


def year_wheel_calendar(entries, *, name: str, url_for_year) -> bytes:
    """The year wheel as iCalendar: one all-day event per entry, a yearly one with a yearly
    RRULE (calendars then show it in every year, as the year view does); `url_for_year`
    gives the year view's full address for an event's first year."""
    calendar = new_calendar(product="Arshjul", name=name)
    stamp = feed_stamp()
    for entry in entries:
        last_day = entry.end_date or entry.start_date
        event = Event.new(
            uid=entry_uid(entry),
            summary=entry.title,
            start=entry.start_date,
            end=last_day + datetime.timedelta(days=1),
            stamp=stamp,
            description=entry.description or None,
            categories=[entry.get_kind_display()],
            url=url_for_year(entry.start_date.year),
        )
        if entry.yearly:
            event.add("RRULE", {"FREQ": "YEARLY"})
        calendar.add_component(event)
    return calendar.to_ical()
