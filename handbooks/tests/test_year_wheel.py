"""A handbook's year wheel ("årshjul"): dated entries an editor adds to the handbook, shown
as a year view month by month in both standards, as a PDF and as an iCalendar feed that a
real calendar client (khal) imports; a members-only handbook keeps all three to members."""

import datetime
import io
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from pypdf import PdfReader

from handbooks.models import HandbookChapterPage, HandbookKind, HandbookPage, YearWheelEntry
from resourcebank.editorial import roles
from tests import factories
from tests.calendar_support import khal_import, khal_list
from tests.editorial_support import login_verified, make_user

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
MONTHS_NB = [
    "Januar", "Februar", "Mars", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Desember",
]  # fmt: skip

# (title, Nynorsk title, kind, start, end, yearly)
ENTRIES = [
    ("Rammesak i formannskapet", "Rammesak i formannskapet", "budget",
     datetime.date(YEAR, 4, 20), None, True),
    ("Innstilling til budsjett", "Innstilling til budsjett", "budget",
     datetime.date(YEAR, 11, 20), None, True),
    ("Budsjettet vedtas", "Budsjettet blir vedteke", "budget",
     datetime.date(YEAR, 12, 9), datetime.date(YEAR, 12, 11), True),
    ("Møtefri jul i kommunestyret", "Møtefri jul i kommunestyret", "council",
     datetime.date(YEAR, 12, 20), datetime.date(YEAR + 1, 1, 6), True),
    ("Frist for nominasjonsforslag", "Frist for nominasjonsframlegg", "party",
     datetime.date(YEAR + 1, 9, 1), None, False),
]  # fmt: skip


def _add_entries(handbook):
    for title, _nn, kind, start, end, yearly in ENTRIES:
        handbook.year_wheel_entries.add(
            YearWheelEntry(
                title=title,
                description=f"Om {title.lower()}.",
                kind=kind,
                start_date=start,
                end_date=end,
                yearly=yearly,
                locale=handbook.locale,
            )
        )
    handbook.save_revision().publish()
    return HandbookPage.objects.get(pk=handbook.pk)


@pytest.fixture
def handbook(handbook_index):
    book = factories.HandbookPageFactory(
        parent=handbook_index,
        title="Folkevalgthåndboka",
        slug="folkevalgthandboka",
        kind=HandbookKind.ELECTED,
    )
    return _add_entries(book)


def _translate_to_nynorsk(handbook, nn_locale, capture_on_commit):
    """The Nynorsk translation as wagtail-localize makes it: every string translated by hand
    (entry titles from ENTRIES, everything else with "(nn)" added), then published."""
    source, _created = TranslationSource.get_or_create_from_instance(handbook)
    translation = Translation.objects.create(source=source, target_locale=nn_locale, enabled=True)
    nynorsk = {title: nn_title for title, nn_title, *_rest in ENTRIES}
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=nn_locale,
            context=segment.context,
            data=nynorsk.get(text, f"{text} (nn)"),
        )
    with capture_on_commit(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    return HandbookPage.objects.get(locale=nn_locale, translation_key=handbook.translation_key)


def _year_view(client, handbook, year=YEAR):
    response = client.get(f"{handbook.url}arshjul/{year}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _months(soup) -> dict[str, list[str]]:
    """Month heading -> the entry titles under it, as a reader sees them."""
    return {
        month.h2.get_text(strip=True): [h3.get_text(strip=True) for h3 in month.select("h3")]
        for month in soup.select(".year-wheel__month")
    }


def test_the_year_view_shows_this_years_entries_month_by_month(client, handbook):
    response = client.get(handbook.url + "arshjul/")
    assert response.status_code == 302
    assert response["Location"] == f"{handbook.url}arshjul/{YEAR}/"

    soup = _year_view(client, handbook)
    assert soup.h1.get_text(strip=True) == f"Årshjul {YEAR}"
    months = _months(soup)
    assert list(months) == [f"{name} {YEAR}" for name in MONTHS_NB]
    assert months[f"April {YEAR}"] == ["Rammesak i formannskapet"]
    assert months[f"November {YEAR}"] == ["Innstilling til budsjett"]
    assert months[f"Desember {YEAR}"] == ["Budsjettet vedtas", "Møtefri jul i kommunestyret"]
    assert months[f"Januar {YEAR}"] == []  # the yearly entries start this year
    assert "Frist for nominasjonsforslag" not in soup.get_text()  # a one-off, next year
    assert "Ingenting denne måneden." in soup.select(".year-wheel__month")[0].get_text()

    budget = soup.find("h3", string="Budsjettet vedtas").parent
    assert [t["datetime"] for t in budget.select("time")] == [f"{YEAR}-12-09", f"{YEAR}-12-11"]
    assert "9.–11. desember" in budget.get_text()
    assert "Budsjettprosess" in budget.get_text()
    assert "Om budsjettet vedtas." in budget.get_text()

    nav = soup.find("nav", attrs={"aria-label": "Andre år"})
    assert nav.find("a", rel="next")["href"] == f"{handbook.url}arshjul/{YEAR + 1}/"
    assert nav.find("a", rel="prev") is None  # nothing before the first entry's year
    assert soup.find("a", href=f"{handbook.url}arshjul/{YEAR}/pdf/")
    assert soup.find("a", href=f"{handbook.url}arshjul/ical/")


def test_next_year_repeats_the_yearly_entries_and_shows_that_years_one_offs(client, handbook):
    months = _months(_year_view(client, handbook, YEAR + 1))
    # The Christmas break that began in December goes on into January.
    assert months[f"Januar {YEAR + 1}"] == ["Møtefri jul i kommunestyret"]
    assert months[f"April {YEAR + 1}"] == ["Rammesak i formannskapet"]
    assert months[f"September {YEAR + 1}"] == ["Frist for nominasjonsforslag"]
    assert months[f"Desember {YEAR + 1}"] == ["Budsjettet vedtas", "Møtefri jul i kommunestyret"]
    assert client.get(f"{handbook.url}arshjul/{YEAR - 1}/").status_code == 404
    assert client.get(f"{handbook.url}arshjul/{YEAR + 50}/").status_code == 404


def test_the_nynorsk_translation_has_the_entries_in_nynorsk(
    client, handbook, nn_locale, django_capture_on_commit_callbacks
):
    nn_book = _translate_to_nynorsk(handbook, nn_locale, django_capture_on_commit_callbacks)
    assert nn_book.live and nn_book.url.startswith("/nn/"), (nn_book.live, nn_book.url)
    entries = list(nn_book.year_wheel_entries.all())
    assert [e.translation_key for e in entries] == [
        e.translation_key for e in handbook.year_wheel_entries.all()
    ]
    assert {e.locale_id for e in entries} == {nn_locale.pk}

    soup = _year_view(client, nn_book)
    assert soup.html["lang"] == "nn"
    months = _months(soup)
    assert months[f"Desember {YEAR}"] == ["Budsjettet blir vedteke", "Møtefri jul i kommunestyret"]
    assert months[f"April {YEAR}"] == ["Rammesak i formannskapet"]
    assert "Ingenting denne månaden." in soup.select(".year-wheel__month")[0].get_text()
    assert "Om budsjettet vedtas. (nn)" in soup.get_text()
    assert soup.find("a", href=f"{nn_book.url}arshjul/ical/")

    # One entry, one UID: both standards' feeds describe the same events.
    nb_feed = Calendar.from_ical(client.get(handbook.url + "arshjul/ical/").content)
    nn_feed = Calendar.from_ical(client.get(nn_book.url + "arshjul/ical/").content)
    assert {str(e["UID"]) for e in nb_feed.walk("VEVENT")} == {
        str(e["UID"]) for e in nn_feed.walk("VEVENT")
    }
    assert "Budsjettet blir vedteke" in {str(e["SUMMARY"]) for e in nn_feed.walk("VEVENT")}


def test_the_handbook_links_to_its_year_wheel_only_when_it_has_entries(client, handbook):
    soup = BeautifulSoup(client.get(handbook.url).content, "html.parser")
    box = soup.select_one(".year-wheel-links")
    assert box.h2.get_text(strip=True) == "Årshjul"
    assert [a["href"] for a in box.select("a")] == [
        f"{handbook.url}arshjul/",
        f"{handbook.url}arshjul/{YEAR}/pdf/",
        f"{handbook.url}arshjul/ical/",
    ]

    plain = factories.HandbookPageFactory(parent=handbook.get_parent(), title="Lokallagshåndboka")
    plain.save_revision().publish()
    assert not BeautifulSoup(client.get(plain.url).content, "html.parser").select(
        ".year-wheel-links"
    )
    for route in ("arshjul/", f"arshjul/{YEAR}/", f"arshjul/{YEAR}/pdf/", "arshjul/ical/"):
        assert client.get(plain.url + route).status_code == 404


def test_the_pdf_has_the_year_month_by_month(client, handbook):
    response = client.get(f"{handbook.url}arshjul/{YEAR}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"Folkevalgthåndboka, årshjul {YEAR}.pdf" in unquote(response["Content-Disposition"])
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert f"Årshjul {YEAR}" in text
    assert "Folkevalgthåndboka" in text
    positions = [
        text.index(title)
        for title in ("Rammesak i formannskapet", "Innstilling til budsjett", "Budsjettet vedtas")
    ]
    assert positions == sorted(positions)
    assert text.index(f"April {YEAR}") < positions[0] < text.index(f"Mai {YEAR}")
    assert "Frist for nominasjonsforslag" not in text


def _events(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_feed_has_an_all_day_event_per_entry_with_a_stable_uid(client, handbook):
    events = _events(client.get(handbook.url + "arshjul/ical/"))
    assert set(events) == {title for title, *_rest in ENTRIES}
    budget = events["Budsjettet vedtas"]
    assert budget.decoded("DTSTART") == datetime.date(YEAR, 12, 9)
    assert budget.decoded("DTEND") == datetime.date(YEAR, 12, 12)  # the day after the last
    assert budget["RRULE"]["FREQ"] == ["YEARLY"]
    assert str(budget["DESCRIPTION"]) == "Om budsjettet vedtas."
    assert str(budget["URL"]) == f"http://testserver{handbook.url}arshjul/{YEAR}/"
    assert "RRULE" not in events["Frist for nominasjonsforslag"]
    again = _events(client.get(handbook.url + "arshjul/ical/"))
    assert {str(e["UID"]) for e in again.values()} == {str(e["UID"]) for e in events.values()}

    # Editing an entry keeps its UID: a calendar updates the event instead of adding one.
    entry = handbook.year_wheel_entries.get(title="Budsjettet vedtas")
    uid = str(budget["UID"])
    entry.title = "Bystyret vedtar budsjettet"
    entry.save()
    assert str(_events(client.get(handbook.url + "arshjul/ical/"))[entry.title]["UID"]) == uid


def _listed(tmp_path, start: datetime.date, end: datetime.date) -> list[str]:
    return khal_list(tmp_path, start, end, template="{start-date} {title}", once=True)


def test_khal_imports_the_feed_and_lists_the_entries_in_their_years(client, handbook, tmp_path):
    khal_import(tmp_path, client.get(handbook.url + "arshjul/ical/").content)

    this_year = _listed(tmp_path, datetime.date(YEAR, 4, 1), datetime.date(YEAR, 12, 10))
    assert this_year == [
        f"{YEAR}-04-20 Rammesak i formannskapet",
        f"{YEAR}-11-20 Innstilling til budsjett",
        f"{YEAR}-12-09 Budsjettet vedtas",
    ]
    # Yearly entries come back the next year; the one-off deadline is there once.
    next_year = _listed(tmp_path, datetime.date(YEAR + 1, 4, 1), datetime.date(YEAR + 1, 11, 30))
    assert next_year == [
        f"{YEAR + 1}-04-20 Rammesak i formannskapet",
        f"{YEAR + 1}-09-01 Frist for nominasjonsforslag",
        f"{YEAR + 1}-11-20 Innstilling til budsjett",
    ]


@pytest.fixture
def members_handbook(handbook, editorial_setup):
    handbook.get_parent().specific.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=handbook, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(roles.elected_only_groups())
    return handbook


YEAR_WHEEL_ROUTES = ("arshjul/", f"arshjul/{YEAR}/", f"arshjul/{YEAR}/pdf/", "arshjul/ical/")


def test_an_anonymous_visitor_gets_none_of_a_members_only_year_wheel(client, members_handbook):
    for route in YEAR_WHEEL_ROUTES:
        response = client.get(members_handbook.url + route)
        assert response.status_code == 302, route
        assert "/logg-inn/" in response["Location"], route
        assert "Rammesak" not in response.content.decode()


def test_a_member_who_is_not_elected_gets_none_of_it_either(
    client, members_handbook, django_user_model
):
    client.force_login(make_user(django_user_model, "medlem", roles.MEMBERS))
    for route in YEAR_WHEEL_ROUTES:
        response = client.get(members_handbook.url + route)
        assert response.status_code in (302, 403), route
        assert b"Rammesak" not in response.content


def test_an_elected_member_gets_the_year_wheel_kept_out_of_shared_caches(
    client, members_handbook, django_user_model
):
    client.force_login(make_user(django_user_model, "folkevalgt", roles.ELECTED_MEMBERS))
    view = client.get(f"{members_handbook.url}arshjul/{YEAR}/")
    assert view.status_code == 200
    assert "Rammesak i formannskapet" in view.content.decode()
    assert "public" not in view["Cache-Control"]
    for route in (f"arshjul/{YEAR}/pdf/", "arshjul/ical/"):
        response = client.get(members_handbook.url + route)
        assert response.status_code == 200, route
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, route
    assert "Rammesak i formannskapet" in _events(client.get(members_handbook.url + "arshjul/ical/"))


def test_an_editor_adds_an_entry_in_the_admin(client, editor, handbook):
    login_verified(client, editor)
    entries = [
        {
            "id": entry.pk,
            "title": entry.title,
            "kind": entry.kind,
            "start_date": entry.start_date.isoformat(),
            "end_date": entry.end_date.isoformat() if entry.end_date else "",
            "yearly": "on" if entry.yearly else "",
            "description": entry.description,
        }
        for entry in handbook.year_wheel_entries.all()
    ]
    entries.append(
        {
            "title": "Årsmøtet i lokallaget",
            "kind": "party",
            "start_date": f"{YEAR}-02-15",
            "end_date": "",
            "yearly": "on",
            "description": "Sakliste og valg.",
        }
    )
    data = nested_form_data(
        {
            "title": handbook.title,
            "slug": handbook.slug,
            "kind": handbook.kind,
            "intro": "",
            "summary": "",
            "tags": "",
            "year_wheel_entries": inline_formset(entries),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{handbook.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    months = _months(_year_view(client, handbook))
    assert months[f"Februar {YEAR}"] == ["Årsmøtet i lokallaget"]


def test_entries_that_cannot_be_shown_right_are_refused():
    def entry(**fields):
        values = {"title": "Frist", "kind": "party", "start_date": datetime.date(2027, 3, 1)}
        return YearWheelEntry(**{**values, **fields})

    with pytest.raises(ValidationError, match="før startdatoen"):
        entry(end_date=datetime.date(2027, 2, 1)).clean()
    with pytest.raises(ValidationError, match="mindre enn et år"):
        entry(end_date=datetime.date(2028, 3, 1)).clean()
    with pytest.raises(ValidationError, match="29. februar"):
        entry(start_date=datetime.date(2028, 2, 29)).clean()
    entry(start_date=datetime.date(2028, 2, 29), yearly=False).clean()  # a one-off may


def test_a_chapter_cannot_take_the_year_wheels_address(handbook):
    chapter = HandbookChapterPage(title="Årshjul", slug="arshjul", body=[])
    with pytest.raises(ValidationError, match="brukes av håndboka"):
        chapter.clean()
