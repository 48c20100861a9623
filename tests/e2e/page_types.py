"""One live page of every public page type, in Bokmål and Nynorsk, for the quality gates and the
screenshots (tests/e2e/test_page_quality.py, `make screenshots`).

`build_page_types(home)` makes the pages with the factories and returns a `PageSet`: the URL of
each page type per language, the page that exists only in Bokmål and is shown on /nn/ (the
fallback), the member who may send in a success story, and that member's account page.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale

from PIL import Image as PILImage
from PIL import ImageDraw

from handbooks.models import HandbookPage, YearWheelEntry
from resourcebank.accounts import selectors
from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.demo import files
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_document, pdf_bytes
from tests.e2e.test_accessibility import body
from tests.editorial_support import make_user, translate
from training.halfyear import HalfYear

MEMBER_USERNAME = "kari"
MEMBER_PASSWORD = "pw"  # tests.editorial_support.make_user's password

# Page types with a plain GET address, in the order the reports list them.
PAGE_TYPES = (
    "home",
    "campaign index",
    "campaign pack",
    "story index",
    "success story",
    "training catalogue",
    "training package",
    "handbook index",
    "handbook",
    "handbook chapter",
    "handbook year wheel",
    "info page",
    "search with results",
    "search naming a term",
    "term listing",
    "search without results",
    "half-year programme",
    "half-year calendar",
    "login",
    "unsubscribe",
    "not found",
)
# Reached by doing something: the story form sent empty by a logged-in member.
STORY_FORM_WITH_ERRORS = "story form with errors"
# Seen logged in: the member's account page (campaign pack mail).
ACCOUNT_PAGE = "account page"
# Only under /nn/: a page that has no Nynorsk version yet, shown in Bokmål.
FALLBACK = "fallback"


def _image(title: str, png: bytes):
    return get_image_model().objects.create(
        title=title, description=title, file=ImageFile(io.BytesIO(png), name="bilde.png")
    )


def poster_image(title: str, headline: str, background: str, accent: str):
    """A campaign poster as the demo makes them (portrait, A-series)."""
    png = files.poster_png(
        headline=headline,
        subline="Bli med lokallaget!",
        body="Stand på torget, tog og parolemøte.",
        footer="Ressursbanken",
        background=background,
        accent=accent,
    )
    return _image(title, png)


def photo_image(title: str):
    """A landscape 'photo': a sky, a hill and a crowd of heads, 1600 × 900."""
    picture = PILImage.new("RGB", (1600, 900), "#9cc3e6")
    draw = ImageDraw.Draw(picture)
    for y in range(0, 500, 4):
        draw.rectangle([0, y, 1600, y + 4], fill=(156 - y // 8, 195 - y // 10, 230 - y // 12))
    draw.ellipse([-300, 450, 1000, 1300], fill="#5d8a3a")
    draw.ellipse([700, 520, 1900, 1400], fill="#4a7330")
    for index in range(14):
        x = 80 + index * 110
        draw.ellipse([x, 560 + (index % 3) * 30, x + 80, 640 + (index % 3) * 30], fill="#7a4a2a")
        draw.rectangle([x - 10, 640 + (index % 3) * 30, x + 90, 900], fill="#b3121f")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return _image(title, buffer.getvalue())


@dataclass
class PageSet:
    urls: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> type -> path
    story_form: dict[str, str] = field(default_factory=dict)  # language -> form path
    account: dict[str, str] = field(default_factory=dict)  # language -> account page path

    def status(self, page_type: str) -> int:
        return 404 if page_type == "not found" else 200

    def all(self) -> list[tuple[str, str, str]]:
        """(language, page type, path) for every GET page, Bokmål first."""
        return [
            (language, page_type, path)
            for language, pages in self.urls.items()
            for page_type, path in pages.items()
        ]


def build_page_types(home) -> PageSet:
    """Pages of every type under `home` (the Bokmål home page), each translated into
    Nynorsk but one, the fallback, which Nynorsk readers get in Bokmål."""
    nn = Locale.objects.get(language_code="nn")
    home.intro = "Materiell, skolering og håndbøker for hele organisasjonen."
    home.search_description = "Ressursbanken: kampanjer, skolering og håndbøker."
    home.save_revision().publish()
    poster = poster_image(
        "Plakat åttende mars", "Likestilling er ikke ferdig", "#8c1d40", "#f2a900"
    )
    branch = factories.LocalBranchFactory(name="Grünerløkka SV", county__name="Oslo")

    campaigns = factories.CampaignIndexPageFactory(
        parent=home, intro="Ferdige pakker for merkedager og valgkamp.", show_in_menus=True
    )
    pack = factories.CampaignPackPageFactory(
        parent=campaigns,
        title="8. mars: Likestilling er ikke ferdig",
        summary="Parolemøte, tog og stand: alt lokallaget trenger for å markere kvinnedagen.",
        period_start=datetime.date(2026, 2, 20),
        period_end=datetime.date(2026, 3, 8),
        commemoration_day=factories.CommemorationDayFactory(),
        body=body("Kvinnedagen er en av de viktigste dagene i året for partiet.", poster),
    )
    CampaignPackMaterial.objects.create(
        page=pack, locale=pack.locale, title="Plakat A3", kind="poster", image=poster
    )
    # A document found by its text: the search page's document result is checked too.
    CampaignPackMaterial.objects.create(
        page=pack,
        locale=pack.locale,
        title="Appell",
        kind="talking_points",
        document=make_document(
            "Appell til 8. mars",
            "appell.pdf",
            pdf_bytes("Kamerater! Likestilling er ikke ferdig før lønna er lik."),
        ),
    )
    may_day = factories.CampaignPackPageFactory(
        parent=campaigns,
        title="1. mai: Et arbeidsliv med trygge jobber",
        summary="Tog, stand og sosialt treff etter toget på arbeidernes dag.",
        period_start=datetime.date(2026, 4, 15),
        commemoration_day=factories.CommemorationDayFactory(name="Arbeidernes dag", month=5, day=1),
    )
    CampaignPackMaterial.objects.create(
        page=may_day,
        locale=may_day.locale,
        title="Plakat 1. mai",
        kind="poster",
        image=poster_image("Plakat 1. mai", "Trygge jobber for alle", "#b3121f", "#ffffff"),
    )
    factories.CampaignPackPageFactory(
        parent=campaigns,
        title="Valgkamp: Mer til fellesskapet",
        summary="Stand, dørbanking og debattmøter fram mot valget.",
        period_start=datetime.date(2025, 8, 1),
    )

    stories = factories.StoryIndexPageFactory(
        parent=home, intro="Hva har andre lokallag fått til?", show_in_menus=True
    )
    story = factories.SuccessStoryPageFactory(
        parent=stories,
        title="Tjue nye medlemmer på én kveld",
        summary="Laget ringte alle nye medlemmer samme uke som de meldte seg inn.",
        local_branch=branch,
        county=branch.county,
        what_was_done="<p>Vi banket på dører og ringte alle nye medlemmer.</p>",
        image=photo_image("Medlemmer i tog med røde jakker"),
    )

    catalog = factories.TrainingCatalogPageFactory(
        parent=home,
        intro="Skoleringsopplegg for medlemmer, tillitsvalgte og folkevalgte.",
        show_in_menus=True,
    )
    trustees, _nn = factories.translated_audience("Tillitsvalgte", "Tillitsvalde", "tillitsvalgte")
    package = factories.TrainingPackagePageFactory(
        parent=catalog,
        audiences=[trustees],
        title="Styrekurs for lokallag",
        summary="Hva styret gjør, og hvordan dere fordeler oppgavene.",
        prerequisites="<p>Ingen.</p>",
        body=body("Plan for kvelden."),
    )
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    half_year = HalfYear.containing(start)
    factories.TrainingEventFactory(
        package=package,
        start=start,
        end=start + datetime.timedelta(hours=3),
        organiser_level="county",
        county=branch.county,
        signup_url="https://example.org/pamelding",
    )
    factories.TrainingEventFactory(
        package=package,
        place="",
        online_url="https://example.org/m",
        start=start,
        description="Nettkurs for nye tillitsvalgte.",  # found by "tillitsvalgte"
    )

    handbooks = factories.HandbookIndexPageFactory(
        parent=home, intro="Oppslagsverk for lokallag og folkevalgte.", show_in_menus=True
    )
    handbook = factories.HandbookPageFactory(
        parent=handbooks, title="Lokallagshåndboka", intro="Slik driver dere et lokallag."
    )
    this_year = timezone.localdate().year
    for kind, title, start, end in (
        ("party", "Årsmøtet i lokallaget", datetime.date(this_year, 2, 12), None),
        ("budget", "Rammesaken", datetime.date(this_year, 6, 17), None),
        (
            "council",
            "Høstsesongen",
            datetime.date(this_year, 8, 24),
            datetime.date(this_year, 12, 18),
        ),
        ("budget", "Budsjettet vedtas", datetime.date(this_year, 12, 9), None),
    ):
        handbook.year_wheel_entries.add(
            YearWheelEntry(
                locale=handbook.locale,
                kind=kind,
                title=title,
                description="Sett av tid i gruppa.",
                start_date=start,
                end_date=end,
            )
        )
    handbook.save_revision().publish()
    handbook = HandbookPage.objects.get(pk=handbook.pk)  # the entries as saved
    chapter = factories.HandbookChapterPageFactory(
        parent=handbook, title="Årsmøtet", body=body("Send innkallingen i god tid.")
    )
    factories.HandbookChapterPageFactory(parent=handbook, title="Styret")
    info = factories.InfoPageFactory(
        parent=home, title="Om Ressursbanken", body=body("Om oss."), show_in_menus=True
    )

    bokmal = {
        "home": home,
        "campaign index": campaigns,
        "campaign pack": pack,
        "story index": stories,
        "success story": story,
        "training catalogue": catalog,
        "training package": package,
        "handbook index": handbooks,
        "handbook": handbook,
        "handbook chapter": chapter,
        "info page": info,
    }
    pages: dict[str, dict] = {"nb": bokmal, "nn": {}}
    for page_type, page in bokmal.items():
        pages["nn"][page_type] = translate(page, nn)

    # Written in Bokmål only; under /nn/ it is an alias of the Bokmål page.
    untranslated = factories.InfoPageFactory(
        parent=home,
        title="Personvern",
        slug="personvern",
        body=body("Slik behandler vi personopplysninger."),
    )
    fallback = untranslated.create_alias(parent=pages["nn"]["home"], update_locale=nn)

    roles.roles_ensure()
    member = make_user(get_user_model(), MEMBER_USERNAME, roles.MEMBERS)
    unsubscribe_token = selectors.unsubscribe_token(member)

    page_set = PageSet()
    search_words = {"nb": "likestilling", "nn": "likestilling"}
    for language in ("nb", "nn"):
        urls = {page_type: page.url for page_type, page in pages[language].items()}
        urls["search with results"] = f"/{language}/sok/?q={search_words[language]}"
        # Names an audience (its listing is offered) and finds a coming course.
        urls["search naming a term"] = f"/{language}/sok/?q=tillitsvalgte"
        urls["term listing"] = f"/{language}/sok/?malgruppe=tillitsvalgte"
        urls["search without results"] = f"/{language}/sok/?q=qwxzv"
        urls["half-year programme"] = pages[language]["training catalogue"].specific.programme_url(
            half_year
        )
        urls["half-year calendar"] = urls["half-year programme"] + "?visning=kalender"
        urls["handbook year wheel"] = pages[language]["handbook"].specific.year_wheel_url(this_year)
        urls["login"] = f"/{language}/logg-inn/"
        urls["unsubscribe"] = f"/{language}/min-side/avmelding/{unsubscribe_token}/"
        urls["not found"] = f"/{language}/finnes-ikke/"
        if language == "nn":
            urls[FALLBACK] = fallback.url
        page_set.urls[language] = {
            page_type: urls[page_type] for page_type in (*PAGE_TYPES, FALLBACK) if page_type in urls
        }
        page_set.story_form[language] = pages[language]["story index"].specific.submit_url
        page_set.account[language] = f"/{language}/min-side/"
    return page_set


def log_in(page, base_url: str, *, username: str = MEMBER_USERNAME) -> None:
    """Log in through the site's own login page in the Playwright `page`."""
    page.goto(f"{base_url}/nb/logg-inn/")
    page.fill("#id_username", username)
    page.fill("#id_password", MEMBER_PASSWORD)
    with page.expect_navigation():
        page.click("form.login-form button[type=submit]")


def story_form_with_errors(page, base_url: str, form_path: str) -> str:
    """Send the story form empty as the logged-in member; the served HTML with its errors."""
    page.goto(base_url + form_path)
    with page.expect_response(lambda response: response.request.method == "POST") as sent:
        page.click("form.story-submission button[type=submit]")
    page.wait_for_load_state()
    response = sent.value
    assert response.status == 400, f"{form_path} answered {response.status}, not 400"
    return response.text()
