"""Review dates, the report "Til gjennomgang" and the editor's dashboard panel."""

import datetime
import re
from html import unescape

from django.urls import reverse
from django.utils import timezone

import pytest

from resourcebank.editorial import roles, services
from resourcebank.editorial.models import EditorialSettings
from tests import factories
from tests.editorial_support import login_verified, publish, request_approval, send_story, translate

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_publishing_sets_the_review_date_unless_chosen(campaign_index):
    pack = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    assert pack.review_by == services.review_by_default(published_on=timezone.localdate())
    assert pack.review_by.year == timezone.localdate().year + 1
    # The editor sees the date in the form (it is in the published revision too).
    assert pack.get_latest_revision().as_object().review_by == pack.review_by

    chosen = publish(factories.CampaignPackPageFactory(parent=campaign_index, review_by=days(30)))
    assert chosen.review_by == days(30)


@pytest.fixture
def review_site(editorial_setup, campaign_index, story_index, nn_locale):
    pack = factories.CampaignPackPageFactory
    pages = {
        "overdue_pack": publish(pack(parent=campaign_index, review_by=days(-10))),
        "soon_pack": publish(pack(parent=campaign_index, review_by=days(10))),
        "later_pack": publish(pack(parent=campaign_index, review_by=days(100))),
        "overdue_story": publish(
            factories.SuccessStoryPageFactory(parent=story_index, review_by=days(-1))
        ),
        "overdue_draft": pack(parent=campaign_index, review_by=days(-5), live=False),
    }
    translate(pages["overdue_pack"], nn_locale)  # its Nynorsk copy is not listed twice
    return pages


def report_rows(client):
    response = client.get(reverse("review_report:index"))
    assert response.status_code == 200
    return dict(
        (int(pk), overdue == "true")
        for pk, overdue in re.findall(
            r'data-review-page="(\d+)" data-overdue="(true|false)"', response.content.decode()
        )
    )


def test_review_report_lists_exactly_the_overdue_and_soon_due_pages(
    client, role_users, review_site
):
    login_verified(client, role_users[roles.EDITORS])
    rows = report_rows(client)
    overdue = {pk for pk, is_overdue in rows.items() if is_overdue}
    soon = {pk for pk, is_overdue in rows.items() if not is_overdue}
    assert overdue == {review_site["overdue_pack"].pk, review_site["overdue_story"].pk}
    assert soon == {review_site["soon_pack"].pk}

    response = client.get(reverse("review_report:index"))
    html = response.content.decode()
    # Grouped by section: each section heading comes before its pages.
    assert html.index("Kampanjepakker") < html.index(review_site["overdue_pack"].title)
    assert html.index("Gode eksempler") < html.index(review_site["overdue_story"].title)


def test_only_editors_see_the_review_report(client, role_users, review_site):
    login_verified(client, role_users[roles.CONTRIBUTORS])
    response = client.get(reverse("review_report:index"))
    assert response.status_code in (302, 403)


def dashboard_counts(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    return {
        key: int(value)
        for key, value in re.findall(r'data-count="(\w+)">\s*(?:<a [^>]*>)?\s*(\d+)', html)
    }


def missing_nynorsk_rows(client) -> list[str]:
    response = client.get(reverse("missing_nynorsk_report:index"))
    assert response.status_code == 200
    return re.findall(r'data-report-row="([\w-]+)"', response.content.decode())


def test_dashboard_panel_counts_match(client, role_users, review_site, story_index):
    contributor = role_users[roles.CONTRIBUTORS]
    draft = factories.CampaignPackPageFactory(
        parent=review_site["soon_pack"].get_parent(), live=False
    )
    request_approval(draft, contributor)
    send_story(story_index, role_users[roles.MEMBERS])

    login_verified(client, role_users[roles.EDITORS])
    counts = dashboard_counts(client)
    missing_in_report = missing_nynorsk_rows(client)
    assert counts == {
        "approvals_waiting": 2,  # the draft pack and the submitted story
        "review_overdue": 2,  # exactly the report's overdue rows
        "missing_translation": len(missing_in_report),  # exactly the report's rows
        "new_submissions": 1,
    }
    # A Bokmål page with no Nynorsk version at all is among them (a live pack has one).
    assert {f"page-{draft.pk}"} <= set(missing_in_report)
    overdue_in_report = [pk for pk, is_overdue in report_rows(client).items() if is_overdue]
    assert len(overdue_in_report) == 2

    login_verified(client, contributor)
    assert "editorial-overview" not in client.get(reverse("wagtailadmin_home")).content.decode()


PANEL_LINE = re.compile(r'<li data-count="(\w+)">\s*<a href="([^"]+)">\s*(\d+)\b[^<]*</a>\s*</li>')
LISTED_ROW = re.compile(r'<tr data-(?:review-page|report-row)="')


def test_every_count_in_the_panel_links_to_a_listing_of_that_many_rows(
    client, role_users, review_site, story_index
):
    """Issue 18: each line of "Redaksjonell oversikt" is a link to what it counts."""
    contributor = role_users[roles.CONTRIBUTORS]
    for title in ("Vervekveld", "Skolevalg"):
        draft = factories.CampaignPackPageFactory(
            parent=review_site["soon_pack"].get_parent(), live=False, title=title
        )
        request_approval(draft, contributor)
    send_story(story_index, role_users[roles.MEMBERS])
    login_verified(client, role_users[roles.EDITORS])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index("data-editorial-overview") :]
    panel = panel[: panel.index("</ul>")]
    lines = PANEL_LINE.findall(panel)
    # Every line of the panel, and every one of them a link.
    assert len(lines) == panel.count("<li ") == 4, panel
    listed = {}
    for key, href, count in lines:
        response = client.get(unescape(href))
        assert response.status_code == 200, (key, href, response.status_code)
        rows = len(LISTED_ROW.findall(response.content.decode()))
        listed[key] = (int(count), rows)
    assert all(count == rows for count, rows in listed.values()), listed
    assert listed["approvals_waiting"][0] == 3  # two packs and the story
    assert listed["review_overdue"][0] == 2
    assert listed["new_submissions"][0] == 1
    assert listed["missing_translation"][0] >= 2


def test_the_review_report_is_in_the_reports_menu_of_editors_only(client, role_users):
    report_url = reverse("review_report:index")
    for role, shown in ((roles.EDITORS, True), (roles.CONTRIBUTORS, False)):
        login_verified(client, role_users[role])
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (report_url in html) is shown, role


def test_an_overdue_handbook_chapter_is_due_for_review(client, role_users, handbook_index):
    """Chapters get their review date from ResourcePage like every other resource."""
    handbook = publish(factories.HandbookPageFactory(parent=handbook_index, review_by=days(200)))
    chapter = publish(factories.HandbookChapterPageFactory(parent=handbook, review_by=days(-3)))

    login_verified(client, role_users[roles.EDITORS])
    assert report_rows(client) == {chapter.pk: True}
    assert dashboard_counts(client)["review_overdue"] == 1
    html = client.get(reverse("review_report:index")).content.decode()
    assert chapter.title in html and handbook_index.title in html


def test_editors_tune_the_review_interval_in_the_settings(client, role_users, campaign_index):
    login_verified(client, role_users[roles.EDITORS])
    url = reverse("wagtailsettings:edit", args=["editorial", "editorialsettings"])
    form = client.get(url, follow=True)
    assert form.status_code == 200
    url = form.redirect_chain[-1][0] if form.redirect_chain else url
    response = client.post(
        url,
        {"review_interval_months": 6, "review_soon_days": 14, "commemoration_warning_weeks": 4},
    )
    assert response.status_code == 302
    assert EditorialSettings.load().review_interval_months == 6
    assert EditorialSettings.load().commemoration_warning_weeks == 4

    pack = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    today = timezone.localdate()
    assert (pack.review_by.year * 12 + pack.review_by.month) - (today.year * 12 + today.month) == 6

    login_verified(client, role_users[roles.CONTRIBUTORS])
    refused = client.get(url)
    assert refused.status_code in (302, 403)
    assert refused.status_code == 403 or "/admin/settings/" not in refused["Location"]
