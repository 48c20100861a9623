from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from resourcebank.core.viewsets import ReportViewSet
from training.admin_views import AttendanceReportView, ZetkinImportView, can_import_events
from training.models import TrainingEvent


class TrainingEventIndexView(IndexView):
    """The events listing, with a button to import events from Zetkin."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_import_events(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import from Zetkin"),
                    url=reverse("training_zetkin_import"),
                    icon_name="download",
                )
            )
        return buttons


class TrainingEventViewSet(SnippetViewSet):
    model = TrainingEvent
    icon = "date"
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = TrainingEventIndexView
    list_display = ["package", "start", "organiser_level", "county", "participants", "cancelled"]
    list_filter = ["organiser_level", "cancelled"]
    ordering = ["start"]


register_snippet(TrainingEventViewSet)


@hooks.register("register_admin_urls")
def register_training_admin_urls():
    return [
        path("training/import/", ZetkinImportView.as_view(), name="training_zetkin_import"),
    ]


@hooks.register("register_admin_viewset")
def register_attendance_report():
    return ReportViewSet(
        "training_attendance_report",
        view_class=AttendanceReportView,
        permission="training.change_trainingevent",
        url_prefix="reports/training-attendance",
        menu_order=1000,
    )
