"""Documents on the search page: found by their title and the text of their file.

Each document is indexed by every backend like any other object, with the text its
file holds (``search.documents``); here they are searched through modelsearch's own
``search()``, which every backend runs with the same Norwegian analysis.

Who may find a document is decided per request, by the rules that already decide
who may see it, never by a copy of them:

- the download view's (``resourcebank.core.visibility.documents_visible_to``: a
  document in a restricted collection only for those who pass its restrictions);
- and it must belong to a live page the reader may see
  (``resourcebank.core.visibility.pages_visible_to``), found through Wagtail's
  reference index (materials, blocks, links). A document attached only to
  members-only pages is not shown to anyone else, nor is one no page offers.

A document result links to the document's download address (served by
``resourcebank.downloads``, which checks again) and names the pages it belongs to,
in the reader's written standard where that version exists.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from resourcebank.core import caching, visibility
from resourcebank.core.searching import search_backend
from search.analysis import words
from search.documents import file_texts

KIND = "document"
LABEL = _("Document")
PAGES_SHOWN = 3
EXCERPT_BEFORE = 80  # characters of context before the first matching word


@dataclass
class DocumentResult:
    """What the search page shows for a document."""

    document: object
    pages: list = field(default_factory=list)  # live pages it belongs to that the reader sees
    excerpt: str = ""
    is_document = True
    verbose_name = LABEL

    @property
    def title(self) -> str:
        return self.document.title

    @property
    def url(self) -> str:
        return self.document.url

    @property
    def file_type(self) -> str:
        return self.document.file_extension.upper()

    @property
    def file_size(self) -> int | None:
        return self.document.file_size


def _document_pages() -> dict[int, set[int]]:
    """Document id -> ids of the pages that refer to it (Wagtail's reference index)."""
    rows = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    pages: dict[int, set[int]] = {}
    for document_id, page_id in rows:
        if document_id.isdigit() and page_id.isdigit():
            pages.setdefault(int(document_id), set()).add(int(page_id))
    return pages


def excerpt(text: str, query: str, *, length: int = 300) -> str:
    """Part of a document's text from just before the first query word found in it.

    The word is looked for as written, then by its first letters (so "valgkampen"
    finds "valgkamp"); the search page then marks every word the analyzer matches.
    """
    if not text:
        return ""
    lowered, start = text.lower(), 0
    candidates = [w.lower() for w in words(query) if len(w) >= 3]
    candidates += [w[: max(4, len(w) - 3)] for w in candidates if len(w) > 4]
    for word in candidates:
        found = re.search(rf"\b{re.escape(word)}", lowered)
        if found:
            start = max(found.start() - EXCERPT_BEFORE, 0)
            break
    if start:
        start = text.find(" ", start) + 1 or start
    part = " ".join(text[start : start + length * 2].split())[:length]
    return ("… " if start else "") + part


# How long the documents' pages are kept at most (see ``DocumentSearch.pages_of``).
PAGES_OF_SECONDS = 300
# Documents read at once for a search; a search finding fewer needs no count of its own.
FIRST_DOCUMENTS = 50


class DocumentSearch:
    """The documents one request may find, searched and shown."""

    def __init__(self, request, backend=None):
        self.request = request
        self.backend = backend or search_backend()
        self._firsts: dict[tuple[str, str], list] = {}

    @cached_property
    def _visible(self) -> tuple[dict[int, list[int]], dict[int, Page]]:
        """(findable document id -> the visible live pages it belongs to (ids), those
        pages by id), shared by every reader who may see the same pages and collections.
        Kept under the content version, and for a few minutes at most: the worker updates
        the reference index after the publish that made the version new."""
        hidden = sorted(visibility.collections_hidden_from(self.request))
        return caching.versioned(
            "document-pages",
            self._read_visible,
            visibility.visibility_key(self.request),
            "-".join(map(str, hidden)) or "none",
            timeout=PAGES_OF_SECONDS,
        )

    @property
    def pages_of(self) -> dict[int, list[int]]:
        return self._visible[0]

    def _read_visible(self) -> tuple[dict[int, list[int]], dict[int, Page]]:
        references = _document_pages()
        page_ids = {pk for ids in references.values() for pk in ids}
        if not page_ids:
            return {}, {}
        visible = {
            page.pk: page
            for page in visibility.pages_visible_to(
                Page.objects.live().filter(id__in=page_ids), self.request
            ).select_related("locale")
        }
        offered = {
            document_id: sorted(ids & visible.keys())
            for document_id, ids in references.items()
            if ids & visible.keys()
        }
        downloadable = visibility.documents_visible_to(self.request).filter(id__in=list(offered))
        pages_of = {pk: offered[pk] for pk in downloadable.values_list("id", flat=True)}
        offering = {pk for ids in pages_of.values() for pk in ids}
        return pages_of, {pk: page for pk, page in visible.items() if pk in offering}

    def _queryset(self):
        # Only the document's id is filtered on: every backend indexes it (FilterField).
        return get_document_model().objects.filter(id__in=sorted(self.pages_of))

    def _search(self, text: str, operator: str):
        return self.backend.search(text, self._queryset(), operator=operator)

    def _first(self, text: str, operator: str) -> list:
        """The best FIRST_DOCUMENTS documents for `text` (asked once per request): most
        searches find fewer, and then these alone give the count and every page of them."""
        key = (text, operator)
        if key not in self._firsts:
            self._firsts[key] = list(self._search(text, operator)[:FIRST_DOCUMENTS])
        return self._firsts[key]

    def count(self, text: str, operator: str = "and") -> int:
        if not self.pages_of or not text:
            return 0
        first = self._first(text, operator)
        if len(first) < FIRST_DOCUMENTS:
            return len(first)
        return self._search(text, operator).count()

    def results(
        self, text: str, operator: str, start: int, stop: int, *, language: str
    ) -> list[DocumentResult]:
        if not self.pages_of or stop <= start:
            return []
        first = self._first(text, operator)
        if stop <= len(first) or len(first) < FIRST_DOCUMENTS:
            documents = first[start:stop]
        else:
            documents = list(self._search(text, operator)[start:stop])
        return self.present(documents, query=text, language=language)

    def autocomplete(self, text: str, limit: int) -> list:
        if not self.pages_of or not text or limit <= 0:
            return []
        return list(self.backend.autocomplete(text, self._queryset())[:limit])

    def present(self, documents: list, *, query: str, language: str) -> list[DocumentResult]:
        """Results with each document's pages (reader's standard first) and an excerpt."""
        pages = self._visible[1]
        texts = file_texts(documents)
        results = []
        for document in documents:
            belongs = [pages[pk] for pk in self.pages_of.get(document.pk, []) if pk in pages]
            results.append(
                DocumentResult(
                    document=document,
                    pages=_one_version_each(belongs, language)[:PAGES_SHOWN],
                    excerpt=excerpt(texts.get(document.pk, ""), query),
                )
            )
        return results


def _one_version_each(pages: list, language: str) -> list:
    """One page per translation group: the reader's version where there is one."""
    chosen: dict = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.translation_key] = page
    return list(chosen.values())
