"""Writes for the training catalogue: importing events from Zetkin's iCal feeds."""

import datetime
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.models import Locale

from icalendar import Calendar

from resourcebank.core import outbound
from training.halfyear import OSLO
from training.models import TrainingEvent

logger = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 10
FETCH_MAX_BYTES = 5 * 1024 * 1024

# The fields an import sets; participants and online links stay as organisers left them.
IMPORTED_FIELDS = (
    "package_id",
    "start",
    "end",
    "title",
    "place",
    "signup_url",
    "description",
    "cancelled",
    "organiser_level",
    "county_id",
    "local_branch_id",
)


class CalendarImportError(Exception):
    """A feed that cannot be imported; the message is for the person importing it."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


# The schemes a feed address may have, and the scheme it is fetched with.
# Calendar publishers hand out their feeds as webcal:// (or webcals://) so that a click
# opens the calendar app; the scheme means "subscribe", not a transport of its own. The
# feed behind it is served over HTTPS by nearly every publisher (Zetkin, Google,
# Outlook, iCloud), and many of them refuse or redirect plain http, so webcal:// is
# fetched as https:// rather than http://: the address never goes out in clear text,
# and a publisher that only speaks http is the rare case, which the person importing can
# still give as http:// explicitly.
FEED_SCHEMES = {"http": "http", "https": "https", "webcal": "https", "webcals": "https"}


def feed_url_normalise(*, url: str) -> str:
    """The web address to fetch for a feed address; webcal(s):// becomes https://."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in FEED_SCHEMES:
        raise CalendarImportError(
            _("The feed address must start with http://, https://, webcal:// or webcals://.")
        )
    return parts._replace(scheme=FEED_SCHEMES[scheme]).geturl()


def calendar_fetch(
    *, url: str, timeout: float = FETCH_TIMEOUT_SECONDS, max_bytes: int = FETCH_MAX_BYTES
) -> bytes:
    """Download a calendar feed over http(s), with a timeout and a size cap.

    webcal:// and webcals:// addresses are fetched over https:// (see FEED_SCHEMES). The
    fetch stays on the public internet, redirects included (resourcebank/core/outbound.py),
    and every failure gets the same message: which address or port was refused, or why a
    connection failed, is logged, never shown.
    """
    url = feed_url_normalise(url=url)
    try:
        data = outbound.fetch(url, timeout=timeout, max_bytes=max_bytes)
    except outbound.OutboundFetchError as error:
        logger.info("Calendar feed not fetched: %s", error)
        raise CalendarImportError(
            _(
                "The feed could not be downloaded. Check the address, and that it is a "
                "public http:// or https:// address."
            )
        ) from None
    if len(data) > max_bytes:
        raise CalendarImportError(
            _("The feed is larger than %(size)s and was not imported.")
            % {"size": filesizeformat(max_bytes)}
        )
    return data


def _aware(value) -> datetime.datetime:
    """A DTSTART/DTEND value as an aware datetime; dates are midnight and floating times
    are read as Oslo time."""
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=OSLO)
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=OSLO)


def _text(component, name: str, limit: int | None = None) -> str:
    value = component.get(name)
    text = str(value).strip() if value is not None else ""
    return text[:limit] if limit else text


def _parse(data: bytes) -> list[dict]:
    """The events of an iCal feed as field values; raises CalendarImportError if malformed."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if b"BEGIN:VCALENDAR" not in data[:2048].upper():
        raise CalendarImportError(_("This is not an iCalendar feed (no BEGIN:VCALENDAR)."))
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise CalendarImportError(
            _("The feed is not valid iCalendar: %(reason)s") % {"reason": error}
        ) from error
    events, seen = [], set()
    for position, component in enumerate(calendar.walk("VEVENT"), start=1):
        uid = _text(component, "UID", 255)
        summary = _text(component, "SUMMARY", 255)
        name = summary or _("event number %(number)d") % {"number": position}
        if not uid:
            raise CalendarImportError(_("The event “%(name)s” has no UID.") % {"name": name})
        if uid in seen:
            raise CalendarImportError(
                _("The UID %(uid)s appears twice in the feed.") % {"uid": uid}
            )
        seen.add(uid)
        try:
            start = component.get("DTSTART")
            if start is None:
                raise ValueError("DTSTART is missing")
            start = _aware(start.dt)
            if component.get("DTEND") is not None:
                end = _aware(component.get("DTEND").dt)
            elif component.get("DURATION") is not None:
                end = start + component.get("DURATION").dt
            else:
                end = start
        except (ValueError, TypeError, AttributeError) as error:
            raise CalendarImportError(
                _("The event “%(name)s” has no valid start or end: %(reason)s")
                % {"name": name, "reason": error}
            ) from error
        events.append(
            {
                "uid": uid,
                "name": name,
                "start": start,
                "end": end,
                "title": summary,
                "place": _text(component, "LOCATION", 200),
                "signup_url": _text(component, "URL", 500),
                "description": _text(component, "DESCRIPTION"),
                "cancelled": _text(component, "STATUS").upper() == "CANCELLED",
            }
        )
    if not events:
        raise CalendarImportError(_("The feed has no events."))
    return events


def training_events_import(
    *,
    data: bytes,
    package,
    organiser_level: str,
    county=None,
    local_branch=None,
) -> ImportReport:
    """Create or update the events of an iCal feed (Zetkin's events.ics) for one package.

    Events are matched by their UID, so importing the same feed again changes nothing.
    All or nothing: if any event cannot be imported, no event is created or changed.
    """
    parsed = _parse(data)
    # Events belong to the source (Bokmål) version of a package; both versions show them.
    package = package.get_translation_or_none(Locale.get_default()) or package
    if local_branch is not None and county is None:
        county = local_branch.county
    report = ImportReport()
    with transaction.atomic():
        existing = {
            event.uid: event
            for event in TrainingEvent.objects.select_for_update().filter(
                uid__in=[item["uid"] for item in parsed]
            )
        }
        for item in parsed:
            event = existing.get(item["uid"]) or TrainingEvent(uid=item["uid"])
            before = {name: getattr(event, name) for name in IMPORTED_FIELDS}
            for name in ("start", "end", "title", "place", "signup_url", "description"):
                setattr(event, name, item[name])
            event.cancelled = item["cancelled"]
            event.package = package
            event.organiser_level = organiser_level
            event.county = county
            event.local_branch = local_branch
            try:
                event.full_clean(exclude=["uid"])
            except ValidationError as error:
                problems = "; ".join(
                    f"{TrainingEvent._meta.get_field(name).verbose_name}: {' '.join(messages)}"
                    if name in {f.name for f in TrainingEvent._meta.fields}
                    else " ".join(messages)
                    for name, messages in error.message_dict.items()
                )
                raise CalendarImportError(
                    _("The event “%(name)s” (%(uid)s) cannot be imported: %(problems)s")
                    % {"name": item["name"], "uid": item["uid"], "problems": problems}
                ) from error
            label = f"{item['name']} ({item['start'].astimezone(OSLO):%d.%m.%Y %H:%M})"
            if event.pk is None:
                event.save()
                report.created.append(label)
            elif before != {name: getattr(event, name) for name in IMPORTED_FIELDS}:
                event.save()
                report.updated.append(label)
            else:
                report.unchanged.append(label)
    return report
