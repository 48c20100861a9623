"""OpenSearch and Elasticsearch: pre-analyzed keys, split on whitespace, and aggregations.

The engines get the same analysis as the databases by being handed its result:
each document carries ``_keys_title`` and ``_keys_body``, the Apertium keys of
``search.documents`` joined by spaces, indexed with the built-in ``whitespace``
analyzer; queries are analyzed in Python and sent as ``term`` queries on those
fields. Autocomplete gets edge n-grams made in Python (``_edgengrams``). So the
index needs no analysis plugin at all: not ``analysis-common``, which
Elasticsearch's integration-test distribution lacks, nor any language analyzer.

For the search page, a document also carries its page's language, audiences,
topics, commemoration day and ``_show_for`` (see ``search.documents``); one
request returns the page of hits, the exact total (the count of the aggregation over
the shown versions) and every facet (terms aggregations on a single shard, so exact).
"""

from django.contrib.contenttypes.models import ContentType

from modelsearch.index import AutocompleteField, class_is_indexed
from wagtail.models import Page

from search.analysis import analyze_query, fold_key, words
from search.documents import build_documents
from search.pagesearch import (
    AUTOCOMPLETE_CANDIDATES,
    TITLE_WEIGHT,
    PageQuery,
    PageResult,
    engine_query,
)

from .groups import GroupIndexingMixin
from .resilience import ResilientBackendMixin, ResilientResultsMixin

KEYS_TITLE = "_keys_title"
KEYS_BODY = "_keys_body"
EDGE_MAX = 15  # longest prefix indexed for autocomplete
FACET_FIELDS = {"audience": "_audience", "topic": "_topic", "day": "_day"}
WHITESPACE = {"type": "text", "analyzer": "whitespace"}
KEYWORD = {"type": "keyword"}

INDEX_SETTINGS = {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}}


def edge_ngrams(text: str) -> str:
    """Every prefix (up to EDGE_MAX letters) of every word of a folded text."""
    grams = []
    for word in text.split():
        grams.extend(word[:length] for length in range(1, min(len(word), EDGE_MAX) + 1))
    return " ".join(dict.fromkeys(grams))


def autocomplete_prefixes(text: str) -> list[str]:
    return [key[:EDGE_MAX] for key in (fold_key(w) for w in words(text)) if key]


class KeysMappingMixin:
    """A mapping with the pre-analyzed fields, and autocomplete fields made in Python."""

    edgengram_analyzer_config = {"analyzer": "whitespace"}

    def get_mapping(self):
        mapping = super().get_mapping()
        mapping["properties"].update(
            {
                KEYS_TITLE: WHITESPACE,
                KEYS_BODY: WHITESPACE,
                "_lang": KEYWORD,
                "_show_for": KEYWORD,
                **{name: KEYWORD for name in FACET_FIELDS.values()},
            }
        )
        return mapping

    def get_keys_document(self, obj, document) -> dict:
        doc = self.get_document(obj)
        for field in self.model.get_search_fields():
            if isinstance(field, AutocompleteField):
                name = self.get_field_column_name(field)
                doc[name] = edge_ngrams(fold_key_text(doc.get(name)))
        doc["_edgengrams"] = edge_ngrams(document.autocomplete)
        doc[KEYS_TITLE] = " ".join(document.all_title_keys)
        doc[KEYS_BODY] = " ".join(document.all_body_keys)
        if isinstance(obj, Page):
            doc["_lang"] = document.lang
            doc["_show_for"] = document.show_for
            doc["_audience"] = document.audience
            doc["_topic"] = document.topic
            doc["_day"] = document.day
        return doc


def fold_key_text(value) -> str:
    if value is None:
        return ""
    return " ".join(k for k in (fold_key(w) for w in words(str(value))) if k)


class KeysIndexMixin:
    def add_item(self, item):
        if class_is_indexed(item.__class__):
            self.add_items(item.__class__, [item])

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        mapping = self.mapping_class(model)
        documents = build_documents(items)
        actions = []
        for item in items:
            action = {"_id": mapping.get_document_id(item)}
            action.update(mapping.get_keys_document(item, documents[item.pk]))
            actions.append(action)
        self.backend.bulk(self.es, actions, index=self.name)


class KeysQueryCompilerMixin:
    """modelsearch's own search() (the admin's) with the same analysis."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        if self.fields:
            return super()._compile_plaintext_query(query, fields, boost)
        query_words = analyze_query(query.query_string)
        if not query_words:
            return {"bool": {"must_not": {"match_all": {}}}}
        parts = [
            engine_query(w.expression, KEYS_TITLE, KEYS_BODY, TITLE_WEIGHT) for w in query_words
        ]
        occur = "must" if query.operator == "and" else "should"
        compiled = {"bool": {occur: parts}}
        if boost != 1.0:
            compiled["bool"]["boost"] = boost
        return compiled


class KeysAutocompleteCompilerMixin:
    def _compile_plaintext_query(self, query, fields, boost=1.0):
        prefixes = autocomplete_prefixes(query.query_string)
        field_names = [f.field_name for f in fields]
        return {
            "bool": {
                "must": [
                    {"multi_match": {"query": p, "fields": field_names, "operator": "and"}}
                    for p in prefixes
                ]
                or [{"match_none": {}}]
            }
        }


class EnginePageSearchMixin:
    """``search_pages`` and ``autocomplete_pages`` for OpenSearch and Elasticsearch."""

    def _page_index(self) -> str:
        return self.get_index_for_model(Page).name

    def _filters(self, query: PageQuery, *, with_facet_filters=True) -> list:
        filters = [
            {"term": {"live_filter": True}},
            {"terms": {"content_type_id_filter": query.content_type_ids or [-1]}},
        ]
        if query.hidden_paths:
            filters.append(
                {"bool": {"must_not": [{"prefix": {"path_filter": p}} for p in query.hidden_paths]}}
            )
        if with_facet_filters:
            if query.langs:
                filters.append({"terms": {"_lang": query.langs}})
            for name, field in FACET_FIELDS.items():
                values = getattr(query, name)
                if values:
                    filters.append({"terms": {field: values}})
        return filters

    def _engine_search(self, body: dict, **params) -> dict:
        """One search request (the resilience mixin wraps it)."""
        return self.es.search(index=self._page_index(), body=body, **params)

    def search_pages(self, query: PageQuery) -> PageResult:
        must = engine_query(query.expression(), KEYS_TITLE, KEYS_BODY, TITLE_WEIGHT)
        body = {
            "query": {"bool": {"must": must, "filter": self._filters(query)}},
            "from": query.offset,
            "size": query.limit,
            "_source": False,
            "track_total_hits": True,
            "sort": ["_score", {"pk": "asc"}],
        }
        shown = {"term": {"_show_for": query.reader_lang}}
        if query.one_version_each:
            body["post_filter"] = shown
        if query.facets:
            shown_aggs = {
                "type": {"terms": {"field": "content_type_id_filter", "size": 100}},
                **{
                    name: {"terms": {"field": field, "size": 500}}
                    for name, field in FACET_FIELDS.items()
                },
            }
            body["aggs"] = {
                "shown": {
                    "filter": shown if query.one_version_each else {"match_all": {}},
                    "aggs": shown_aggs,
                },
                "lang": {"terms": {"field": "_lang", "size": 20}},
            }
            # The "shown" aggregation counts the results exactly; the hits need not be
            # counted a second time, so the engine may skip non-competitive ones.
            body["track_total_hits"] = False
        response = self._engine_search(body)
        result = PageResult(
            total=(
                response["aggregations"]["shown"]["doc_count"]
                if query.facets
                else response["hits"]["total"]["value"]
            ),
            hits=[
                (int(hit["_id"]), float(hit["_score"] or 0.0)) for hit in response["hits"]["hits"]
            ],
        )
        if query.facets:
            aggs = response["aggregations"]
            facets = {"lang": {b["key"]: b["doc_count"] for b in aggs["lang"]["buckets"]}}
            types = {}
            for bucket in aggs["shown"]["type"]["buckets"]:
                model = ContentType.objects.get_for_id(int(bucket["key"])).model_class()
                types[model._meta.model_name] = bucket["doc_count"]
            facets["type"] = types
            for name in FACET_FIELDS:
                facets[name] = {b["key"]: b["doc_count"] for b in aggs["shown"][name]["buckets"]}
            result.facets = facets
        return result

    def autocomplete_pages(self, query: PageQuery, prefixes: list[str]) -> list[tuple]:
        body = {
            "query": {
                "bool": {
                    "must": [{"term": {"_edgengrams": p}} for p in prefixes],
                    "filter": self._filters(query, with_facet_filters=False),
                }
            },
            "size": query.limit * AUTOCOMPLETE_CANDIDATES,
            "_source": ["translation_key_filter", "_lang"],
            "track_total_hits": False,  # nobody reads the count: the engine may stop early
            "sort": ["_score", {"pk": "asc"}],
        }
        response = self._engine_search(body)
        return [
            (
                int(hit["_id"]),
                str(hit["_source"].get("translation_key_filter")),
                hit["_source"].get("_lang", ""),
            )
            for hit in response["hits"]["hits"]
        ]


class EngineBackendMixin(GroupIndexingMixin, EnginePageSearchMixin, ResilientBackendMixin):
    """What our OpenSearch and Elasticsearch backends add to modelsearch's.

    A backend's own subclass says how its client sends a search (``_engine_search``)
    and which errors mean the engine is away (``is_unavailable_error``).
    """

    def __init__(self, params):
        super().__init__(params)
        self.settings = INDEX_SETTINGS  # no analyzers of modelsearch's: they need plugins


def engine_backend(
    prefix: str,
    module: str,
    engine: type,
    backend: type,
    *,
    mapping: type,
    index: type,
    query_compiler: type,
    autocomplete_compiler: type,
    results: type,
) -> type:
    """modelsearch's ``backend`` with our analysis, page search and outage guard.

    Its mapping, index, query compilers and results are subclassed with the mixins
    above (``Keys*Mixin``, ``ResilientResultsMixin``) and the backend with ``engine``
    (an ``EngineBackendMixin``); each class is named ``prefix`` and its part
    (``OpenSearch3Mapping`` ... ``OpenSearch3Backend``) and belongs to ``module``.
    """

    def subclass(part: str, *bases: type, **attrs) -> type:
        name = prefix + part
        return type(name, bases, {"__module__": module, "__qualname__": name, **attrs})

    mapping_class = subclass("Mapping", KeysMappingMixin, mapping)
    return subclass(
        "Backend",
        engine,
        backend,
        mapping_class=mapping_class,
        index_class=subclass("Index", KeysIndexMixin, index),
        query_compiler_class=subclass(
            "QueryCompiler", KeysQueryCompilerMixin, query_compiler, mapping_class=mapping_class
        ),
        autocomplete_query_compiler_class=subclass(
            "AutocompleteCompiler",
            KeysAutocompleteCompilerMixin,
            autocomplete_compiler,
            mapping_class=mapping_class,
        ),
        results_class=subclass("Results", ResilientResultsMixin, results),
    )
