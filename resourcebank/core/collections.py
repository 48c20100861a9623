"""Named collections directly under the root collection, made when first needed."""

from wagtail.models import Collection


def collection_ensure(*, name: str) -> Collection:
    """The collection `name` under the root collection, created if missing."""
    root = Collection.get_first_root_node()
    if root is None:  # an emptied database (a flushed test database)
        root = Collection.add_root(name="Root")
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)
