from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Home and info pages, the abstract base pages, shared blocks and helpers."""

    name = "resourcebank.core"
    label = "core"
    verbose_name = _("Resource bank")

    def ready(self):
        from resourcebank.core import caching, files, publishing, searching

        caching.connect()
        publishing.install()
        files.connect()
        files.install()
        searching.connect()
