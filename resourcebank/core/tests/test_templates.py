"""What every visitor sees on every page: landmarks, one h1, language links, safe listings."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest
import wagtail_factories

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_page):
    return home_page


@pytest.fixture
def campaigns(home_page):
    return factories.CampaignIndexPageFactory(parent=home_page, show_in_menus=True)


def add_pack(parent, title, **kwargs):
    return factories.CampaignPackPageFactory(parent=parent, title=title, **kwargs)


def publish_translation(page, locale):
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[\s>]", html))


def test_home_page_has_landmarks_one_h1_and_language(client, home, campaigns):
    response = client.get("/nb/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nb" dir="ltr">' in html
    assert h1_count(html) == 1
    assert 'class="ds-skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    # The primary navigation lists the section in menus.
    assert f'href="{campaigns.url}"' in html
    # The language switcher links to both written standards and marks the current one.
    assert re.search(r'<a href="/nb/"[^>]*lang="nb"[^>]*aria-current="true"', html)
    assert re.search(r'<a href="/nn/"[^>]*lang="nn"', html)
    # The search form in the header sends q to the locale's search page.
    assert 'action="/nb/sok/"' in html and 'name="q"' in html


def test_every_page_type_renders_with_one_h1(client, home, campaigns):
    pack = add_pack(campaigns, "Åttende mars")
    stories = factories.StoryIndexPageFactory(parent=home)
    story = factories.SuccessStoryPageFactory(parent=stories)
    info = factories.InfoPageFactory(parent=home)
    catalog = factories.TrainingCatalogPageFactory(parent=home)
    package = factories.TrainingPackagePageFactory(parent=catalog)
    factories.TrainingEventFactory(package=package)
    handbooks = factories.HandbookIndexPageFactory(parent=home)
    handbook = factories.HandbookPageFactory(parent=handbooks)
    chapter = factories.HandbookChapterPageFactory(parent=handbook)

    pages = (home, campaigns, pack, stories, story, info, catalog, package, handbooks, handbook)
    for page in (*pages, chapter):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert h1_count(response.content.decode()) == 1, page.url


def test_translated_page_links_to_its_other_version(client, campaigns, nn_locale):
    pack = add_pack(campaigns, "Første mai")
    nn_pack = publish_translation(pack, nn_locale)

    html = client.get(pack.url).content.decode()

    assert nn_pack.url.startswith("/nn/")
    assert f'<link rel="alternate" hreflang="nn" href="http://testserver{nn_pack.url}">' in html
    assert f'<link rel="alternate" hreflang="nb" href="http://testserver{pack.url}">' in html
    assert re.search(rf'<a href="{re.escape(nn_pack.url)}"[^>]*hreflang="nn"', html)

    nn_html = client.get(nn_pack.url).content.decode()
    assert '<html lang="nn" dir="ltr">' in nn_html
    assert re.search(rf'<a href="{re.escape(pack.url)}"[^>]*hreflang="nb"', nn_html)


def test_untranslated_page_has_no_alternate_and_switcher_goes_to_other_home(client, campaigns):
    pack = add_pack(campaigns, "Femte juni")

    html = client.get(pack.url).content.decode()

    assert 'hreflang="nn" href="http' not in html
    assert re.search(r'<a href="/nn/"[^>]*hreflang="nn"', html)


def test_drafts_and_private_pages_never_appear_in_listings_or_navigation(client, home, campaigns):
    add_pack(campaigns, "Synlig pakke")
    draft = add_pack(campaigns, "Uferdig pakke", live=False)
    private = add_pack(campaigns, "Hemmelig pakke")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.StoryIndexPageFactory(
        parent=home, title="Kladdeseksjon", slug="kladd", live=False, show_in_menus=True
    )
    hidden_section = factories.StoryIndexPageFactory(
        parent=home, title="Lukket seksjon", slug="lukket", show_in_menus=True
    )
    PageViewRestriction.objects.create(page=hidden_section, restriction_type="login")

    listing = client.get(campaigns.url).content.decode()
    front = client.get(home.url).content.decode()

    assert "Synlig pakke" in listing
    for html in (listing, front):
        assert draft.title not in html
        assert private.title not in html
        assert "Kladdeseksjon" not in html
        assert "Lukket seksjon" not in html


def test_navigation_is_cached_and_refreshed_when_a_page_is_saved(client, home, campaigns):
    client.get(home.url)  # fills the navigation cache
    with CaptureQueriesContext(connection) as cold:
        client.get(home.url)
    factories.StoryIndexPageFactory(parent=home, title="Ny seksjon", slug="ny", show_in_menus=True)

    html = client.get(home.url).content.decode()

    # A new section shows at once: saving a page invalidates the cached menu.
    assert "Ny seksjon" in html
    assert not any("show_in_menus" in q["sql"] for q in cold.captured_queries)


def test_listing_paginates_with_side_parameter(client, campaigns):
    for number in range(26):
        add_pack(campaigns, f"Pakke {number:02d}")

    first = client.get(campaigns.url).content.decode()
    second = client.get(campaigns.url, {"side": 2}).content.decode()

    assert re.search(r'<nav class="ds-pagination" aria-label="[^"]+">', first)
    assert re.search(r'<a [^>]*href="\?side=2" rel="next">', first)
    assert re.search(r'<a [^>]*href="\?side=2" aria-current="page">', second)
    assert h1_count(second) == 1


def test_long_listing_links_the_ends_and_the_pages_around_the_current_one(rf):
    from django.core.paginator import Paginator
    from django.template import Context, Template

    request = rf.get("/nb/sok/", {"q": "kampanje", "side": 50})
    page = Paginator(range(5000), 10).get_page(50)  # 500 pages of results

    html = Template("{% load listing_tags %}{% pagination page %}").render(
        Context({"request": request, "page": page})
    )

    numbers = re.findall(r'href="\?q=kampanje&amp;side=(\d+)"', html)
    assert numbers == ["49", "1", "48", "49", "50", "51", "52", "500", "51"]  # prev … next
    assert html.count('<li aria-hidden="true"></li>') == 2  # "…" on either side


def test_server_error_page_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "<h1>" in html and 'lang="nb"' in html


def test_missing_page_uses_site_layout(client, home):
    response = client.get("/nb/finnes-ikke/")

    assert response.status_code == 404
    html = response.content.decode()
    assert h1_count(html) == 1 and 'href="#main"' in html


@pytest.mark.parametrize(
    ("index_factory", "child_factory"),
    [
        (factories.CampaignIndexPageFactory, factories.CampaignPackPageFactory),
        (factories.StoryIndexPageFactory, factories.SuccessStoryPageFactory),
        (factories.TrainingCatalogPageFactory, factories.TrainingPackagePageFactory),
        (factories.HandbookIndexPageFactory, factories.HandbookPageFactory),
    ],
)
def test_index_page_queries_do_not_grow_with_children(client, home, index_factory, child_factory):
    index = index_factory(parent=home, show_in_menus=True)
    county = factories.CountyFactory()
    extra = {}
    if child_factory is factories.SuccessStoryPageFactory:
        extra = {
            "local_branch": factories.LocalBranchFactory(county=county),
            "county": county,
            "image": wagtail_factories.ImageFactory(),
        }

    def queries_for_listing():
        client.get(index.url)  # warm caches (navigation, site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    for _ in range(2):
        child_factory(parent=index, **extra)
    few = queries_for_listing()
    for _ in range(8):
        child_factory(parent=index, **extra)
    many = queries_for_listing()

    assert few == many
