"""{% shared_fragment %} (resourcebank/core/templatetags/fragment_tags.py): a rendered
listing kept for everyone who may see the same pages, and for no one else."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.models import PageViewRestriction

import pytest

from resourcebank.core import caching
from tests import factories
from tests.editorial_support import publish
from tests.reach_support import restrict

pytestmark = pytest.mark.django_db

FRAGMENT = Template(
    "{% load fragment_tags %}"
    "{% shared_fragment 'test' extra %}[{{ value }}]{% endshared_fragment %}"
)


def _render(request, value, extra="", page=None):
    with translation.override(getattr(request, "language", "nb")):
        return FRAGMENT.render(
            Context({"request": request, "value": value, "extra": extra, "page": page})
        )


def _get(path="/nb/liste/", **attributes):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    for name, value in attributes.items():
        setattr(request, name, value)
    return request


def test_a_fragment_is_kept_until_the_content_changes(home_page):
    assert _render(_get(), "first") == "[first]"
    assert _render(_get(), "second") == "[first]"  # the same key: from the cache
    caching.content_changed()
    assert _render(_get(), "third") == "[third]"


def test_each_address_language_page_and_extra_part_has_its_own_fragment(home_page):
    _render(_get(), "first")
    assert _render(_get("/nb/liste/?side=2"), "page two") == "[page two]"
    assert _render(_get(language="nn"), "nynorsk") == "[nynorsk]"
    assert _render(_get(), "other page", page=home_page) == "[other page]"
    assert _render(_get(), "later", extra="12:10") == "[later]"
    assert _render(_get(), "again") == "[first]"


def test_another_template_at_the_same_address_has_its_own_fragment(home_page):
    # The base template's head is a fragment: a "too many requests" page answered at a
    # page's address must not leave its title for the page's readers.
    source = FRAGMENT.source

    def render_as(name, value):
        with translation.override("nb"):
            return Template(source, name=name).render(
                Context({"request": _get(), "value": value, "extra": ""})
            )

    assert render_as("429.html", "Too many requests") == "[Too many requests]"
    assert render_as("core/info_page.html", "About") == "[About]"
    assert render_as("429.html", "again") == "[Too many requests]"


def test_previews_posts_and_csrf_tokens_are_never_kept(home_page):
    _render(_get(), "kept")
    assert _render(_get(is_preview=True), "draft") == "[draft]"
    post = RequestFactory().post("/nb/liste/")
    post.user = AnonymousUser()
    assert _render(post, "posted") == "[posted]"
    token = mark_safe('<input type="hidden" name="csrfmiddlewaretoken" value="abc">')
    assert _render(_get("/nb/skjema/"), token) == f"[{token}]"
    assert _render(_get("/nb/skjema/"), "no token") == "[no token]"


def test_a_members_listing_never_reaches_a_visitor_and_comes_warm_without_queries(
    story_index, client, member
):
    publish(factories.SuccessStoryPageFactory(parent=story_index, title="Åpen historie"))
    restrict(
        publish(factories.SuccessStoryPageFactory(parent=story_index, title="Intern historie")),
        PageViewRestriction.GROUPS,
    )
    client.force_login(member)
    assert "Intern historie" in client.get(story_index.url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        warm = client.get(story_index.url).content.decode()
    assert "Intern historie" in warm
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "stories_successstorypage" not in read  # the listing came from the cache
    client.logout()
    visitor = client.get(story_index.url).content.decode()
    assert "Åpen historie" in visitor and "Intern historie" not in visitor
    client.force_login(member)
    assert "Intern historie" in client.get(story_index.url).content.decode()
