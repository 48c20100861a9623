"""Reads for download figures."""

import datetime

from resourcebank.downloads.models import DownloadCount


def member_county(user):
    """The county a logged-in member belongs to (their member profile), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "member_profile", None)
    return profile.county if profile is not None else None


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def download_months():
    return DownloadCount.objects.dates("month", "month", order="DESC")
