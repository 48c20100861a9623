"""Retention and erasure of personal data. Each function removes (or pseudonymises) what
is older than its setting and keeps the rest; ``manage.py retention`` runs them all on a
schedule, ``manage.py erase_person`` erases one person. docs/data-map.md says what is
kept where, for how long, and who sees it.
"""

import datetime
import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.images import get_image_model
from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    WorkflowState,
)

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from resourcebank.accounts import services as account_services
from resourcebank.accounts.second_factor import is_staff
from resourcebank.stories.models import SubmittedPhoto, SuccessStoryPage


@dataclass(frozen=True)
class Outcome:
    kind: str
    removed: int

    def __str__(self):
        return f"{self.kind}: {self.removed}"


def _days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def pseudonym(user_id) -> str:
    """A stable stand-in for a user id: the same person gets the same pseudonym, which
    tells nobody who they were (keyed with SECRET_KEY)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), str(user_id).encode(), hashlib.sha256)
    return f"person-{digest.hexdigest()[:12]}"


# Sessions and login attempts -------------------------------------------------------------


def sessions_purge() -> Outcome:
    """Expired sessions (Django's own rule: SESSION_COOKIE_AGE, or the staff day), and
    failed-login records older than django-axes' cool-off."""
    expired = Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]
    cutoff = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    attempts += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    attempts += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return Outcome("sessions", expired + attempts)


# Revisions -------------------------------------------------------------------------------


def revisions_purge(*, days: int | None = None) -> Outcome:
    """Revisions older than RETENTION_REVISION_DAYS, except what is still needed: each
    object's latest and live revision, scheduled ones, and those in a workflow."""
    days = settings.RETENTION_REVISION_DAYS if days is None else days
    keep = set(Page.objects.exclude(live_revision=None).values_list("live_revision_id", flat=True))
    keep |= set(
        Page.objects.exclude(latest_revision=None).values_list("latest_revision_id", flat=True)
    )
    candidates = (
        Revision.objects.filter(created_at__lt=_days_ago(days), approved_go_live_at__isnull=True)
        .exclude(pk__in=keep)
        .exclude(
            task_states__workflow_state__status__in=[
                WorkflowState.STATUS_IN_PROGRESS,
                WorkflowState.STATUS_NEEDS_CHANGES,
            ]
        )
    )
    removed = 0
    for revision in candidates.iterator():
        if not revision.is_latest_revision():
            revision.delete()
            removed += 1
    return Outcome("revisions", removed)


# Audit log -------------------------------------------------------------------------------


def _pseudonymise_entries(entries) -> int:
    user_type = ContentType.objects.get_for_model(get_user_model())
    changed = 0
    for entry in entries.iterator():
        data = dict(entry.data or {})
        data["user_pseudonym"] = pseudonym(entry.user_id)
        label = entry.label
        if entry.content_type_id == user_type.pk:
            label = pseudonym(entry.object_id)
        # An update, not save(): a log entry's page or revision may be gone already.
        type(entry).objects.filter(pk=entry.pk).update(user=None, data=data, label=label)
        changed += 1
    return changed


def audit_log_pseudonymise(*, months: int | None = None) -> Outcome:
    """Entries older than RETENTION_AUDIT_LOG_MONTHS keep what happened and when, but not
    who: the user becomes a pseudonym (and so does a user named as the object)."""
    months = settings.RETENTION_AUDIT_LOG_MONTHS if months is None else months
    cutoff = _days_ago(months * 31)
    changed = 0
    for model in (PageLogEntry, ModelLogEntry):
        changed += _pseudonymise_entries(
            model.objects.filter(timestamp__lt=cutoff, user_id__isnull=False)
        )
    return Outcome("audit log", changed)


# Story submissions -----------------------------------------------------------------------


def _photos_only_used_by(story) -> list:
    photos = {p.image_id for p in SubmittedPhoto.objects.filter(story=story)}
    if story.image_id:
        photos.add(story.image_id)
    page_type = ContentType.objects.get_for_model(Page)
    used_elsewhere = set(
        ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(get_image_model()),
            to_object_id__in=[str(pk) for pk in photos],
        )
        .exclude(base_content_type=page_type, object_id=str(story.pk))
        .values_list("to_object_id", flat=True)
    )
    return [pk for pk in photos if str(pk) not in used_elsewhere]


@transaction.atomic
def story_submission_delete(story) -> None:
    """A story that was never published, and the photos sent with it (unless an editor
    has used a photo elsewhere)."""
    photos = _photos_only_used_by(story)
    story.delete()
    for image in get_image_model().objects.filter(pk__in=photos):
        image.delete()  # Wagtail removes the file and its renditions


def story_submissions_purge(
    *, rejected_days: int | None = None, draft_days: int | None = None
) -> Outcome:
    """Stories sent in by members and never published: rejected ones (sent back for
    changes, or their workflow cancelled) after RETENTION_REJECTED_STORY_DAYS, any other
    after RETENTION_STORY_SUBMISSION_DAYS. Published stories are content and stay."""
    rejected_days = (
        settings.RETENTION_REJECTED_STORY_DAYS if rejected_days is None else rejected_days
    )
    draft_days = settings.RETENTION_STORY_SUBMISSION_DAYS if draft_days is None else draft_days
    never_published = SuccessStoryPage.objects.filter(first_published_at__isnull=True, live=False)
    rejected_ids = WorkflowState.objects.filter(
        status__in=[WorkflowState.STATUS_NEEDS_CHANGES, WorkflowState.STATUS_CANCELLED],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    rejected = never_published.filter(
        pk__in=[int(pk) for pk in rejected_ids if str(pk).isdigit()],
        latest_revision_created_at__lt=_days_ago(rejected_days),
    )
    old = never_published.filter(latest_revision_created_at__lt=_days_ago(draft_days))
    stories = {story.pk: story for story in [*rejected, *old]}
    removed = 0
    for story in stories.values():
        # Members' submissions only: a draft written by staff is editorial work.
        if story.owner is not None and is_staff(story.owner):
            continue
        story_submission_delete(story)
        removed += 1
    return Outcome("story submissions", removed)


# Search query logs -----------------------------------------------------------------------


def search_queries_purge(*, days: int | None = None) -> Outcome:
    """Daily search counts older than RETENTION_SEARCH_QUERY_DAYS, and the queries left
    with no counts (queries with editor's picks are the editors' own, and stay)."""
    days = settings.RETENTION_SEARCH_QUERY_DAYS if days is None else days
    removed = QueryDailyHits.objects.filter(date__lt=_days_ago(days).date()).delete()[0]
    orphans = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True)
    removed += orphans.delete()[0]
    return Outcome("search queries", removed)


# Campaign pack mail ----------------------------------------------------------------------


def pack_mail_purge() -> Outcome:
    """Opened packs and reminders once their commemoration day has passed, and what was
    mailed after RETENTION_PACK_NOTICE_DAYS (``accounts.services``)."""
    return Outcome("campaign pack mail", account_services.pack_mail_records_purge())


# People ----------------------------------------------------------------------------------


@transaction.atomic
def person_erase(*, user) -> dict[str, int]:
    """Erase one person: their account and login records, their campaign pack mail
    (subscription, what was mailed, packs opened), the stories they sent in that were
    never published (with photos), and their name in the audit log (pseudonymised).
    Published pages and revisions they made stay, without their name (Wagtail sets the
    owner and the revision's user to empty)."""
    report = {}
    drafts = SuccessStoryPage.objects.filter(owner=user, first_published_at__isnull=True)
    report["unpublished stories"] = 0
    for story in drafts:
        story_submission_delete(story)
        report["unpublished stories"] += 1
    report["audit log entries"] = sum(
        _pseudonymise_entries(model.objects.filter(user_id=user.pk))
        for model in (PageLogEntry, ModelLogEntry)
    )
    user_type = ContentType.objects.get_for_model(get_user_model())
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(
        label=pseudonym(user.pk)
    )
    username = user.get_username()
    report["login records"] = (
        AccessAttempt.objects.filter(username__iexact=username).delete()[0]
        + AccessFailureLog.objects.filter(username__iexact=username).delete()[0]
        + AccessLog.objects.filter(username__iexact=username).delete()[0]
    )
    report["sessions"] = _sessions_of(user).delete()[0]
    report["campaign pack mail"] = account_services.pack_mail_records_erase(user=user)
    user.delete()  # profile, second-factor devices and group memberships go with it
    report["accounts"] = 1
    return report


def _sessions_of(user):
    ids = [
        session.pk
        for session in Session.objects.filter(expire_date__gte=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    return Session.objects.filter(pk__in=ids)


def inactive_accounts_erase(*, years: int | None = None) -> Outcome:
    """Accounts not used for RETENTION_INACTIVE_ACCOUNT_YEARS (last login, or joining if
    they never logged in) are erased as ``person_erase`` does. Superusers are kept, so the
    site is never left without one."""
    years = settings.RETENTION_INACTIVE_ACCOUNT_YEARS if years is None else years
    cutoff = _days_ago(years * 365)
    inactive = (
        get_user_model()
        .objects.filter(is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )
    removed = 0
    for user in inactive:
        person_erase(user=user)
        removed += 1
    return Outcome("inactive accounts", removed)


KINDS = {
    "sessions": sessions_purge,
    "revisions": revisions_purge,
    "audit-log": audit_log_pseudonymise,
    "stories": story_submissions_purge,
    "search-queries": search_queries_purge,
    "pack-mail": pack_mail_purge,
    "accounts": inactive_accounts_erase,
}
