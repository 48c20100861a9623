"""``manage.py update_index``: Wagtail's rebuild of the search index (modelsearch's
command), then every cached page marked stale, so that cached search results show what
the index holds now. The index may have missed updates while the engine was away
(search/engines/resilience.py, search/tasks.py: deletions, bulk updates, updates the
immediate task backend cannot retry, retries given up); this is how an operator brings
it back in step.

Before the rebuild, the text of any document whose file has not been read yet is read
(``search.services.document_texts_backfill``; once per file, so a second run reads
nothing), so documents uploaded before their text was indexed are found by it too."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand

from resourcebank.core.caching import content_changed
from search.services import document_texts_backfill


class Command(RebuildCommand):
    def handle(self, *args, **options):
        read = document_texts_backfill()
        if read and options.get("verbosity", 1) > 0:
            self.stdout.write(f"Read the text of {read} document(s)")
        super().handle(*args, **options)
        content_changed()
