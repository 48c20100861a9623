"""What a reader finds on /sok/: the same answers on every backend available."""

import pytest

from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [page.title for page in response.context["outcome"].page.object_list]


def search(client, query="", site="nb", **params):
    return client.get(f"/{site}/sok/", {"q": query, **params})


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
    facets = {name: {f.value: f.count for f in values} for name, values in outcome.facets.items()}
    assert facets["lang"] == {"nb": 2, "nn": 1}
    assert facets["type"] == {"trainingpackagepage": 2, "handbookpage": 1}
    assert facets["audience"] == {"tillitsvalgte": 3}
    assert facets["topic"] == {"organisasjon": 2}

    response = search(
        search_client, "lokallag", type="trainingpackagepage", audience="tillitsvalgte", lang="nb"
    )
    assert result_titles(response) == ["Skolering for tillitsvalgte"]

    day = search(search_client, "kvinnedagen", day="03-08").context["outcome"]
    assert [p.title for p in day.page.object_list] == ["Kvinnedagen 8. mars"]
    assert {f.value: f.count for f in day.facets["day"]} == {"03-08": 1}


def test_anonymous_never_sees_members_only_page(search_client):
    for query in ("styringsgruppenotat", "lokallag"):
        response = search(search_client, query)
        assert "Styringsgruppenotat" not in response.content.decode()
    outcome = search(search_client, "lokallag").context["outcome"]
    assert outcome.total == 3
    audiences = {f.value: f.count for f in outcome.facets["audience"]}
    assert audiences == {"tillitsvalgte": 3}
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
    assert {f.value: f.count for f in outcome.facets["audience"]} == {"tillitsvalgte": 4}
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
    second = search(search_client, "lokallag", page=2)
    assert len(result_titles(first)) == 1
    assert result_titles(first) != result_titles(second)
    assert 'rel="next"' in first.content.decode()


def test_when_no_page_has_every_word_pages_with_some_are_shown(search_client):
    outcome = search(search_client, "kvinnedagen lokallaga").context["outcome"]
    assert outcome.matched_some_words
    assert "Kvinnedagen 8. mars" in [p.title for p in outcome.page.object_list]
