"""Idempotent writes for the demo content.

Every ``*_ensure`` function looks its object up by a stable key (slug under a parent, slug
and locale, title in a collection, package and start time) and creates it only when it is
missing. An object that exists is left exactly as it is: no new revision, no new file.
"""

import datetime
import io
import json
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from wagtailmedia.models import Media

from handbooks.models import HandbookChapterPage, HandbookIndexPage, HandbookPage, YearWheelEntry
from localization.services import locale_for_the_public_ensure, translation_import_po
from resourcebank.accounts import services as account_services
from resourcebank.accounts.models import MemberProfile, PackSubscription
from resourcebank.campaigns.models import (
    CampaignIndexPage,
    CampaignPackMaterial,
    CampaignPackPage,
    PosterTemplate,
)
from resourcebank.core.collections import collection_ensure
from resourcebank.core.models import HomePage, InfoPage, MaterialKind
from resourcebank.core.publishing import publish_problems
from resourcebank.demo import content, files, public_languages
from resourcebank.editorial import roles
from resourcebank.editorial.roles import demo_accounts_ensure
from resourcebank.editorial.services import editorial_workflow_ensure
from resourcebank.stories.models import StoryIndexPage, SuccessStoryPage
from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic
from training.models import (
    TrainingCatalogPage,
    TrainingEvent,
    TrainingPackageMaterial,
    TrainingPackageMedia,
    TrainingPackagePage,
)

OSLO_TZ = ZoneInfo("Europe/Oslo")
CAMPAIGN_COLLECTION = "Kampanjemateriell"
TRAINING_COLLECTION = "Skoleringsmateriell"
DEMO_EDITOR_USERNAME = "redaktor"
DEMO_EDITOR_DEFAULT_PASSWORD = "ressursbanken-demo"  # noqa: S105 - a published demo password
SIGNUP_BASE = "https://example.org/pamelding/"


@dataclass
class SectionResult:
    """How many objects of one section a run created and how many it found in place."""

    name: str
    created: int = 0
    unchanged: int = 0

    def count(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.unchanged += 1


@dataclass
class DemoResult:
    sections: list[SectionResult] = field(default_factory=list)
    editor_username: str = DEMO_EDITOR_USERNAME
    editor_password: str = ""
    accounts: list = field(default_factory=list)  # one DemoAccount per role


# --- Small helpers ----------------------------------------------------------------------------


def _rich(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _rich_list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _first_sentence(text: str) -> str:
    head, dot, _rest = text.partition(". ")
    return head + "." if dot else text


def _stream(sections: Iterable[tuple[str, str]]) -> str:
    """Raw StreamField data for a list of (heading, paragraph) pairs."""
    blocks = []
    for heading, text in sections:
        blocks.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        blocks.append({"type": "paragraph", "value": _rich(text)})
    return json.dumps(blocks)


def _by_slug(model: type[models.Model], *, locale: Locale, slugs: Iterable[str]) -> list:
    slugs = list(slugs)
    found = {obj.slug: obj for obj in model.objects.filter(locale=locale, slug__in=slugs)}
    return [found[slug] for slug in slugs]


# --- Generic ensure functions -------------------------------------------------------------------


def home_page_get() -> HomePage:
    """The Bokmål home page that the data migration made the default site's root."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return HomePage.objects.get(locale__language_code="nb", depth=2)


def term_ensure(
    *, model: type[models.Model], locale: Locale, slug: str, defaults: dict
) -> tuple[models.Model, bool]:
    return model.objects.get_or_create(locale=locale, slug=slug, defaults=defaults)


def page_ensure(
    *,
    parent: Page,
    model: type[Page],
    slug: str,
    build: Callable[[], Page],
    publish: bool = True,
) -> tuple[Page, bool]:
    """The child of `parent` with `slug`; built, added and (unless `publish` is False)
    published when missing. A page that is not published is saved as a draft revision."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = build()
    page.slug = slug
    page.locale = parent.locale
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page, True


def image_ensure(
    *, title: str, collection: Collection, filename: str, render: Callable[[], bytes]
) -> tuple[models.Model, bool]:
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing, False
    image = Image(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(render()), name=filename),
    )
    image._set_image_file_metadata()
    image.save()
    return image, True


def document_ensure(
    *, title: str, collection: Collection, filename: str, render: Callable[[], bytes]
) -> tuple[models.Model, bool]:
    Document = get_document_model()
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing, False
    document = Document(
        title=title, collection=collection, file=ContentFile(render(), name=filename)
    )
    document._set_document_file_metadata()
    document.save()
    return document, True


def demo_editor_ensure(*, username: str, password: str) -> tuple[models.Model, bool]:
    """The demo editor account: a member of the editors' group (see ``load_roles``).

    An existing account keeps its password hash unless the password differs.
    """
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name="Demo",
            last_name="Redaktør",
        )
        return user, True
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
        return user, True
    return user, False


# --- Sections -----------------------------------------------------------------------------------


class DemoLoader:
    """Loads every section in order, in one transaction.

    Each `load_*` method adds its SectionResult(s) and reports them as it finishes.
    """

    def __init__(self, *, password: str, report: Callable[[SectionResult], None] | None = None):
        self.password = password
        self.report = report or (lambda section: None)
        self.locale = Locale.objects.get(language_code="nb")
        self.home = home_page_get()
        self.sections: list[SectionResult] = []
        self.accounts: list = []

    def _section(self, name: str) -> SectionResult:
        section = SectionResult(name)
        self.sections.append(section)
        return section

    def _done(self, section: SectionResult) -> None:
        self.report(section)

    def run(self) -> DemoResult:
        with transaction.atomic():
            self.load_home()
            self.load_taxonomy()
            self.load_index_pages()
            self.load_campaigns()
            self.load_training()
            self.load_handbooks()
            self.load_restricted()
            self.load_stories()
            self.load_info_pages()
            self.load_editor()
            self.load_roles()
        return DemoResult(
            sections=self.sections, editor_password=self.password, accounts=self.accounts
        )

    # Home page

    def load_home(self) -> None:
        section = self._section("Home page")
        home = self.home
        if home.intro or home.body:
            # Already filled in, by an earlier run or by an editor: leave it alone.
            section.count(False)
        else:
            home.intro = content.HOME["intro"]
            blocks = []
            for kind, text in content.HOME["body"]:
                if kind == "heading":
                    blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
                else:
                    blocks.append({"type": "paragraph", "value": _rich(text)})
            home.body = json.dumps(blocks)
            home.save_revision().publish()
            section.count(True)
        self._done(section)

    # Taxonomy

    def load_taxonomy(self) -> None:
        for name, model, rows in (
            ("Audiences", Audience, content.AUDIENCES),
            ("Topics", Topic, content.TOPICS),
        ):
            section = self._section(name)
            for slug, term_name, description in rows:
                _, created = term_ensure(
                    model=model,
                    locale=self.locale,
                    slug=slug,
                    defaults={"name": term_name, "description": description},
                )
                section.count(created)
            self._done(section)

        section = self._section("Commemoration days")
        self.days = {}
        for _key, name, month, day, description in content.COMMEMORATION_DAYS:
            obj, created = CommemorationDay.objects.get_or_create(
                locale=self.locale,
                month=month,
                day=day,
                defaults={"name": name, "description": description},
            )
            self.days[(month, day)] = obj
            section.count(created)
        self._done(section)

        section = self._section("Counties")
        for slug, name in content.COUNTIES:
            _, created = term_ensure(
                model=County, locale=self.locale, slug=slug, defaults={"name": name}
            )
            section.count(created)
        self._done(section)

        section = self._section("Local branches")
        oslo = County.objects.get(locale=self.locale, slug="oslo")
        for slug, name, members in content.OSLO_BRANCHES:
            _, created = term_ensure(
                model=LocalBranch,
                locale=self.locale,
                slug=slug,
                defaults={"name": name, "county": oslo, "member_count": members},
            )
            section.count(created)
        self._done(section)

    # Index pages

    def load_index_pages(self) -> None:
        section = self._section("Index pages")
        self.index = {}
        models_by_key = {
            "campaigns": CampaignIndexPage,
            "stories": StoryIndexPage,
            "training": TrainingCatalogPage,
            "handbooks": HandbookIndexPage,
        }
        for key, data in content.INDEX_PAGES.items():
            model = models_by_key[key]
            page, created = page_ensure(
                parent=self.home,
                model=model,
                slug=data["slug"],
                build=lambda model=model, data=data: model(
                    title=data["title"], intro=data["intro"], show_in_menus=True
                ),
            )
            self.index[key] = page
            section.count(created)
        self._done(section)

    # Campaign packs and their files

    def _campaign_files(self, data: dict) -> list[tuple[str, str, object]]:
        """(title, kind, image or document) for one pack; counts go to self.files."""
        collection = self.campaign_collection
        headline, subline, background, accent = data["poster"]
        slug = data["slug"]
        footer = "SV"
        made = []
        for kind, title, filename, render in (
            (
                MaterialKind.POSTER,
                f"Plakat: {data['title']}",
                f"plakat-{slug}.png",
                lambda: files.poster_png(
                    headline=headline,
                    subline=subline,
                    body=data["message"],
                    footer=footer,
                    background=background,
                    accent=accent,
                ),
            ),
            (
                MaterialKind.SOCIAL_GRAPHIC,
                f"Grafikk for sosiale medier: {data['title']}",
                f"grafikk-{slug}.png",
                lambda: files.social_png(
                    headline=headline,
                    subline=subline,
                    footer=footer,
                    background=background,
                    accent=accent,
                ),
            ),
        ):
            image, created = image_ensure(
                title=title, collection=collection, filename=filename, render=render
            )
            self.files.count(created)
            made.append((title, kind, image))
        for kind, title, filename, render in (
            (
                MaterialKind.FLYER,
                f"Løpeseddel: {data['title']}",
                f"lopeseddel-{slug}.pdf",
                lambda: files.pdf_bytes(
                    title=headline,
                    lead=data["message"],
                    sections=[("Dette vil SV", data["talking_points"])],
                    footer=f"{subline} – SV",
                ),
            ),
            (
                MaterialKind.TALKING_POINTS,
                f"Argumenter: {data['title']}",
                f"argumenter-{slug}.pdf",
                lambda: files.pdf_bytes(
                    title=f"Argumenter: {data['title']}",
                    lead="Korte argumenter til stand, dørbank og debatt.",
                    sections=[
                        ("Hovedbudskap", [data["message"]]),
                        ("Argumenter", data["talking_points"]),
                    ],
                    footer="Ressursbanken – kampanjemateriell",
                ),
            ),
        ):
            document, created = document_ensure(
                title=title, collection=collection, filename=filename, render=render
            )
            self.files.count(created)
            made.append((title, kind, document))
        return made

    def load_campaigns(self) -> None:
        section = self._section("Campaign packs")
        self.files = self._section("Files")
        self.campaign_collection = collection_ensure(name=CAMPAIGN_COLLECTION)
        parent = self.index["campaigns"]
        for data in content.CAMPAIGNS:
            materials = self._campaign_files(data)

            def build(data=data, materials=materials):
                page = CampaignPackPage(
                    title=data["title"],
                    summary=data["summary"],
                    message=data["message"],
                    period_start=data["period"][0],
                    period_end=data["period"][1],
                    commemoration_day=self.days.get(data["day"]) if data["day"] else None,
                    review_by=data["review_by"],
                    body=_stream(data["body"]),
                    suggested_events=json.dumps(
                        [
                            {
                                "type": "event",
                                "value": {
                                    "title": t,
                                    "description": d,
                                    "timing": w,
                                    **content.EVENT_NEEDS.get(t, {}),
                                },
                            }
                            for t, d, w in data["events"]
                        ]
                    ),
                    member_activities=json.dumps(
                        [
                            {
                                "type": "activity",
                                "value": {"title": t, "description": d, "mode": m},
                            }
                            for t, d, m in data["activities"]
                        ]
                    ),
                )
                page.elected_kit = json.dumps(
                    [
                        {"type": kind, "value": {"title": title, "text": text}}
                        for kind, title, text in content.ELECTED_KITS.get(data["slug"], [])
                    ]
                )
                page.audiences = _by_slug(Audience, locale=self.locale, slugs=data["audiences"])
                page.topics = _by_slug(Topic, locale=self.locale, slugs=data["topics"])
                page.tags.add(*data["tags"])
                page.materials = [
                    CampaignPackMaterial(
                        title=MATERIAL_TITLES[kind],
                        kind=kind,
                        locale=self.locale,
                        image=obj if kind in IMAGE_KINDS else None,
                        document=None if kind in IMAGE_KINDS else obj,
                    )
                    for _title, kind, obj in materials
                ]
                posters = [obj for _t, kind, obj in materials if kind == MaterialKind.POSTER]
                if data["slug"] == content.POSTER_TEMPLATE_PACK and posters:
                    page.poster_templates = [
                        PosterTemplate(locale=self.locale, image=posters[0], **POSTER_BOXES)
                    ]
                return page

            # A campaign pack goes live only with its Nynorsk version: it is saved as a
            # draft here and published by demo_campaign_packs_publish after translate_tree.
            _, created = page_ensure(
                parent=parent,
                model=CampaignPackPage,
                slug=data["slug"],
                build=build,
                publish=False,
            )
            section.count(created)
        self._done(section)
        # The "Files" section is reported after the training guides are added to it.

    # Training packages and events

    def load_training(self) -> None:
        section = self._section("Training packages")
        collection = collection_ensure(name=TRAINING_COLLECTION)
        parent = self.index["training"]
        packages = {}
        for data in content.TRAINING_PACKAGES:
            guide, created = document_ensure(
                title=f"Kursholderveiledning: {data['title']}",
                collection=collection,
                filename=f"veiledning-{data['slug']}.pdf",
                render=lambda data=data: files.pdf_bytes(
                    title=f"Kursholderveiledning: {data['title']}",
                    lead=data["summary"],
                    sections=[
                        ("Læringsmål", data["goals"]),
                        *[(heading, [text]) for heading, text in data["plan"]],
                        ("Før kurset", [data["prerequisites"] or "Ingen forkunnskaper."]),
                    ],
                    footer=f"Varighet: {data['duration']} minutter – Ressursbanken",
                ),
            )
            self.files.count(created)

            def build(data=data, guide=guide):
                page = TrainingPackagePage(
                    title=data["title"],
                    summary=data["summary"],
                    format=data["format"],
                    duration_minutes=data["duration"],
                    learning_goals=_rich_list(data["goals"]),
                    prerequisites=_rich(data["prerequisites"]) if data["prerequisites"] else "",
                    review_by=data["review_by"],
                    body=_stream(data["plan"]),
                )
                page.elected_kit = json.dumps(
                    [
                        {"type": kind, "value": {"title": title, "text": text}}
                        for kind, title, text in content.ELECTED_KITS.get(data["slug"], [])
                    ]
                )
                page.audiences = _by_slug(Audience, locale=self.locale, slugs=data["audiences"])
                page.topics = _by_slug(Topic, locale=self.locale, slugs=data["topics"])
                page.materials = [
                    TrainingPackageMaterial(
                        title="Kursholderveiledning (PDF)",
                        kind=MaterialKind.FACILITATOR_GUIDE,
                        locale=self.locale,
                        document=guide,
                    )
                ]
                if data["slug"] == content.RECORDING["package"]:
                    page.media_items = [
                        TrainingPackageMedia(
                            locale=self.locale,
                            media=self._recording(),
                            captions_language="nb",
                            transcript=content.RECORDING["transcript"],
                        )
                    ]
                return page

            page, created = page_ensure(
                parent=parent, model=TrainingPackagePage, slug=data["slug"], build=build
            )
            packages[data["slug"]] = page
            section.count(created)
        self._done(section)
        self._done(self.files)

        section = self._section("Training events")
        counties = {c.slug: c for c in County.objects.filter(locale=self.locale)}
        branches = {b.slug: b for b in LocalBranch.objects.filter(locale=self.locale)}
        for slug, start, hours, place, online, level, county, branch in content.TRAINING_EVENTS:
            starts_at = datetime.datetime(*start, tzinfo=OSLO_TZ)
            package = packages[slug]
            _, created = TrainingEvent.objects.get_or_create(
                package=package,
                start=starts_at,
                defaults={
                    "end": starts_at + datetime.timedelta(hours=hours),
                    "place": place,
                    "online_url": online,
                    "organiser_level": level,
                    "county": counties.get(county),
                    "local_branch": branches.get(branch),
                    "signup_url": f"{SIGNUP_BASE}{slug}-{starts_at:%Y-%m-%d}",
                },
            )
            section.count(created)
        self._done(section)

    def _recording(self):
        """The demo's audio recording (a short WAV file), made once."""
        data = content.RECORDING
        existing = Media.objects.filter(title=data["title"]).first()
        if existing is not None:
            return existing
        media = Media(
            title=data["title"],
            type="audio",
            duration=data["seconds"],
            collection=collection_ensure(name=TRAINING_COLLECTION),
        )
        media.file.save(data["filename"], ContentFile(silent_wav(data["seconds"])), save=False)
        media.save()
        self.files.count(True)
        return media

    # Handbooks

    def _year_wheel(self, slug: str) -> list[YearWheelEntry]:
        return [
            YearWheelEntry(
                locale=self.locale,
                kind=kind,
                title=title,
                description=description,
                start_date=start,
                end_date=end,
                yearly=yearly,
            )
            for kind, title, description, start, end, yearly in content.YEAR_WHEELS.get(slug, [])
        ]

    def load_handbooks(self) -> None:
        section = self._section("Handbooks")
        chapters = self._section("Handbook chapters")
        year_wheels = self._section("Handbook year wheels")
        parent = self.index["handbooks"]
        for data in content.HANDBOOKS:

            def build(data=data):
                page = HandbookPage(
                    title=data["title"],
                    kind=data["kind"],
                    intro=data["intro"],
                    summary=data["summary"],
                    review_by=data["review_by"],
                )
                page.elected_kit = json.dumps(
                    [
                        {"type": kind, "value": {"title": title, "text": text}}
                        for kind, title, text in content.ELECTED_KITS.get(data["slug"], [])
                    ]
                )
                page.audiences = _by_slug(Audience, locale=self.locale, slugs=data["audiences"])
                page.topics = _by_slug(Topic, locale=self.locale, slugs=data["topics"])
                page.year_wheel_entries = self._year_wheel(data["slug"])
                return page

            handbook, created = page_ensure(
                parent=parent, model=HandbookPage, slug=data["slug"], build=build
            )
            section.count(created)
            if data["slug"] in content.YEAR_WHEELS:
                # A handbook from a demo loaded before the year wheel existed gets it now.
                missing = not created and not handbook.year_wheel_entries.exists()
                if missing:
                    handbook.year_wheel_entries = self._year_wheel(data["slug"])
                    handbook.save_revision().publish()
                year_wheels.count(created or missing)
            for slug, title, body in data["chapters"]:
                _, created = page_ensure(
                    parent=handbook,
                    model=HandbookChapterPage,
                    slug=slug,
                    build=lambda title=title, body=body, data=data: HandbookChapterPage(
                        title=title,
                        summary=_first_sentence(body[0][1]),
                        body=_stream(body),
                        review_by=data["review_by"],
                    ),
                )
                chapters.count(created)
        self._done(section)
        self._done(chapters)
        self._done(year_wheels)

    # Members-only and elected-only material

    def load_restricted(self) -> None:
        """The county handbook for members only, the budget handbook and a budget
        template for elected members only (their own group restriction)."""
        section = self._section("Members-only material")
        for slug, groups in content.RESTRICTED_HANDBOOKS.items():
            handbook = HandbookPage.objects.filter(locale=self.locale, slug=slug).first()
            if handbook is None or handbook.view_restrictions.exists():
                section.count(False)
                continue
            restriction = PageViewRestriction.objects.create(
                page=handbook, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set([roles.role_group(key) for key in groups])
            section.count(True)
        data = content.ELECTED_DOCUMENT
        _, created = document_ensure(
            title=data["title"],
            collection=roles.elected_collection_get(),
            filename=data["filename"],
            render=lambda: files.pdf_bytes(
                title=data["title"], lead=data["lead"], sections=data["sections"], footer=""
            ),
        )
        section.count(created)
        self._done(section)

    # Success stories

    def load_stories(self) -> None:
        section = self._section("Success stories")
        parent = self.index["stories"]
        oslo = County.objects.get(locale=self.locale, slug="oslo")
        for data in content.STORIES:

            def build(data=data):
                page = SuccessStoryPage(
                    title=data["title"],
                    summary=data["summary"],
                    local_branch=LocalBranch.objects.get(locale=self.locale, slug=data["branch"]),
                    county=oslo,
                    what_was_done=_rich(data["what"]),
                    result=data["result"],
                    how=_rich(data["how"]),
                    review_by=data["review_by"],
                )
                page.audiences = _by_slug(
                    Audience, locale=self.locale, slugs=["lokallagsledere", "tillitsvalgte"]
                )
                page.topics = _by_slug(Topic, locale=self.locale, slugs=data["topics"])
                return page

            _, created = page_ensure(
                parent=parent, model=SuccessStoryPage, slug=data["slug"], build=build
            )
            section.count(created)
        self._done(section)

    # Information pages

    def load_info_pages(self) -> None:
        section = self._section("Information pages")
        for data in content.INFO_PAGES:
            _, created = page_ensure(
                parent=self.home,
                model=InfoPage,
                slug=data["slug"],
                build=lambda data=data: InfoPage(
                    title=data["title"],
                    summary=data["summary"],
                    body=_stream(data["body"]),
                    review_by=data["review_by"],
                    show_in_menus=data["in_menu"],
                ),
            )
            section.count(created)
        self._done(section)

    # Editor account

    def load_roles(self) -> None:
        """The roles, the workflow on the page tree, one demo account per role, and the
        counties of the demo member and elected member."""
        section = self._section("Roles and demo accounts")
        editorial_workflow_ensure()
        self.accounts = demo_accounts_ensure(password=self.password)
        for account in self.accounts:
            section.count(account.changed)
        self._done(section)
        section = self._section("Member counties")
        User = get_user_model()
        for username, county_slug in content.MEMBER_COUNTIES.items():
            user = User.objects.filter(username=username).first()
            county = County.objects.filter(locale=self.locale, slug=county_slug).first()
            if user is None or county is None:
                continue
            _, created = MemberProfile.objects.get_or_create(user=user, defaults={"county": county})
            section.count(created)
        self._done(section)

    def load_editor(self) -> None:
        section = self._section("Demo editor")
        _, created = demo_editor_ensure(username=DEMO_EDITOR_USERNAME, password=self.password)
        section.count(created)
        self._done(section)


def silent_wav(seconds: int) -> bytes:
    """A short, quiet WAV recording (8 kHz mono): a real audio file for the demo player."""
    out = io.BytesIO()
    with wave.open(out, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(1)
        recording.setframerate(8000)
        recording.writeframes(b"\x80" * 8000 * seconds)
    return out.getvalue()


# Where a branch's own details go on the demo poster template (percent of the image).
POSTER_BOXES = {
    "title": "Plakat med lokallagets navn",
    "text_colour": "#ffffff",
    "branch_x": 8,
    "branch_y": 62,
    "branch_width": 84,
    "branch_height": 7,
    "when_x": 8,
    "when_y": 71,
    "when_width": 84,
    "when_height": 5,
    "place_x": 8,
    "place_y": 77,
    "place_width": 84,
    "place_height": 5,
    "line_x": 8,
    "line_y": 86,
    "line_width": 84,
    "line_height": 5,
}

IMAGE_KINDS = {MaterialKind.POSTER, MaterialKind.SOCIAL_GRAPHIC}
# How a material is named on its pack; the file in the library carries the pack's title too.
MATERIAL_TITLES = {
    MaterialKind.POSTER: "Plakat (A-format, PNG)",
    MaterialKind.SOCIAL_GRAPHIC: "Grafikk for sosiale medier (kvadratisk, PNG)",
    MaterialKind.FLYER: "Løpeseddel (PDF)",
    MaterialKind.TALKING_POINTS: "Argumenter til stand og debatt (PDF)",
}


def demo_public_languages_load(
    *, report: Callable[[SectionResult], None] | None = None
) -> SectionResult:
    """English, Polish, Urdu, Somali and Arabic: a locale each (never synchronised from
    Bokmål), and the home page and "Om SV og innmelding" translated into each through
    wagtail-localize's PO export and import, as an outside translator's file would be.
    Run after ``demo_content_load`` and the Nynorsk translation (``load_demo``).
    """
    section = SectionResult("Pages in the languages added for the public")
    home = home_page_get()
    about = InfoPage.objects.child_of(home).get(slug=public_languages.ABOUT_SV)
    for code in public_languages.LANGUAGES:
        locale = locale_for_the_public_ensure(language_code=code)
        for page, key in ((home, public_languages.HOME), (about, public_languages.ABOUT_SV)):
            if page.has_translation(locale):
                section.count(False)
                continue
            translation_import_po(
                instance=page,
                target_locale=locale,
                translations=public_languages.translations(code, key),
            )
            section.count(True)
    (report or (lambda section: None))(section)
    return section


def demo_content_load(
    *, password: str, report: Callable[[SectionResult], None] | None = None
) -> DemoResult:
    """Create whatever demo content is missing; leave everything that exists unchanged."""
    return DemoLoader(password=password, report=report).run()


def demo_campaign_packs_publish() -> list[Page]:
    """Publish the demo's Bokmål campaign packs whose Nynorsk version is ready.

    Run after ``translate_tree``; a pack already live is left alone, and one whose
    Nynorsk version is missing stays a draft (the publish gate would refuse it).
    """
    published = []
    packs = CampaignPackPage.objects.filter(
        locale__language_code="nb",
        live=False,
        slug__in=[data["slug"] for data in content.CAMPAIGNS],
    )
    for pack in packs:
        if publish_problems(pack):
            continue
        pack.get_latest_revision().publish()
        published.append(pack)
    return published


def demo_pack_subscriptions_ensure(
    *, report: Callable[[SectionResult], None] | None = None
) -> SectionResult:
    """The demo member's campaign pack subscription (``content.MEMBER_PACK_SUBSCRIPTIONS``).

    Run after the demo packs are published, so loading the demo mails nobody; a pack
    published in the admin afterwards sends the demo member a digest (to the console in
    development). An existing subscription is left as it is.
    """
    section = SectionResult("Campaign pack subscriptions")
    locale = Locale.objects.get(language_code="nb")
    User = get_user_model()
    for username, choice in content.MEMBER_PACK_SUBSCRIPTIONS.items():
        user = User.objects.filter(username=username).first()
        if user is None or PackSubscription.objects.filter(user=user).exists():
            section.count(False)
            continue
        account_services.pack_subscription_save(
            user=user,
            audiences=_by_slug(Audience, locale=locale, slugs=choice["audiences"]),
            counties=_by_slug(County, locale=locale, slugs=choice["counties"]),
            new_packs=True,
            reminders=True,
            language="nb",
        )
        section.count(True)
    (report or (lambda section: None))(section)
    return section
