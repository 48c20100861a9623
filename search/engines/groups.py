"""Index a page's other written-standard versions with it: they borrow each other's text."""

from search.documents import translation_group


class GroupIndexingMixin:
    def add(self, obj):
        for item in translation_group(obj):
            super().add(item)

    def delete(self, obj):
        super().delete(obj)
        for item in translation_group(obj):
            if item.pk != obj.pk:
                super().add(item)
