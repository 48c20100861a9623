"""The HTTP cache in front: anonymous pages cached and purged on publish; personal
pages never cached and never served to anyone else."""

import html

import pytest
import requests

from tests.production.conftest import (
    campaign_pack,
    login,
    publish,
    require_cached,
    unique_word,
    wait_until,
)

pytestmark = pytest.mark.production


def test_static_files_come_from_nginx_with_long_caching(stack):
    home = stack.get("/nb/")
    assert home.status_code == 200
    css = next(part for part in home.text.split('"') if part.startswith("/static/css/"))
    response = stack.get(css)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_vary_is_passed_through(stack):
    response = stack.get("/nb/")
    assert response.status_code == 200
    assert "Cookie" in response.headers.get("Vary", ""), response.headers


def test_anonymous_page_comes_from_the_cache(stack):
    response = require_cached(stack, "/nb/")
    assert int(response.headers["Age"]) >= 0


def test_editor_publishes_and_the_cached_page_shows_it_within_2_seconds(stack, editor):
    page_id, path = campaign_pack(stack)
    require_cached(stack, path)
    title = f"Kampanje {unique_word()}"
    stack.draft_title(page_id, title)
    assert title not in stack.get(path).text  # a draft changes nothing yet

    publish(stack, editor, page_id)
    shown = wait_until(lambda: title in html.unescape(stack.get(path).text), seconds=2)
    assert shown, f"{path} did not show the published title within 2 s (purge on publish)"


def test_a_members_page_is_never_cached_nor_served_to_anyone_else(stack, member):
    path = "/nb/"
    for _ in range(3):
        response = stack.get(path, member)
        assert response.status_code == 200
        assert response.headers.get("X-Cache") != "HIT", response.headers
        assert response.headers.get("Age") == "0", response.headers
        assert "Prodtestmedlem" in response.text  # the header names who is logged in

    anonymous = stack.get(path)
    assert "Prodtestmedlem" not in anonymous.text
    other = login(stack, "prodtest-medlem2", "/nb/logg-inn/")
    theirs = stack.get(path, other)
    assert "Prodtestandre" in theirs.text and "Prodtestmedlem" not in theirs.text


def test_a_purge_drops_the_path_whatever_host_it_names(stack):
    """Wagtail purges with the site's host name ("localhost" here), readers may use
    another; the worker purges from loopback (the ACL holds loopback and
    VARNISH_PURGE_FROM). A static file is cached by Varnish already: use it."""
    home = stack.get("/nb/")
    css = next(part for part in home.text.split('"') if part.startswith("/static/css/"))
    stack.get(css)
    assert stack.get(css).headers["X-Cache"] == "HIT"
    purge = requests.request("PURGE", stack.url + css, headers={"Host": "localhost"}, timeout=10)
    assert purge.status_code == 200
    assert stack.get(css).headers["X-Cache"] == "MISS"
