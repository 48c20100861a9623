"""Signal receivers of localisation. Each hands over at once."""

from wagtail.signals import page_published

from localization import tasks


def _pretranslate_on_publish(sender, instance, **kwargs):
    tasks.page_pretranslate_schedule(instance)


def connect() -> None:
    page_published.connect(_pretranslate_on_publish, dispatch_uid="localization_pretranslate")
