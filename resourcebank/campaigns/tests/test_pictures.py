"""Campaign packs are shown by their posters: cards in the listings, and the home page led by
the campaign of the next commemoration day."""

import datetime
import re

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from resourcebank.campaigns import selectors
from resourcebank.campaigns.models import CampaignPackMaterial, PosterTemplate
from tests import factories
from tests.downloads_support import make_image

pytestmark = pytest.mark.django_db


def anonymous_request():
    request = RequestFactory().get("/nb/")
    request.user = AnonymousUser()
    return request


def add_pack(parent, *, poster="material", day=None, **kwargs):
    """A published pack with a poster as a material, as a poster template, or none."""
    pack = factories.CampaignPackPageFactory(parent=parent, commemoration_day=day, **kwargs)
    if poster == "material":
        CampaignPackMaterial.objects.create(
            page=pack,
            locale=pack.locale,
            title="Plakat",
            kind="poster",
            image=make_image(f"Plakat {pack.pk}", size=(300, 400)),
        )
    elif poster == "template":
        PosterTemplate.objects.create(
            page=pack,
            locale=pack.locale,
            title="Plakatmal",
            image=make_image(f"Plakatmal {pack.pk}", size=(300, 400)),
            branch_width=50,
            branch_height=10,
        )
    return pack


def day(month, day_of_month, name="Merkedag"):
    return factories.CommemorationDayFactory(name=name, month=month, day=day_of_month)


def queries_for(client, url):
    client.get(url)  # renditions are made on the first view; warm caches too
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def test_the_poster_is_the_first_poster_material_else_the_first_poster_template(campaign_index):
    with_material = add_pack(campaign_index, poster="material")
    with_template = add_pack(campaign_index, poster="template")
    without = add_pack(campaign_index, poster=None)
    CampaignPackMaterial.objects.create(
        page=without,
        locale=without.locale,
        title="Løpeseddel",
        kind="flyer",
        image=make_image("Løpeseddel", size=(300, 400)),
    )

    assert selectors.pack_poster(with_material).title == f"Plakat {with_material.pk}"
    assert selectors.pack_poster(with_template).title == f"Plakatmal {with_template.pk}"
    assert selectors.pack_poster(without) is None  # a flyer is no poster
    # The prefetched listing picks the same ones.
    listed = {
        pack.pk: selectors.pack_poster(pack)
        for pack in selectors.campaign_packs_under(campaign_index, request=anonymous_request())
    }
    assert listed[with_material.pk].title == f"Plakat {with_material.pk}"
    assert listed[with_template.pk].title == f"Plakatmal {with_template.pk}"
    assert listed[without.pk] is None


def test_campaign_listing_with_posters_costs_the_same_queries_for_5_and_30_packs(client, home_page):
    small = factories.CampaignIndexPageFactory(parent=home_page, title="Få", slug="fa")
    large = factories.CampaignIndexPageFactory(parent=home_page, title="Mange", slug="mange")
    for parent, count in ((small, 5), (large, 30)):
        for number in range(count):
            add_pack(parent, poster=("material", "template", None)[number % 3])

    small_count, small_html = queries_for(client, small.url)
    large_count, large_html = queries_for(client, large.url)

    assert small_count == large_count
    # Two of every three packs have a poster; the large listing shows its first 24.
    assert len(pictures(small_html)) == 4
    assert len(pictures(large_html)) == 16


def test_a_card_picture_offers_avif_webp_and_jpeg_in_several_widths_lazily_but_the_first(
    client, campaign_index
):
    for _ in range(3):
        add_pack(campaign_index)
    html = client.get(campaign_index.url).content.decode()

    first, *rest = pictures(html)
    for picture in (first, *rest):
        sources = re.findall(r"<source [^>]+>", picture)
        assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == [
            "image/avif",
            "image/webp",
        ]
        # 300 px wide posters: 240 and 300 px renditions, described by width, with sizes.
        assert re.search(r'srcset="[^"]+\.avif 240w, [^"]+\.avif 300w"', sources[0])
        img = re.search(r"<img [^>]+>", picture).group(0)
        assert re.search(r'srcset="[^"]+\.jpg 240w, [^"]+\.jpg 300w"', img)
        assert 'width="240"' in img and 'height="320"' in img
        assert 'sizes="' in img and 'alt=""' in img
    assert 'loading="lazy"' not in first and 'fetchpriority="high"' in first
    assert all('loading="lazy"' in picture for picture in rest)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 5, 2), "Dagen mot vold"),  # the next day later this year
        (datetime.date(2026, 3, 8), "Kvinnedagen"),  # the day itself counts
        (datetime.date(2026, 11, 26), "Kvinnedagen"),  # after the last one: next year
    ],
)
def test_the_current_campaign_is_the_pack_of_the_next_commemoration_day(
    home_page, campaign_index, today, expected
):
    add_pack(campaign_index, day=day(3, 8, "Kvinnedagen"), title="Kvinnedagen")
    add_pack(campaign_index, day=day(5, 1, "Arbeidernes dag"), title="Arbeidernes dag")
    add_pack(campaign_index, day=day(11, 25, "Dagen mot vold"), title="Dagen mot vold")
    add_pack(campaign_index, title="Uten merkedag")

    current = selectors.current_campaign_pack(
        home=home_page, request=anonymous_request(), today=today
    )

    assert current.title == expected
    assert current.commemoration_date >= today
    assert (current.commemoration_date - today).days < 366


def test_of_two_packs_for_the_same_day_the_newer_campaign_leads(home_page, campaign_index):
    march = day(3, 8, "Kvinnedagen")
    add_pack(
        campaign_index, day=march, title="8. mars 2025", period_start=datetime.date(2025, 2, 1)
    )
    add_pack(
        campaign_index, day=march, title="8. mars 2026", period_start=datetime.date(2026, 2, 1)
    )
    add_pack(campaign_index, day=march, title="8. mars uten periode")

    current = selectors.current_campaign_pack(
        home=home_page, request=anonymous_request(), today=datetime.date(2026, 1, 10)
    )

    assert current.title == "8. mars 2026"
    assert current.commemoration_date == datetime.date(2026, 3, 8)


def test_home_page_leads_with_the_current_campaign_and_its_poster(
    client, home_page, campaign_index
):
    add_pack(campaign_index, day=day(1, 1, "Nyttårsdagen"), title="Nyttår")
    add_pack(campaign_index, day=day(12, 31, "Nyttårsaften"), title="Nyttårsaften")
    for number in range(3):
        add_pack(campaign_index, title=f"Annen pakke {number}")
    today = timezone.localdate()
    expected = "Nyttårsaften" if (today.month, today.day) != (1, 1) else "Nyttår"

    count, html = queries_for(client, home_page.url)

    hero = re.search(r'<section class="campaign-hero.*?</section>', html, flags=re.S).group(0)
    assert f'<h2 id="current-campaign-heading">{expected}</h2>' in hero
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert f'href="{campaign_index.url}' in hero and "last-ned/" in hero
    # The lead campaign is not listed again below; the others' posters load lazily.
    more = re.search(
        r'<section aria-labelledby="campaigns-heading">.*?</section>', html, flags=re.S
    ).group(0)
    assert ">Flere kampanjepakker<" in more  # "More campaign packs": one leads above
    assert expected not in more
    assert len(pictures(more)) == 3
    assert all('loading="lazy"' in picture for picture in pictures(more))

    for number in range(6):
        add_pack(campaign_index, title=f"Enda en pakke {number}")
    assert queries_for(client, home_page.url)[0] == count


def test_the_home_pages_packs_come_from_the_cache_fresh_and_per_reader(
    client, home_page, campaign_index, member
):
    """Warm, the home page reads no pack, poster or rendition; a new live pack shows at
    once; a members-only pack is kept apart for those who may see it."""
    from tests.reach_support import restrict

    add_pack(campaign_index, title="Vårkampanjen")
    add_pack(campaign_index, title="Sommerkampanjen")
    count, html = queries_for(client, home_page.url)
    assert "Vårkampanjen" in html and len(pictures(html)) == 2
    with CaptureQueriesContext(connection) as ctx:
        client.get(home_page.url)
    read = " ".join(query["sql"] for query in ctx.captured_queries)
    assert "campaigns_" not in read and "wagtailimages_" not in read

    add_pack(campaign_index, title="Høstkampanjen")  # live: as a publish leaves it
    assert "Høstkampanjen" in client.get(home_page.url).content.decode()

    secret = add_pack(campaign_index, title="Medlemskampanjen")
    restrict(secret)
    client.force_login(member)
    assert "Medlemskampanjen" in client.get(home_page.url).content.decode()
    client.logout()
    assert "Medlemskampanjen" not in client.get(home_page.url).content.decode()
