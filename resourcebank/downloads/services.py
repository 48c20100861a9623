"""Writes for downloads: counting a download without recording who made it."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from resourcebank.downloads.models import DownloadCount
from resourcebank.downloads.selectors import member_county, month_of


def download_count_increment(
    *,
    user=None,
    document=None,
    page=None,
    day: datetime.date | None = None,
) -> None:
    """Add one download of a document or a whole page (a campaign pack) to this month's count.

    Only the month, the thing downloaded and the member's county (if they are logged
    in and have one) are kept; never the user, an IP address or the exact time.
    """
    county = member_county(user) if user is not None else None
    key = {
        "month": month_of(day or timezone.localdate()),
        "document": document,
        "pack": page,
        "county": county,
    }
    for _attempt in range(2):
        try:
            with transaction.atomic():
                updated = DownloadCount.objects.filter(**key).update(count=F("count") + 1)
                if not updated:
                    DownloadCount.objects.create(**key, count=1)
            return
        except IntegrityError:
            # Another request created the row between our update and create; retry the update.
            continue


def on_downloaded(sender, *, user=None, document=None, page=None, **kwargs) -> None:
    """Receiver of ``resourcebank.core.signals.downloaded``."""
    download_count_increment(user=user, document=document, page=page)
