"""Feeds, sitemaps and robots.txt: valid by parsers we did not write (feedparser, an XML
schema of the Sitemaps protocol), and public content only."""

import html
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.cache import cache

from wagtail.models import Page

import feedparser
import pytest
import xmlschema

from resourcebank.syndication import selectors
from resourcebank.taxonomy.models import Audience, County
from tests.reach_support import SECRET

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    assert SECRET not in response.content.decode()
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def test_every_feed_parses_and_lists_public_content_only(client, public_and_private):
    urls = [
        "/nb/feed/",
        "/nn/feed/",
        "/nb/feed/kampanjepakker/",
        "/nb/feed/gode-eksempler/",
        "/nb/feed/skolering/",
        "/nn/feed/kampanjepakker/",
        "/nb/feed/malgruppe/tillitsvalgte/",
        "/nb/feed/fylke/oslo/",
    ]
    titles = {url: [entry.title for entry in _feed(client, url).entries] for url in urls}
    assert set(titles["/nb/feed/"]) == {
        "Likelønn nå",
        "Valget i fjor",
        "Styrekurs",
        "Tjue nye medlemmer",
        "Stand i regnet",
    }
    assert titles["/nn/feed/"] == titles["/nn/feed/kampanjepakker/"]
    assert len(titles["/nn/feed/"]) == 1
    assert set(titles["/nb/feed/skolering/"]) == {"Styrekurs"}
    assert set(titles["/nb/feed/malgruppe/tillitsvalgte/"]) == {"Likelønn nå", "Styrekurs"}
    assert set(titles["/nb/feed/fylke/oslo/"]) == {
        "Styrekurs",
        "Tjue nye medlemmer",
        "Stand i regnet",
    }


def test_every_feed_address_parses_without_a_bozo_error(client, public_and_private):
    """Every feed there is: each written standard, whole, per kind, per audience and per
    county of the taxonomy, none of them with members-only content (``_feed``)."""
    slugs = [""] + [f"{kind}/" for kind in selectors.FEED_KINDS]
    slugs += [f"malgruppe/{slug}/" for slug in Audience.objects.values_list("slug", flat=True)]
    slugs += [f"fylke/{slug}/" for slug in County.objects.values_list("slug", flat=True)]
    assert len(slugs) >= 6
    for code in settings.WRITTEN_STANDARDS:
        for slug in slugs:
            feed = _feed(client, f"/{code}/feed/{slug}")
            assert feed.feed.language == code


def test_a_feed_entry_links_to_its_page_with_a_stable_id(client, public_and_private):
    feed = _feed(client, "/nb/feed/kampanjepakker/")
    pack = public_and_private.public["pack"]
    entry = next(e for e in feed.entries if e.title == pack.title)
    assert entry.link.endswith(pack.url)
    assert str(pack.translation_key) in entry.id
    assert feed.feed.language == "nb"
    assert client.get("/nb/feed/ukjent/").status_code == 404
    assert client.get("/nb/feed/malgruppe/ingen/").status_code == 404


def _sitemap(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    assert SECRET not in response.content.decode()
    xmlschema.XMLSchema(str(SCHEMAS / schema)).validate(response.content.decode())
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own response


def test_the_sitemap_lists_every_public_page_once_per_language(client, public_and_private):
    index = _sitemap(client, "/sitemap.xml", "siteindex.xsd")
    locations = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert [url.rsplit("/", 1)[1] for url in locations] == ["sitemap-nb.xml", "sitemap-nn.xml"]
    for language in ("nb", "nn"):
        urlset = _sitemap(client, f"/sitemap-{language}.xml", "sitemap.xsd")
        listed = [loc.text for loc in urlset.findall("s:url/s:loc", NS)]
        expected = [page.get_full_url() for page in selectors.sitemap_pages(language_code=language)]
        assert sorted(listed) == sorted(expected)
        assert len(listed) == len(set(listed))
        private = [p for p in public_and_private.private.values() if hasattr(p, "path")]
        for page in private:
            assert page.get_full_url() not in listed
        assert all(f"/{language}/" in url for url in listed)


def test_the_sitemap_lists_exactly_the_pages_an_anonymous_reader_can_open(
    client, public_and_private
):
    """An oracle that does not go through the sitemap's own selector: every live page
    that is a real version (not an alias) is opened as an anonymous reader; those that
    show it (a 200 with its title, not a login or password form) are in their
    language's sitemap, once, and no other page is."""
    listed = []
    for language in ("nb", "nn"):
        urlset = _sitemap(client, f"/sitemap-{language}.xml", "sitemap.xsd")
        listed += [loc.text for loc in urlset.findall("s:url/s:loc", NS)]
    assert len(listed) == len(set(listed))
    readable, closed = set(), set()
    for page in Page.objects.live().filter(depth__gt=1, alias_of__isnull=True):
        url = page.get_full_url()
        response = client.get(url)
        shown = response.status_code == 200 and page.title in html.unescape(
            response.content.decode()
        )
        (readable if shown else closed).add(url)
    assert set(listed) == readable
    private = [p for p in public_and_private.private.values() if isinstance(p, Page) and p.live]
    assert closed >= {p.get_full_url() for p in private}
    public = [p for p in public_and_private.public.values() if isinstance(p, Page)]
    assert {p.get_full_url() for p in public} <= set(listed)


def test_the_sitemap_gives_each_page_its_alternates_and_x_default(client, public_and_private):
    pack = public_and_private.public["pack"]
    pack_nn = public_and_private.public["pack_nn"]
    urlset = _sitemap(client, "/sitemap-nn.xml", "sitemap.xsd")
    for url in urlset.findall("s:url", NS):
        if url.find("s:loc", NS).text == pack_nn.get_full_url():
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            break
    else:
        raise AssertionError("the Nynorsk pack is not in the sitemap")
    assert alternates == {
        "nb": pack.get_full_url(),
        "nn": pack_nn.get_full_url(),
        "x-default": pack.get_full_url(),
    }


def test_robots_txt_keeps_out_the_admin_and_search_results(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    lines = text.splitlines()
    for path in ("/admin/", "/nb/sok/", "/nn/sok/", "/api/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert response["Cache-Control"].startswith("public")
