"""Signal receivers of campaign packs. Each hands over at once."""

from wagtail.signals import page_published

from resourcebank.campaigns import tasks


def _summary_on_publish(sender, instance, **kwargs):
    tasks.pack_summary_prerender_schedule(instance)


def connect() -> None:
    page_published.connect(_summary_on_publish, dispatch_uid="campaigns_summary_prerender")
