from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Members log in on the site itself; their profile keeps only their county."""

    name = "resourcebank.accounts"
    label = "accounts"
    verbose_name = _("Member login")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from resourcebank.accounts import second_factor

        user_logged_in.connect(second_factor.on_login, dispatch_uid="accounts_staff_session")
