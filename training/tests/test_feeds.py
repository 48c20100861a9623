"""Calendar feeds: valid iCalendar in Oslo time, stable UIDs, cancelled events marked,
and a real calendar client (khal) shows the right local times across a DST change."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest
from icalendar import Calendar

from tests import factories
from tests.calendar_support import khal_import, khal_list

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _uids(calendar):
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def _uid(event):
    return f"training-event-{event.pk}@testserver"


def test_catalogue_feed_has_upcoming_visible_events_with_oslo_times_and_status(
    catalogue_data, client
):
    events = catalogue_data.events
    calendar = _parse(client.get("/nb/skolering/kalender/"))
    assert _uids(calendar) == {
        _uid(events.board_oslo),
        _uid(events.board_bergen),
        _uid(events.committee_national),
        _uid(events.committee_cancelled),
        _uid(events.social_vestland),
    }
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    by_uid = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    cancelled = by_uid[_uid(events.committee_cancelled)]
    assert cancelled["STATUS"] == "CANCELLED"
    assert by_uid[_uid(events.board_oslo)]["STATUS"] == "CONFIRMED"
    board = by_uid[_uid(events.board_oslo)]
    assert board["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert board["DTSTART"].dt == events.board_oslo.start
    assert str(board["SUMMARY"]) == "Styrekurs"
    assert str(board["LOCATION"]) == "Folkets hus, Oslo"
    # The same event keeps its UID in every feed and on every request.
    again = _parse(client.get("/nb/skolering/kalender/"))
    assert _uids(again) == _uids(calendar)


def test_feeds_per_audience_county_and_package(catalogue_data, client):
    events = catalogue_data.events
    trustees = _parse(client.get("/nb/skolering/kalender/malgruppe/tillitsvalgte/"))
    assert _uids(trustees) == {
        _uid(events.board_oslo),
        _uid(events.board_bergen),
        _uid(events.social_vestland),
    }
    oslo = _parse(client.get("/nb/skolering/kalender/fylke/oslo/"))
    assert _uids(oslo) == {_uid(events.board_oslo), _uid(events.committee_cancelled)}
    package = _parse(client.get("/nb/skolering/styrekurs/kalender/"))
    assert _uids(package) == {_uid(events.board_oslo), _uid(events.board_bergen)}
    assert client.get("/nb/skolering/kalender/malgruppe/finnes-ikke/").status_code == 404
    assert client.get("/nb/skolering/utkast/kalender/").status_code == 404


def _next_dst_change(after: datetime.date) -> datetime.date:
    day = after
    while True:
        following = day + datetime.timedelta(days=1)
        noon = datetime.datetime.combine(day, datetime.time(12), tzinfo=OSLO)
        next_noon = datetime.datetime.combine(following, datetime.time(12), tzinfo=OSLO)
        if noon.utcoffset() != next_noon.utcoffset():
            return following
        day = following


@pytest.fixture
def dst_events(training_catalog):
    """Two 18:00–20:00 sessions, a week before and a week after the next DST change."""
    change = _next_dst_change(timezone.localdate() + datetime.timedelta(days=8))
    package = factories.TrainingPackagePageFactory(parent=training_catalog, title="Møteledelse")
    made = []
    for offset in (-7, 7):
        day = change + datetime.timedelta(days=offset)
        start = datetime.datetime.combine(day, datetime.time(18), tzinfo=OSLO)
        made.append(
            factories.TrainingEventFactory(
                package=package, start=start, end=start + datetime.timedelta(hours=2)
            )
        )
    return change, made


def test_feed_keeps_local_time_across_the_daylight_saving_change(dst_events, client):
    _change, (before, after) = dst_events
    calendar = _parse(client.get("/nb/skolering/kalender/"))
    starts = sorted(event["DTSTART"].dt for event in calendar.walk("VEVENT"))
    assert [start.astimezone(OSLO).hour for start in starts] == [18, 18]
    utc_hours = [start.astimezone(datetime.UTC).hour for start in starts]
    assert utc_hours[0] != utc_hours[1]  # one in CET (17Z), one in CEST (16Z)
    assert starts == [before.start, after.start]


def test_khal_imports_the_feed_and_lists_the_right_local_times(dst_events, client, tmp_path):
    _change, (before, after) = dst_events
    # The machine's own time zone is UTC, so khal must use the feed's VTIMEZONE.
    khal_import(tmp_path, client.get("/nb/skolering/kalender/").content)
    lines = khal_list(
        tmp_path,
        before.start.date(),
        after.start.date() + datetime.timedelta(days=1),
        template="{start-date} {start-time}-{end-time} {title}",
    )
    assert lines == [
        f"{before.start.date().isoformat()} 18:00-20:00 Møteledelse",
        f"{after.start.date().isoformat()} 18:00-20:00 Møteledelse",
    ]
