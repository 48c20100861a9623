"""Wagtail hooks of the editorial side (imported by resourcebank.wagtail_hooks)."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from resourcebank.editorial import selectors
from resourcebank.editorial.admin_views import EditorialDashboardPanel, ReviewReportView
from resourcebank.editorial.roles import user_is_editor
from resourcebank.viewsets import ReportViewSet


class ReviewReportViewSet(ReportViewSet):
    view_class = ReviewReportView
    name = "review_report"
    url_prefix = "reports/til-gjennomgang"
    menu_label = _("Due for review")
    menu_name = "review-report"
    icon = "date"
    menu_order = 50

    def user_can_view(self, user) -> bool:
        return user_is_editor(user)


@hooks.register("register_admin_viewset")
def register_review_report():
    return ReviewReportViewSet()


@hooks.register("construct_homepage_panels")
def add_editorial_panel(request, panels):
    if user_is_editor(request.user):
        panels.append(EditorialDashboardPanel(request))


@hooks.register("before_edit_page")
def explain_missing_translation(request, page):
    """Tell the editor what keeps a campaign pack from passing "Begge målformer klare"."""
    if request.method != "GET":
        return
    from resourcebank.models import BothStandardsReadyTask

    task = page.current_workflow_task
    if task is None or not isinstance(task.specific, BothStandardsReadyTask):
        return
    for problem in selectors.translation_problems(page):
        messages.warning(request, problem)


def _publish_becomes_submit(request, can_publish: bool) -> None:
    """A user who may not publish and presses "Publish" submits for moderation instead."""
    if request.method == "POST" and request.POST.get("action-publish") and not can_publish:
        data = request.POST.copy()
        data.pop("action-publish")
        data["action-submit"] = "1"
        request.POST = data


@hooks.register("before_edit_page")
def edit_publish_becomes_submit(request, page):
    _publish_becomes_submit(request, page.permissions_for_user(request.user).can_publish())


@hooks.register("before_create_page")
def create_publish_becomes_submit(request, parent_page, page_class):
    _publish_becomes_submit(
        request, parent_page.permissions_for_user(request.user).can_publish_subpage()
    )
