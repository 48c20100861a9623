from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from localization import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        # Same path as wagtail-localize's view, registered first, so this one answers.
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
            name="localization_machine_translate",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.SafeUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "reports/missing-nynorsk/",
            views.MissingTranslationsReportView.as_view(),
            name="localization_missing_translations",
        ),
        path(
            "reports/missing-nynorsk/results/",
            views.MissingTranslationsReportView.as_view(results_only=True),
            name="localization_missing_translations_results",
        ),
        path(
            "reports/missing-nynorsk/translate/<int:content_type_id>/<str:object_id>/",
            views.translate_one,
            name="localization_translate_one",
        ),
    ]


class MissingTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MissingTranslationsMenuItem(
        _("Missing Nynorsk"),
        reverse("localization_missing_translations"),
        name="missing-nynorsk",
        icon_name="globe",
        order=750,
    )
