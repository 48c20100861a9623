"""iCalendar feeds of training events, in Europe/Oslo time with its VTIMEZONE."""

import datetime

from icalendar import Event

from resourcebank.core.calendars import feed_stamp, new_calendar, stable_uid
from training.halfyear import OSLO


def event_uid(event) -> str:
    """A UID that stays the same for an event as long as it exists.

    Events imported from Zetkin keep the UID they have there, so a calendar that
    subscribes to both does not show them twice.
    """
    if event.uid:
        return event.uid
    return stable_uid("training-event", event.pk)


def events_calendar(events, *, name: str, request=None) -> bytes:
    """An iCalendar document of `events`; times are Europe/Oslo with a VTIMEZONE."""
    calendar = new_calendar(product="Skolering", name=name)
    calendar.add("X-WR-TIMEZONE", "Europe/Oslo")
    stamp = feed_stamp()
    earliest = None
    for event in events:
        package = getattr(event, "localized_package", None) or event.package
        summary = event.title or package.title
        location = event.place or event.online_url or None
        description = "\n\n".join(
            part
            for part in (
                event.description,
                package.summary,
                event.online_url and f"{event.online_url}",
            )
            if part
        )
        url = event.signup_url or package.get_full_url(request)
        start = event.start.astimezone(OSLO).replace(microsecond=0)
        end = event.end.astimezone(OSLO).replace(microsecond=0)
        earliest = min(earliest or start.date(), start.date())
        component = Event.new(
            uid=event_uid(event),
            summary=summary,
            start=start,
            end=end,
            stamp=stamp,
            location=location,
            description=description or None,
            url=url,
            status="CANCELLED" if event.cancelled else "CONFIRMED",
            last_modified=event.updated_at.astimezone(datetime.UTC).replace(microsecond=0)
            if event.updated_at
            else None,
        )
        calendar.add_component(component)
    first = (earliest or stamp.date()) - datetime.timedelta(days=366)
    calendar.add_missing_timezones(first_date=first, last_date=first.replace(year=first.year + 4))
    return calendar.to_ical()
