from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = _("Written standards")

    def ready(self):
        from localization import (
            checks,  # noqa: F401 - registers the system check
            signals,
        )

        signals.connect()
