"""SQLite FTS5 search that indexes and queries Snowball-stemmed Norwegian terms.

modelsearch's SQLite backend stores each object's title, body and autocomplete text
in ``IndexEntry`` (mirrored into an FTS5 table by triggers) and matches the raw
words of the query. Here the stored title and body are the analyzed terms of
``search.analysis.analyze`` and the query words go through the same analyzer, so
"lokallaga" meets "lokallagene" and "skulering" meets "skolering". Autocomplete
text is folded and lower-cased but not stemmed, so a prefix typed so far still
matches.

``add_items`` mirrors modelsearch 1.x's ``SQLiteIndex.add_items``; the only change is
the indexer class.
"""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property

from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import analyze, fold_text


class NorwegianObjectIndexer(ObjectIndexer):
    @cached_property
    def title(self):
        return " ".join(analyze(ObjectIndexer.title.func(self)))

    @cached_property
    def body(self):
        return " ".join(analyze(ObjectIndexer.body.func(self)))

    @cached_property
    def autocomplete(self):
        return fold_text(ObjectIndexer.autocomplete.func(self)).lower()


class NorwegianSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [NorwegianObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class TitleWeightedBM25(BM25):
    """FTS5's bm25() with the title column (the FTS table's third) weighted above the body."""

    TITLE_WEIGHT = 4.0

    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {self.TITLE_WEIGHT})", []


class RankedInOnePassMixin:
    """Rank with one FTS5 pass instead of modelsearch's per-row score subquery.

    modelsearch filters the queryset by the matching ids and then annotates every
    row with a correlated subquery that runs the FTS MATCH again, which grows with
    the square of the matches. Here the FTS table is queried once, restricted to
    the queryset's ids by a semi-join, ordered by bm25 and sliced; the objects are
    then fetched by primary key. Negated and match-all queries, and explicit
    orderings, keep modelsearch's path.
    """

    def ranked_entries(self, config):
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(query, config=config)
        if search_query is None:
            return None
        model = self.queryset.model
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        return (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=allowed.values("_object_id"),
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")
        )


class NorwegianSQLiteSearchQueryCompiler(RankedInOnePassMixin, SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = analyze(query.query_string)
            if not terms:
                return None
            query = PlainText(" ".join(terms), operator=query.operator)
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteSearchResults(SQLiteSearchResults):
    def _ranked(self):
        return self.query_compiler.ranked_entries(self.query_compiler.get_config(self.backend))

    def _do_search(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        rows = list(ranked[self.start : self.stop])
        pk_field = self.query_compiler.queryset.model._meta.pk
        keys = [(pk_field.to_python(object_id), score) for object_id, score in rows]
        objects = self.query_compiler.queryset.in_bulk([pk for pk, _score in keys])
        results = []
        for pk, score in keys:
            obj = objects.get(pk)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        ranked = self._ranked()
        if ranked is None:
            return super()._do_count()
        return ranked.count()


class NorwegianSQLiteAutocompleteQueryCompiler(
    RankedInOnePassMixin, SQLiteAutocompleteQueryCompiler
):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(fold_text(query.query_string).lower(), operator=query.operator)
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = NorwegianSQLiteIndex
    query_compiler_class = NorwegianSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianSQLiteAutocompleteQueryCompiler
    results_class = NorwegianSQLiteSearchResults
