"""What a reader finds on /sok/: the same answers on every backend available."""

import pytest

from resourcebank.core.facets import Facet
from resourcebank.core.query import (
    AUDIENCE,
    COMMEMORATION_DAY,
    PAGE,
    TOPIC,
    TYPE,
    WRITTEN_STANDARD,
)
from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [page.title for page in response.context["outcome"].page.object_list]


def search(client, query="", site="nb", **params):
    return client.get(f"/{site}/sok/", {"q": query, **params})


def counts(outcome, param):
    """The search's facet for one query parameter, as {value: count}."""
    (facet,) = [facet for facet in outcome.facets if facet.param == param]
    return {value.value: value.count for value in facet.values}


@pytest.mark.parametrize("query", ["lokallag", "lokallaget", "lokallagene", "lokallaga"])
def test_every_inflection_finds_both_standards(search_client, query):
    titles = result_titles(search(search_client, query))
    assert "Håndbok for lokallaget" in titles  # Bokmål
    assert "Kurs i møteleiing" in titles  # Nynorsk: "lokallaga"
    assert "Skolering for tillitsvalgte" in titles  # "lokallagene" in the summary


@pytest.mark.parametrize(
    "query", ["skulering for tillitsvalde", "skolering tillitsvalgte", "Skulering"]
)
def test_nynorsk_query_finds_bokmal_training(search_client, query):
    assert "Skolering for tillitsvalgte" in result_titles(search(search_client, query, site="nn"))


def test_title_match_ranks_above_body_match(search_client):
    titles = result_titles(search(search_client, "verving"))
    assert titles.index("Verving av nye medlemmer") < titles.index("Valgkamp i praksis")


def test_results_show_type_and_highlighted_summary(search_client):
    response = search(search_client, "lokallaga")
    html = response.content.decode()
    assert "<mark>lokallagene</mark>" in html
    assert "<mark>lokallaget</mark>" in html
    # The result names its type in Norwegian (the catalogue translates "training package").
    assert "skoleringspakke" in html.lower()


def test_facet_counts_and_combined_filters(search_client):
    outcome = search(search_client, "lokallag").context["outcome"]
    assert counts(outcome, WRITTEN_STANDARD) == {"nb": 2, "nn": 1}
    assert counts(outcome, TYPE) == {"trainingpackagepage": 2, "handbookpage": 1}
    assert counts(outcome, AUDIENCE) == {"tillitsvalgte": 3}
    assert counts(outcome, TOPIC) == {"organisasjon": 2}

    response = search(
        search_client,
        "lokallag",
        **{TYPE: "trainingpackagepage", AUDIENCE: "tillitsvalgte", WRITTEN_STANDARD: "nb"},
    )
    assert result_titles(response) == ["Skolering for tillitsvalgte"]

    day = search(search_client, "kvinnedagen", **{COMMEMORATION_DAY: "03-08"}).context["outcome"]
    assert [p.title for p in day.page.object_list] == ["Kvinnedagen 8. mars"]
    assert counts(day, COMMEMORATION_DAY) == {"03-08": 1}


def test_anonymous_never_sees_members_only_page(search_client):
    for query in ("styringsgruppenotat", "lokallag"):
        response = search(search_client, query)
        assert "Styringsgruppenotat" not in response.content.decode()
    outcome = search(search_client, "lokallag").context["outcome"]
    assert outcome.total == 3
    assert counts(outcome, AUDIENCE) == {"tillitsvalgte": 3}
    empty = search(search_client, "styringsgruppenotat").context["outcome"]
    assert empty.total == 0
    assert "styringsgruppenotat" not in " ".join(empty.suggestions)
    # nor in autocomplete
    data = search_client.get("/nb/sok/autocomplete/", {"q": "styringsgrupp"}).json()
    assert data["results"] == []
    # a logged-in user outside the group sees no more than the public
    login_verified(search_client, corpus_user(search_client, "sokutenfor"))
    assert search(search_client, "styringsgruppenotat").context["outcome"].total == 0


def corpus_user(client, username):
    from django.contrib.auth.models import User

    return User.objects.get(username=username)


def test_member_finds_members_only_page(search_client, corpus):
    login_verified(search_client, corpus["member"])
    outcome = search(search_client, "lokallag").context["outcome"]
    assert outcome.total == 4
    assert "Styringsgruppenotat om lokallagene" in [p.title for p in outcome.page.object_list]
    assert counts(outcome, AUDIENCE) == {"tillitsvalgte": 4}
    data = search_client.get("/nb/sok/autocomplete/", {"q": "styringsgrupp"}).json()
    assert [r["title"] for r in data["results"]] == ["Styringsgruppenotat om lokallagene"]


def test_autocomplete_suggests_titles_as_you_type(search_client):
    data = search_client.get("/nb/sok/autocomplete/", {"q": "Håndb"}).json()
    assert [r["title"] for r in data["results"]] == ["Håndbok for lokallaget"]


def test_a_misspelt_query_shows_the_corrected_search(search_client):
    response = search(search_client, "lokalagett")
    outcome = response.context["outcome"]
    assert outcome.corrected_query == "lokallaget"
    assert outcome.suggestions == ["lokallaget"]
    assert "Håndbok for lokallaget" in result_titles(response)
    assert "lokallaget" in response.content.decode()


def test_nothing_found_and_nothing_close(search_client):
    outcome = search(search_client, "xqzvwbk").context["outcome"]
    assert outcome.total == 0
    assert outcome.suggestions == []


def test_editors_pick_is_shown_first_and_respects_privacy(search_client, corpus):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.objects.create(query_string="lokallag")
    SearchPromotion.objects.create(query=query, page=corpus["pages"]["handbook"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=corpus["pages"]["secret"], sort_order=1)
    picks = search(search_client, "lokallag").context["outcome"].picks
    assert [p.page.title for p in picks] == ["Håndbok for lokallaget"]


def test_pagination(search_client, settings, monkeypatch):
    from search import selectors

    monkeypatch.setattr(selectors, "PAGE_SIZE", 1)
    first = search(search_client, "lokallag")
    second = search(search_client, "lokallag", **{PAGE: 2})
    assert len(result_titles(first)) == 1
    assert result_titles(first) != result_titles(second)
    html = first.content.decode()
    assert 'rel="next"' in html
    # The shared pagination component: each page's link keeps the words and the filters.
    assert f'href="?q=lokallag&amp;{PAGE}=2" rel="next"' in html
    filtered = search(search_client, "lokallag", **{TYPE: "trainingpackagepage"}).content.decode()
    assert f'href="?q=lokallag&amp;{TYPE}=trainingpackagepage&amp;{PAGE}=2"' in filtered


def test_facets_are_the_listings_facets_whose_links_toggle_the_filter(search_client):
    outcome = search(search_client, "lokallag", **{AUDIENCE: "tillitsvalgte"}).context["outcome"]
    assert outcome.facets and all(isinstance(facet, Facet) for facet in outcome.facets)
    assert [facet.param for facet in outcome.facets] == [
        TYPE,
        AUDIENCE,
        TOPIC,
        COMMEMORATION_DAY,
        WRITTEN_STANDARD,
    ]
    (audiences,) = [facet for facet in outcome.facets if facet.param == AUDIENCE]
    (chosen,) = audiences.values
    assert chosen.selected and chosen.available
    assert chosen.url == "?q=lokallag"  # choosing it again removes it, the words stay
    (topics,) = [facet for facet in outcome.facets if facet.param == TOPIC]
    (topic,) = topics.values
    assert not topic.selected
    assert topic.url == f"?q=lokallag&{AUDIENCE}=tillitsvalgte&{TOPIC}=organisasjon"


def test_old_parameter_names_are_sent_to_the_same_search(search_client):
    response = search(search_client, "lokallag", audience="tillitsvalgte", page=2)
    assert response.status_code == 301
    assert response["Location"] == f"?q=lokallag&{AUDIENCE}=tillitsvalgte&{PAGE}=2"


def test_when_no_page_has_every_word_pages_with_some_are_shown(search_client):
    outcome = search(search_client, "kvinnedagen lokallaga").context["outcome"]
    assert outcome.matched_some_words
    assert "Kvinnedagen 8. mars" in [p.title for p in outcome.page.object_list]


def test_a_search_reads_the_database_a_fixed_number_of_times(search_client):
    """Total, facets and the page of hits cost the same few queries for one hit or many:
    the counts are grouped in one statement (or one engine request), the hits are read
    once per page type with their locales, and nothing is asked per result."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    search(search_client, "lokallag")  # fills what every search shares: filter choices, site
    with CaptureQueriesContext(connection) as one_hit:
        outcome = search(search_client, "kvinnedagen").context["outcome"]
    assert outcome.total == 1
    with CaptureQueriesContext(connection) as many_hits:
        outcome = search(search_client, "lokallag").context["outcome"]
    assert outcome.total == 3
    types = {type(page) for page in outcome.page.object_list}
    assert len(one_hit) <= 10
    assert len(many_hits) <= 9 + len(types)  # the second type costs one query, no more
    with CaptureQueriesContext(connection) as typing:
        titles = search_client.get("/nb/sok/autocomplete/", {"q": "lokal"}).json()["results"]
    assert titles
    # The view restrictions (two), the titles (two on SQLite: starting with, then
    # containing the word), the pages: none per suggestion.
    assert len(typing) <= 5
