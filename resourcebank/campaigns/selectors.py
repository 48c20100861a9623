"""Reads for campaign packs: listings, materials, posters and the files of a pack's ZIP.

The page models import this module, so it reaches them through the module
(``models.CampaignPackPage``), never by name at import time.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, Prefetch, Q, Value, When, prefetch_related_objects
from django.utils import timezone
from django.utils.text import get_valid_filename

from wagtail.images import get_image_model
from wagtail.models import Locale

from resourcebank.campaigns import models
from resourcebank.campaigns.blocks import BranchSize
from resourcebank.core import caching, pictures, query, visibility
from resourcebank.core.models import MaterialKind
from resourcebank.core.selectors import live_visible_children, materials_for
from resourcebank.taxonomy.models import CommemorationDay

__all__ = ["materials_for"]


def _with_poster_images(rows):
    """Material or poster-template rows that have an image, the image joined and its
    poster renditions prefetched: two queries for any number of rows."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=pictures.rendition_specs("poster"))
    )
    return (
        rows.filter(image__isnull=False)
        .select_related("image")
        .prefetch_related(
            Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
        )
        .order_by("sort_order")
    )


def _poster_prefetches() -> tuple[Prefetch, Prefetch]:
    return (
        Prefetch(
            "materials",
            queryset=_with_poster_images(
                models.CampaignPackMaterial.objects.filter(kind=MaterialKind.POSTER)
            ),
            to_attr="poster_materials",
        ),
        Prefetch(
            "poster_templates",
            queryset=_with_poster_images(models.PosterTemplate.objects.all()),
            to_attr="poster_templates_with_image",
        ),
    )


def with_posters(packs):
    """Campaign packs with what `pack_poster` needs: a fixed number of queries for any number
    of packs (poster materials and poster templates with their images, and renditions)."""
    return packs.prefetch_related(*_poster_prefetches())


def posters_read(packs: list) -> list:
    """`with_posters` for packs already read (several lists at once, in the same queries)."""
    prefetch_related_objects([pack for pack in packs if pack is not None], *_poster_prefetches())
    return packs


def pack_poster(pack):
    """A campaign pack's picture: the image of its first material of kind "poster", else of
    its first poster template; None when it has neither. Reads what `with_posters` prefetched,
    and asks the database only for a pack that was not fetched with it."""
    materials = getattr(pack, "poster_materials", None)
    if materials is None:
        materials = list(
            pack.materials.filter(kind=MaterialKind.POSTER, image__isnull=False)
            .select_related("image")
            .order_by("sort_order")[:1]
        )
    if materials:
        return materials[0].image
    templates = getattr(pack, "poster_templates_with_image", None)
    if templates is None:
        templates = list(poster_templates_for(pack).order_by("sort_order")[:1])
    return templates[0].image if templates else None


def campaign_packs_under(index_page, *, request):
    return with_posters(
        live_visible_children(index_page, models.CampaignPackPage, request=request)
        .select_related("commemoration_day")
        .order_by("-period_start", "-pk")
    )


def live_packs_visible_to(home, request):
    """The live campaign packs under `home` that `request`'s reader may see."""
    return visibility.pages_visible_to(
        models.CampaignPackPage.objects.descendant_of(home).live(), request
    )


def _latest_packs(*, home, request, exclude=None):
    packs = live_packs_visible_to(home, request)
    if exclude is not None:
        packs = packs.exclude(pk=exclude.pk)
    return packs.select_related("commemoration_day").order_by("-period_start", "-pk")


def latest_campaign_packs(*, home, limit: int, request, exclude=None):
    return with_posters(_latest_packs(home=home, request=request, exclude=exclude))[:limit]


def _current_pack(*, home, request, today: datetime.date):
    later_this_year = Q(commemoration_day__month__gt=today.month) | Q(
        commemoration_day__month=today.month, commemoration_day__day__gte=today.day
    )
    pack = (
        live_packs_visible_to(home, request)
        .filter(commemoration_day__isnull=False)
        .select_related("commemoration_day")
        .annotate(next_year=Case(When(later_this_year, then=Value(0)), default=Value(1)))
        .order_by(
            "next_year",
            "commemoration_day__month",
            "commemoration_day__day",
            F("period_start").desc(nulls_last=True),
            "-pk",
        )
        .first()
    )
    if pack is not None:
        pack.commemoration_date = next_occurrence(pack.commemoration_day, today=today)
    return pack


def current_campaign_pack(*, home, request, today: datetime.date | None = None):
    """The campaign of the commemoration day that comes next, from today (wrapping to next
    year): the pack the home page leads with, or None. Of several packs for that day the one
    with the latest period wins. Its `commemoration_date` is that day's next date."""
    pack = _current_pack(home=home, request=request, today=today or timezone.localdate())
    return posters_read([pack])[0]


@dataclass(frozen=True)
class HomePacks:
    """What the home page shows of the campaign packs: the current one and the newest."""

    current: object | None
    latest: list


def home_campaign_packs(*, home, request, limit: int, today: datetime.date | None = None):
    """The current pack (``current_campaign_pack``) and the `limit` newest others, their
    posters read together: six queries whatever the number of packs. Kept in the cache
    per home page, day and what the request may see, with the posters' renditions made
    (those made later would be asked for on every view until the content changes)."""
    today = today or timezone.localdate()

    def build():
        current = _current_pack(home=home, request=request, today=today)
        latest = list(_latest_packs(home=home, request=request, exclude=current)[:limit])
        for pack in posters_read([current, *latest]):
            poster = pack_poster(pack) if pack is not None else None
            if poster is not None:
                pictures.renditions(poster, "poster")
        return HomePacks(current=current, latest=latest)

    return caching.versioned(
        "home-packs", build, home.pk, limit, today.isoformat(), visibility.visibility_key(request)
    )


def branch_size_from(params) -> str | None:
    """The branch size a reader chose (``?lagsstorrelse=board``), or None for any size."""
    value = params.get(query.BRANCH_SIZE)
    return value if value in BranchSize.values else None


def suggested_events_for(page, *, size: str | None):
    """The pack's suggested events (blocks), only those marked for `size` when one is given."""
    events = list(page.suggested_events)
    if size is None:
        return events
    return [block for block in events if block.value.suits(size)]


@dataclass(frozen=True)
class SizeGroup:
    """The suggested events marked for one branch size (the summary PDF's sections)."""

    size: str
    label: str
    events: list


def suggested_events_by_size(page) -> list[SizeGroup]:
    """One group per branch size with the events marked for it, then the unmarked events.

    An event marked for several sizes is in each of their groups; empty groups are left out.
    """
    events = list(page.suggested_events)
    groups = [
        SizeGroup(size=size, label=label, events=[b for b in events if b.value.suits(size)])
        for size, label in BranchSize.choices
    ]
    unmarked = [block for block in events if not block.value.get("branch_sizes")]
    groups.append(SizeGroup(size="", label="", events=unmarked))
    return [group for group in groups if group.events]


def elected_kit_for(*, page, user) -> list:
    """The drafts of the pack's elected members' kit, for elected members only (else none)."""
    if not page.elected_kit or not visibility.user_is_elected_member(user):
        return []
    return list(page.elected_kit)


def elected_draft(*, page, user, draft_id: str):
    """One draft of the kit by its block id, or None (also for anyone not an elected member)."""
    return next(
        (block for block in elected_kit_for(page=page, user=user) if block.id == draft_id), None
    )


def poster_templates_for(page):
    """A campaign pack's poster templates that have an image to draw on."""
    return page.poster_templates.filter(image__isnull=False).select_related("image")


@dataclass(frozen=True)
class PackFile:
    """One file in a campaign pack's archive."""

    name: str
    file: object  # a Django File (document.file or image.file)
    document: object | None = None


def _material_file(material):
    if material.document_id:
        return material.document
    if material.image_id:
        return material.image
    return None


def _source_material(material):
    """The same material in the other locale the page was translated from (Bokmål first)."""
    model = type(material)
    candidates = (
        model.objects.filter(translation_key=material.translation_key)
        .exclude(pk=material.pk)
        .select_related("document", "image", "locale")
    )
    default = Locale.get_default()
    ordered = sorted(candidates, key=lambda m: m.locale_id != default.pk)
    for candidate in ordered:
        if _material_file(candidate) is not None:
            return candidate
    return None


def _unique_name(name: str, taken: set[str]) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate = f"{stem} ({n}).{extension}" if extension else f"{stem} ({n})"
        n += 1
    taken.add(candidate.lower())
    return candidate


def archive_name(title: str, extension: str) -> str:
    """A file name that keeps Norwegian letters and spaces but nothing a file system refuses."""
    cleaned = "".join(c for c in title if c.isprintable() and c not in '\\/:*?"<>|').strip(" .")
    cleaned = " ".join(cleaned.split()) or get_valid_filename("fil")
    return f"{cleaned[:120]}.{extension}" if extension else cleaned[:120]


def pack_files(*, page, request) -> list[PackFile]:
    """The files of a campaign pack in the page's locale, as the reader may have them.

    A material of a translated pack without a file of its own takes the file of the
    same material in Bokmål. Members-only documents are left out for readers the
    collection's view restriction does not let in.
    """
    files: list[PackFile] = []
    taken: set[str] = set()
    for material in materials_for(page):
        item = _material_file(material)
        if item is None:
            source = _source_material(material)
            item = _material_file(source) if source else None
        if item is None:
            continue
        is_document = hasattr(item, "file_extension")
        if is_document and not visibility.user_may_view(request=request, obj=item):
            continue
        extension = item.file.name.rpartition(".")[2].lower() if "." in item.file.name else ""
        try:
            item.file.size  # noqa: B018 - the file must still be in storage
        except OSError:
            continue  # the file is gone from storage; leave it out rather than fail
        files.append(
            PackFile(
                name=_unique_name(archive_name(material.title, extension), taken),
                file=item.file,
                document=item if is_document else None,
            )
        )
    return files


# --- The campaign calendar: coming commemoration days and their packs ---------------------

CALENDAR_DAYS = 365  # how far ahead the campaign calendar looks


def next_occurrence(day, *, today: datetime.date) -> datetime.date:
    """The next date (today included) a commemoration day falls on; 29 February falls on
    28 February in years without it."""
    for year in (today.year, today.year + 1, today.year + 2):
        try:
            date = datetime.date(year, day.month, day.day)
        except ValueError:
            date = datetime.date(year, day.month, 28)
        if date >= today:
            return date
    raise ValueError(day)  # pragma: no cover - a valid day always comes within two years


@dataclass(frozen=True)
class ComingDay:
    """One coming commemoration day, its date and the live packs made for that date."""

    day: object  # a CommemorationDay
    date: datetime.date
    packs: list

    def days_away(self, today: datetime.date) -> int:
        return (self.date - today).days


def coming_commemoration_days(
    *, locale, today: datetime.date, days: int = CALENDAR_DAYS, request=None
) -> list[ComingDay]:
    """The commemoration days of `locale` within `days` days from `today`, soonest first,
    each with the live campaign packs (in that locale) for its date.

    With a `request`, only the packs it may see; without one (the editor's warnings),
    every live pack.
    """
    until = today + datetime.timedelta(days=days)
    packs = models.CampaignPackPage.objects.live().filter(locale=locale)
    if request is not None:
        packs = visibility.pages_visible_to(packs, request)
    packs = list(
        packs.filter(commemoration_day__isnull=False).only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "commemoration_day_id",
            "period_start",
            "period_end",
        )
    )
    coming = []
    for day in CommemorationDay.objects.filter(locale=locale):
        date = next_occurrence(day, today=today)
        if date > until:
            continue
        day_packs = [
            pack
            for pack in packs
            if pack.commemoration_day_id == day.pk
            and (pack.period_start is None or pack.period_start <= date)
            and (pack.period_end is None or pack.period_end >= date)
        ]
        coming.append(ComingDay(day=day, date=date, packs=day_packs))
    return sorted(coming, key=lambda item: (item.date, item.day.name))
