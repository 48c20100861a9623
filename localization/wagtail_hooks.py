from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from localization import views
from resourcebank.core.locales import is_written_standard, locale_code_of
from resourcebank.core.viewsets import ReportViewSet


@hooks.register("before_serve_page")
def only_pages_in_their_language(page, request, serve_args, serve_kwargs):
    """Under a language added for the public, only pages translated into it: no page of
    another language shown in its place, no alias. (The written standards keep their
    fallback: an untranslated Nynorsk page shows the Bokmål text with a notice.)"""
    code = (get_language() or "").split("-")[0]
    if is_written_standard(code):
        return None
    if locale_code_of(page) != code or page.alias_of_id:
        raise Http404
    return None


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
            "localize/submit-for-approval/<int:page_id>/",
            views.submit_for_approval,
            name="localization_submit_for_approval",
        ),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            views.edit_override,
            name="localization_edit_override",
        ),
    ]


class MissingNynorskReportViewSet(ReportViewSet):
    """The "Missing Nynorsk" report, and its button that machine translates one row."""

    view_class = views.MissingTranslationsReportView
    menu_order = 750

    def permission(self, user) -> bool:
        return PagePermissionPolicy(Page).user_has_any_permission(
            user, ["add", "change", "publish"]
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            # Checks the permission for the one object itself.
            path(
                "translate/<int:content_type_id>/<str:object_id>/",
                views.translate_one,
                name="translate",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_missing_nynorsk_report():
    return MissingNynorskReportViewSet(
        "missing_nynorsk_report", url_prefix="reports/missing-nynorsk"
    )


def _submit_button(page, user):
    if views.translation_may_be_submitted(page, user):
        yield Button(
            _("Send for approval"),
            reverse("localization_submit_for_approval", args=[page.pk]),
            icon_name="resubmit",
            priority=12,
        )


@hooks.register("register_page_header_buttons")
def translation_submit_header_button(page, user, view_name, next_url=None):
    yield from _submit_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def translation_submit_listing_button(page, user, next_url=None):
    yield from _submit_button(page, user)


@hooks.register("insert_global_admin_js")
def translation_editor_strings():
    """wagtail-localize's translation editor writes two strings in English without
    gettext; the script puts these, in the user's language, in their place."""
    return format_html(
        '<script src="{}" data-heading="{}" data-more-actions="{}" defer></script>',
        static("localization/translation-editor-strings.js"),
        gettext("Translation from {source} into {target}"),
        gettext("More actions"),
    )
