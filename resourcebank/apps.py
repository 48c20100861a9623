from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourceBankConfig(AppConfig):
    name = "resourcebank"
    verbose_name = _("Resource bank")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished, post_page_move

        from resourcebank.editorial import signals as editorial_signals
        from resourcebank.navigation import invalidate_navigation

        post_save.connect(invalidate_navigation, dispatch_uid="navigation_post_save")
        post_delete.connect(invalidate_navigation, dispatch_uid="navigation_post_delete")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_navigation, dispatch_uid=f"navigation_{id(signal)}")
        editorial_signals.connect()
