"""Wagtail hooks of the editorial side: the review report, the dashboard panel, the
both-standards message and publish-becomes-submit for those who may not publish."""

from django.contrib import messages

from wagtail import hooks

from resourcebank.core.viewsets import ReportViewSet
from resourcebank.editorial import selectors
from resourcebank.editorial.models import BothStandardsReadyTask
from resourcebank.editorial.roles import user_is_editor
from resourcebank.editorial.views import EditorialDashboardPanel, ReviewReportView


@hooks.register("register_admin_viewset")
def register_review_report():
    return ReportViewSet(
        "review_report",
        view_class=ReviewReportView,
        permission=user_is_editor,
        url_prefix="reports/til-gjennomgang",
        menu_order=50,
    )


@hooks.register("construct_homepage_panels")
def add_editorial_panel(request, panels):
    if user_is_editor(request.user):
        panels.append(EditorialDashboardPanel(request))


@hooks.register("before_edit_page")
def explain_missing_translation(request, page):
    """Tell the editor what keeps a campaign pack from passing "Begge målformer klare"."""
    if request.method != "GET":
        return
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
