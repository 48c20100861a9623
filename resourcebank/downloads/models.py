"""Download counts: how often something was downloaded, with no personal data."""

from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from resourcebank.core.fields import optional_foreign_key


class DownloadCount(models.Model):
    """How many times something was downloaded in a month, per county.

    Deliberately no user, no IP address and no time finer than the month.
    """

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    document = optional_foreign_key(
        "wagtaildocs.Document",
        _("document"),
        on_delete=models.CASCADE,
    )
    pack = optional_foreign_key(
        "campaigns.CampaignPackPage",
        _("campaign pack"),
        on_delete=models.CASCADE,
    )
    county = optional_foreign_key(
        "taxonomy.County",
        _("county"),
        on_delete=models.CASCADE,
    )
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            # NULL means "not this kind of download" / "no county"; treat it as a value.
            models.UniqueConstraint(
                "month",
                Coalesce("document", 0),
                Coalesce("pack", 0),
                Coalesce("county", 0),
                name="unique_download_count_key",
            )
        ]
        indexes = [models.Index(fields=["month", "-count"], name="download_count_month_idx")]

    def __str__(self):
        return f"{self.month:%Y-%m}: {self.count}"
