"""In good time: the editor's dashboard and the review report warn about a commemoration
day coming soon with no published campaign pack."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from resourcebank.editorial import roles
from resourcebank.editorial.models import EditorialSettings
from tests import factories
from tests.editorial_support import login_verified, publish

pytestmark = pytest.mark.django_db


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def days(editorial_setup, campaign_index):
    def day(n, name):
        date = in_days(n)
        return factories.CommemorationDayFactory(name=name, month=date.month, day=date.day)

    covered = day(36, "Dag med pakke")
    uncovered = day(35, "Dag uten pakke")
    far = day(60, "Dag langt fram")
    draft_only = day(20, "Dag med bare utkast")
    publish(factories.CampaignPackPageFactory(parent=campaign_index, commemoration_day=covered))
    factories.CampaignPackPageFactory(
        parent=campaign_index, commemoration_day=draft_only, live=False
    )
    return {"covered": covered, "uncovered": uncovered, "far": far, "draft_only": draft_only}


def warnings_on(client, url) -> dict[int, str]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        int(item["data-commemoration-day"]): item.get_text(" ", strip=True)
        for item in soup.select("[data-commemoration-warnings] [data-commemoration-day]")
    }


def test_the_dashboard_warns_about_a_day_five_weeks_away_without_a_pack(client, role_users, days):
    login_verified(client, role_users[roles.EDITORS])
    warnings = warnings_on(client, reverse("wagtailadmin_home"))
    assert set(warnings) == {days["uncovered"].pk, days["draft_only"].pk}
    assert "Dag uten pakke" in warnings[days["uncovered"].pk]
    assert "er om 5 uker og har ingen publisert kampanjepakke" in warnings[days["uncovered"].pk]
    assert days["covered"].pk not in warnings  # it has a published pack
    assert days["far"].pk not in warnings  # more than six weeks away


def test_the_review_report_lists_the_day(client, role_users, days):
    login_verified(client, role_users[roles.EDITORS])
    warnings = warnings_on(client, reverse("review_report:index"))
    assert set(warnings) == {days["uncovered"].pk, days["draft_only"].pk}
    assert "Dag uten pakke" in warnings[days["uncovered"].pk]


def test_the_number_of_weeks_is_an_editorial_setting(client, role_users, days):
    settings = EditorialSettings.load()
    assert settings.commemoration_warning_weeks == 6
    settings.commemoration_warning_weeks = 5  # 35 days is no longer less than five weeks
    settings.save()
    login_verified(client, role_users[roles.EDITORS])
    assert set(warnings_on(client, reverse("wagtailadmin_home"))) == {days["draft_only"].pk}


def test_no_warnings_for_those_who_are_not_editors(client, role_users, days):
    login_verified(client, role_users[roles.CONTRIBUTORS])
    response = client.get(reverse("wagtailadmin_home"))
    assert "data-commemoration-warnings" not in response.content.decode()
