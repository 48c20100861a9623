# ruff: noqa: S608 - table and column names come from the models; every value is a parameter
"""PostgreSQL search over Apertium lemma keys, with the ``simple`` text-search configuration.

The same analysis as every other backend (``search.analysis``): the index stores
the keys of ``search.documents`` in tsvectors built with ``simple`` (lower-case,
nothing else; PostgreSQL's ``norwegian`` stemmer is not used, so a key is a key
everywhere). modelsearch's ``IndexEntry`` keeps serving modelsearch's own
``search()`` (the admin's).

The search page has its own table, ``search_page_entry`` (one row per page, GIN
indexes): ``keys`` holds everything a search matches, weighted (the title ``A``,
the other written standard's title ``B``, the bodies ``D``) plus the meta tokens
``show<lang>`` and ``lang<lang>``, so one version per page and the language counts
are part of the index lookup; ``title`` serves the title tier of ranking, ``auto``
autocomplete. One statement counts the total and every facet; a second ranks the
page of hits with ``ts_rank`` (title four times the body). Past ``RANK_ALL``
matching versions, the versions with every word in the title are ranked first.

``add_items`` writes rows with one INSERT ... ON CONFLICT per batch.
"""

from django.db import connections, router

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page

from search.analysis import fold_key, words
from search.documents import build_documents
from search.pagesearch import (
    AUTOCOMPLETE_CANDIDATES,
    PageQuery,
    PageResult,
    mark_analyzed,
    modelsearch_query,
    tsquery,
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

SEARCH_CONFIG = "simple"
ENTRY = IndexEntry._meta.db_table
PAGE_ENTRY = "search_page_entry"  # made by search/migrations/0003_postgres_page_entry.py
# ts_rank weights for D, C, B, A: the title (A) counts four times the body (D).
RANK_WEIGHTS = "{0.25, 0.25, 0.5, 1.0}"
BATCH = 500


class NorwegianPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        objs = list(objs)
        if not objs:
            return
        documents = build_documents(objs)
        content_type_pk = get_content_type_pk(model)
        vector = f"to_tsvector('{SEARCH_CONFIG}', %s)"
        row = (
            f"(%s, %s, setweight({vector}, 'A'), {vector}, "
            f"setweight({vector}, 'A') || setweight({vector}, 'B') || setweight({vector}, 'D'), "
            "1.0, %s, %s)"
        )
        with self.write_connection.cursor() as cursor:
            for start in range(0, len(objs), BATCH):
                rows, params = [], []
                for obj in objs[start : start + BATCH]:
                    doc = documents[obj.pk]
                    title = " ".join(doc.title_keys)
                    rows.append(row)
                    params.extend(
                        [
                            content_type_pk,
                            str(obj.pk),
                            " ".join(doc.all_title_keys),
                            doc.autocomplete,
                            title,
                            " ".join(doc.other_title_keys),
                            " ".join(doc.all_body_keys),
                            doc.title,
                            doc.body,
                        ]
                    )
                cursor.execute(
                    f"""
                    INSERT INTO {ENTRY} (content_type_id, object_id, title, autocomplete, body,
                                         title_norm, title_text, body_text)
                    VALUES {", ".join(rows)}
                    ON CONFLICT (content_type_id, object_id)
                    DO UPDATE SET title = EXCLUDED.title,
                                  title_norm = 1.0,
                                  autocomplete = EXCLUDED.autocomplete,
                                  body = EXCLUDED.body,
                                  title_text = EXCLUDED.title_text,
                                  body_text = EXCLUDED.body_text
                    """,  # noqa: S608 - table name from the model, values as parameters
                    params,
                )
        self._refresh_title_norms()
        self._write_pages([obj for obj in objs if _is_specific_page(obj)], documents)

    def _write_pages(self, pages, documents) -> None:
        """The search page's rows: weighted keys with meta tokens, title keys, title words."""
        if not pages:
            return
        vector = f"to_tsvector('{SEARCH_CONFIG}', %s)"
        row = (
            f"(%s, setweight({vector}, 'A') || setweight({vector}, 'B') || "
            f"setweight({vector}, 'D') || {vector}, {vector}, {vector})"
        )
        with self.write_connection.cursor() as cursor:
            for start in range(0, len(pages), BATCH):
                rows, params = [], []
                for page in pages[start : start + BATCH]:
                    doc = documents[page.pk]
                    rows.append(row)
                    params.extend(
                        [
                            page.pk,
                            " ".join(doc.title_keys),
                            " ".join(doc.other_title_keys),
                            " ".join(doc.all_body_keys),
                            meta_tokens(doc),
                            " ".join(doc.all_title_keys),
                            doc.autocomplete,
                        ]
                    )
                cursor.execute(
                    f"INSERT INTO {PAGE_ENTRY} (page_id, keys, title, auto) "
                    f"VALUES {', '.join(rows)} ON CONFLICT (page_id) DO UPDATE SET "
                    "keys = EXCLUDED.keys, title = EXCLUDED.title, auto = EXCLUDED.auto",
                    params,
                )

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            with self.write_connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {PAGE_ENTRY} WHERE page_id = %s", [item.pk])

    def delete_stale_entries(self):
        super().delete_stale_entries()
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {PAGE_ENTRY} e WHERE NOT EXISTS "
                f"(SELECT 1 FROM {PAGE} p WHERE p.id = e.page_id)"
            )

    def reset(self):
        super().reset()
        with self.write_connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {PAGE_ENTRY}")


class NorwegianPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not getattr(query, "_analyzed", False):
            converted = modelsearch_query(query.query_string, query.operator)
            if converted is None:
                converted = PlainText("")
            mark_analyzed(converted)
            query = converted
        return super().build_tsquery_content(query, config=config, invert=invert)


class NorwegianPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            folded = " ".join(k for k in (fold_key(w) for w in words(query.query_string)) if k)
            query = PlainText(folded, operator=query.operator)
        return super().build_tsquery_content(query, config=config, invert=invert)


class NorwegianPostgresSearchBackend(GroupIndexingMixin, SQLPageSearchMixin, PostgresSearchBackend):
    index_class = NorwegianPostgresIndex
    query_compiler_class = NorwegianPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        params = {**params, "SEARCH_CONFIG": SEARCH_CONFIG}
        super().__init__(params)

    def _connection(self):
        return connections[router.db_for_read(IndexEntry)]

    def search_pages(self, query: PageQuery) -> PageResult:
        where, where_params = page_filters(query)
        text = tsquery(query.expression())
        shown = text
        if query.one_version_each:
            shown = f"{text} & 'show{token_code(query.reader_lang)}'"
        body = (
            f"FROM {PAGE_ENTRY} e JOIN {PAGE} p ON p.id = e.page_id "
            "WHERE e.keys @@ CAST(%s AS tsquery)"
        )
        sql, params = counts_sql(
            query,
            body=body,
            where=where,
            where_params=where_params,
            shown=shown,
            matched=text,
            shown_flag=(
                ("e.keys @@ CAST(%s AS tsquery)", [f"'show{token_code(query.reader_lang)}'"])
                if query.one_version_each
                else ("TRUE", [])
            ),
        )
        result = self._read_counts(sql, params)
        if result.total:
            candidates = (
                f"SELECT e.page_id AS id, -ts_rank('{RANK_WEIGHTS}', e.keys, "
                f"CAST(%s AS tsquery), 1) AS score FROM {PAGE_ENTRY} e "
                "WHERE e.keys @@ CAST(%s AS tsquery)"
            )
            wanted = min(query.limit, result.total - query.offset)
            hits = []
            if result.total > RANK_ALL:
                hits = self.best_hits(
                    f"{candidates} AND e.title @@ CAST(%s AS tsquery)",
                    [text, shown, text],
                    query,
                    where,
                    where_params,
                )
            if len(hits) < wanted:
                hits = self.best_hits(candidates, [text, shown], query, where, where_params)
            result.hits = hits
        return result

    def autocomplete_pages(self, query: PageQuery, prefixes: list[str]) -> list[tuple]:
        where, where_params = page_filters(query)
        text = " & ".join("'" + p.replace("'", "''") + "':*" for p in prefixes)
        sql = (
            f"SELECT p.id, p.translation_key, l.language_code FROM {PAGE_ENTRY} e "
            f"JOIN {PAGE} p ON p.id = e.page_id JOIN {LOCALE} l ON l.id = p.locale_id "
            f"WHERE e.auto @@ CAST(%s AS tsquery) AND {where} LIMIT %s"
        )
        rows = self._fetch(sql, [text, *where_params, query.limit * AUTOCOMPLETE_CANDIDATES])
        return [(int(pk), str(tk), lang) for pk, tk, lang in rows]
