from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Members log in on the site itself; their profile keeps only their county. Whoever
    logs in may subscribe to mail about new campaign packs."""

    name = "resourcebank.accounts"
    label = "accounts"
    verbose_name = _("Member login")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from wagtail.signals import page_published

        from resourcebank.accounts import receivers, second_factor
        from resourcebank.campaigns.models import CampaignPackPage

        user_logged_in.connect(second_factor.on_login, dispatch_uid="accounts_staff_session")
        page_published.connect(
            receivers.pack_published,
            sender=CampaignPackPage,
            dispatch_uid="accounts_pack_published",
        )
