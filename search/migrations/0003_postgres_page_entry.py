"""PostgreSQL only: the search page's own table, one row per page, with GIN indexes."""

from django.db import migrations

TABLE = "search_page_entry"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (page_id integer PRIMARY KEY, "
        "keys tsvector NOT NULL, title tsvector NOT NULL, auto tsvector NOT NULL)"
    )
    for column in ("keys", "title", "auto"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TABLE}_{column} ON {TABLE} USING gin ({column})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_sqlite_page_fts")]

    operations = [migrations.RunPython(create, drop)]
