"""What the site knows about a member beyond their login."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from resourcebank.core.fields import optional_foreign_key


class MemberProfile(models.Model):
    """What the site knows about a member beyond their login: only their county."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    county = optional_foreign_key(
        "taxonomy.County",
        _("county"),
    )

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)


class PackSubscription(models.Model):
    """What new campaign packs a person wants to hear about, and in which standard.

    Empty audiences or counties mean all of them. A pack for everyone (no audience) or
    for the whole party (no county) matches every subscription. Audiences and counties
    are matched by their translation key, so a choice made on the Nynorsk page matches
    a Bokmål pack too.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="pack_subscription",
    )
    audiences = models.ManyToManyField(
        "taxonomy.Audience", verbose_name=_("audiences"), blank=True, related_name="+"
    )
    counties = models.ManyToManyField(
        "taxonomy.County", verbose_name=_("counties"), blank=True, related_name="+"
    )
    new_packs = models.BooleanField(_("new campaign packs"), default=True)
    reminders = models.BooleanField(_("reminders before commemoration days"), default=True)
    language = models.CharField(
        _("written standard"), max_length=8, choices=settings.WAGTAILADMIN_PERMITTED_LANGUAGES
    )

    class Meta:
        verbose_name = _("campaign pack subscription")
        verbose_name_plural = _("campaign pack subscriptions")

    def __str__(self):
        return str(self.user)


class PackNoticeKind(models.TextChoices):
    NEW_PACK = "new", _("New campaign pack")
    REMINDER = "reminder", _("Reminder before a commemoration day")


class PackNotice(models.Model):
    """A pack one subscriber is to hear about: waiting until the worker mails it (`sent_at`
    empty), then kept as proof that it was sent, so it never is again.

    A pack is one across its translations (`pack_key`, its translation key): each is in a
    person's digest of new packs once, and in one reminder per date of its day.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    pack_key = models.UUIDField()
    kind = models.CharField(max_length=16, choices=PackNoticeKind.choices)
    # Reminders: the date of the commemoration day the reminder is for.
    occasion = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "pack_key"],
                condition=models.Q(kind="new"),
                name="pack_notice_new_once",
            ),
            models.UniqueConstraint(
                fields=["user", "pack_key", "occasion"],
                condition=models.Q(kind="reminder"),
                name="pack_notice_reminder_once",
            ),
        ]
        indexes = [models.Index(fields=["sent_at", "user"])]


class PackOpen(models.Model):
    """A subscriber opened a commemoration day's pack before the day (no reminder then).

    Only who, which pack and the date of the day it counts for: deleted once that day has
    passed (``manage.py retention``).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pack_key = models.UUIDField()
    day_date = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "pack_key", "day_date"], name="pack_open_once_per_day"
            )
        ]
