"""iCalendar feeds: the shape every feed of the site shares (the campaign calendar, the
training calendars, a handbook's year wheel).

A feed is one VCALENDAR with our PRODID, a name, the Gregorian calendar and method
PUBLISH. Each event's UID stays the same for as long as what it shows exists
(``stable_uid``), so a calendar that imports or subscribes to the feed again updates
its events instead of adding them twice; DTSTAMP says when the feed was made.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from icalendar import Calendar

CONTENT_TYPE = "text/calendar; charset=utf-8"


def new_calendar(*, product: str, name: str) -> Calendar:
    """An empty feed named `name`; `product` names the feed's kind in its PRODID."""
    return Calendar.new(
        prodid=f"-//Ressursbanken//{product}//NO", name=name, calscale="GREGORIAN", method="PUBLISH"
    )


def stable_uid(kind: str, key) -> str:
    """``<kind>-<key>@<the site's host>``: `key` must be the same on every download."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"{kind}-{key}@{host}"


def feed_stamp() -> datetime.datetime:
    """Now, in UTC to the second: every event's DTSTAMP."""
    return timezone.now().astimezone(datetime.UTC).replace(microsecond=0)


def calendar_response(body: bytes, *, filename: str, restricted: bool = False) -> HttpResponse:
    """A feed as a download. A feed from behind a view restriction is kept in no cache on
    the way (shared caches and the browser's), like the members-only page it comes from."""
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    if restricted:
        response["Cache-Control"] = "private, no-store"
    return response
