from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """Audiences, topics, commemoration days, counties and local branches."""

    name = "resourcebank.taxonomy"
    label = "taxonomy"
    verbose_name = _("Taxonomy")
