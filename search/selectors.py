"""Reads for the search page: what a user may find, ranked, grouped and counted by the backend.

The backend (``search.engines``) answers one ``PageQuery`` with the page of hits,
the exact total and the facet counts (``search.pagesearch``). What stays here is
the same on every tier: who may see what (view restrictions, per request), the
filters, the reader's written standard, spelling corrections, editor's picks,
highlighting.

Documents are results too, found by their title and their file's text
(``search.documentsearch``): counted in the total and the type facet, and listed
after the pages.

One result per page: a page's versions in Bokmål and Nynorsk are one hit, shown
in the reader's written standard where that version exists, with a link to the
other; a match in either version counts.

Besides: the taxonomy terms a query names (``matching_terms``), each leading to its
listing, which is the search page with that filter and no words (``browse_run``); and
the coming training events the query finds (``search.eventsearch``).
"""

import difflib
import math
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from resourcebank.core import caching
from resourcebank.core import query as listing_query
from resourcebank.core.facets import Facet, FacetValue
from resourcebank.core.searching import search_backend
from resourcebank.core.visibility import page_restrictions_failed
from resourcebank.taxonomy.models import Audience, CommemorationDay, Topic
from search import documentsearch, eventsearch
from search.analysis import (
    STOP_WORDS,
    WORD_RE,
    analyze_query,
    content_words,
    fold_key,
    get_analyzer,
    word_keys,
)
from search.documents import day_key
from search.engines.engine import autocomplete_prefixes
from search.engines.sqlpages import FilteredListing
from search.facets import content_type_ids, result_page_models
from search.models import VocabularyWord
from search.pagesearch import FACETS, PageQuery, PageResult

PAGE_SIZE = 10
AUTOCOMPLETE_SIZE = 8
SUGGESTION_CUTOFF = 0.75

__all__ = ["result_page_models"]

# Each filter's query parameter, by its name in the backend's facets (``FACETS``).
FILTER_PARAMS = {
    "type": listing_query.TYPE,
    "audience": listing_query.AUDIENCE,
    "topic": listing_query.TOPIC,
    "day": listing_query.COMMEMORATION_DAY,
    "lang": listing_query.WRITTEN_STANDARD,
}


def filter_labels() -> dict[str, str]:
    """Each filter's heading, in the active language."""
    return {
        "type": _("Type"),
        "audience": _("Audience"),
        "topic": _("Topic"),
        "day": _("Commemoration day"),
        "lang": _("Written standard"),
    }


def query_words(text: str) -> list[str]:
    """The words of a query, without punctuation any engine could read as syntax."""
    return WORD_RE.findall(text or "")


def _localized_terms(model, key_attr):
    """One term per key, in the active language where a translation exists."""
    language = get_language() or settings.LANGUAGE_CODE
    terms = {}
    for term in model.objects.select_related("locale").order_by("pk"):
        key = key_attr(term)
        if key not in terms or term.locale.language_code == language:
            terms[key] = term
    return terms


def _term_choices() -> dict[str, list[tuple[str, str]]]:
    return {
        "audience": [
            (slug, t.name) for slug, t in _localized_terms(Audience, lambda t: t.slug).items()
        ],
        "topic": [(slug, t.name) for slug, t in _localized_terms(Topic, lambda t: t.slug).items()],
        "day": [(key, d.name) for key, d in _localized_terms(CommemorationDay, day_key).items()],
    }


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    # The taxonomy's terms come from the cache (under the content version).
    terms = caching.versioned("search-terms", _term_choices, get_language() or "")
    return {
        "type": [
            *((m._meta.model_name, m._meta.verbose_name) for m in result_page_models()),
            (documentsearch.KIND, documentsearch.LABEL),
        ],
        **terms,
        # The written standards: the languages added for the public are no facet.
        "lang": [(c, n) for c, n in settings.LANGUAGES if c in settings.WRITTEN_STANDARDS],
    }


def hidden_paths(request) -> list[str]:
    """Tree paths of the view restrictions this request does not pass.

    Uses each restriction's own check (login, group membership, password in the
    session), so members see members-only material and anonymous visitors do not;
    asked once per request (``page_restrictions_failed``), which the navigation
    asks too.
    """
    return [restriction.page.path for restriction in page_restrictions_failed(request)]


def _visible(pages, hidden: list[str]):
    for path in hidden:
        pages = pages.exclude(path__startswith=path)
    return pages


def visible_pages(request):
    """Live result pages this request may see."""
    pages = Page.objects.live().filter(content_type__in=content_type_ids(result_page_models()))
    return _visible(pages, hidden_paths(request))


def reader_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def base_query(request, filters: dict | None = None) -> PageQuery:
    """What every search of this request shares: privacy, filters, reader's standard."""
    filters = filters or {}
    models = result_page_models()
    if filters.get("type"):
        models = [m for m in models if m._meta.model_name in filters["type"]]
    return PageQuery(
        words=[],
        reader_lang=reader_language(),
        content_type_ids=content_type_ids(models) if models else [],
        hidden_paths=hidden_paths(request),
        langs=list(filters.get("lang") or []),
        audience=list(filters.get("audience") or []),
        topic=list(filters.get("topic") or []),
        day=list(filters.get("day") or []),
        limit=PAGE_SIZE,
    )


class _ResultPages:
    """The hits as a Paginator sees them: the total's length, the shown page's items."""

    def __init__(self, total: int, offset: int, items: list):
        self.total, self.offset, self.items = total, offset, items

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, key):
        if isinstance(key, slice):
            start = (key.start or 0) - self.offset
            stop = (key.stop if key.stop is not None else self.total) - self.offset
            return self.items[max(start, 0) : max(stop, 0)]
        return self.items[key - self.offset]


@dataclass
class SearchOutcome:
    query: str
    total: int = 0
    page: object = None  # a Paginator page of specific pages
    facets: list[Facet] = field(default_factory=list)  # in FACETS order, each may be empty
    picks: list = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    corrected_query: str = ""  # the query the results are for, when it was misspelt
    only_common_words: bool = False
    matched_some_words: bool = False
    page_out_of_range: bool = False
    terms: list = field(default_factory=list)  # TermLink: the taxonomy terms the query names
    events: list = field(default_factory=list)  # coming training events found (not counted)
    browsing: bool = False  # no words, only filters: a term's listing (``browse_run``)

    @property
    def shown_query(self) -> str:
        return self.corrected_query or self.query


def _facet_values(
    counts: dict[str, dict[str, int]], filters: dict, choices=None, query_params=None
) -> list[Facet]:
    """One facet per filter: the values found (or chosen), each a link that toggles it.

    ``query_params``: the request's query (``request.GET``); the links keep it, change
    one filter and go back to the first page.
    """
    choices = choices or filter_choices()
    query_params = query_params if query_params is not None else {}
    labels = filter_labels()
    facets = []
    for name in FACETS:
        param = FILTER_PARAMS[name]
        selected = set(filters.get(name) or [])
        found = counts.get(name, {})
        facets.append(
            Facet(
                param=param,
                label=labels[name],
                values=[
                    FacetValue(
                        value=value,
                        label=label,
                        count=found.get(value, 0),
                        url=listing_query.with_changes(query_params, toggle=(param, value)),
                        selected=value in selected,
                    )
                    for value, label in choices[name]
                    if found.get(value) or value in selected
                ],
            )
        )
    return facets


def _specific_in_order(ids: list[int]) -> list:
    """The hits as their own page types, with their locales: one query per page type.

    Wagtail's ``specific()`` would read each page twice (as a Page, then as its
    type) and drop ``select_related``, so every result asked for its locale.
    """
    by_type: dict[int, list[int]] = {}
    for pk, content_type_id in Page.objects.filter(id__in=ids).values_list("id", "content_type_id"):
        by_type.setdefault(content_type_id, []).append(pk)
    by_id = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        pages = model.objects.filter(id__in=pks).select_related("locale").defer_streamfields()
        by_id.update((p.id, p) for p in pages)
    for page in by_id.values():
        # The template asks every result; a page without the attribute makes Django's
        # template engine list all of the page's attributes to tell why it has none.
        page.is_document = False
    return [by_id[i] for i in ids if i in by_id]


def _attach_other_versions(pages: list, query: PageQuery) -> None:
    """Give each shown page ``other_versions``: its visible versions in the other standards."""
    if not pages:
        return
    others = _visible(
        Page.objects.live()
        .filter(
            translation_key__in=[p.translation_key for p in pages],
            content_type_id__in=query.content_type_ids,
        )
        .exclude(id__in=[p.id for p in pages]),
        query.hidden_paths,
    ).select_related("locale")
    by_key: dict = {}
    for other in others.only("id", "path", "url_path", "translation_key", "locale"):
        by_key.setdefault(other.translation_key, []).append(other)
    for page in pages:
        page.other_versions = sorted(
            by_key.get(page.translation_key, []), key=lambda p: p.locale.language_code
        )


def _promoted_query_strings() -> set[str]:
    """The query strings that have editor's picks (from the cache: most searches have none)."""
    return caching.versioned(
        "search-promoted",
        lambda: set(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        ),
    )


def editors_picks(*, request, query: str) -> list:
    if normalise_query_string(query) not in _promoted_query_strings():
        return []
    promoted = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if promoted is None:
        return []
    picks = (
        SearchPromotion.objects.filter(query=promoted).select_related("page").order_by("sort_order")
    )
    visible = set(
        visible_pages(request)
        .filter(id__in=[p.page_id for p in picks if p.page_id])
        .values_list("id", flat=True)
    )
    return [p for p in picks if p.page_id is None or p.page_id in visible]


def _close_words(word: str, limit: int = 3) -> list[str]:
    """Vocabulary words that look like a word (same first letter, length within two)."""
    key = fold_key(word)
    if len(key) < 4:
        return []
    candidates = VocabularyWord.objects.filter(
        first=key[0], length__gte=len(key) - 2, length__lte=len(key) + 2
    ).values_list("word", flat=True)
    return difflib.get_close_matches(key, list(candidates), n=limit, cutoff=SUGGESTION_CUTOFF)


def spelling_corrections(query: str) -> list[str]:
    """Queries with each unknown word replaced by a close word from the vocabulary, best first."""
    words = query_words(query)
    known = set(
        VocabularyWord.objects.filter(word__in=[fold_key(w) for w in words]).values_list(
            "word", flat=True
        )
    )
    options = []
    for word in words:
        if word.lower() in STOP_WORDS or fold_key(word) in known:
            options.append([word])
        else:
            options.append(_close_words(word) or [word])
    if all(len(o) == 1 and o[0] == w for o, w in zip(options, words, strict=True)):
        return []
    corrected = [" ".join(o[0] for o in options)]
    for index, choices in enumerate(options):
        for choice in choices[1:]:
            corrected.append(
                " ".join(
                    [
                        *(o[0] for o in options[:index]),
                        choice,
                        *(o[0] for o in options[index + 1 :]),
                    ]
                )
            )
    return list(dict.fromkeys(c for c in corrected if c != " ".join(words)))


def documents_searched(request, filters: dict, backend=None):
    """The documents this search covers, or None when its filters leave them out.

    Documents have no audience, topic, commemoration day or written standard, so a
    filter on any of those shows pages only; a type filter shows them when it names them.
    """
    if any(filters.get(name) for name in ("audience", "topic", "day", "lang")):
        return None
    if filters.get("type") and documentsearch.KIND not in filters["type"]:
        return None
    return documentsearch.DocumentSearch(request, backend)


@dataclass
class _Found:
    """Pages and documents matching one question (``text`` is what documents were asked)."""

    pages: PageResult
    documents: int
    text: str

    @property
    def total(self) -> int:
        return self.pages.total + self.documents


def _find(backend, asked: PageQuery, documents, text: str) -> _Found:
    pages = backend.search_pages(asked) if asked.content_type_ids else PageResult()
    count = documents.count(text, asked.operator) if documents is not None else 0
    return _Found(pages=pages, documents=count, text=text)


def search_run(
    *, request, query: str, filters: dict, page_number: int = 1, choices=None
) -> SearchOutcome:
    """Search the pages and documents this request may see. Raises SearchUnavailable
    when the engine is down.

    ``choices``: the filter choices the form already read (``filter_choices()``), if any.
    """
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    words = analyze_query(query)
    if not words:
        outcome.only_common_words = True
        return outcome
    backend = search_backend()
    base = base_query(request, filters)
    documents = documents_searched(request, filters, backend)
    page_number = max(page_number, 1)
    asked = replace(base, words=words, offset=(page_number - 1) * PAGE_SIZE)
    found = _find(backend, asked, documents, query)
    if found.total == 0:
        for corrected in spelling_corrections(query)[:3]:
            corrected_words = analyze_query(corrected)
            if not corrected_words:
                continue
            attempt = _find(backend, replace(asked, words=corrected_words), documents, corrected)
            if attempt.total:
                found, asked = attempt, replace(asked, words=corrected_words)
                outcome.corrected_query = corrected
                outcome.suggestions = [corrected]
                break
    if found.total == 0 and len(words) > 1:
        # Nothing has every word: show what has some of them, and say so.
        attempt = _find(backend, replace(asked, operator="or"), documents, found.text)
        if attempt.total:
            found, asked = attempt, replace(asked, operator="or")
            outcome.matched_some_words = True
    page_number, result = _within_pages(
        backend.search_pages, asked, found.pages, found.total, page_number, outcome
    )
    outcome.total = found.total
    if found.documents:
        result.facets.setdefault("type", {})[documentsearch.KIND] = found.documents
    if asked.facets:
        outcome.facets = _facet_values(result.facets, filters, choices, request.GET)
    offset = (page_number - 1) * PAGE_SIZE
    shown = _specific_in_order([pk for pk, _score in result.hits]) if result.total > offset else []
    _attach_other_versions(shown, base)
    room = PAGE_SIZE - len(shown)
    if found.documents and room > 0:
        start = max(offset - result.total, 0)
        shown += documents.results(
            found.text, asked.operator, start, start + room, language=base.reader_lang
        )
    paginator = Paginator(_ResultPages(found.total, offset, shown), PAGE_SIZE)
    outcome.page = paginator.get_page(page_number)
    if outcome.page.number == 1:
        outcome.picks = editors_picks(request=request, query=query)
        outcome.terms = matching_terms(words, choices=choices)
        if not filters or not any(filters.values()):
            outcome.events = eventsearch.events_found(
                words, hidden_paths=base.hidden_paths, language=base.reader_lang
            )
    return outcome


def _within_pages(search, asked: PageQuery, result: PageResult, total: int, page_number, outcome):
    """(the page number to show, its result): the last page when `page_number` is past it,
    asked again with `search`; the facets stay those of the whole result."""
    num_pages = max(math.ceil(total / PAGE_SIZE), 1)
    if page_number <= num_pages:
        return page_number, result
    outcome.page_out_of_range = True
    page_number = num_pages
    if result.total:
        facets = result.facets
        result = search(replace(asked, offset=(page_number - 1) * PAGE_SIZE, facets=False))
        result.facets = facets
    return page_number, result


def browse_run(*, request, filters: dict, page_number: int = 1, choices=None) -> SearchOutcome:
    """The search page with filters and no words: every page they cover that this request
    may see, newest first, one version per page, with facets (the listing a term leads
    to). Runs on the database whichever backend searches (``FilteredListing``)."""
    outcome = SearchOutcome(query="", browsing=True)
    base = base_query(request, filters)
    page_number = max(page_number, 1)
    asked = replace(base, offset=(page_number - 1) * PAGE_SIZE)
    listing = FilteredListing()
    result = listing.search_pages(asked) if asked.content_type_ids else PageResult()
    page_number, result = _within_pages(
        listing.search_pages, asked, result, result.total, page_number, outcome
    )
    outcome.total = result.total
    outcome.facets = _facet_values(result.facets, filters, choices, request.GET)
    shown = _specific_in_order([pk for pk, _score in result.hits])
    _attach_other_versions(shown, base)
    offset = (page_number - 1) * PAGE_SIZE
    outcome.page = Paginator(_ResultPages(result.total, offset, shown), PAGE_SIZE).get_page(
        page_number
    )
    return outcome


@dataclass
class TermLink:
    """A taxonomy term a search named, leading to its listing."""

    kind: str  # the filter's heading: "Målgruppe", "Tema", "Merkedag"
    name: str  # in the reader's written standard where the term has it
    url: str


def _term_names() -> list[tuple[str, str, tuple[frozenset, ...]]]:
    """(filter, value, one set of keys per word of the name) for each term in each
    language: a query names a term when every word of one of its names is in it."""
    sources = (
        ("audience", Audience, lambda t: t.slug),
        ("topic", Topic, lambda t: t.slug),
        ("day", CommemorationDay, day_key),
    )
    named = [
        (name, key(term), content_words(term.name))
        for name, model, key in sources
        for term in model.objects.order_by("pk")
    ]
    get_analyzer().readings(w for _name, _value, found in named for w in found)
    return [
        (name, value, tuple(frozenset(word_keys(w)) for w in found))
        for name, value, found in named
        if found
    ]


def matching_terms(words, *, choices=None) -> list[TermLink]:
    """The audiences, topics and commemoration days the query names (in either written
    standard, in any inflection), each with the address of its listing."""
    wanted = {key for word in words for key in word.keys}
    if not wanted:
        return []
    names = caching.versioned("search-term-names", _term_names)
    found: dict[tuple[str, str], None] = {}
    for name, value, word_sets in names:
        if all(keys & wanted for keys in word_sets):
            found[(name, value)] = None
    if not found:
        return []
    shown = {name: dict(values) for name, values in (choices or filter_choices()).items()}
    labels = filter_labels()
    search_url = reverse("search:search")
    return [
        TermLink(
            kind=labels[name],
            name=str(shown[name][value]),
            url=search_url + listing_query.query_string([(FILTER_PARAMS[name], value)]),
        )
        for name, value in found
        if value in shown[name]
    ]


def autocomplete_titles(*, request, query: str, limit: int = AUTOCOMPLETE_SIZE) -> list[dict]:
    """Titles that start like the query, one per page, among pages this request may see."""
    prefixes = autocomplete_prefixes(" ".join(query_words(query)[:6]))
    if not prefixes:
        return []
    base = replace(base_query(request), limit=limit)
    rows = search_backend().autocomplete_pages(base, prefixes)
    chosen: dict = {}
    for pk, key, lang in rows:
        if key not in chosen or (lang == base.reader_lang and chosen[key][1] != base.reader_lang):
            chosen[key] = (pk, lang)
    ids = [pk for pk, _lang in chosen.values()][:limit]
    pages = {p.id: p for p in Page.objects.filter(id__in=ids).select_related("locale")}
    documents = documentsearch.DocumentSearch(request).autocomplete(
        " ".join(query_words(query)[:6]), limit - len(pages)
    )
    results = []
    for pk in ids:
        page = pages.get(pk)
        if page is None:
            continue
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        results.append(
            {
                "title": page.title,
                "url": page.get_url(request=request),
                "type": str(model._meta.verbose_name),
                "lang": page.locale.language_code,
            }
        )
    for document in documents:
        results.append(
            {
                "title": document.title,
                "url": document.url,
                "type": str(documentsearch.LABEL),
                "lang": "",
            }
        )
    return results


def highlight(text: str, query: str, *, max_length: int = 300) -> str:
    """HTML-escaped text with the words matching the query (as the analyzer sees them) marked."""
    text = text or ""
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0] + " …"
    wanted = {key for word in analyze_query(query) for key in word.keys}
    if not wanted:
        return escape(text)
    matches = list(WORD_RE.finditer(text))
    candidates = [m.group(0) for m in matches if m.group(0).lower() not in STOP_WORDS]
    readings = get_analyzer().readings(candidates)
    parts, last = [], 0
    for match in matches:
        word = match.group(0)
        keys = {key for reading in readings.get(word, ()) for key in reading.keys()}
        if keys & wanted:
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def result_summary(page) -> str:
    for name in ("summary", "search_description", "intro"):
        value = getattr(page, name, "")
        if value:
            return value
    return ""
