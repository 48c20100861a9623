"""Benchmark: SQL queries and render time per public page type, on the demo content.

Run by `make bench`; prints a table. Only the query counts are stable enough to compare
between machines; the times are for the note, never asserted.
"""

import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test import override_settings

import pytest

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

ROUNDS = 20


def _sample_urls():
    from wagtail.models import Page

    urls, seen = {}, set()
    for page in (
        Page.objects.live().public().filter(locale__language_code="nb", depth__gt=1).specific()
    ):
        name = type(page).__name__
        if name not in seen:
            seen.add(name)
            urls[name] = page.url
    urls["SearchPage"] = "/nb/sok/?q=lokallaga"
    urls["HalfYearProgramme"] = "/nb/skolering/program/2026-host/"
    return urls


def test_page_queries_and_render_times(client, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        call_command("load_demo", verbosity=0)
        rows = []
        for name, url in _sample_urls().items():
            assert client.get(url).status_code == 200  # warm per-process caches
            queries = []
            with connection.execute_wrapper(
                lambda execute, sql, *args, log=queries: log.append(sql) or execute(sql, *args)
            ):
                client.get(url)
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            rows.append((name, url, len(queries), statistics.median(times), times[-2]))

    print(f"\n{'page type':<22} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}  url")
    for name, url, queries, p50, p95 in rows:
        print(f"{name:<22} {queries:>7} {p50:>8.1f} {p95:>8.1f}  {url}")
    assert len(rows) >= 12
    assert all(queries > 0 for _, _, queries, _, _ in rows)
