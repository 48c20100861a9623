"""Reads for the training catalogue."""

from django.utils import timezone


def training_packages_under(catalog):
    from training.models import TrainingPackagePage

    return (
        TrainingPackagePage.objects.child_of(catalog)
        .live()
        .public()
        .prefetch_related("audiences")
        .order_by("title")
    )


def materials_for(page):
    return page.materials.select_related("document", "image").order_by("sort_order")


def _upcoming():
    from training.models import TrainingEvent

    return TrainingEvent.objects.filter(end__gte=timezone.now()).select_related(
        "package", "county", "local_branch"
    )


def upcoming_events(*, catalog, limit: int = 20):
    """Upcoming events of the live, public packages in a catalogue (any locale's source)."""
    from training.models import TrainingPackagePage

    keys = TrainingPackagePage.objects.child_of(catalog).live().public().values("translation_key")
    return _upcoming().filter(package__translation_key__in=keys)[:limit]


def upcoming_events_for_package(package):
    return _upcoming().filter(package__translation_key=package.translation_key)
