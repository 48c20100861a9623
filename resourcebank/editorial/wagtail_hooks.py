"""Wagtail hooks of the editorial side: the review report, the dashboard panel, the
both-standards message and publish-becomes-submit for those who may not publish.

The both-standards rule itself is enforced by the publish gate
(``resourcebank.core.publishing``) on every path; the hooks here only say, in the
editor's language, what is missing before Wagtail would refuse.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request

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


def _refuse_with_messages(request, page, problems):
    for problem in problems:
        messages.error(request, problem)
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_publish_page")
def campaign_pack_needs_both_standards(request, page):
    """Publish (now or scheduled) of a pack that is not ready in both standards: the draft
    is saved, nothing goes live, and the editor is told what is missing."""
    problems = selectors.both_standards_problems(page)
    if problems:
        messages.warning(request, _("The page was saved as a draft."))
        return _refuse_with_messages(request, page, problems)
    return None


@hooks.register("before_bulk_action")
def bulk_publish_needs_both_standards(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for page in objects:
        revision = page.get_latest_revision()
        page = revision.as_object() if revision is not None else page.specific
        problems = selectors.both_standards_problems(page)
        if problems:
            for problem in [f"{page.title}:", *problems]:
                messages.error(request, problem)
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_explore_root")
            )
    return None
