"""Bad query strings get a clear message, never a server error."""

import pytest

from resourcebank.core.query import AUDIENCE, PAGE, TYPE, WRITTEN_STANDARD

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_client(client, home_page):
    return client


@pytest.mark.parametrize(
    "params",
    [
        {"q": "lokallag", PAGE: "abc"},
        {"q": "lokallag", PAGE: "0"},
        {"q": "lokallag", PAGE: "99999999999999999999"},
        {"q": "lokallag", TYPE: "nosuchtype"},
        {"q": "lokallag", AUDIENCE: "<script>"},
        {"q": "lokallag", WRITTEN_STANDARD: "en"},
    ],
)
def test_bad_parameters_answer_400_with_a_message(page_client, params):
    response = page_client.get("/nb/sok/", params)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    "query", ["x" * 10_000, "lokallag " * 1200, '"(*) AND OR NOT NEAR ^ : -', "'\\%%{}"]
)
def test_long_and_odd_queries_answer(page_client, query):
    response = page_client.get("/nb/sok/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["outcome"].query) <= 200


def test_null_character_is_refused_with_a_message(page_client):
    response = page_client.get("/nb/sok/", {"q": "lokal\x00lag"})
    assert response.status_code == 400
    assert response.context["form"].errors["q"]


def test_page_past_the_end_shows_the_last_page(page_client):
    response = page_client.get("/nb/sok/", {"q": "lokallag", PAGE: "50"})
    assert response.status_code == 200


def test_empty_search_shows_the_form(page_client):
    response = page_client.get("/nn/sok/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@pytest.mark.parametrize("query", ["", "x" * 10_000, "lokal\x00lag", '"*:^'])
def test_autocomplete_answers_odd_input_with_json(page_client, query):
    response = page_client.get("/nb/sok/autocomplete/", {"q": query})
    assert response.status_code == 200
    assert response.json() == {"results": []}
