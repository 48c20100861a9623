from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Retention of personal data (``manage.py retention``) and erasure of one person
    (``manage.py erase_person``)."""

    name = "resourcebank.privacy"
    label = "privacy"
    verbose_name = _("Retention and erasure")
