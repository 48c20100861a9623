"""Writes for the editorial side: the workflow, review dates, privacy of translations."""

import calendar
import contextvars
import datetime
import logging

from django.db import transaction
from django.utils import timezone

from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from resourcebank.core.models import ResourcePage
from resourcebank.editorial import models, roles

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Redaksjonell godkjenning"
APPROVAL_TASK_NAME = "Redaktørgodkjenning"
BOTH_STANDARDS_TASK_NAME = "Begge målformer klare"
# The workflow (and its task) that Wagtail's own migrations create.
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"


@transaction.atomic
def editorial_workflow_ensure() -> Workflow:
    """The workflow "Redaksjonell godkjenning" on the whole page tree (every locale).

    Step 1: the editors approve (Wagtail's group approval task). Step 2: for
    campaign packs, both written standards must be ready (skipped for other pages).
    Wagtail's default workflow and groups are retired afterwards (this runs after
    every migrate), so editors see only the roles and this workflow.
    """
    editors = roles.role_group(roles.EDITORS)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])

    approval = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if approval is None:
        approval = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    approval.groups.add(editors)
    both = models.BothStandardsReadyTask.objects.filter(name=BOTH_STANDARDS_TASK_NAME).first()
    if both is None:
        both = models.BothStandardsReadyTask.objects.create(name=BOTH_STANDARDS_TASK_NAME)
    both.groups.add(editors)

    for order, task in enumerate((approval, both)):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )

    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    wagtail_default_workflow_retire(replacement=workflow)
    roles.wagtail_default_groups_retire()
    return workflow


def wagtail_default_workflow_retire(*, replacement: Workflow) -> Workflow | None:
    """Deactivate Wagtail's default workflow "Moderators approval" and its task.

    ``Workflow.deactivate`` cancels the requests waiting in it and detaches it from
    its pages; each page that was waiting is submitted again, by the same person,
    to `replacement` when that is the page's workflow now, so no request is lost.
    Returns the workflow deactivated, or None when there was none to deactivate.
    """
    default = (
        Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW_NAME, active=True)
        .exclude(pk=replacement.pk)
        .first()
    )
    if default is None:
        return None
    waiting = [
        (state.content_object, state.requested_by)
        for state in WorkflowState.objects.filter(
            workflow=default, status=WorkflowState.STATUS_IN_PROGRESS
        )
    ]
    tasks = list(default.tasks.filter(active=True))
    default.deactivate()
    for task in tasks:
        if not Workflow.objects.filter(active=True, workflow_tasks__task=task).exists():
            task.specific.deactivate()
    moved = 0
    for obj, user in waiting:
        if obj is None or obj.get_workflow() != replacement or obj.workflow_in_progress:
            continue
        replacement.start(obj, user)
        moved += 1
    logger.info(
        "Deactivated Wagtail's default workflow %r; %d of %d waiting request(s) moved to %r.",
        default.name,
        moved,
        len(waiting),
        replacement.name,
    )
    return default


def review_by_default(*, published_on: datetime.date) -> datetime.date:
    """The review date a resource gets when published without one: the editorial
    settings' months ahead (12 unless an editor changed it), on the same day of the
    month or the month's last day."""
    months = published_on.month - 1 + models.EditorialSettings.load().review_interval_months
    year, month = published_on.year + months // 12, months % 12 + 1
    return published_on.replace(
        year=year, month=month, day=min(published_on.day, calendar.monthrange(year, month)[1])
    )


def review_date_ensure(*, page: Page, revision=None) -> datetime.date | None:
    """Give a just-published resource page a review date unless the editor chose one.

    Sets it on the page and on the published revision, so the editor sees it
    the next time the page is opened.
    """
    page = page.specific
    if not isinstance(page, ResourcePage) or page.review_by:
        return getattr(page, "review_by", None)
    review_by = review_by_default(published_on=timezone.localdate())
    type(page).objects.filter(pk=page.pk).update(review_by=review_by)
    page.review_by = review_by
    if revision is not None and revision.content.get("review_by") in (None, ""):
        revision.content["review_by"] = review_by.isoformat()
        revision.save(update_fields=["content"])
    return review_by


@transaction.atomic
def translations_publish_with_source(*, page: Page, user=None) -> list[Page]:
    """Publish the latest version of each translation of a page just approved.

    A translation that is itself waiting in the workflow is taken out of it, as
    the source's approval covered it.
    """
    published = []
    # Aliases follow their source by themselves (Wagtail updates them on publish).
    for translation in page.get_translations().filter(alias_of__isnull=True).specific():
        state = translation.workflow_states.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        ).first()
        if state is not None:
            state.cancel(user=user)
        revision = translation.get_latest_revision()
        if revision is None:
            revision = translation.save_revision(user=user)
        if translation.live and not translation.has_unpublished_changes:
            continue
        revision.publish(user=user)
        published.append(translation)
    return published


_syncing_privacy = contextvars.ContextVar("syncing_privacy", default=False)


def page_privacy_sync_translations(*, page: Page) -> None:
    """Give every translation of `page` the same view restrictions as `page` has, and
    keep each translation at least as restricted as `page` is with its ancestors."""
    if _syncing_privacy.get():
        return
    token = _syncing_privacy.set(True)
    try:
        with transaction.atomic():
            _copy_restrictions(page)
            for translation in page.get_translations():
                _restrictions_follow(source=page, translation=translation)
    finally:
        _syncing_privacy.reset(token)


def translations_privacy_follow(*, page: Page) -> int:
    """After a move, a copy for translation or a new translation: every translation of
    `page` and of the pages below it is restricted at least as `page` is.

    A page moved into a members-only section is restricted by its new ancestors; its
    translations, elsewhere in their own trees, get the same restrictions on
    themselves. Returns how many restrictions were added.
    """
    if _syncing_privacy.get():
        return 0
    token = _syncing_privacy.set(True)
    added = 0
    try:
        with transaction.atomic():
            page = Page.objects.get(pk=page.pk)  # its path after a move
            for source in page.get_descendants(inclusive=True).filter(alias_of__isnull=True):
                for translation in source.get_translations():
                    added += _restrictions_follow(source=source, translation=translation)
    finally:
        _syncing_privacy.reset(token)
    return added


def translation_privacy_follow(*, source: Page, translation: Page) -> int:
    """A new translation is restricted at least as its source is (see above)."""
    if _syncing_privacy.get():
        return 0
    token = _syncing_privacy.set(True)
    try:
        with transaction.atomic():
            return _restrictions_follow(source=source, translation=translation)
    finally:
        _syncing_privacy.reset(token)


def _signature(restriction) -> tuple:
    return (
        restriction.restriction_type,
        restriction.password,
        frozenset(restriction.groups.values_list("pk", flat=True)),
    )


def _restrictions_follow(*, source: Page, translation: Page) -> int:
    """Copy onto `translation` each restriction `source` has (on itself or an ancestor)
    that `translation` lacks. Restrictions only add up (a reader must pass them all),
    so this never opens anything."""
    needed = list(source.get_view_restrictions())
    if not needed:
        return 0
    present = {_signature(restriction) for restriction in translation.get_view_restrictions()}
    added = 0
    for restriction in needed:
        if _signature(restriction) in present:
            continue
        copy = PageViewRestriction.objects.create(
            page=translation,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.groups.set(restriction.groups.all())
        present.add(_signature(restriction))
        added += 1
    return added


def _copy_restrictions(page: Page) -> None:
    source = list(PageViewRestriction.objects.filter(page=page).prefetch_related("groups"))
    if any(r.restriction_type == PageViewRestriction.GROUPS and not r.groups.all() for r in source):
        # Saved before its groups (the admin form saves them next): wait for them,
        # or an empty group list would overwrite the translations' groups.
        return
    for translation in page.get_translations():
        existing = list(PageViewRestriction.objects.filter(page=translation))
        for restriction in existing[len(source) :]:
            restriction.delete()
        for index, restriction in enumerate(source):
            copy = (
                existing[index] if index < len(existing) else PageViewRestriction(page=translation)
            )
            copy.restriction_type = restriction.restriction_type
            copy.password = restriction.password
            copy.save()
            copy.groups.set(restriction.groups.all())
