"""Each retention kind removes what is older than its setting and keeps the rest; one person
can be erased."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

import pytest
from axes.models import AccessAttempt

from resourcebank.editorial import roles
from resourcebank.privacy import services
from resourcebank.stories import services as story_services
from resourcebank.stories.models import SubmittedPhoto, SuccessStoryPage
from tests import factories
from tests.downloads_support import png_bytes
from tests.editorial_support import make_user

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=5 * 365)


def _retention(kind):
    out = io.StringIO()
    call_command("retention", only=[kind], stdout=out)
    return out.getvalue()


def test_expired_sessions_and_old_login_attempts_go_and_live_ones_stay():
    live = SessionStore()
    live["x"] = 1
    live.create()
    expired = SessionStore()
    expired["x"] = 2
    expired.create()
    Session.objects.filter(pk=expired.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    old = AccessAttempt.objects.create(
        username="kari", ip_address="10.0.0.1", failures_since_start=3
    )
    AccessAttempt.objects.filter(pk=old.pk).update(attempt_time=LONG_AGO)
    recent = AccessAttempt.objects.create(
        username="ola", ip_address="10.0.0.2", failures_since_start=1
    )

    assert "sessions: 2" in _retention("sessions")
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]
    assert list(AccessAttempt.objects.values_list("pk", flat=True)) == [recent.pk]


def test_revisions_older_than_the_setting_go_but_the_latest_and_live_stay(home_page, settings):
    settings.RETENTION_REVISION_DAYS = 30
    page = factories.InfoPageFactory(parent=home_page, title="Om oss")
    old_draft = page.save_revision()
    live = page.save_revision()
    live.publish()
    middle = page.save_revision()
    latest = page.save_revision()
    Revision.objects.filter(pk__in=[old_draft.pk, live.pk, middle.pk]).update(created_at=LONG_AGO)
    recent_other = page.save_revision()
    Revision.objects.filter(pk=latest.pk).update(created_at=LONG_AGO)

    _retention("revisions")
    remaining = set(Revision.objects.filter(object_id=str(page.pk)).values_list("pk", flat=True))
    assert (
        old_draft.pk not in remaining and middle.pk not in remaining and latest.pk not in remaining
    )
    assert live.pk in remaining  # what the site shows
    assert recent_other.pk in remaining  # the latest, and younger than the setting


def test_old_audit_log_entries_are_pseudonymised_and_recent_ones_kept(home_page, editor, settings):
    settings.RETENTION_AUDIT_LOG_MONTHS = 6
    page = factories.InfoPageFactory(parent=home_page, title="Om oss")
    old = PageLogEntry.objects.log_action(page, "wagtail.edit", user=editor)
    recent = PageLogEntry.objects.log_action(page, "wagtail.publish", user=editor)
    user_entry = ModelLogEntry.objects.log_action(editor, "wagtail.edit", user=editor)
    PageLogEntry.objects.filter(pk=old.pk).update(timestamp=LONG_AGO)
    ModelLogEntry.objects.filter(pk=user_entry.pk).update(timestamp=LONG_AGO)

    _retention("audit-log")
    old.refresh_from_db()
    recent.refresh_from_db()
    user_entry.refresh_from_db()
    assert old.user_id is None and old.data["user_pseudonym"] == services.pseudonym(editor.pk)
    assert old.action == "wagtail.edit" and old.timestamp == LONG_AGO  # what and when stay
    assert recent.user_id == editor.pk
    assert user_entry.user_id is None and editor.username not in user_entry.label


def _submit(story_index, user, title, photos=1):
    uploads = [SimpleUploadedFile(f"b{i}.png", png_bytes((20, 20))) for i in range(photos)]
    return story_services.success_story_submit(
        user=user,
        story_index=story_index,
        title=title,
        county=factories.CountyFactory(),
        local_branch=None,
        what_was_done="Noe",
        result="Noe annet",
        how="Slik",
        images=uploads,
    )


def test_rejected_and_old_submissions_go_with_their_photos_and_the_rest_stay(
    story_index, editorial_setup, django_user_model, settings, django_capture_on_commit_callbacks
):
    from wagtail.models import WorkflowState

    settings.RETENTION_REJECTED_STORY_DAYS = 30
    settings.RETENTION_STORY_SUBMISSION_DAYS = 365
    member = make_user(django_user_model, "kari", roles.MEMBERS)
    rejected = _submit(story_index, member, "Avvist", photos=2)
    old = _submit(story_index, member, "Gammel")
    fresh_rejected = _submit(story_index, member, "Nylig avvist")
    _submit(story_index, member, "Venter")
    published = _submit(story_index, member, "Publisert")
    published.save_revision().publish()
    for story in (rejected, fresh_rejected):
        WorkflowState.objects.filter(object_id=str(story.pk)).update(
            status=WorkflowState.STATUS_NEEDS_CHANGES
        )
    SuccessStoryPage.objects.filter(pk=rejected.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(days=31)
    )
    SuccessStoryPage.objects.filter(pk__in=[old.pk, published.pk]).update(
        latest_revision_created_at=LONG_AGO
    )
    doomed_images = [p.image_id for p in SubmittedPhoto.objects.filter(story__in=[rejected, old])]
    doomed_files = [i.file.name for i in get_image_model().objects.filter(pk__in=doomed_images)]
    assert len(doomed_images) == 3

    with django_capture_on_commit_callbacks(execute=True):  # Wagtail removes files on commit
        assert "story submissions: 2" in _retention("stories")
    assert set(SuccessStoryPage.objects.values_list("title", flat=True)) == {
        "Nylig avvist",
        "Venter",
        "Publisert",
    }
    assert not get_image_model().objects.filter(pk__in=doomed_images).exists()
    from django.core.files.storage import default_storage

    assert not any(default_storage.exists(name) for name in doomed_files)
    assert get_image_model().objects.count() == 3  # the other stories' photos


def test_search_query_counts_older_than_the_setting_go(settings):
    settings.RETENTION_SEARCH_QUERY_DAYS = 30
    old = Query.get("gammelt søk")
    old.add_hit(date=(timezone.now() - datetime.timedelta(days=40)).date())
    new = Query.get("nytt søk")
    new.add_hit()
    picked = Query.get("valgkamp")
    picked.add_hit(date=(timezone.now() - datetime.timedelta(days=40)).date())
    SearchPromotion.objects.create(
        query=picked, external_link_url="https://example.org/", external_link_text="x"
    )

    _retention("search-queries")
    assert set(Query.objects.values_list("query_string", flat=True)) == {"nytt søk", "valgkamp"}
    assert QueryDailyHits.objects.count() == 1


def test_inactive_accounts_are_erased_and_active_ones_stay(
    editorial_setup, django_user_model, settings, superuser
):
    settings.RETENTION_INACTIVE_ACCOUNT_YEARS = 2
    gone = make_user(django_user_model, "gammel", roles.MEMBERS)
    never = make_user(django_user_model, "aldri", roles.MEMBERS)
    active = make_user(django_user_model, "aktiv", roles.MEMBERS)
    User = get_user_model()
    User.objects.filter(pk=gone.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)
    User.objects.filter(pk=never.pk).update(last_login=None, date_joined=LONG_AGO)
    User.objects.filter(pk=active.pk).update(last_login=timezone.now(), date_joined=LONG_AGO)
    # About superusers too: an inactive one is kept, so the site never lacks one.
    User.objects.filter(pk=superuser.pk).update(last_login=LONG_AGO, date_joined=LONG_AGO)

    assert "inactive accounts: 2" in _retention("accounts")
    assert set(User.objects.values_list("username", flat=True)) == {"aktiv", "admin"}


def test_one_person_is_erased_on_request(story_index, editorial_setup, django_user_model, client):
    member = make_user(django_user_model, "kari", roles.MEMBERS)
    draft = _submit(story_index, member, "Utkast", photos=2)
    published = _submit(story_index, member, "Publisert", photos=0)
    published.save_revision().publish()
    entry = PageLogEntry.objects.filter(user_id=member.pk).first()
    assert entry is not None
    AccessAttempt.objects.create(username="kari", ip_address="10.0.0.1", failures_since_start=1)
    client.force_login(member)

    out = io.StringIO()
    call_command("erase_person", "kari@example.org", yes=True, stdout=out)

    assert not get_user_model().objects.filter(username="kari").exists()
    assert not SuccessStoryPage.objects.filter(pk=draft.pk).exists()
    assert get_image_model().objects.count() == 0
    published = SuccessStoryPage.objects.get(pk=published.pk)
    assert published.live and published.owner_id is None
    entry.refresh_from_db()
    assert entry.user_id is None and entry.data["user_pseudonym"].startswith("person-")
    assert not AccessAttempt.objects.filter(username="kari").exists()
    assert (
        "_auth_user_id" not in client.session or client.get("/nb/").wsgi_request.user.is_anonymous
    )
    assert "accounts: 1" in out.getvalue()


def _pack_mail_records(user, pack, *, day_date):
    from resourcebank.accounts.models import PackNotice, PackOpen, PackSubscription

    PackSubscription.objects.create(user=user, language="nb")
    opened = PackOpen.objects.create(user=user, pack_key=pack.translation_key, day_date=day_date)
    reminder = PackNotice.objects.create(
        user=user,
        page=pack,
        pack_key=pack.translation_key,
        kind="reminder",
        occasion=day_date,
        sent_at=timezone.now(),
    )
    return opened, reminder


def test_opened_packs_and_reminders_go_once_their_day_has_passed(
    campaign_pack, editorial_setup, django_user_model, settings
):
    from resourcebank.accounts.models import PackNotice, PackOpen

    member = make_user(django_user_model, "kari", roles.MEMBERS)
    today = timezone.localdate()
    past_open, past_reminder = _pack_mail_records(
        member, campaign_pack, day_date=today - datetime.timedelta(days=1)
    )
    coming_open = PackOpen.objects.create(
        user=member, pack_key=campaign_pack.translation_key, day_date=today
    )
    old_digest = PackNotice.objects.create(
        user=member, page=campaign_pack, pack_key=campaign_pack.translation_key, kind="new"
    )
    PackNotice.objects.filter(pk=old_digest.pk).update(created_at=LONG_AGO)
    settings.RETENTION_PACK_NOTICE_DAYS = 90

    assert "campaign pack mail: 3" in _retention("pack-mail")
    assert list(PackOpen.objects.all()) == [coming_open]
    assert not PackNotice.objects.exists()


def test_erasing_a_person_erases_their_campaign_pack_mail(
    campaign_pack, editorial_setup, django_user_model
):
    from resourcebank.accounts.models import PackNotice, PackOpen, PackSubscription

    member = make_user(django_user_model, "kari", roles.MEMBERS)
    _pack_mail_records(member, campaign_pack, day_date=timezone.localdate())

    out = io.StringIO()
    call_command("erase_person", "kari", yes=True, stdout=out)

    assert "campaign pack mail: 3" in out.getvalue()
    assert not PackSubscription.objects.exists()
    assert not PackNotice.objects.exists() and not PackOpen.objects.exists()
