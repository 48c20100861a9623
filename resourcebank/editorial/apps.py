from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Roles, the publishing workflow, review dates, the editor's dashboard, privacy sync."""

    name = "resourcebank.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from resourcebank.editorial import signals

        signals.connect()
