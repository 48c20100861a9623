"""Campaign pack subscriptions: who is to hear about which pack, and the mail they get.

A pack's first publication records a notice for each subscriber it matches and may
reach; ``send_pack_reminders`` records reminders a set number of weeks before a
commemoration day whose pack a subscriber has not opened. The request or command only
records and enqueues (``tasks.py``); the worker sends, each person's waiting notices of
one kind in one mail, and marks them sent in the same transaction, so a task that runs
twice (or two at once) sends nothing twice.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

from resourcebank.accounts import selectors
from resourcebank.accounts.models import PackNotice, PackNoticeKind, PackOpen, PackSubscription
from resourcebank.campaigns import selectors as campaign_selectors
from resourcebank.campaigns.models import CampaignPackPage

logger = logging.getLogger(__name__)


def _subscriptions():
    """Subscriptions of active accounts with an address, with what matching reads."""
    return (
        PackSubscription.objects.filter(user__is_active=True, user__email__gt="")
        .select_related("user")
        .prefetch_related("audiences", "counties", "user__groups")
    )


def _packs(queryset):
    return queryset.select_related("county", "locale").prefetch_related("audiences")


# --- The subscription -----------------------------------------------------------------------


@transaction.atomic
def pack_subscription_save(
    *, user, audiences, counties, new_packs: bool, reminders: bool, language: str
) -> PackSubscription:
    """Create or change `user`'s subscription; `language` is the standard of their mail."""
    subscription, _created = PackSubscription.objects.update_or_create(
        user=user,
        defaults={"new_packs": new_packs, "reminders": reminders, "language": language},
    )
    subscription.audiences.set(audiences)
    subscription.counties.set(counties)
    if not reminders:
        PackOpen.objects.filter(user=user).delete()  # kept only to spare a reminder
    return subscription


@transaction.atomic
def pack_subscription_end(*, user_id: int) -> bool:
    """Unsubscribe at once: the subscription, the mail not yet sent and the packs opened
    go. False when there was no subscription (already unsubscribed)."""
    PackNotice.objects.filter(user_id=user_id, sent_at__isnull=True).delete()
    PackOpen.objects.filter(user_id=user_id).delete()
    return PackSubscription.objects.filter(user_id=user_id).delete()[0] > 0


# --- Recording what is to be sent ------------------------------------------------------------


def is_first_publication(page) -> bool:
    """Whether this publish made the pack live for the first time, in any standard: not a
    re-publish, nor the second standard of a pack already out."""
    if page.first_published_at is None or page.first_published_at != page.last_published_at:
        return False
    earlier = page.get_translations().filter(first_published_at__lt=page.first_published_at)
    return not earlier.exists()


def _record(*, subscriptions, pack, kind: str, occasion=None) -> int:
    """A notice of `pack` for each of `subscriptions` that matches it and may see it, and
    has none yet; returns how many were made."""
    restrictions = list(pack.get_view_restrictions())
    candidates = [
        s.user
        for s in subscriptions
        if selectors.subscription_matches(s, pack)
        and selectors.page_visible_to_user(pack, s.user, restrictions=restrictions)
    ]
    if not candidates:
        return 0
    already = set(
        PackNotice.objects.filter(
            pack_key=pack.translation_key,
            kind=kind,
            occasion=occasion,
            user__in=candidates,
        ).values_list("user_id", flat=True)
    )
    new = [
        PackNotice(
            user=user, page=pack, pack_key=pack.translation_key, kind=kind, occasion=occasion
        )
        for user in candidates
        if user.pk not in already
    ]
    # The unique constraints keep out what a concurrent run made meanwhile.
    PackNotice.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def pack_publication_record(*, page) -> int:
    """A new-pack notice for every subscriber `page` matches, on its first publication
    only; returns how many (the caller enqueues the digest when there are any)."""
    if not is_first_publication(page):
        return 0
    pack = _packs(CampaignPackPage.objects.filter(pk=page.pk)).first()
    if pack is None:
        return 0
    return _record(
        subscriptions=_subscriptions().filter(new_packs=True),
        pack=pack,
        kind=PackNoticeKind.NEW_PACK,
    )


def pack_reminders_record(*, today: datetime.date | None = None) -> int:
    """A reminder for each subscriber who has not opened the pack of a commemoration day
    that is PACK_REMINDER_WEEKS weeks away or nearer; one per pack and date of its day,
    ever. Returns how many were made."""
    today = today or timezone.localdate()
    subscriptions = list(_subscriptions().filter(reminders=True))
    if not subscriptions:
        return 0
    days = settings.PACK_REMINDER_WEEKS * 7
    made = 0
    seen = set()
    # Bokmål first; a pack is one across its translations.
    default = Locale.get_default()
    locales = Locale.objects.filter(language_code__in=settings.WRITTEN_STANDARDS)
    for locale in sorted(locales, key=lambda locale: locale.pk != default.pk):
        coming = campaign_selectors.coming_commemoration_days(locale=locale, today=today, days=days)
        for day in coming:
            ids = [pack.pk for pack in day.packs]
            for pack in _packs(CampaignPackPage.objects.filter(pk__in=ids)):
                if (pack.translation_key, day.date) in seen:
                    continue
                seen.add((pack.translation_key, day.date))
                opened = set(
                    PackOpen.objects.filter(
                        pack_key=pack.translation_key, day_date=day.date
                    ).values_list("user_id", flat=True)
                )
                made += _record(
                    subscriptions=[s for s in subscriptions if s.user_id not in opened],
                    pack=pack,
                    kind=PackNoticeKind.REMINDER,
                    occasion=day.date,
                )
    return made


def pack_open_record(*, user, page) -> None:
    """`user` opened `page`, a campaign pack: remembered until its commemoration day, and
    only for a subscriber who wants reminders (no one else needs it)."""
    if not page.commemoration_day_id or not user.is_authenticated:
        return
    if not PackSubscription.objects.filter(user=user, reminders=True).exists():
        return
    day_date = campaign_selectors.next_occurrence(
        page.commemoration_day, today=timezone.localdate()
    )
    PackOpen.objects.get_or_create(user=user, pack_key=page.translation_key, day_date=day_date)


# --- Sending ---------------------------------------------------------------------------------

SUBJECTS = {
    PackNoticeKind.NEW_PACK: "accounts/pack_mail/new_packs_subject.txt",
    PackNoticeKind.REMINDER: "accounts/pack_mail/reminder_subject.txt",
}
BODIES = {
    PackNoticeKind.NEW_PACK: "accounts/pack_mail/new_packs",
    PackNoticeKind.REMINDER: "accounts/pack_mail/reminder",
}


def pack_mail_compose(*, user, subscription, kind: str, items: list) -> EmailMultiAlternatives:
    """One mail to `user` in their standard: plain text with an HTML alternative, the
    RFC 8058 one-click unsubscribe headers and Content-Language. `items` are dicts with
    the pack (`pack`), its address (`url`) and, for reminders, the day (`day`, `date`)."""
    language = subscription.language
    unsubscribe_url = selectors.site_url(
        _localized_path(
            "accounts:pack_unsubscribe", language, token=selectors.unsubscribe_token(user)
        )
    )
    with translation.override(language):
        context = {
            "user": user,
            "items": items,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "unsubscribe_url": unsubscribe_url,
            "account_url": selectors.site_url(_localized_path("accounts:account", language)),
        }
        subject = "".join(loader.render_to_string(SUBJECTS[kind], context).splitlines())
        context["subject"] = subject
        text = loader.render_to_string(f"{BODIES[kind]}.txt", context)
        html = loader.render_to_string(f"{BODIES[kind]}.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        None,
        [user.email],
        headers={
            "Content-Language": language,
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _localized_path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _items(notices, *, user, language: str) -> list[dict]:
    """What the mail lists: each notice's pack in the reader's standard, while it is live
    and they may see it (a pack unpublished or restricted meanwhile is left out)."""
    items = []
    for notice in notices:
        pack = selectors.pack_for_reader(notice.page, language=language)
        if pack is None or not selectors.page_visible_to_user(pack, user):
            continue
        url = selectors.page_url(pack)
        if url is None:
            continue
        item = {"pack": pack, "url": url}
        if notice.kind == PackNoticeKind.REMINDER:
            item["date"] = notice.occasion
            item["day"] = pack.commemoration_day
        items.append(item)
    return items


@transaction.atomic
def pack_mail_deliver(*, user_id: int, kind: str) -> bool:
    """Send `user_id`'s waiting notices of `kind` in one mail; True when a mail went.

    The notices are locked and marked sent in this transaction before the mail goes: a
    second run (a retried or duplicate task) waits for the lock and then finds nothing
    waiting. A mail that fails to go rolls the marks back, for a later run to try again.
    """
    notices = list(
        PackNotice.objects.select_for_update()
        .filter(user_id=user_id, kind=kind, sent_at__isnull=True)
        .order_by("occasion", "created_at", "pk")
    )
    if not notices:
        return False
    PackNotice.objects.filter(pk__in=[n.pk for n in notices]).update(sent_at=timezone.now())
    subscription = (
        PackSubscription.objects.filter(user_id=user_id, user__is_active=True)
        .select_related("user")
        .first()
    )
    wanted = subscription is not None and (
        subscription.new_packs if kind == PackNoticeKind.NEW_PACK else subscription.reminders
    )
    if not wanted or not subscription.user.email:
        return False  # unsubscribed or turned off meanwhile: dropped, never sent
    user = subscription.user
    items = _items(notices, user=user, language=subscription.language)
    if not items:
        return False
    pack_mail_compose(user=user, subscription=subscription, kind=kind, items=items).send()
    return True


def pack_mails_deliver() -> int:
    """Every waiting notice, one mail per person and kind; returns how many mails went.
    One person's failed mail is logged (by user id only) and does not stop the rest."""
    waiting = (
        PackNotice.objects.filter(sent_at__isnull=True)
        .values_list("user_id", "kind")
        .distinct()
        .order_by("user_id", "kind")
    )
    sent = 0
    for user_id, kind in list(waiting):
        try:
            sent += pack_mail_deliver(user_id=user_id, kind=kind)
        except Exception:
            logger.exception("Failed to send the campaign pack mail to user %s", user_id)
    return sent


# --- Retention and erasure -------------------------------------------------------------------


def pack_mail_records_purge(*, today: datetime.date | None = None, days: int | None = None) -> int:
    """Opened packs whose day has passed, reminders whose day has passed, and any other
    notice older than RETENTION_PACK_NOTICE_DAYS (by then a pack's first publication is
    long past, so it cannot be announced again). Returns how many rows went."""
    today = today or timezone.localdate()
    days = settings.RETENTION_PACK_NOTICE_DAYS if days is None else days
    removed = PackOpen.objects.filter(day_date__lt=today).delete()[0]
    removed += PackNotice.objects.filter(kind=PackNoticeKind.REMINDER, occasion__lt=today).delete()[
        0
    ]
    cutoff = timezone.now() - datetime.timedelta(days=days)
    removed += PackNotice.objects.filter(created_at__lt=cutoff).delete()[0]
    return removed


def pack_mail_records_erase(*, user) -> int:
    """Everything about `user`'s pack mail: subscription, notices, opened packs."""
    removed = PackNotice.objects.filter(user=user).delete()[0]
    removed += PackOpen.objects.filter(user=user).delete()[0]
    subscription = PackSubscription.objects.filter(user=user).first()
    if subscription is not None:
        subscription.delete()
        removed += 1
    return removed
