"""Pages are routed by url_path in two queries (resourcebank/core/routing.py), to the same
page, sub-route and 404 as Wagtail's own routing, in both written standards; the caches
that save the other queries never let a members-only page reach anyone else."""

from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.http import Http404
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import PageViewRestriction, Site

import pytest

from resourcebank.core import routing
from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import make_user, publish, translate

pytestmark = pytest.mark.django_db


def _wagtail_route(request, path):
    """What Wagtail's own ``Page.route_for_request`` answers."""
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    try:
        return site.root_page.localized.specific.route(request, components)
    except Http404:
        return None


def _described(result):
    if result is None:
        return None
    page, args, kwargs = result
    if args:  # a routable page's sub-route: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (view.__name__, tuple(view_args), dict(view_kwargs))
    return (type(page).__name__, page.pk, args, kwargs)


@pytest.fixture
def site_tree(home_page, campaign_index, training_catalog, handbook_index, nn_locale):
    publish(campaign_index)
    publish(factories.CampaignPackPageFactory(parent=campaign_index, slug="kvinnedagen"))
    package = publish(factories.TrainingPackagePageFactory(parent=training_catalog, slug="styret"))
    handbook = publish(factories.HandbookPageFactory(parent=handbook_index, slug="lokallag"))
    publish(factories.HandbookChapterPageFactory(parent=handbook, slug="arsmotet"))
    draft = factories.InfoPageFactory(parent=home_page, slug="utkast")
    publish(factories.InfoPageFactory(parent=draft, slug="under-utkast"))
    draft.unpublish()
    translate(campaign_index, nn_locale)
    return package


PATHS = (
    "",
    "kampanjer/",
    "kampanjer/kvinnedagen/",
    "kampanjer/kvinnedagen/last-ned/",
    "kampanjer/merkedager/",
    "kampanjer/merkedager/ical/",
    "kampanjer/finnes-ikke/",
    "skolering/",
    "skolering/program/",
    "skolering/program/2026-host/",
    "skolering/styret/",
    "skolering/styret/kalender/",
    "skolering/finnes-ikke/",
    "handboker/lokallag/",
    "handboker/lokallag/pdf/",
    "handboker/lokallag/arsmotet/",
    "handboker/lokallag/arsmotet/mer/",
    "utkast/",
    "utkast/under-utkast/",
    "finnes-ikke/",
)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_path_routes_as_wagtail_routes_it(site_tree, language):
    requests = RequestFactory()
    for path in PATHS:
        with translation.override(language):
            ours = requests.get(f"/{language}/{path}")
            ours.user = AnonymousUser()
            theirs = requests.get(f"/{language}/{path}")
            theirs.user = AnonymousUser()
            assert _described(routing.route(ours, path)) == _described(
                _wagtail_route(theirs, path)
            ), f"/{language}/{path}"


def _chapter_route_queries(path="handboker/lokallag/arsmotet/"):
    request = RequestFactory().get(f"/nb/{path}")
    request._wagtail_site = Site.find_for_request(request)
    with CaptureQueriesContext(connection) as queries:
        result = routing.route(request, path)
        if result is not None:
            result[0].get_parent()
    return result, len(queries)


def test_a_chapter_three_levels_down_is_routed_in_two_queries_then_from_the_cache(site_tree):
    Site.find_for_request(RequestFactory().get("/nb/"))  # the site and its locale cached
    routing.route(RequestFactory().get("/nb/"), "")
    (page, _args, _kwargs), cold = _chapter_route_queries()
    assert page.slug == "arsmotet" and page.get_parent().slug == "lokallag"
    assert cold == 2
    (page, _args, _kwargs), warm = _chapter_route_queries()
    assert page.slug == "arsmotet" and warm == 0


def test_a_cached_route_goes_stale_when_the_page_is_unpublished_or_moved(site_tree, handbook_index):
    client = Client()
    assert client.get("/nb/handboker/lokallag/arsmotet/").status_code == 200
    chapter = factories.HandbookChapterPageFactory._meta.model.objects.get(slug="arsmotet")
    chapter.unpublish()
    assert client.get("/nb/handboker/lokallag/arsmotet/").status_code == 404
    publish(chapter)
    assert client.get("/nb/handboker/lokallag/arsmotet/").status_code == 200
    other = publish(factories.HandbookPageFactory(parent=handbook_index, slug="styret-handbok"))
    chapter.move(other, pos="last-child")
    moved = client.get("/nb/handboker/lokallag/arsmotet/")  # Wagtail made a redirect
    assert moved.status_code == 301
    assert moved["Location"] == "/nb/handboker/styret-handbok/arsmotet/"
    assert client.get("/nb/handboker/styret-handbok/arsmotet/").status_code == 200


def test_a_path_that_leads_nowhere_is_not_kept(site_tree):
    routing.route(RequestFactory().get("/nb/"), "")
    for _ in range(2):
        result, queries = _chapter_route_queries("handboker/lokallag/finnes-ikke/")
        assert result is None and queries == 1


def test_a_restriction_added_after_the_page_was_read_keeps_anonymous_readers_out(
    home_page, django_user_model
):
    page = publish(
        factories.InfoPageFactory(parent=home_page, slug="internt", title="Internt notat")
    )
    anonymous = Client()
    assert anonymous.get(page.url).status_code == 200  # its route and restrictions cached
    assert "Internt notat" in anonymous.get("/nb/").content.decode()  # the footer links it
    roles.roles_ensure()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=roles.ROLE_GROUP_NAMES[roles.MEMBERS])])
    make_user(django_user_model, "kari", roles.MEMBERS)
    member = Client()
    member.post("/nb/logg-inn/", {"username": "kari", "password": "pw"})
    assert "Internt notat" in member.get(page.url).content.decode()
    # What the member's visit put in the cache is no one else's.
    response = anonymous.get(page.url)
    assert response.status_code == 302 and "logg-inn" in response["Location"]
    assert "Internt notat" not in anonymous.get("/nb/").content.decode()
    restriction.delete()
    assert anonymous.get(page.url).status_code == 200
