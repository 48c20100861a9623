"""Admin hooks for downloads: the "Most downloaded" report and the download view's privacy."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resourcebank.downloads.reports import MostDownloadedReportView
from resourcebank.editorial.roles import user_is_editor
from resourcebank.models import MemberProfile
from resourcebank.viewsets import ReportViewSet


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


class MostDownloadedReportViewSet(ReportViewSet):
    view_class = MostDownloadedReportView
    name = "most_downloaded_report"
    url_prefix = "reports/most-downloaded"
    menu_label = _("Most downloaded")
    menu_name = "most-downloaded"
    icon = MostDownloadedReportView.header_icon
    menu_order = 700

    def user_can_view(self, user) -> bool:
        return user_is_editor(user)


@hooks.register("register_admin_viewset")
def register_most_downloaded_report():
    return MostDownloadedReportViewSet()
