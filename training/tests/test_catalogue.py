"""Catalogue filters: the right packages and events, matching counts, nothing hidden leaks."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from tests import factories
from training import catalogue as training_catalogue

pytestmark = pytest.mark.django_db


def _titles(catalogue):
    return sorted(package.title for package in catalogue.packages)


def _events(catalogue):
    return {event.pk for event in catalogue.events}


def _filtered(data, **params):
    return training_catalogue.catalogue_filtered(catalog=data.catalog, params=params, request=None)


def test_unfiltered_catalogue_lists_live_public_packages_and_their_upcoming_events(
    catalogue_data,
):
    result = _filtered(catalogue_data)
    events = catalogue_data.events
    assert _titles(result) == ["Sosiale medier", "Styrekurs", "Valgkomitéarbeid"]
    assert _events(result) == {
        events.board_oslo.pk,
        events.board_bergen.pk,
        events.committee_national.pk,
        events.committee_cancelled.pk,
        events.social_vestland.pk,
    }
    assert [event.start for event in result.events] == sorted(e.start for e in result.events)


FILTER_CASES = [
    (
        {"malgruppe": "tillitsvalgte"},
        ["Sosiale medier", "Styrekurs"],
        {"board_oslo", "board_bergen", "social_vestland"},
    ),
    ({"malgruppe": "folkevalgte"}, ["Sosiale medier"], {"social_vestland"}),
    ({"tema": "valg"}, ["Valgkomitéarbeid"], {"committee_national", "committee_cancelled"}),
    ({"format": "digital"}, ["Sosiale medier"], {"social_vestland"}),
    ({"format": "self_study"}, [], set()),
    ({"arrangor": "national"}, ["Valgkomitéarbeid"], {"committee_national"}),
    ({"arrangor": "branch"}, ["Styrekurs"], {"board_bergen"}),
    # The cancelled Oslo event does not make its package "available in Oslo".
    ({"fylke": "oslo"}, ["Styrekurs"], {"board_oslo"}),
    ({"fylke": "vestland"}, ["Sosiale medier", "Styrekurs"], {"board_bergen", "social_vestland"}),
    (
        {"malgruppe": "tillitsvalgte", "fylke": "vestland", "format": "in_person"},
        ["Styrekurs"],
        {"board_bergen"},
    ),
    ({"malgruppe": "tillitsvalgte", "fylke": "oslo"}, ["Styrekurs"], {"board_oslo"}),
    ({"malgruppe": "valgkomiteer", "fylke": "vestland"}, [], set()),
    ({"arrangor": "county", "fylke": "vestland"}, ["Sosiale medier"], {"social_vestland"}),
]


def test_each_filter_and_combinations_give_exactly_the_right_results(catalogue_data):
    # One set-up for every case: building the catalogue is the slow part.
    for params, packages, events in FILTER_CASES:
        result = _filtered(catalogue_data, **params)
        assert _titles(result) == packages, params
        assert _events(result) == {getattr(catalogue_data.events, name).pk for name in events}, (
            params
        )
        assert result.filters == params
        assert not result.errors


def test_date_range_filters_events_by_their_start_date(catalogue_data):
    events = catalogue_data.events
    start = events.board_oslo.start.date()
    end = events.committee_national.start.date()
    result = _filtered(catalogue_data, fra=start.isoformat(), til=end.isoformat())
    assert _events(result) == {
        events.board_oslo.pk,
        events.committee_cancelled.pk,
        events.committee_national.pk,
    }
    assert _titles(result) == ["Styrekurs", "Valgkomitéarbeid"]


def test_every_count_equals_what_following_its_link_lists(catalogue_data, client):
    """Counts are of packages, with the other active filters kept."""
    start = _filtered(catalogue_data, malgruppe="tillitsvalgte")
    checked = 0
    for facet in start.facets:
        for value in facet.values:
            query = dict(re.findall(r"([a-z]+)=([^&]+)", value.url.split("?", 1)[-1]))
            followed = _filtered(catalogue_data, **query)
            if value.selected:
                # The active value's link removes the filter.
                assert facet.param not in followed.filters
                assert value.count == len(start.packages)
            else:
                assert value.count == len(followed.packages), (facet.param, value.value)
            checked += 1
    assert checked >= 12
    counts = {
        (facet.param, value.value): value.count for facet in start.facets for value in facet.values
    }
    assert counts[("fylke", "oslo")] == 1
    assert counts[("fylke", "vestland")] == 2
    assert counts[("format", "digital")] == 1
    assert counts[("malgruppe", "valgkomiteer")] == 1  # replaces the audience filter


def test_drafts_and_private_packages_never_appear(catalogue_data, client):
    response = client.get("/nb/skolering/", {"malgruppe": "tillitsvalgte", "fylke": "oslo"})
    html = response.content.decode()
    assert response.status_code == 200
    for result in (
        _filtered(catalogue_data),
        _filtered(catalogue_data, fylke="oslo"),
        _filtered(catalogue_data, malgruppe="tillitsvalgte"),
    ):
        assert "Utkast" not in _titles(result)
        assert "Bare for medlemmer" not in _titles(result)
        assert catalogue_data.events.draft_oslo.pk not in _events(result)
        assert catalogue_data.events.private_oslo.pk not in _events(result)
    assert "Utkast" not in html
    assert "Bare for medlemmer" not in html
    # A private package's audience does not count it either.
    oslo = next(f for f in _filtered(catalogue_data).facets if f.param == "fylke")
    assert next(v for v in oslo.values if v.value == "oslo").count == 1


def test_filters_are_links_with_aria_current_and_labelled_groups(catalogue_data, client):
    response = client.get("/nb/skolering/?malgruppe=tillitsvalgte")
    html = response.content.decode()
    assert '<nav class="facet" aria-labelledby="facet-malgruppe">' in html
    assert re.search(
        r'<a href="/nb/skolering/"\s+aria-current="true"[^>]*data-value="tillitsvalgte"', html
    )
    assert 'href="/nb/skolering/?malgruppe=tillitsvalgte&amp;fylke=oslo"' in html
    assert "2 pakker" in html or "2 packages" in html
    assert "Folkets hus, Oslo" in html


def test_unknown_filter_values_are_reported_and_left_out(catalogue_data, client):
    response = client.get("/nb/skolering/?malgruppe=finnes-ikke&fra=2026-13-01&fylke=oslo")
    assert response.status_code == 200
    catalogue = response.context["catalogue"]
    assert catalogue.filters == {"fylke": "oslo"}
    assert len(catalogue.errors) == 2
    assert 'role="alert"' in response.content.decode()
    assert _titles(catalogue) == ["Styrekurs"]


def test_catalogue_costs_the_same_number_of_queries_for_more_packages(catalogue_data, client):
    def count():
        cache.clear()  # measure both requests with the same (cold) caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/nb/skolering/?malgruppe=tillitsvalgte")
        assert response.status_code == 200
        return len(queries)

    before = count()
    for number in range(6):
        package = factories.TrainingPackagePageFactory(
            parent=catalogue_data.catalog, title=f"Ekstra {number}"
        )
        package.audiences.set([catalogue_data.trustees])
        package.topics.set([factories.TopicFactory()])
        package.save()
        factories.TrainingEventFactory(package=package, county=catalogue_data.vestland)
    assert count() == before


def test_nynorsk_catalogue_and_programme_show_the_events_shared_with_bokmal(
    catalogue_data, nn_locale, client
):
    nn_catalog = catalogue_data.catalog.copy_for_translation(nn_locale, copy_parents=True)
    nn_catalog.save_revision().publish()
    nn_board = catalogue_data.board.copy_for_translation(nn_locale)
    nn_board.title = "Styrekurs på nynorsk"
    nn_board.save_revision().publish()

    response = client.get("/nn/skolering/?fylke=oslo")
    assert response.status_code == 200
    catalogue = response.context["catalogue"]
    assert _titles(catalogue) == ["Styrekurs på nynorsk"]
    assert _events(catalogue) == {catalogue_data.events.board_oslo.pk}
    html = response.content.decode()
    assert 'href="/nn/skolering/styrekurs/"' in html  # events link to the Nynorsk package
    assert re.search(r'href="/nn/skolering/program/\d{4}-(haust|var)/"', html)

    half = catalogue_data.events.board_oslo.start
    slug = f"{half.year}-{'var' if half.month <= 6 else 'haust'}"
    programme = client.get(f"/nn/skolering/program/{slug}/").content.decode()
    assert "Styrekurs på nynorsk" in programme


def test_a_facet_value_with_no_matches_is_plain_text_not_a_link(catalogue_data, client):
    html = client.get("/nb/skolering/?malgruppe=tillitsvalgte").content.decode()
    # No package is self-study: that value is text, explained to screen readers.
    assert not re.search(r'<a [^>]*data-facet="format" data-value="self_study"', html)
    assert re.search(
        r'<span class="facet__unavailable" data-facet="format" data-value="self_study">'
        r'[^<]*<span class="facet__count">[^<]*</span><span class="visually-hidden"> – [^<]+<',
        html,
    )
    assert re.search(r'<a [^>]*data-facet="fylke" data-value="oslo"', html)
    # The chosen value stays a link that removes it, even when it lists nothing.
    chosen = client.get("/nb/skolering/?format=self_study").content.decode()
    assert re.search(
        r'<a href="/nb/skolering/"\s+aria-current="true"[^>]*data-value="self_study"', chosen
    )


def test_the_catalogue_comes_from_the_cache_and_leaves_out_events_that_have_ended(
    catalogue_data, client, monkeypatch
):
    """Warm, the catalogue reads no package or event; an event that has ended since the
    cache was filled is gone within the listing's step (ten minutes), with its count,
    though nothing was published."""
    board_oslo = catalogue_data.events.board_oslo
    assert board_oslo.pk in _events(client.get("/nb/skolering/").context["catalogue"])
    with CaptureQueriesContext(connection) as queries:
        warm = client.get("/nb/skolering/", {"fylke": "oslo"})
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "training_trainingpackagepage" not in read and "training_trainingevent" not in read
    assert _titles(warm.context["catalogue"]) == ["Styrekurs"]

    later = board_oslo.end + training_catalogue.LISTING_STEP
    monkeypatch.setattr(timezone, "now", lambda: later)
    catalogue = client.get("/nb/skolering/", {"fylke": "oslo"}).context["catalogue"]
    assert board_oslo.pk not in _events(catalogue)
    assert _titles(catalogue) == []  # Oslo had no other coming event of a shown package
    oslo = next(f for f in catalogue.facets if f.param == "fylke")
    assert next(v for v in oslo.values if v.value == "oslo").count == 0


def test_a_member_and_a_visitor_each_get_their_own_catalogue_from_the_cache(
    catalogue_data, client, member
):
    client.force_login(member)
    assert "Bare for medlemmer" in client.get("/nb/skolering/").content.decode()
    client.logout()
    assert "Bare for medlemmer" not in client.get("/nb/skolering/").content.decode()
    client.force_login(member)
    assert "Bare for medlemmer" in client.get("/nb/skolering/").content.decode()
