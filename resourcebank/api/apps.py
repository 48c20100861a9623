from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The read-only API of public content (Wagtail's API v2) for the member app and
    county websites."""

    name = "resourcebank.api"
    label = "api"
    verbose_name = _("API")
