"""Reads for the search page: what a user may find, ranked by the configured backend.

Nothing here knows which backend is configured: the backend ranks, everything
else (privacy, filters, facets, highlighting) is the same Django ORM on every tier.
"""

import difflib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from resourcebank.taxonomy.models import Audience, CommemorationDay, Topic
from search.analysis import STOP_WORDS, WORD_RE, analyze, fold_word, stem_word

PAGE_SIZE = 10
MAX_HITS = 1000  # ranked hits that facets, filters and paging work over
AUTOCOMPLETE_SIZE = 8


def query_words(text: str) -> list[str]:
    """The words of a query, without punctuation any engine could read as syntax."""
    return WORD_RE.findall(text or "")


@cache
def result_page_models() -> tuple:
    """Page types that are search results: every page type with a summary to show."""
    return tuple(
        model
        for model in get_page_models()
        if any(f.name == "summary" for f in model._meta.get_fields())
    )


def _models_with_field(name: str):
    return [m for m in result_page_models() if any(f.name == name for f in m._meta.get_fields())]


def _day_key(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _localized_terms(model, key_attr):
    """One term per key, in the active language where a translation exists."""
    language = get_language() or settings.LANGUAGE_CODE
    terms = {}
    for term in model.objects.select_related("locale").order_by("pk"):
        key = key_attr(term)
        if key not in terms or term.locale.language_code == language:
            terms[key] = term
    return terms


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    return {
        "type": [(m._meta.model_name, m._meta.verbose_name) for m in result_page_models()],
        "audience": [
            (slug, t.name) for slug, t in _localized_terms(Audience, lambda t: t.slug).items()
        ],
        "topic": [(slug, t.name) for slug, t in _localized_terms(Topic, lambda t: t.slug).items()],
        "day": [(key, d.name) for key, d in _localized_terms(CommemorationDay, _day_key).items()],
        # The written standards: the languages added for the public are no facet.
        "lang": [(c, n) for c, n in settings.LANGUAGES if c in settings.WRITTEN_STANDARDS],
    }


def visible_pages(request):
    """Live result pages this request may see: view restrictions it does not pass are cut out.

    Uses each restriction's own check (login, group membership, password in the
    session), so members see members-only material and anonymous visitors do not.
    """
    pages = Page.objects.live().filter(
        content_type__in=ContentType.objects.get_for_models(*result_page_models()).values()
    )
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def _ids_with_m2m(field_name: str, slugs: list[str]) -> set[int]:
    ids = set()
    for model in _models_with_field(field_name):
        ids.update(
            model.objects.filter(**{f"{field_name}__slug__in": slugs}).values_list("pk", flat=True)
        )
    return ids


def _ids_with_day(keys: list[str]) -> set[int]:
    days = [d for d in CommemorationDay.objects.all() if _day_key(d) in keys]
    ids = set()
    for model in _models_with_field("commemoration_day"):
        ids.update(model.objects.filter(commemoration_day__in=days).values_list("pk", flat=True))
    return ids


def _apply_filters(pages, filters: dict):
    if filters.get("type"):
        models = [m for m in result_page_models() if m._meta.model_name in filters["type"]]
        pages = pages.filter(
            content_type__in=list(ContentType.objects.get_for_models(*models).values())
        )
    if filters.get("lang"):
        locales = Locale.objects.filter(language_code__in=filters["lang"])
        pages = pages.filter(locale__in=list(locales.values_list("pk", flat=True)))
    if filters.get("audience"):
        pages = pages.filter(id__in=sorted(_ids_with_m2m("audiences", filters["audience"])))
    if filters.get("topic"):
        pages = pages.filter(id__in=sorted(_ids_with_m2m("topics", filters["topic"])))
    if filters.get("day"):
        pages = pages.filter(id__in=sorted(_ids_with_day(filters["day"])))
    return pages


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    query: str
    total: int = 0
    page: object = None  # a Paginator page of specific pages
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    picks: list = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    only_common_words: bool = False
    matched_some_words: bool = False
    page_out_of_range: bool = False


def _facet_counts(hit_ids: list[int], filters: dict) -> dict[str, list[FacetValue]]:
    choices = filter_choices()
    counts: dict[str, Counter] = {name: Counter() for name in choices}
    hits = Page.objects.filter(id__in=hit_ids)
    for row in hits.values("content_type").annotate(n=Count("id")):
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        counts["type"][model._meta.model_name] += row["n"]
    for row in hits.values("locale__language_code").annotate(n=Count("id")):
        counts["lang"][row["locale__language_code"]] += row["n"]
    for facet, field_name in (("audience", "audiences"), ("topic", "topics")):
        for model in _models_with_field(field_name):
            m2m = model._meta.get_field(field_name)
            through = m2m.remote_field.through
            source = f"{m2m.m2m_field_name()}_id"
            target = m2m.m2m_reverse_field_name()
            rows = (
                through.objects.filter(**{f"{source}__in": hit_ids})
                .values(f"{target}__slug")
                .annotate(n=Count(source, distinct=True))
            )
            for row in rows:
                counts[facet][row[f"{target}__slug"]] += row["n"]
    days = {d.pk: _day_key(d) for d in CommemorationDay.objects.all()}
    for model in _models_with_field("commemoration_day"):
        rows = (
            model.objects.filter(pk__in=hit_ids, commemoration_day__isnull=False)
            .values("commemoration_day")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            counts["day"][days[row["commemoration_day"]]] += row["n"]
    facets = {}
    for name, options in choices.items():
        selected = set(filters.get(name) or [])
        facets[name] = [
            FacetValue(
                value=value, label=label, count=counts[name][value], selected=value in selected
            )
            for value, label in options
            if counts[name][value] or value in selected
        ]
    return facets


def _specific_in_order(ids: list[int]) -> list:
    pages = Page.objects.filter(id__in=ids).specific().select_related("locale")
    by_id = {p.id: p for p in pages}
    return [by_id[i] for i in ids if i in by_id]


def editors_picks(*, request, query: str) -> list:
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


def spelling_suggestions(*, request, query: str, limit: int = 3) -> list[str]:
    """Words from titles this request may see that look like the query's words."""
    vocabulary = set()
    for title in visible_pages(request).values_list("title", flat=True)[:5000]:
        vocabulary.update(word.lower() for word in WORD_RE.findall(title) if len(word) > 3)
    suggestions = []
    for word in query_words(query):
        if fold_word(word) in STOP_WORDS:
            continue
        for match in difflib.get_close_matches(word.lower(), vocabulary, n=limit, cutoff=0.75):
            if match != word.lower() and match not in suggestions:
                suggestions.append(match)
    return suggestions[:limit]


def search_run(*, request, query: str, filters: dict, page_number: int = 1) -> SearchOutcome:
    """Search the pages this request may see. Raises SearchUnavailable when the engine is down."""
    outcome = SearchOutcome(query=query)
    if not query:
        return outcome
    if not analyze(query):
        outcome.only_common_words = True
        return outcome
    # Only ids are needed from the ranked hits; the shown page's objects are loaded below.
    pages = _apply_filters(visible_pages(request), filters).only("id")
    results = pages.search(query, operator="and")
    hits = list(results[:MAX_HITS])
    if not hits and len(analyze(query)) > 1:
        # Nothing has every word: show what has some of them, and say so.
        results = pages.search(query, operator="or")
        hits = list(results[:MAX_HITS])
        outcome.matched_some_words = bool(hits)
    hit_ids = [page.id for page in hits]
    outcome.total = results.count() if len(hits) == MAX_HITS else len(hits)
    outcome.facets = _facet_counts(hit_ids, filters)
    paginator = Paginator(hit_ids, PAGE_SIZE)
    if page_number > max(paginator.num_pages, 1):
        outcome.page_out_of_range = True
        page_number = paginator.num_pages
    page = paginator.get_page(page_number)
    page.object_list = _specific_in_order(list(page.object_list))
    outcome.page = page
    if page.number == 1:
        outcome.picks = editors_picks(request=request, query=query)
    if not hit_ids:
        outcome.suggestions = spelling_suggestions(request=request, query=query)
    return outcome


def autocomplete_titles(*, request, query: str, limit: int = AUTOCOMPLETE_SIZE) -> list[dict]:
    """Titles that start like the query, among pages this request may see."""
    words = query_words(query)[:6]
    if not words:
        return []
    results = visible_pages(request).autocomplete(" ".join(words))
    pages = _specific_in_order([p.id for p in results[:limit]])
    return [
        {
            "title": p.title,
            "url": p.get_url(request=request),
            "type": str(p._meta.verbose_name),
            "lang": p.locale.language_code,
        }
        for p in pages
    ]


def highlight(text: str, query: str, *, max_length: int = 300) -> str:
    """HTML-escaped text with the words matching the query (as the analyzer sees them) marked."""
    text = text or ""
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0] + " …"
    wanted = set(analyze(query))
    if not wanted:
        return escape(text)
    parts, last = [], 0
    for match in WORD_RE.finditer(text):
        if stem_word(match.group(0)) in wanted:
            parts.append(escape(text[last : match.start()]))
            parts.append(f"<mark>{escape(match.group(0))}</mark>")
            last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def result_summary(page) -> str:
    for name in ("summary", "search_description", "intro"):
        value = getattr(page, name, "")
        if value:
            return value
    return ""
