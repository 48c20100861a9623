from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DownloadsConfig(AppConfig):
    """Documents served with their privacy, download counts and the "Most downloaded" report."""

    name = "resourcebank.downloads"
    label = "downloads"
    verbose_name = _("Downloads")

    def ready(self):
        from resourcebank.core.signals import downloaded
        from resourcebank.downloads.services import on_downloaded

        downloaded.connect(on_downloaded, dispatch_uid="downloads_count")
