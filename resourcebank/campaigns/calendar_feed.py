"""The campaign calendar as iCalendar: coming commemoration days as all-day events."""

import datetime

from django.utils.translation import gettext as _

from icalendar import Event

from resourcebank.core.calendars import feed_stamp, new_calendar, stable_uid


def occurrence_uid(coming) -> str:
    """The same UID for a day's date in every download, and the same in both standards."""
    return stable_uid("commemoration", f"{coming.day.translation_key}-{coming.date:%Y}")


def commemoration_calendar(coming_days, *, name: str, calendar_url: str, request=None) -> bytes:
    """An iCalendar document with one all-day event per coming commemoration day; its
    description names the day's campaign pack, or says that none exists yet."""
    calendar = new_calendar(product="Merkedager", name=name)
    stamp = feed_stamp()
    for coming in coming_days:
        if coming.packs:
            lines = [
                _("Campaign pack: %(title)s") % {"title": pack.title}
                + f"\n{pack.get_full_url(request)}"
                for pack in coming.packs
            ]
            url = coming.packs[0].get_full_url(request)
        else:
            lines = [_("No campaign pack for this day yet.")]
            url = calendar_url
        if coming.day.description:
            lines.insert(0, coming.day.description)
        calendar.add_component(
            Event.new(
                uid=occurrence_uid(coming),
                summary=coming.day.name,
                start=coming.date,
                end=coming.date + datetime.timedelta(days=1),
                stamp=stamp,
                description="\n\n".join(lines),
                url=url,
            )
        )
    return calendar.to_ical()
