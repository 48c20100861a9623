"""Database search with Norwegian analysis: SQLite (FTS5) or PostgreSQL, by connection.

Chosen like modelsearch's own ``modelsearch.backends.database``: by the vendor of
the default database connection.
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as modelsearch_database_backend


def SearchBackend(params):  # noqa: N802 - modelsearch looks the factory up by this name
    if connection.vendor == "postgresql":
        from .postgres import NorwegianPostgresSearchBackend

        return NorwegianPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        backend = modelsearch_database_backend(params)
        if isinstance(backend, SQLiteSearchBackend):
            from .sqlite import NorwegianSQLiteSearchBackend

            return NorwegianSQLiteSearchBackend(params)
        return backend  # SQLite without FTS5: modelsearch's plain fallback
    return modelsearch_database_backend(params)
