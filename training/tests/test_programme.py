"""The half-year programme: every event of the half-year in date order, as a page and a PDF."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from tests import factories

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def _at(year, month, day, hour=18, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=OSLO)


@pytest.fixture
def programme(training_catalog):
    package = factories.TrainingPackagePageFactory(
        parent=training_catalog, title="Økonomi og årsmøte", slug="okonomi"
    )
    draft = factories.TrainingPackagePageFactory(
        parent=training_catalog, title="Hemmelig utkast", slug="utkast", live=False
    )

    def event(title, start, package=package, **kwargs):
        return factories.TrainingEventFactory(
            package=package,
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            **kwargs,
        )

    inside = [
        event("Økt A – første juli", _at(2026, 7, 1, 0, 30)),
        event("Økt B – tidlig september", _at(2026, 9, 3)),
        event("Økt C – avlyst i september", _at(2026, 9, 17), cancelled=True),
        event("Økt D – sommertid slutter", _at(2026, 10, 25, 10)),
        event("Økt E – nyttårsaften", _at(2026, 12, 31, 21)),
    ]
    outside = [
        event("Utenfor – siste juni", _at(2026, 6, 30, 23, 30)),
        event("Utenfor – nyttår", _at(2027, 1, 1, 0, 30)),
        event("Utenfor – utkast", _at(2026, 9, 10), package=draft),
    ]
    return inside, outside


def test_half_year_page_lists_every_event_of_the_half_year_by_month_in_date_order(
    programme, client
):
    inside, outside = programme
    response = client.get("/nb/skolering/program/2026-host/")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(event.title) for event in inside]
    assert positions == sorted(positions)
    for event in outside:
        assert event.title not in html
    headings = re.findall(r'<h2 id="month-(\d{4}-\d{2})">', html)
    assert headings == ["2026-07", "2026-09", "2026-10", "2026-12"]
    assert 'href="/nb/skolering/program/2026-host/pdf/"' in html
    assert "training-programme.css" in html and 'media="print"' in html


def test_spring_and_nynorsk_addresses_work_and_unknown_ones_do_not(programme, client):
    assert client.get("/nb/skolering/program/2027-var/").status_code == 200
    assert client.get("/nb/skolering/program/2026-haust/").status_code == 200
    assert client.get("/nb/skolering/program/2026-sommer/").status_code == 404
    current = client.get("/nb/skolering/program/")
    assert current.status_code == 302
    assert re.search(r"/nb/skolering/program/\d{4}-(host|var)/$", current["Location"])


def test_pdf_contains_every_event_of_the_half_year_in_date_order_with_norwegian_letters(
    programme, client
):
    inside, outside = programme
    response = client.get("/nb/skolering/program/2026-host/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "skoleringsprogram-2026-host.pdf" in response["Content-Disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = re.sub(r"\s+", " ", text)
    positions = [text.index(event.title) for event in inside]
    assert positions == sorted(positions)
    for event in outside:
        assert event.title not in text
    assert "Økt E – nyttårsaften" in text


def test_the_programme_is_also_a_calendar_a_table_per_month_with_headers(programme, client):
    inside, outside = programme
    listing = client.get("/nb/skolering/program/2026-host/").content.decode()
    assert re.search(r'<a href="/nb/skolering/program/2026-host/" aria-current="page">', listing)
    assert 'href="/nb/skolering/program/2026-host/?visning=kalender"' in listing
    assert "<table" not in listing

    response = client.get("/nb/skolering/program/2026-host/?visning=kalender")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r'<a href="/nb/skolering/program/2026-host/\?visning=kalender" aria-current="page">', html
    )
    # Six months, each a table with a caption, weekday columns and week-number rows.
    tables = re.findall(r'<table class="calendar">.*?</table>', html, flags=re.S)
    assert len(tables) == 6
    for table in tables:
        assert "<caption" in table
        assert len(re.findall(r'<th scope="col"', table)) == 8  # the week and seven days
        assert re.search(r'<th scope="row" class="calendar__week">\d+</th>', table)
    july = tables[0]
    assert '<th scope="col"><span class="calendar__weekday">mandag</span>' in july
    # 1 July 2026 is a Wednesday in week 27: the row of week 27, fourth column after the week.
    week_27 = re.search(r'<th scope="row" class="calendar__week">27</th>(.*?)</tr>', july, re.S)
    cells = re.findall(r"<td[^>]*>.*?</td>", week_27.group(1), flags=re.S)
    assert "calendar__day--outside" in cells[0] and "calendar__day--outside" in cells[1]
    assert "Økt A – første juli" in cells[2] and 'href="#dag-2026-07-01"' in cells[2]
    # Every event of the half-year, none from outside it; the phones' list links to its day.
    for event in inside:
        assert event.title in html
    for event in outside:
        assert event.title not in html
    assert 'id="dag-2026-12-31"' in html
    assert "calendar__event--cancelled" in html
    # What the reader sees of a cancelled event, in the grid and in the phones' list.
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert text.count("Økt C – avlyst i september Avlyst") == 2
    # Other half-years keep the calendar.
    assert 'href="/nb/skolering/program/2027-var/?visning=kalender" rel="next"' in html
