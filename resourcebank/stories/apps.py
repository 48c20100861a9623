from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """Success stories: what a branch did, its result and how; members send them in."""

    name = "resourcebank.stories"
    label = "stories"
    verbose_name = _("Success stories")

    def ready(self):
        from resourcebank.stories import signals

        signals.connect()
