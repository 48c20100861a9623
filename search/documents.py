"""What the index holds for an object: analyzed keys, and for pages their translations too.

Every backend indexes the same thing (``IndexDocument``):

- ``title_keys`` and ``body_keys``: the Apertium keys of the object's title and of
  its other search fields (``search.analysis.analyze``);
- for a page, the keys of its other written standard's version, so a match in
  either version counts for both (``other_title_keys``, ``other_body_keys``). A
  version's text is lent only when it is live, and never from a page under a view
  restriction to a page that has none (its words would leak);
- for a document, the text of its file (``search.models.DocumentText``, read once
  by the worker) with its other search fields, while that text is from its present
  file;
- ``autocomplete``: the title's words, lower-cased, for prefix matching;
- for a page, what the search page filters and counts by: language, audiences,
  topics, commemoration day, and ``show_for``: the readers' languages for which
  this version is the one shown (its own language, and any language the page
  has no live version in, falling back to the source language's version).

When a page is published, unpublished or deleted, its other versions are indexed
again with it (``translation_group``), so what they borrow stays current.
"""

import warnings
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Manager
from django.utils.encoding import force_str

from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from wagtail.documents.models import AbstractDocument
from wagtail.models import Locale, Page, PageViewRestriction

from search.analysis import analyze_many, fold_text
from search.models import DocumentText, VocabularyWord


@dataclass
class IndexDocument:
    title: str = ""
    body: str = ""
    title_keys: list[str] = field(default_factory=list)
    body_keys: list[str] = field(default_factory=list)
    other_title_keys: list[str] = field(default_factory=list)
    other_body_keys: list[str] = field(default_factory=list)
    autocomplete: str = ""
    # Pages only
    lang: str = ""
    audience: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    day: list[str] = field(default_factory=list)
    show_for: list[str] = field(default_factory=list)

    @property
    def all_title_keys(self) -> list[str]:
        return self.title_keys + self.other_title_keys

    @property
    def all_body_keys(self) -> list[str]:
        return self.body_keys + self.other_body_keys


def _prepare(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return force_str(value)


def _field_values(obj, field):
    """(search field, text) pairs, as modelsearch's database indexers read them."""
    if isinstance(field, (SearchField, AutocompleteField)):
        yield field, _prepare(field.get_value(obj))
    elif isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        if isinstance(related, Manager):
            related = related.all()
        else:
            related = [related() if callable(related) else related]
        for item in related:
            for sub_field in field.fields:
                yield from _field_values(item, sub_field)


def _texts(obj) -> tuple[str, str, str]:
    """The title, body and autocomplete text modelsearch would index for an object."""
    title, body, autocomplete = [], [], []
    for search_field in obj.get_search_fields():
        for current, value in _field_values(obj, search_field):
            if isinstance(current, AutocompleteField):
                autocomplete.append(value)
            elif current.field_name == "title":
                title.append(value)
            else:
                body.append(value)
    return " ".join(title), " ".join(body), " ".join(autocomplete)


def day_key(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _slugs(obj, name: str) -> list[str]:
    manager = getattr(obj, name, None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return sorted({term.slug for term in manager.all()})


def _restricted(path: str, restricted_paths: list[str]) -> bool:
    return any(path.startswith(p) for p in restricted_paths)


def source_language() -> str:
    return settings.LANGUAGE_CODE


def reader_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def file_texts(documents: list) -> dict:
    """Document pk -> the text read from its present file (none for a file not yet read)."""
    hashes = {document.pk: document.file_hash for document in documents}
    if not hashes:
        return {}
    return {
        pk: text
        for pk, file_hash, text in DocumentText.objects.filter(
            document_id__in=list(hashes), failed=False
        ).values_list("document_id", "file_hash", "text")
        # A replaced file's old text is not the document's any more. Wagtail sets the
        # hash on upload; a document made without one keeps the text read for it.
        if text and (not hashes[pk] or hashes[pk] == file_hash)
    }


def build_documents(objs: list) -> dict:
    """IndexDocument for each object, by primary key; pages get their translations' keys."""
    texts = {obj.pk: _texts(obj) for obj in objs}
    from_files = file_texts([obj for obj in objs if isinstance(obj, AbstractDocument)])
    for pk, text in from_files.items():
        title, body, autocomplete = texts[pk]
        texts[pk] = (title, f"{body}\n{text}" if body else text, autocomplete)
    pages = [obj for obj in objs if isinstance(obj, Page)]
    siblings = _siblings(pages, texts) if pages else {}
    restricted_paths = (
        list(PageViewRestriction.objects.values_list("page__path", flat=True)) if pages else []
    )
    locales = dict(Locale.objects.values_list("pk", "language_code")) if pages else {}

    # Analyse every text of the batch at once: one request per analyser for new words.
    lent = {}  # page pk -> list of sibling (title, body) texts it borrows
    for page in pages:
        own_restricted = _restricted(page.path, restricted_paths)
        lent[page.pk] = [
            (title, body)
            for sibling, title, body in siblings.get(page.translation_key, [])
            if sibling.pk != page.pk
            and sibling.live
            and (own_restricted or not _restricted(sibling.path, restricted_paths))
        ]
    all_texts = []
    for title, body, _auto in texts.values():
        all_texts.extend((title, body))
    for borrowed in lent.values():
        for title, body in borrowed:
            all_texts.extend((title, body))
    analyzed = iter(analyze_many(all_texts))

    remember_words(text for title, body, _auto in texts.values() for text in (title, body))

    documents = {}
    for obj in objs:
        title, body, autocomplete = texts[obj.pk]
        documents[obj.pk] = IndexDocument(
            title=title,
            body=body,
            title_keys=next(analyzed),
            body_keys=next(analyzed),
            autocomplete=fold_text(autocomplete or title),
        )
    for page in pages:
        document = documents[page.pk]
        for _title, _body in lent[page.pk]:
            document.other_title_keys.extend(next(analyzed))
            document.other_body_keys.extend(next(analyzed))
        document.lang = locales.get(page.locale_id, "")
        document.audience = _slugs(page, "audiences")
        document.topic = _slugs(page, "topics")
        day = getattr(page, "commemoration_day", None)
        document.day = [day_key(day)] if day is not None else []
        live_langs = {
            locales.get(sibling.locale_id)
            for sibling, _t, _b in siblings.get(page.translation_key, [])
            if sibling.live and sibling.pk != page.pk
        }
        document.show_for = _show_for(document.lang, live_langs)
    return documents


VOCABULARY_MIN, VOCABULARY_MAX = 4, 40


def remember_words(texts) -> None:
    """Add the texts' words to the vocabulary that spelling corrections come from."""
    found = set()
    for text in texts:
        for key in fold_text(text).split():
            if VOCABULARY_MIN <= len(key) <= VOCABULARY_MAX and key.isalpha():
                found.add(key)
    if found:
        VocabularyWord.objects.bulk_create(
            [VocabularyWord(word=w, first=w[0], length=len(w)) for w in sorted(found)],
            ignore_conflicts=True,
            batch_size=500,
        )


def _show_for(lang: str, other_live_langs: set[str]) -> list[str]:
    shown = {lang}
    source = source_language()
    for reader in reader_languages():
        if reader in other_live_langs or reader == lang:
            continue
        # No version in the reader's language: the source language's version is shown,
        # or this one when there is no live source-language version either.
        if lang == source or source not in other_live_langs:
            shown.add(reader)
    return sorted(shown)


def _siblings(pages: list, texts: dict) -> dict:
    """translation_key -> [(specific page, title text, body text)] for every version."""
    keys = {page.translation_key for page in pages}
    others = Page.objects.filter(translation_key__in=keys).exclude(pk__in=[p.pk for p in pages])
    groups: dict = {}
    for page in pages:
        title, body, _auto = texts[page.pk]
        groups.setdefault(page.translation_key, []).append((page, title, body))
    if not others.exists():
        return groups
    with warnings.catch_warnings():
        # A version being deleted along with this one has lost its specific row: skip it.
        warnings.simplefilter("ignore", RuntimeWarning)
        specific = [p for p in others.specific() if type(p) is not Page]
    for page in specific:
        title, body, _auto = _texts(page)
        groups.setdefault(page.translation_key, []).append((page, title, body))
    return groups


def translation_group(page) -> list:
    """The page and its other versions, as specific pages to index again."""
    if not isinstance(page, Page) or not page.translation_key:
        return [page]
    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    with warnings.catch_warnings():
        # A version being deleted along with this one has lost its specific row: skip it.
        warnings.simplefilter("ignore", RuntimeWarning)
        found = list(others.specific())
    return [page, *(p for p in found if type(p) is not Page)]
