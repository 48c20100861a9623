"""`manage.py load_demo`: the demo content is complete and renders; a rerun changes nothing."""

import datetime
import io
import shutil

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest
from pypdf import PdfReader

from handbooks.models import HandbookChapterPage, HandbookPage
from resourcebank.campaigns import kit
from resourcebank.campaigns.models import CampaignIndexPage, CampaignPackMaterial, CampaignPackPage
from resourcebank.core.models import HomePage, InfoPage, MaterialKind
from resourcebank.stories.models import StoryIndexPage, SuccessStoryPage
from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic
from training.models import (
    OrganiserLevel,
    TrainingCatalogPage,
    TrainingEvent,
    TrainingPackageMaterial,
    TrainingPackagePage,
)

pytestmark = pytest.mark.django_db
NB = {"locale__language_code": "nb"}  # the demo also exists in Nynorsk (translate_tree)

COUNTED_MODELS = [
    Page,
    Revision,
    Audience,
    Topic,
    CommemorationDay,
    County,
    LocalBranch,
    CampaignPackMaterial,
    TrainingPackageMaterial,
    TrainingEvent,
    get_image_model(),
    get_document_model(),
    get_user_model(),
]


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


def _pdf_text(document) -> str:
    """The PDF's extracted text with all whitespace removed (line breaks fall anywhere)."""
    with document.open_file() as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def _squash(text: str) -> str:
    return "".join(text.split())


def test_taxonomy_is_complete(demo_content):
    assert Audience.objects.filter(locale__language_code="nb").count() >= 8
    assert Topic.objects.filter(slug="valgkamp").exists()
    days = {(d.month, d.day) for d in CommemorationDay.objects.all()}
    assert {(2, 6), (2, 21), (3, 8), (5, 1), (6, 5), (6, 25), (7, 22), (11, 25), (12, 3)} <= days
    assert County.objects.filter(locale__language_code="nb").count() == 15
    oslo_branches = LocalBranch.objects.filter(county__slug="oslo", **NB)
    assert oslo_branches.count() == 16
    assert oslo_branches.filter(member_count__gt=300).count() == 3
    assert oslo_branches.filter(member_count__lt=100).count() == 3


def test_campaign_packs_have_events_activities_and_real_files(demo_content):
    packs = CampaignPackPage.objects.live().filter(**NB)
    assert packs.count() >= 6
    assert set(packs.values_list("slug", flat=True)) >= {
        "8-mars",
        "1-mai",
        "5-juni",
        "6-februar",
        "25-november",
        "stortingsvalget-2025",
    }
    for pack in packs:
        assert len(pack.suggested_events) >= 1, pack
        assert len(pack.member_activities) >= 1, pack
        kinds = {m.kind for m in pack.materials.all()}
        assert kinds >= {
            MaterialKind.POSTER,
            MaterialKind.SOCIAL_GRAPHIC,
            MaterialKind.FLYER,
            MaterialKind.TALKING_POINTS,
        }, pack
        for material in pack.materials.select_related("image", "document"):
            if material.image:
                assert material.image.width <= 1240 and material.image.height <= 1754
                assert material.image.collection.name == "Kampanjemateriell"
                with material.image.open_file() as handle:
                    assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
            else:
                assert material.document.collection.name == "Kampanjemateriell"
                assert _squash(pack.message[:40]) in _pdf_text(material.document)
    assert CampaignPackPage.objects.get(slug="8-mars", **NB).commemoration_day.month == 3


def test_demo_events_say_what_they_take_and_which_branch_sizes_they_suit(demo_content, client):
    sizes = set()
    for pack in CampaignPackPage.objects.live().filter(**NB):
        for block in pack.suggested_events:
            assert block.value["branch_sizes"], block.value["title"]
            assert block.value["people_needed"], block.value["title"]
            sizes.update(block.value["branch_sizes"])
    assert sizes == {"few", "board", "large"}
    pack = CampaignPackPage.objects.get(slug="8-mars", **NB)
    page = client.get(pack.url, {"lagsstorrelse": "few"}).content.decode()
    assert "Stand i bydelen" in page
    assert "Frokost før toget" not in page


def test_demo_packs_have_an_elected_members_kit_in_both_standards(demo_content):
    packs = CampaignPackPage.objects.live().filter(slug="8-mars")
    expected = {"nb", "nn"} if shutil.which("apertium") else {"nb"}
    assert {pack.locale.language_code for pack in packs} == expected
    for pack in packs:
        kinds = [block.block_type for block in pack.elected_kit]
        assert kinds == ["resolution", "letter"], pack.locale
        for block in pack.elected_kit:
            assert "{kommune}" in block.value["title"] + block.value["text"]
            assert kit.unknown_placeholders(block.value["text"]) == []


def test_training_packages_and_events(demo_content):
    packages = TrainingPackagePage.objects.live().filter(**NB)
    assert packages.count() >= 10
    for package in packages:
        assert package.learning_goals and package.format and package.duration_minutes
        assert package.audiences.exists()
        guide = package.materials.get(kind=MaterialKind.FACILITATOR_GUIDE).document
        assert _squash(package.title) in _pdf_text(guide)

    events = TrainingEvent.objects.all()
    assert events.count() >= 12
    autumn = events.filter(
        start__date__range=(datetime.date(2026, 7, 1), datetime.date(2026, 12, 31))
    )
    spring = events.filter(
        start__date__range=(datetime.date(2027, 1, 1), datetime.date(2027, 6, 30))
    )
    assert autumn.count() >= 3 and spring.count() >= 3
    assert set(events.values_list("organiser_level", flat=True)) == set(OrganiserLevel.values)
    assert events.filter(local_branch__county__slug="oslo").exists()
    assert events.exclude(county__slug="oslo").exclude(county=None).exists()
    for event in events:
        event.full_clean()


def test_handbooks_stories_and_info_pages(demo_content):
    handbooks = HandbookPage.objects.live().filter(**NB)
    assert sorted(handbooks.values_list("kind", flat=True)) == ["branch", "county", "elected"]
    for handbook in handbooks:
        chapters = HandbookChapterPage.objects.child_of(handbook).live()
        assert chapters.count() >= 4, handbook
        assert all(len(chapter.body) >= 2 for chapter in chapters)

    stories = SuccessStoryPage.objects.live().filter(**NB)
    assert stories.count() >= 8
    for story in stories:
        assert story.local_branch.county.slug == "oslo" and story.county.slug == "oslo"
        assert story.result and story.how and story.what_was_done

    home = HomePage.objects.get(locale__language_code="nb", depth=2)
    assert home.intro
    menu = {p.slug for p in home.get_children().live().in_menu()}
    assert menu >= {"kampanjer", "gode-eksempler", "skolering", "handboker", "om-ressursbanken"}
    assert InfoPage.objects.child_of(home).filter(slug="personvern").exists()
    for model, slug in [
        (CampaignIndexPage, "kampanjer"),
        (StoryIndexPage, "gode-eksempler"),
        (TrainingCatalogPage, "skolering"),
    ]:
        assert model.objects.child_of(home).filter(slug=slug).exists()


def test_review_dates_are_set_and_some_are_overdue(demo_content):
    pages = [
        *CampaignPackPage.objects.all(),
        *TrainingPackagePage.objects.all(),
        *SuccessStoryPage.objects.all(),
        *HandbookPage.objects.all(),
        *InfoPage.objects.all(),
    ]
    assert all(page.review_by for page in pages)
    assert any(page.review_by < datetime.date(2026, 11, 23) for page in pages)


def test_demo_editor_can_log_in(demo_content, client):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert client.login(username="redaktor", password="ressursbanken-demo")
    # Staff set up their second factor on the first admin login, then the admin opens.
    enrol = client.get("/admin/", follow=True)
    assert enrol.redirect_chain[-1][0].startswith("/admin/to-trinn/ny/")
    device = TOTPDevice.objects.get(user__username="redaktor", confirmed=False)
    client.post(enrol.redirect_chain[-1][0], {"token": f"{totp(device.bin_key):06d}"})
    assert client.get("/admin/").status_code == 200


def test_second_run_changes_nothing(demo_content, capsys):
    before = _counts()
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    files = sorted(p.name for p in demo_content.rglob("*") if p.is_file())

    call_command("load_demo")

    assert _counts() == before
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions
    assert sorted(p.name for p in demo_content.rglob("*") if p.is_file()) == files
    output = capsys.readouterr().out
    assert "Campaign packs: 0 created, 6 unchanged" in output
    assert "Demo login: redaktor / ressursbanken-demo at http://127.0.0.1:8000/admin/" in output


def test_quiet_run_prints_nothing(demo_content, capsys):
    call_command("load_demo", verbosity=0)
    assert capsys.readouterr().out == ""


def test_every_demo_page_renders(demo_content, client):
    """Every live demo page, the members' and elected members' ones for the demo elected
    member (who may read both); a visitor is sent to log in for those."""
    home = HomePage.objects.get(locale__language_code="nb", depth=2)
    pages = home.get_descendants(inclusive=True).live()
    assert pages.count() >= 40
    restricted = pages.exclude(pk__in=pages.public().values("pk"))
    assert restricted.exists()
    for page in restricted:
        response = client.get(page.get_url())
        assert response.status_code == 302 and "/logg-inn/" in response["Location"]
    assert client.login(username="folkevalgt", password="ressursbanken-demo")
    for page in pages:
        url = page.get_url()
        assert url.startswith("/nb/"), url
        response = client.get(url)
        assert response.status_code == 200, url


def test_demo_exists_in_nynorsk(demo_content, client):
    """load_demo machine translates the demo into Nynorsk (translate_tree, Apertium)."""
    from tests.fixtures import APERTIUM_HOW, service_missing

    nn_pages = Page.objects.filter(locale__language_code="nn", alias_of__isnull=True).live()
    if not nn_pages.exists():
        service_missing("No Nynorsk demo: Apertium is missing", APERTIUM_HOW)
    nb_pages = Page.objects.filter(locale__language_code="nb", depth__gt=1).live()
    assert nn_pages.count() == nb_pages.count()
    home = HomePage.objects.get(locale__language_code="nn")
    response = client.get(home.url)
    assert response.status_code == 200 and '<html lang="nn"' in response.content.decode()
    for page in nn_pages.specific()[:10]:
        assert client.get(page.url).status_code == 200, page.url


def test_nynorsk_demo_pages_are_classified_with_nynorsk_snippets(demo_content, client):
    """Every Nynorsk resource page points at Nynorsk audiences and topics, and the
    Nynorsk catalogue offers only Nynorsk names in its filters."""
    from tests.fixtures import APERTIUM_HOW, service_missing

    nn_packages = TrainingPackagePage.objects.filter(locale__language_code="nn", live=True)
    if not nn_packages.exists():
        service_missing("No Nynorsk demo: Apertium is missing", APERTIUM_HOW)
    checked = 0
    for model in [CampaignPackPage, SuccessStoryPage, InfoPage, TrainingPackagePage, HandbookPage]:
        for page in model.objects.filter(locale__language_code="nn").prefetch_related(
            "audiences__locale", "topics__locale"
        ):
            for term in [*page.audiences.all(), *page.topics.all()]:
                assert term.locale.language_code == "nn", (page.url_path, term)
                checked += 1
    assert checked > 20
    catalogue = client.get(TrainingCatalogPage.objects.get(locale__language_code="nn").url)
    nn_names = set(
        Audience.objects.filter(locale__language_code="nn").values_list("name", flat=True)
    )
    nn_names |= set(Topic.objects.filter(locale__language_code="nn").values_list("name", flat=True))
    for facet in catalogue.context["catalogue"].facets[:2]:  # audiences, topics
        assert facet.values and {value.label for value in facet.values} <= nn_names


def test_demo_accounts_for_every_role_are_printed_and_work(demo_content, capsys, client):
    from resourcebank.editorial import roles

    call_command("load_demo")
    output = capsys.readouterr().out
    for key, username in roles.DEMO_USERNAMES.items():
        assert f"Demo login ({roles.ROLE_GROUP_NAMES[key]}): {username} / " in output
        assert client.login(username=username, password="ressursbanken-demo")
    assert "Roles and demo accounts: 0 created, 5 unchanged" in output


@pytest.mark.parametrize(
    ("code", "direction", "title"),
    [
        ("en", "ltr", "About SV and how to join"),
        ("pl", "ltr", "O SV i o tym, jak wstąpić do partii"),
        ("ur", "rtl", "SV کا تعارف اور رکنیت"),
        ("so", "ltr", "Ku saabsan SV iyo sida loogu biiro"),
        ("ar", "rtl", "عن حزب SV والانضمام إليه"),
    ],
)
def test_about_sv_and_joining_in_the_languages_for_the_public(
    demo_content, client, code, direction, title
):
    from wagtail_localize.models import LocaleSynchronization

    source = InfoPage.objects.get(slug="om-sv-og-innmelding", **NB)
    page = InfoPage.objects.get(translation_key=source.translation_key, locale__language_code=code)
    assert page.live and page.title == title and not page.alias_of_id
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert not LocaleSynchronization.objects.filter(locale__language_code=code).exists()
    # Only the home page and this page exist in the language: no tree of untranslated pages.
    assert Page.objects.filter(locale__language_code=code).count() == 2


def test_load_demo_refuses_to_run_under_production_settings(tmp_path):
    """It would reset the demo accounts to a published password."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SECRET_KEY": "x" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": "ressursbanken.example",
    }
    for settings_module in ("resourcebank.settings.production", None):
        run_env = dict(env)
        if settings_module:
            run_env["DJANGO_SETTINGS_MODULE"] = settings_module  # else manage.py's default
        result = subprocess.run(
            [sys.executable, "manage.py", "load_demo"],
            cwd=root,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode != 0
        assert "load_demo runs only under the development and test settings" in result.stderr
    assert not get_user_model().objects.filter(username__startswith="demo").exists()


def test_load_demo_refuses_when_the_tier_does_not_allow_it(settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="development and test settings"):
        call_command("load_demo", verbosity=0)


def test_demo_campaign_calendar_in_both_standards(demo_content, client):
    for index in CampaignIndexPage.objects.live():
        response = client.get(index.url + "merkedager/")
        assert response.status_code == 200, index.url
        html = response.content.decode()
        assert html.count('class="calendar-day"') >= 9, index.url
        feed = client.get(index.url + "merkedager/ical/")
        assert feed.status_code == 200
        assert feed.content.count(b"BEGIN:VEVENT") >= 9


def test_demo_documents_are_found_by_the_words_in_their_files(demo_content, client):
    """A word of a pack's talking points (in its PDFs) finds the PDF on /sok/."""
    response = client.get("/nb/sok/", {"q": "krisesentertilbud"})
    results = response.context["outcome"].page.object_list
    documents = [r.title for r in results if getattr(r, "is_document", False)]
    assert any(title.startswith("Argumenter: 8. mars") for title in documents), documents


def test_the_elected_members_handbook_has_a_year_wheel_in_both_standards(demo_content, client):
    """Its budget process, council seasons and party deadlines, for the demo elected member
    in a year view, a PDF and a feed; in Nynorsk too once Apertium has translated it."""
    from icalendar import Calendar

    from tests.fixtures import APERTIUM_HOW, service_missing

    assert client.login(username="folkevalgt", password="ressursbanken-demo")
    books = HandbookPage.objects.filter(slug__startswith="handbok-lokalt-budsjett").live()
    nb_book = books.get(**NB)
    kinds = set(nb_book.year_wheel_entries.values_list("kind", flat=True))
    assert kinds == {"budget", "council", "party"}
    html = client.get(f"{nb_book.url}arshjul/2026/").content.decode()
    for title in ("Rammesaken i kommunestyret", "Formannskapets innstilling"):
        assert title in html
    assert "Budsjettet vedtas i kommunestyret" in html
    assert "Landsmøtet" in client.get(f"{nb_book.url}arshjul/2027/").content.decode()
    pdf = client.get(f"{nb_book.url}arshjul/2026/pdf/")
    assert _squash("Formannskapets innstilling") in "".join(
        "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    feed = Calendar.from_ical(client.get(f"{nb_book.url}arshjul/ical/").content)
    assert len(feed.walk("VEVENT")) == nb_book.year_wheel_entries.count()

    nn_book = books.filter(locale__language_code="nn").first()
    if nn_book is None:
        service_missing("No Nynorsk demo: Apertium is missing", APERTIUM_HOW)
    nn_entries = list(nn_book.year_wheel_entries.all())
    assert len(nn_entries) == nb_book.year_wheel_entries.count()
    assert {entry.locale.language_code for entry in nn_entries} == {"nn"}
    nn_html = client.get(f"{nn_book.url}arshjul/2026/").content.decode()
    assert '<html lang="nn"' in nn_html
    assert "månad for månad" in nn_html
    assert nn_entries[0].title in nn_html


def test_the_demo_member_subscribes_to_campaign_pack_mail(demo_content, client):
    from resourcebank.accounts.models import PackSubscription

    subscription = PackSubscription.objects.get(user__username="medlem")
    assert subscription.new_packs and subscription.reminders
    assert sorted(a.slug for a in subscription.audiences.all()) == [
        "nye-medlemmer",
        "tillitsvalgte",
    ]
    assert [c.slug for c in subscription.counties.all()] == ["oslo"]
    # The demo member sees the choice on the account page.
    assert client.login(username="medlem", password="ressursbanken-demo")
    page = client.get("/nb/min-side/").content.decode()
    assert "Tillitsvalgte" in page and "Stopp all e-post om kampanjepakker" in page
