from django.apps import AppConfig
from django.db.models.signals import post_save
from django.test.signals import setting_changed
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from wagtail.documents import get_document_model

        from search.backends import search_settings_changed
        from search.tasks import document_saved

        setting_changed.connect(search_settings_changed, dispatch_uid="search_settings_changed")
        post_save.connect(
            document_saved, sender=get_document_model(), dispatch_uid="search_document_saved"
        )
