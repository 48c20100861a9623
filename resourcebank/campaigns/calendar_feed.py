"""The campaign calendar as iCalendar: coming commemoration days as all-day events."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

PRODID = "-//Ressursbanken//Merkedager//NO"


def occurrence_uid(coming) -> str:
    """The same UID for a day's date in every download, and the same in both standards."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"commemoration-{coming.day.translation_key}-{coming.date:%Y}@{host}"


def commemoration_calendar(coming_days, *, name: str, calendar_url: str, request=None) -> bytes:
    """An iCalendar document with one all-day event per coming commemoration day; its
    description names the day's campaign pack, or says that none exists yet."""
    calendar = Calendar.new(prodid=PRODID, name=name, calscale="GREGORIAN", method="PUBLISH")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
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
