"""SQLite only: the search page's own FTS5 table, one row per page (rowid = page id)."""

from django.db import migrations

TABLE = "search_page_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from modelsearch.backends.database.sqlite.utils import fts5_available

    if fts5_available():
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(title, body, auto, meta)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_vocabulary")]

    operations = [migrations.RunPython(create, drop)]
