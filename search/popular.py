"""Popular searches: what readers search for, counted without personal data and without a
database write while they search.

- ``record`` counts a search's words (normalised as Wagtail's ``Query`` keeps them) in
  Django's cache for the day: an atomic increment, nothing about the reader (no user,
  address, session or time of day). Words that look like a person's contact details (an
  e-mail address, a phone or national identity number) are not counted at all.
- ``counts_save`` moves the counts into Wagtail's ``Query`` and ``QueryDailyHits``, where
  the editors' report "Popular searches" reads them (``search/wagtail_hooks.py``) and
  ``manage.py retention`` deletes them after ``RETENTION_SEARCH_QUERY_DAYS``. The report
  saves them as it opens; ``manage.py popular_searches_save`` does it for the scheduler.

Counts wait in the cache for ``KEPT_DAYS``: a day's counts are saved if either runs within
that time. The cache must be one all app servers share (Redis on the production tier);
the local memory cache of the embedded tier is one process's.
"""

import datetime
import hashlib
import re

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

PREFIX = "popular-searches"
KEPT_DAYS = 3
_TIMEOUT = KEPT_DAYS * 24 * 60 * 60
# Contact details and identity numbers: an e-mail address, 8 or more digits in a row
# (spaces, dots and dashes between them allowed).
PERSONAL = re.compile(r"\S+@\S+|\d(?:[\s.\-]?\d){7,}")


def _keys(day: datetime.date, text: str | None = None, slot: int | None = None) -> str:
    base = f"{PREFIX}:{day.isoformat()}"
    if text is not None:
        return f"{base}:hits:{hashlib.sha256(text.encode()).hexdigest()[:32]}"
    if slot is not None:
        return f"{base}:slot:{slot}"
    return f"{base}:slots"


def _increment(key: str, delta: int = 1) -> int:
    cache.add(key, 0, _TIMEOUT)
    try:
        return cache.incr(key, delta)
    except ValueError:  # gone between the two (evicted or expired): start again
        cache.set(key, delta, _TIMEOUT)
        return delta


def record(query: str) -> None:
    """Count one search for `query` today (in the cache; no database write)."""
    text = normalise_query_string(query)
    if not text or PERSONAL.search(text):
        return
    day = timezone.localdate()
    if cache.add(_keys(day, text), 1, _TIMEOUT):
        # The first search for these words today: give them a slot, so that
        # ``counts_save`` finds them.
        slot = _increment(_keys(day))
        cache.set(_keys(day, slot=slot), text, _TIMEOUT)
    else:
        _increment(_keys(day, text))


def counts_save() -> int:
    """Move the counts of the last ``KEPT_DAYS`` days from the cache into the database;
    the number of searches moved."""
    moved = 0
    today = timezone.localdate()
    for days_ago in range(KEPT_DAYS):
        day = today - datetime.timedelta(days=days_ago)
        slots = cache.get(_keys(day)) or 0
        if not slots:
            continue
        texts = cache.get_many([_keys(day, slot=slot) for slot in range(1, slots + 1)])
        counts = cache.get_many([_keys(day, text) for text in texts.values()])
        for text in texts.values():
            key = _keys(day, text)
            count = counts.get(key) or 0
            if count <= 0:
                continue
            # Taken out of the cache first: a search counted meanwhile stays there for
            # the next save, and a failed write puts the count back.
            try:
                cache.decr(key, count)
            except ValueError:  # evicted since it was read: nothing left to move
                continue
            try:
                _hits_add(text, day, count)
            except Exception:
                _increment(key, count)
                raise
            moved += count
    return moved


@transaction.atomic
def _hits_add(text: str, day: datetime.date, count: int) -> None:
    query = Query.get(text)
    hits, created = QueryDailyHits.objects.get_or_create(
        query=query, date=day, defaults={"hits": count}
    )
    if not created:
        QueryDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + count)
