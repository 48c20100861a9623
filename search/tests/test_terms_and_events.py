"""Taxonomy terms and training events on /sok/.

A search that names an audience, a topic or a commemoration day (in either written
standard, in any inflection) offers that term's listing: the search page with the term
as its filter and no words, which lists every resource the term covers, newest first,
one version per page, a members-only one only to those who may read it. A search also
finds coming training sessions by their place or their package, under the package's
own privacy.

Terms, listings and events are read from the database on every tier (no search engine
is asked), so these run on the database backend of DATABASE_URL.
"""

import datetime
import re

from django.utils import timezone

import pytest

from resourcebank.core.query import AUDIENCE
from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import publish
from tests.reach_support import restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def trustees(nn_locale):
    """The audience "Tillitsvalgte", "Tillitsvalde" in Nynorsk."""
    term, _nn = factories.translated_audience("Tillitsvalgte", "Tillitsvalde", "tillitsvalgte")
    return term


def _package(catalog, title, *, audiences=(), days_ago=0):
    page = factories.TrainingPackagePageFactory(parent=catalog, title=title)
    page.audiences = list(audiences)
    publish(page)
    if days_ago:
        # An older publish date, so the listing's order (newest first) is known.
        page.last_published_at = timezone.now() - datetime.timedelta(days=days_ago)
        page.save(update_fields=["last_published_at"])
    return page


@pytest.fixture
def packages(training_catalog, trustees):
    return {
        "board": _package(
            training_catalog, "Styremøter som fungerer", audiences=[trustees], days_ago=10
        ),
        "accounts": _package(training_catalog, "Regnskap uten hodebry", audiences=[trustees]),
        "members_only": restrict(
            _package(training_catalog, "Budsjett for lokallaget", audiences=[trustees])
        ),
        "canvassing": _package(training_catalog, "Verving på stand"),
    }


def _titles(html: str) -> list[str]:
    """The result titles, in order."""
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="result__title"><a [^>]*>(.*?)</a>', html, re.S)
    ]


def _term_links(html: str) -> dict[str, str]:
    section = re.search(r'<section class="search-terms".*?</section>', html, re.S)
    if section is None:
        return {}
    return {
        text.strip(): href.replace("&amp;", "&")
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', section.group(0))
    }


def test_a_search_in_nynorsk_words_offers_the_audience_and_its_listing(client, packages):
    html = client.get("/nb/sok/", {"q": "kurs for tillitsvalde"}).content.decode()
    links = _term_links(html)
    assert links == {"Tillitsvalgte": f"/nb/sok/?{AUDIENCE}=tillitsvalgte"}

    listing = client.get(links["Tillitsvalgte"])
    assert listing.status_code == 200
    body = listing.content.decode()
    # Newest first; the members-only package and the one for everyone are not listed.
    assert _titles(body) == ["Regnskap uten hodebry", "Styremøter som fungerer"]
    assert "2 ressurser med filtrene du har valgt" in body


def test_the_listing_shows_a_member_the_members_only_resources(client, packages, role_users):
    client.force_login(role_users[roles.MEMBERS])
    body = client.get(f"/nb/sok/?{AUDIENCE}=tillitsvalgte").content.decode()
    assert _titles(body) == [
        "Budsjett for lokallaget",
        "Regnskap uten hodebry",
        "Styremøter som fungerer",
    ]


def test_the_nynorsk_search_page_names_the_term_in_nynorsk(client, packages):
    html = client.get("/nn/sok/", {"q": "tillitsvalgte"}).content.decode()
    assert _term_links(html) == {"Tillitsvalde": f"/nn/sok/?{AUDIENCE}=tillitsvalgte"}
    assert "Oversikter som passar søket" in html


def test_a_search_naming_no_term_offers_none(client, packages):
    html = client.get("/nb/sok/", {"q": "regnskap"}).content.decode()
    assert _titles(html) == ["Regnskap uten hodebry"]
    assert _term_links(html) == {}


def test_a_listing_of_an_unknown_term_is_refused_with_a_norwegian_error(client, packages):
    response = client.get(f"/nb/sok/?{AUDIENCE}=finnes-ikke")
    assert response.status_code == 400
    assert "er ikke et filter vi kjenner" in response.content.decode()


def _events_section(html: str) -> str:
    found = re.search(r'<section class="search-events".*?</section>', html, re.S)
    return found.group(0) if found else ""


def _session(package, *, days: int, place: str, **fields):
    """A two-hour session of `package` that starts `days` from now (past when negative)."""
    start = timezone.now() + datetime.timedelta(days=days)
    return factories.TrainingEventFactory(
        package=package, start=start, end=start + datetime.timedelta(hours=2), place=place, **fields
    )


def test_coming_sessions_are_found_by_their_place_under_their_package_privacy(
    client, packages, role_users
):
    _session(packages["board"], days=7, place="Litteraturhuset i Bergen")
    _session(packages["members_only"], days=7, place="Bergen sentrum")
    _session(packages["accounts"], days=7, place="Bergen", cancelled=True)
    _session(packages["canvassing"], days=-7, place="Bergen")

    section = _events_section(client.get("/nb/sok/", {"q": "bergen"}).content.decode())
    assert "Kommende kurs" in section
    assert "Styremøter som fungerer" in section
    # Not the members-only package's, the cancelled one's or the past one's.
    assert "Budsjett for lokallaget" not in section
    assert "Regnskap uten hodebry" not in section
    assert "Verving på stand" not in section

    client.force_login(role_users[roles.MEMBERS])
    section = _events_section(client.get("/nb/sok/", {"q": "bergen"}).content.decode())
    assert "Budsjett for lokallaget" in section
    assert "Styremøter som fungerer" in section


def test_a_session_is_found_by_its_package_in_the_other_written_standard(client, packages):
    _session(packages["board"], days=3, place="Folkets hus")
    section = _events_section(client.get("/nn/sok/", {"q": "styremøte"}).content.decode())
    assert "Styremøter som fungerer" in section
    assert "Komande kurs" in section


def test_a_place_typed_in_lower_case_finds_the_page_that_names_it(client, home_page):
    # Apertium knows "Bergen" capitalised only; "bergen" alone reads as "the mountains".
    publish(factories.InfoPageFactory(parent=home_page, title="Sommerleir i Bergen"))
    assert _titles(client.get("/nb/sok/", {"q": "bergen"}).content.decode()) == [
        "Sommerleir i Bergen"
    ]
