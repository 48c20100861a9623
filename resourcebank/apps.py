from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourceBankConfig(AppConfig):
    name = "resourcebank"
    verbose_name = _("Resource bank")

    def ready(self):
        from resourcebank.editorial import signals as editorial_signals

        editorial_signals.connect()
