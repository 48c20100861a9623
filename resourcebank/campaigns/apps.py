from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    """Campaign packs: message, materials, posters, events, member activities, the ZIP."""

    name = "resourcebank.campaigns"
    label = "campaigns"
    verbose_name = _("Campaign packs")

    def ready(self):
        from resourcebank.campaigns import signals

        signals.connect()
