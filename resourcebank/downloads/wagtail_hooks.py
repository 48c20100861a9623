"""Admin hooks for downloads: the "Most downloaded" report and the download view's privacy."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from resourcebank.downloads.reports import MostDownloadedReportView


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
