from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    """What search engines and feed readers see: Atom feeds, sitemap.xml, robots.txt."""

    name = "resourcebank.syndication"
    label = "syndication"
    verbose_name = _("Feeds and sitemaps")
