# ruff: noqa: S608 - table and column names come from the models; every value is a parameter
"""SQLite FTS5 search over Apertium lemma keys.

modelsearch's SQLite backend stores each object's title, body and autocomplete text
in ``IndexEntry`` (mirrored into an FTS5 table by triggers). Here the stored title
and body are the analyzed keys of ``search.documents`` (a page's keys include its
other written standard's version), and queries go through the same analysis
(``search.analysis.analyze_query``), so "lokallagsleiar" meets "lokallagsleder".
Autocomplete text is the title's words, lower-cased, matched by prefix.

The search page has its own FTS5 table, ``search_page_fts``: one row per page
(rowid = page id) with its keys, its title's words for autocomplete, and meta
tokens: ``show<lang>`` for the readers' languages this version is the one shown
to, ``lang<lang>`` for its own. Filtering by them is a merge of FTS5's sorted
lists, so one version per page costs nearly nothing; the join to the page table
brings only what must be current (live, tree path for view restrictions, type).
One statement counts the total and every facet; a second ranks the page of hits
with bm25 (title four times the body). Past ``RANK_ALL`` matching versions, the
versions with every word in the title are ranked first, as bm25 costs about 3 µs a
row. modelsearch's own ``search()`` (used by the admin) gets the same analysis
through the query compiler below.
"""

from django.db.models import TextField
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText  # noqa: F401
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.models import Page

from search.analysis import fold_key, words
from search.documents import build_documents
from search.pagesearch import (
    AUTOCOMPLETE_CANDIDATES,
    TITLE_WEIGHT,
    PageQuery,
    PageResult,
    fts5_match,
    mark_analyzed,
    modelsearch_query,
)

from .groups import GroupIndexingMixin
from .sqlpages import (
    LOCALE,
    PAGE,
    RANK_ALL,
    SQLPageSearchMixin,
    _is_specific_page,
    counts_sql,
    meta_tokens,
    page_filters,
    token_code,
)

FTS = SQLiteFTSIndexEntry._meta.db_table
ENTRY = IndexEntry._meta.db_table
PAGE_FTS = "search_page_fts"  # made by search/migrations/0002_sqlite_page_fts.py


class NorwegianSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        documents = build_documents(objs)
        content_type_pk = get_content_type_pk(model)
        data = {
            str(obj.pk): (
                " ".join(documents[obj.pk].all_title_keys),
                documents[obj.pk].autocomplete,
                " ".join(documents[obj.pk].all_body_keys),
            )
            for obj in objs
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
            ],
            batch_size=500,
        )
        self._refresh_title_norms()
        self._write_pages([obj for obj in objs if _is_specific_page(obj)], documents)

    def _write_pages(self, pages, documents) -> None:
        """The search page's rows: keys, autocomplete words and meta tokens, by page id."""
        if not pages or not page_fts_exists(self.write_connection):
            return
        rows = [
            (
                page.pk,
                " ".join(documents[page.pk].all_title_keys),
                " ".join(documents[page.pk].all_body_keys),
                documents[page.pk].autocomplete,
                meta_tokens(documents[page.pk]),
            )
            for page in pages
        ]
        with self.write_connection.cursor() as cursor:
            for start in range(0, len(rows), 500):
                ids = [row[0] for row in rows[start : start + 500]]
                cursor.execute(
                    f"DELETE FROM {PAGE_FTS} WHERE rowid IN ({', '.join(['%s'] * len(ids))})",
                    ids,
                )
            cursor.executemany(
                f"INSERT INTO {PAGE_FTS} (rowid, title, body, auto, meta) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page) and page_fts_exists(self.write_connection):
            with self.write_connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {PAGE_FTS} WHERE rowid = %s", [item.pk])

    def delete_stale_entries(self):
        super().delete_stale_entries()
        if page_fts_exists(self.write_connection):
            with self.write_connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {PAGE_FTS} WHERE rowid NOT IN (SELECT id FROM {PAGE})")

    def reset(self):
        super().reset()
        if page_fts_exists(self.write_connection):
            with self.write_connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {PAGE_FTS}")


_fts_checked: dict = {}


def page_fts_exists(connection) -> bool:
    key = (connection.alias, connection.settings_dict.get("NAME"))
    if not _fts_checked.get(key):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [PAGE_FTS]
            )
            _fts_checked[key] = cursor.fetchone() is not None
    return _fts_checked[key]


class TitleWeightedBM25(BM25):
    """FTS5's bm25() with the title column (the FTS table's third) weighted above the body."""

    def as_sql(self, compiler, connection, function=None, template=None):
        return f"bm25({FTS}, 0.0, 1.0, {TITLE_WEIGHT})", []


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
        if isinstance(query, (Phrase, PlainText, Not, And, Or)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and not getattr(query, "_analyzed", False):
            converted = modelsearch_query(query.query_string, query.operator)
            if converted is None:
                return None
            mark_analyzed(converted)
            query = converted
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
            folded = " ".join(k for k in (fold_key(w) for w in words(query.query_string)) if k)
            query = PlainText(folded, operator=query.operator)
        return super().build_search_query_content(query, config=config)


class NorwegianSQLiteSearchBackend(GroupIndexingMixin, SQLPageSearchMixin, SQLiteSearchBackend):
    index_class = NorwegianSQLiteIndex
    query_compiler_class = NorwegianSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianSQLiteAutocompleteQueryCompiler
    results_class = NorwegianSQLiteSearchResults

    def search_pages(self, query: PageQuery) -> PageResult:
        if not page_fts_exists(self._connection()):
            return super().search_pages(query)
        where, where_params = page_filters(query)
        text = fts5_match(query.expression())
        matched = f"({{title body}} : {text})"
        shown = matched
        if query.one_version_each:
            shown = f'{matched} AND ({{meta}} : "show{token_code(query.reader_lang)}")'
        body = f"FROM {PAGE_FTS} JOIN {PAGE} p ON p.id = {PAGE_FTS}.rowid WHERE {PAGE_FTS} MATCH %s"
        sql, params = counts_sql(
            query,
            body=body,
            where=where,
            where_params=where_params,
            shown=shown,
            matched=matched,
        )
        result = self._read_counts(sql, params)
        if result.total:
            candidates = (
                f"SELECT rowid AS id, bm25({PAGE_FTS}, {TITLE_WEIGHT}, 1.0, 0.0, 0.0) AS score "
                f"FROM {PAGE_FTS} WHERE {PAGE_FTS} MATCH %s"
            )
            wanted = min(query.limit, result.total - query.offset)
            hits = []
            if result.total > RANK_ALL:
                title_tier = shown.replace("{title body}", "{title}", 1)
                hits = self.best_hits(candidates, [title_tier], query, where, where_params)
            if len(hits) < wanted:
                hits = self.best_hits(candidates, [shown], query, where, where_params)
            result.hits = hits
        return result

    def autocomplete_pages(self, query: PageQuery, prefixes: list[str]) -> list[tuple]:
        if not page_fts_exists(self._connection()):
            return super().autocomplete_pages(query, prefixes)
        where, where_params = page_filters(query)
        rest = "".join(f' AND "{p}"*' for p in prefixes[1:])
        sql = (
            f"SELECT p.id, p.translation_key, l.language_code FROM {PAGE_FTS} "
            f"JOIN {PAGE} p ON p.id = {PAGE_FTS}.rowid JOIN {LOCALE} l ON l.id = p.locale_id "
            f"WHERE {PAGE_FTS} MATCH %s AND {where} LIMIT %s"
        )
        wanted = query.limit * AUTOCOMPLETE_CANDIDATES
        # Titles that start with the first word come first; then any title with the words.
        starting = f'{{auto}} : (^"{prefixes[0]}"*{rest})'
        rows = self._fetch(sql, [starting, *where_params, wanted])
        if len(rows) < wanted:
            anywhere = f'{{auto}} : ("{prefixes[0]}"*{rest})'
            seen = {row[0] for row in rows}
            more = self._fetch(sql, [anywhere, *where_params, wanted])
            rows.extend(row for row in more if row[0] not in seen)
        return [(int(pk), str(tk), lang) for pk, tk, lang in rows[:wanted]]

    def matched_sql(self, query: PageQuery, where: str) -> tuple[str, list]:
        match = "{title body} : " + fts5_match(query.expression())
        return (
            f"SELECT p.id AS id, p.translation_key AS tk, p.locale_id AS locale_id, "
            f"p.content_type_id AS ct, bm25({FTS}, 0.0, 1.0, {TITLE_WEIGHT}) AS score "
            f"FROM {FTS} JOIN {ENTRY} ie ON ie.id = {FTS}.rowid "
            f"JOIN {PAGE} p ON p.id = CAST(ie.object_id AS INTEGER) "
            "AND p.content_type_id = ie.content_type_id "
            f"WHERE {FTS} MATCH %s AND {where}",
            [match],
        )

    def autocomplete_sql(self, prefixes: list[str], where: str) -> tuple[str, list]:
        match = "{autocomplete} : (" + " AND ".join(f'"{p}"*' for p in prefixes) + ")"
        return (
            f"SELECT p.id AS id, p.translation_key AS tk, p.locale_id AS locale_id, "
            f"bm25({FTS}, 1.0, 0.0, 0.0) AS score "
            f"FROM {FTS} JOIN {ENTRY} ie ON ie.id = {FTS}.rowid "
            f"JOIN {PAGE} p ON p.id = CAST(ie.object_id AS INTEGER) "
            "AND p.content_type_id = ie.content_type_id "
            f"WHERE {FTS} MATCH %s AND {where}",
            [match],
        )
