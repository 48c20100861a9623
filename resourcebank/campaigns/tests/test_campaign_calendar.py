"""The campaign calendar: coming commemoration days with their pack, or that none exists,
as a page and as an iCalendar feed."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from resourcebank.campaigns import selectors
from tests import factories
from tests.editorial_support import publish

pytestmark = pytest.mark.django_db


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def day_on(date: datetime.date, name: str):
    return factories.CommemorationDayFactory(name=name, month=date.month, day=date.day)


@pytest.fixture
def calendar_site(campaign_index):
    with_pack_date, without_pack_date, old_pack_date = in_days(28), in_days(35), in_days(60)
    with_pack = day_on(with_pack_date, "Dagen med pakke")
    without_pack = day_on(without_pack_date, "Dagen uten pakke")
    old_pack_only = day_on(old_pack_date, "Dagen med fjorårets pakke")
    pack = publish(
        factories.CampaignPackPageFactory(
            parent=campaign_index,
            title="Pakken for dagen",
            commemoration_day=with_pack,
            period_start=with_pack_date - datetime.timedelta(days=20),
            period_end=with_pack_date,
        )
    )
    publish(
        factories.CampaignPackPageFactory(
            parent=campaign_index,
            title="Fjorårets pakke",
            commemoration_day=old_pack_only,
            period_start=old_pack_date.replace(year=old_pack_date.year - 1),
            period_end=old_pack_date.replace(year=old_pack_date.year - 1),
        )
    )
    factories.CampaignPackPageFactory(
        parent=campaign_index, title="Utkast", commemoration_day=without_pack, live=False
    )
    return {"with": with_pack, "without": without_pack, "old": old_pack_only, "pack": pack}


def test_the_calendar_lists_coming_days_with_their_pack_or_none(
    client, campaign_index, calendar_site
):
    response = client.get(campaign_index.url + "merkedager/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select(".calendar-day")
    assert [row.h2.get_text(" ", strip=True).split(": ", 1)[1] for row in rows] == [
        "Dagen med pakke",
        "Dagen uten pakke",
        "Dagen med fjorårets pakke",
    ]
    assert [a.get_text(strip=True) for a in rows[0].select("a")] == ["Pakken for dagen"]
    assert rows[0].select_one("a")["href"] == calendar_site["pack"].url
    for row in rows[1:]:
        assert "Ingen kampanjepakke for denne dagen ennå." in row.get_text()
        assert not row.select("a")
    assert "Utkast" not in response.content.decode()


def test_the_campaign_index_links_to_the_calendar(client, campaign_index, calendar_site):
    soup = BeautifulSoup(client.get(campaign_index.url).content, "html.parser")
    assert soup.find("a", href=campaign_index.url + "merkedager/")


def test_the_calendar_feed_has_an_all_day_event_per_coming_day(
    client, campaign_index, calendar_site
):
    response = client.get(campaign_index.url + "merkedager/ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {
        str(event["SUMMARY"]): event
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert set(events) == {"Dagen med pakke", "Dagen uten pakke", "Dagen med fjorårets pakke"}
    with_pack = events["Dagen med pakke"]
    assert with_pack.decoded("DTSTART") == in_days(28)
    assert with_pack.decoded("DTEND") == in_days(29)
    assert "Kampanjepakke: Pakken for dagen" in str(with_pack["DESCRIPTION"])
    assert str(with_pack["URL"]).endswith(calendar_site["pack"].url)
    assert "Ingen kampanjepakke for denne dagen ennå." in str(
        events["Dagen uten pakke"]["DESCRIPTION"]
    )


def test_a_day_is_next_year_once_it_has_passed_this_year():
    day = factories.CommemorationDayFactory.build(month=3, day=8)
    assert selectors.next_occurrence(day, today=datetime.date(2027, 3, 8)) == datetime.date(
        2027, 3, 8
    )
    assert selectors.next_occurrence(day, today=datetime.date(2027, 3, 9)) == datetime.date(
        2028, 3, 8
    )
    leap = factories.CommemorationDayFactory.build(month=2, day=29)
    assert selectors.next_occurrence(leap, today=datetime.date(2027, 1, 1)) == datetime.date(
        2027, 2, 28
    )
