"""Admin hooks for downloads: the "Most downloaded" report and the download view's privacy."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resourcebank.downloads.reports import MostDownloadedReportView
from resourcebank.models import MemberProfile


class MemberProfileViewSet(SnippetViewSet):
    """Which county a member belongs to: the only thing download statistics use about them."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Member counties")
    add_to_settings_menu = True
    list_display = ["user", "county"]
    list_filter = ["county"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    panels = [FieldPanel("user"), FieldPanel("county")]


register_snippet(MemberProfileViewSet)


@hooks.register("register_reports_menu_item")
def register_most_downloaded_menu_item():
    return MenuItem(
        _("Most downloaded"),
        reverse("most_downloaded_report"),
        name="most-downloaded",
        icon_name=MostDownloadedReportView.header_icon,
        order=700,
    )


@hooks.register("register_admin_urls")
def register_most_downloaded_urls():
    return [
        path(
            "reports/most-downloaded/",
            MostDownloadedReportView.as_view(),
            name="most_downloaded_report",
        ),
        path(
            "reports/most-downloaded/results/",
            MostDownloadedReportView.as_view(results_only=True),
            name="most_downloaded_report_results",
        ),
    ]
