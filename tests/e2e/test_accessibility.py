"""Every kind of page passes axe-core's WCAG 2.1 AA rules in a real browser."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images.models import Image
from wagtail.models import Locale
from wagtail.rich_text import RichText

import pytest
from PIL import Image as PILImage

from handbooks.models import HandbookChapterPage, HandbookIndexPage, HandbookPage
from resourcebank.models import (
    CampaignIndexPage,
    CampaignPackMaterial,
    CampaignPackPage,
    CommemorationDay,
    County,
    HomePage,
    InfoPage,
    LocalBranch,
    StoryIndexPage,
    SuccessStoryPage,
)
from training.models import TrainingCatalogPage, TrainingEvent, TrainingPackagePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def make_image(title: str) -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (122, 16, 32)).save(buffer, "PNG")
    return Image.objects.create(
        title=title,
        description=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
    )


def body(text: str, image: Image | None = None):
    blocks = [
        ("heading", {"text": "Slik gjør dere det", "level": "h2"}),
        ("paragraph", RichText(f"<p>{text} <a href='/nb/'>Les mer</a>.</p>")),
        ("quote", {"text": "Vi fikk tjue nye medlemmer.", "attribution": "Lokallagsleder"}),
    ]
    if image is not None:
        blocks.append(
            (
                "image",
                {"image": image, "alt_text": "Plakaten henger på en vegg", "decorative": False},
            )
        )
    return blocks


def build_site() -> dict[str, str]:
    """A small site with one live page of every type, in Bokmål; returns their URLs."""
    home = HomePage.objects.get(locale__language_code="nb", depth=2)
    home.intro = "Materiell, skolering og håndbøker for hele organisasjonen."
    home.save_revision().publish()
    poster = make_image("Plakat åttende mars")
    county = County.objects.create(name="Oslo", slug="oslo")
    branch = LocalBranch.objects.create(name="Grünerløkka SV", slug="grunerlokka", county=county)
    day = CommemorationDay.objects.create(name="Kvinnedagen", month=3, day=8)

    campaigns = home.add_child(
        instance=CampaignIndexPage(
            title="Kampanjer", slug="kampanjer", intro="Kampanjepakker.", show_in_menus=True
        )
    )
    pack = campaigns.add_child(
        instance=CampaignPackPage(
            title="8. mars: Likelønn nå",
            summary="Alt lokallaget trenger til kvinnedagen.",
            message="Likelønn er ikke en gave, det er en rettighet.",
            period_start=datetime.date(2026, 2, 20),
            period_end=datetime.date(2026, 3, 8),
            commemoration_day=day,
            body=body("Bakgrunn for kampanjen.", poster),
            suggested_events=[
                ("event", {"title": "Stand", "description": "Stå på torget.", "timing": "7. mars"})
            ],
            member_activities=[
                ("activity", {"title": "Del", "description": "Del grafikken.", "mode": "digital"})
            ],
        )
    )
    CampaignPackMaterial.objects.create(
        page=pack, locale=pack.locale, title="Plakat A3", kind="poster", image=poster
    )

    stories = home.add_child(
        instance=StoryIndexPage(title="Gode eksempler", slug="eksempler", show_in_menus=True)
    )
    story = stories.add_child(
        instance=SuccessStoryPage(
            title="Dørbank på Grünerløkka",
            summary="Tjue nye medlemmer på en kveld.",
            local_branch=branch,
            county=county,
            what_was_done="<p>Vi banket på dører.</p>",
            result="Tjue nye medlemmer.",
            how="<p>Vi delte oss i par og hadde en kort tekst.</p>",
            image=poster,
        )
    )

    catalog = home.add_child(
        instance=TrainingCatalogPage(title="Skolering", slug="skolering", show_in_menus=True)
    )
    package = catalog.add_child(
        instance=TrainingPackagePage(
            title="Tillitsvalgtskolering",
            summary="For nye styremedlemmer.",
            format="in_person",
            duration_minutes=180,
            learning_goals="<ul><li>Kjenne vedtektene</li></ul>",
            prerequisites="<p>Ingen.</p>",
            body=body("Plan for kvelden."),
        )
    )
    start = timezone.now() + datetime.timedelta(days=14)
    TrainingEvent.objects.create(
        package=package,
        start=start,
        end=start + datetime.timedelta(hours=3),
        place="Folkets hus, Oslo",
        organiser_level="county",
        county=county,
        signup_url="https://example.org/pamelding",
    )

    handbooks = home.add_child(
        instance=HandbookIndexPage(title="Håndbøker", slug="handboker", show_in_menus=True)
    )
    handbook = handbooks.add_child(
        instance=HandbookPage(
            title="Lokallagshåndboka", kind="branch", intro="Slik driver dere et lokallag."
        )
    )
    chapter = handbook.add_child(
        instance=HandbookChapterPage(
            title="Årsmøtet", summary="Hvordan holde årsmøte.", body=body("Innkalling.")
        )
    )
    handbook.add_child(
        instance=HandbookChapterPage(title="Økonomi", body=body("Regnskap og budsjett."))
    )
    info = home.add_child(
        instance=InfoPage(title="Om Ressursbanken", slug="om", body=body("Om nettstedet."))
    )
    return {
        "home": home.url,
        "campaign index": campaigns.url,
        "campaign pack": pack.url,
        "story index": stories.url,
        "success story": story.url,
        "training catalogue": catalog.url,
        "training package": package.url,
        "handbook index": handbooks.url,
        "handbook": handbook.url,
        "handbook chapter": chapter.url,
        "info page": info.url,
        "not found": "/nb/finnes-ikke/",
    }


def test_home_page_and_campaign_pack_have_no_axe_violations(live_server, assert_accessible):
    urls = build_site()

    failures = []
    for name in ("home", "campaign pack"):
        failures += assert_accessible(live_server.url + urls[name])

    assert not failures, "\n\n".join(failures)


def test_every_page_type_in_both_standards_has_no_axe_violations(live_server, assert_accessible):
    urls = build_site()
    nn = Locale.objects.get(language_code="nn")
    pack = CampaignPackPage.objects.get(locale__language_code="nb")
    nn_pack = pack.copy_for_translation(nn, copy_parents=True)
    nn_pack.save_revision().publish()

    failures = []
    for name, url in urls.items():
        if name in ("home", "campaign pack"):
            continue
        status = 404 if name == "not found" else 200
        failures += assert_accessible(live_server.url + url, status=status)
    failures += assert_accessible(live_server.url + nn_pack.url)

    assert not failures, "\n\n".join(failures)
