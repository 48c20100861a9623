from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Members log in on the site itself; their profile keeps only their county."""

    name = "resourcebank.accounts"
    label = "accounts"
    verbose_name = _("Member login")
