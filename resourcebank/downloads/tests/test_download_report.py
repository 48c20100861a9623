"""The editors' report "Most downloaded": per month, document and pack, with counties."""

import datetime

from django.urls import reverse

import pytest

from resourcebank.downloads.models import DownloadCount
from resourcebank.downloads.services import download_count_increment
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_document, make_member, pdf_bytes
from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db


def test_report_lists_the_months_downloads_largest_first_with_counties(
    client, editor, campaign_index, django_user_model
):
    pack = factories.CampaignPackPageFactory(parent=campaign_index, title="Kvinnedagen 8. mars")
    poster = make_document("Plakat for kvinnedagen", "plakat.pdf", pdf_bytes())
    county = factories.CountyFactory(name="Trøndelag")
    member = make_member(django_user_model, county=county)
    march = datetime.date(2026, 3, 8)
    for _ in range(3):
        download_count_increment(user=member, document=poster, day=march)
    download_count_increment(user=None, page=pack, day=march)
    download_count_increment(user=None, document=poster, day=datetime.date(2026, 4, 1))

    assert DownloadCount.objects.get(document=poster, month=datetime.date(2026, 3, 1)).count == 3

    login_verified(client, editor)
    response = client.get(reverse("most_downloaded_report:index"), {"month": "2026-03"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Plakat for kvinnedagen") < html.index("Kvinnedagen 8. mars")
    assert "Trøndelag: 3" in html

    csv = client.get(reverse("most_downloaded_report:index"), {"month": "2026-03", "export": "csv"})
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[1].startswith("Plakat for kvinnedagen,")
    assert lines[1].split(",")[2] == "3"
    assert len(lines) == 3


def test_report_needs_an_admin_login(client):
    response = client.get(reverse("most_downloaded_report:index"))
    assert response.status_code == 302


def test_the_report_is_for_editors_only(client, role_users):
    report_url = reverse("most_downloaded_report:index")
    for role, allowed in ((roles.EDITORS, True), (roles.CONTRIBUTORS, False)):
        login_verified(client, role_users[role])
        menu = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (report_url in menu) is allowed, role
        assert (client.get(report_url).status_code == 200) is allowed, role


def test_editors_set_a_members_county_in_the_admin(client, editor, django_user_model):
    county = factories.CountyFactory(name="Agder")
    make_member(django_user_model, username="kari", county=county)
    login_verified(client, editor)
    response = client.get(reverse("wagtailsnippets_accounts_memberprofile:list"), {"q": "kari"})
    assert response.status_code == 200
    assert "Agder" in response.content.decode()


def test_the_csv_export_writes_formulas_as_text(client, editor, django_user_model):
    import csv
    import io

    from resourcebank.core.exports import spreadsheet_safe

    evil = make_document('=HYPERLINK("http://evil.example","Klikk")', "a.pdf", pdf_bytes())
    others = [make_document(t, "b.pdf", pdf_bytes()) for t in ("+47 plakat", "@kari", "-1+2")]
    march = datetime.date(2026, 3, 8)
    for document in [evil, *others]:
        download_count_increment(user=None, document=document, day=march)
    login_verified(client, editor)
    export = client.get(
        reverse("most_downloaded_report:index"), {"month": "2026-03", "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    titles = sorted(row[0] for row in rows[1:])
    assert titles == sorted(
        ['\'=HYPERLINK("http://evil.example","Klikk")', "'+47 plakat", "'@kari", "'-1+2"]
    )
    assert spreadsheet_safe("Plakat") == "Plakat" and spreadsheet_safe(3) == 3
