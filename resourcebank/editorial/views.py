"""Admin views of the editorial side: the review report, the approvals and new story
submissions reports, and the editor's dashboard panel (each of its counts links to one)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from resourcebank.editorial import selectors
from resourcebank.editorial.models import EditorialSettings


class ReviewReportView(ReportView):
    """Til gjennomgang: resources overdue for review, and those due soon, by section."""

    page_title = _("Due for review")
    header_icon = "date"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "editorial/review_report_results.html"
    paginate_by = None
    list_export = ["title", "review_by", "section_title"]
    export_headings = {
        "title": _("Title"),
        "review_by": _("Review by"),
        "section_title": _("Section"),
    }

    def get_filename(self):
        return f"til-gjennomgang-{timezone.localdate().isoformat()}"

    def overdue_only(self) -> bool:
        """``?status=overdue``: only the overdue pages (the dashboard panel's count)."""
        return self.request.GET.get("status") == "overdue"

    def get_queryset(self):
        self.sections = selectors.review_report_rows()
        if self.overdue_only():
            self.sections = {
                section: overdue
                for section, pages in self.sections.items()
                if (overdue := [page for page in pages if page.is_overdue])
            }
        pages = []
        for section, section_pages in self.sections.items():
            for page in section_pages:
                page.section_title = section.title if section else ""
                pages.append(page)
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = [
            {"section": section, "pages": pages} for section, pages in self.sections.items()
        ]
        context["today"] = timezone.localdate()
        context["soon_days"] = EditorialSettings.load().review_soon_days
        context["days_without_pack"] = _with_weeks_away(
            selectors.commemoration_days_without_pack(today=context["today"]), context["today"]
        )
        context["overdue_only"] = self.overdue_only()
        return context


class ApprovalsReportView(ReportView):
    """Awaiting your approval: the workflow tasks this user may approve or reject."""

    page_title = _("Awaiting your approval")
    header_icon = "tasks"
    results_template_name = "editorial/approvals_report_results.html"
    paginate_by = None

    def get_queryset(self):
        return (
            selectors.approvals_waiting_for(self.request.user)
            .select_related("task", "workflow_state__requested_by")
            .order_by("started_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        finder = AdminURLFinder(self.request.user)
        for task_state in context["object_list"]:
            item = task_state.workflow_state.content_object
            task_state.item = item
            task_state.edit_url = finder.get_edit_url(item) if item is not None else None
        return context


class StorySubmissionsReportView(ReportView):
    """New success story submissions: stories sent in and never yet published."""

    page_title = _("New success story submissions")
    header_icon = "doc-full"
    results_template_name = "editorial/story_submissions_report_results.html"
    paginate_by = None

    def get_queryset(self):
        return selectors.new_story_submissions().order_by("latest_revision_created_at", "pk")


class EditorialDashboardPanel(Component):
    """The editor's panel on the admin dashboard: what needs doing now."""

    name = "editorial_overview"
    template_name = "editorial/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["counts"] = selectors.editor_dashboard_counts(user=self.request.user)
        today = timezone.localdate()
        context["days_without_pack"] = _with_weeks_away(
            selectors.commemoration_days_without_pack(today=today), today
        )
        return context


def _with_weeks_away(coming_days, today) -> list[dict]:
    """Rows for the templates: the day, its date, and how many whole weeks and days away."""
    rows = []
    for item in coming_days:
        days_away = item.days_away(today)
        rows.append(
            {"day": item.day, "date": item.date, "weeks": days_away // 7, "days": days_away}
        )
    return rows
