"""The editors' report "Most downloaded"."""

from wagtail import hooks

from resourcebank.core.viewsets import ReportViewSet
from resourcebank.downloads.reports import MostDownloadedReportView


@hooks.register("register_admin_viewset")
def register_most_downloaded_report():
    return ReportViewSet(
        "most_downloaded_report",
        view_class=MostDownloadedReportView,
        permission="downloads.view_downloadcount",
        menu_order=700,
    )
