"""PostgreSQL search over Apertium lemma keys, with the ``simple`` text-search configuration.

The same analysis as every other backend (``search.analysis``): the index stores
the keys of ``search.documents`` in tsvectors built with ``simple`` (lower-case,
nothing else; PostgreSQL's ``norwegian`` stemmer is not used, so a key is a key
everywhere). The ``body`` vector holds everything a search matches, weighted:
the title's keys ``A``, the other written standard's title ``B``, the bodies
``D``; its GIN index answers the search page's queries. ``title`` and
``autocomplete`` stay as modelsearch uses them.

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

from search.analysis import fold_key, words
from search.documents import build_documents
from search.pagesearch import PageQuery, mark_analyzed, modelsearch_query, tsquery

from .groups import GroupIndexingMixin
from .sqlpages import PAGE, SQLPageSearchMixin

SEARCH_CONFIG = "simple"
ENTRY = IndexEntry._meta.db_table
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

    def matched_sql(self, query: PageQuery, where: str) -> tuple[str, list]:
        text = tsquery(query.expression())
        return (
            "SELECT p.id AS id, p.translation_key AS tk, p.locale_id AS locale_id, "  # noqa: S608
            f"p.content_type_id AS ct, -ts_rank('{RANK_WEIGHTS}', ie.body, q.q, 1) AS score "
            f"FROM {ENTRY} ie CROSS JOIN (SELECT CAST(%s AS tsquery) AS q) q "
            f"JOIN {PAGE} p ON p.id = CAST(ie.object_id AS INTEGER) "
            "AND p.content_type_id = ie.content_type_id "
            f"WHERE ie.body @@ q.q AND {where}",
            [text],
        )

    def autocomplete_sql(self, prefixes: list[str], where: str) -> tuple[str, list]:
        text = " & ".join("'" + p.replace("'", "''") + "':*" for p in prefixes)
        return (
            "SELECT p.id AS id, p.translation_key AS tk, p.locale_id AS locale_id, "  # noqa: S608
            "-ts_rank(ie.autocomplete, q.q) AS score "
            f"FROM {ENTRY} ie CROSS JOIN (SELECT CAST(%s AS tsquery) AS q) q "
            f"JOIN {PAGE} p ON p.id = CAST(ie.object_id AS INTEGER) "
            "AND p.content_type_id = ie.content_type_id "
            f"WHERE ie.autocomplete @@ q.q AND {where}",
            [text],
        )
