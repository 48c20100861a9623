"""Signal receivers of handbooks. Each hands over at once."""

from wagtail.signals import page_published

from handbooks import tasks


def _pdf_on_publish(sender, instance, **kwargs):
    tasks.handbook_pdf_prerender_schedule(instance)


def connect() -> None:
    page_published.connect(_pdf_on_publish, dispatch_uid="handbooks_pdf_prerender")
