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
