"""PostgreSQL search with the ``norwegian`` text-search configuration.

PostgreSQL stems both written standards with Snowball's Norwegian stemmer. In
front of it, every indexed text and every query goes through the same Nynorsk to
Bokmål folding as the other backends (``search.analysis.fold_text``), so
"skulering" meets "skolering". Autocomplete keeps modelsearch's ``simple``
configuration (no stemming) on folded text.

``add_items`` mirrors modelsearch 1.x's ``PostgresIndex.add_items``; the only change
is the indexer class.
"""

from django.db.models.sql.subqueries import InsertQuery

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from search.analysis import fold_text

SEARCH_CONFIG = "norwegian"


class NorwegianObjectIndexer(ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        return super().as_vector(
            [(fold_text(text), weight) for text, weight in texts],
            for_autocomplete=for_autocomplete,
        )


class NorwegianPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [NorwegianObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        data_params = []
        for indexer in indexers:
            data_params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for field_name, value in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                prepared = compiler.prepare_value(IndexEntry._meta.get_field(field_name), value)
                sql, params = prepared.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                data_params.extend(params)
            data_params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {', '.join(vectors_sql)}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                     title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values as parameters
                data_params,
            )
        self._refresh_title_norms()


def _folded(query):
    if isinstance(query, PlainText):
        return PlainText(fold_text(query.query_string), operator=query.operator)
    return query


class NorwegianPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(_folded(query), config=config, invert=invert)


class NorwegianPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(_folded(query), config=config, invert=invert)


class NorwegianPostgresSearchBackend(PostgresSearchBackend):
    index_class = NorwegianPostgresIndex
    query_compiler_class = NorwegianPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = NorwegianPostgresAutocompleteQueryCompiler

    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)
