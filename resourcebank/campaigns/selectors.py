"""Reads for campaign packs: listings, materials, posters and the files of a pack's ZIP.

The page models import this module, so it reaches them through the module
(``models.CampaignPackPage``), never by name at import time.
"""

from dataclasses import dataclass

from django.utils.text import get_valid_filename

from wagtail.models import Locale

from resourcebank.campaigns import models
from resourcebank.core import visibility
from resourcebank.core.selectors import live_visible_children, materials_for

__all__ = ["materials_for"]


def campaign_packs_under(index_page, *, request):
    return (
        live_visible_children(index_page, models.CampaignPackPage, request=request)
        .select_related("commemoration_day")
        .prefetch_related("audiences")
        .order_by("-period_start", "-pk")
    )


def latest_campaign_packs(*, home, limit: int, request):
    return (
        visibility.pages_visible_to(
            models.CampaignPackPage.objects.descendant_of(home).live(), request
        )
        .select_related("commemoration_day")
        .order_by("-period_start", "-pk")[:limit]
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
