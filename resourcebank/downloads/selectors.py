"""Reads for downloads: which files a reader may take away, and download figures."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils.text import get_valid_filename

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from resourcebank.models import DownloadCount, MemberProfile


@dataclass(frozen=True)
class PackFile:
    """One file in a campaign pack's archive."""

    name: str
    file: object  # a Django File (document.file or image.file)
    size: int
    document: object | None = None


def document_restrictions(document) -> list[CollectionViewRestriction]:
    """The view restrictions on a document's collection and the collections above it."""
    return list(document.collection.get_view_restrictions())


def document_is_restricted(document) -> bool:
    return bool(document_restrictions(document))


def user_may_view_document(*, request, document) -> bool:
    """The same rule Wagtail's document view applies before it serves a file."""
    return all(r.accept_request(request) for r in document_restrictions(document))


def documents_visible_to(*, request):
    """Documents the requester may download; restricted ones only for those let in.

    Search through this queryset (``.search(q)``) so members-only documents never show
    up in an anonymous reader's results.
    """
    Document = get_document_model()
    hidden: set[int] = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        if not restriction.accept_request(request):
            hidden.update(
                Collection.objects.descendant_of(
                    restriction.collection, inclusive=True
                ).values_list("pk", flat=True)
            )
    documents = Document.objects.all()
    return documents.exclude(collection_id__in=sorted(hidden)) if hidden else documents


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
    from resourcebank.selectors import materials_for

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
        if is_document and not user_may_view_document(request=request, document=item):
            continue
        extension = item.file.name.rpartition(".")[2].lower() if "." in item.file.name else ""
        try:
            size = item.file.size
        except OSError:
            continue  # the file is gone from storage; leave it out rather than fail
        files.append(
            PackFile(
                name=_unique_name(archive_name(material.title, extension), taken),
                file=item.file,
                size=size,
                document=item if is_document else None,
            )
        )
    return files


def member_county(user):
    """The county a logged-in member belongs to, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = MemberProfile.objects.filter(user=user).select_related("county").first()
    return profile.county if profile else None


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def most_downloaded(*, month: datetime.date):
    """Download counts of a month per document and per pack, largest first."""
    rows = DownloadCount.objects.filter(month=month_of(month))
    documents = (
        rows.filter(document__isnull=False)
        .values("document_id", "document__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "document__title")
    )
    packs = (
        rows.filter(pack__isnull=False)
        .values("pack_id", "pack__title")
        .annotate(total=Sum("count"))
        .order_by("-total", "pack__title")
    )
    counties = (
        rows.values("county__name").annotate(total=Sum("count")).order_by("-total", "county__name")
    )
    return {"documents": documents, "packs": packs, "counties": counties}


def download_months():
    return DownloadCount.objects.dates("month", "month", order="DESC")
