"""``manage.py update_index``: Wagtail's rebuild of the search index (modelsearch's
command), then every cached page marked stale, so that cached search results show what
the index holds now. The index may have missed updates while the engine was away
(search/engines/resilience.py, search/tasks.py: deletions, bulk updates, updates the
immediate task backend cannot retry, retries given up); this is how an operator brings
it back in step."""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as RebuildCommand

from resourcebank.core.caching import content_changed


class Command(RebuildCommand):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        content_changed()
