"""Search latency at 10k and 50k resources in both written standards (`make bench-search`).

Pages are written with bulk inserts (treebeard paths computed here): every second
page is the Nynorsk version of the one before (they share a translation key), so
the search page has versions to fold into one result. They are indexed with the
backends' bulk indexing, as `update_index` does. Latency is measured for whole
requests through Django's test client, as an anonymous visitor: the search page
with ranking, privacy, facets, paging and the rendered template; autocomplete; a
10,000-character query. Wall time, and for the search page also this process's CPU
time, which a machine shared with other work inflates less. Backends: the database
(SQLite, or PostgreSQL with DATABASE_URL), and OpenSearch and Elasticsearch where they
run (not in the PostgreSQL run of `make bench-search`, BENCH_SEARCH_ENGINES=0: an
engine's search does not depend on the database). Prints a table; asserts nothing
about time. Targets (issue 14): search p95 PostgreSQL <= 50 ms, engines <= 25 ms,
SQLite <= 100 ms; autocomplete p95 <= 15 ms; a 10,000-character query p95 < 1 s;
indexing 50,000 <= 5 min.
"""

import itertools
import os
import random
import statistics
import time
import uuid

from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from resourcebank.core.models import InfoPage
from search.backends import search_backends
from search.tests.conftest import ENGINES, engine_url
from tests import factories

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

NB_WORDS = (
    "lokallag lokallaget lokallagene styre styret skolering tillitsvalgte kurs kampanje "
    "kampanjene medlemmer verving valgkamp håndbok økonomi årsmøte fylkeslag likestilling "
    "kvinnedagen klima arbeid skole helse kommune budsjett vedtak møte leder nettverk "
    "stand dørbanking opplæring frivillige sekretær kasserer referat plan strategi"
).split()
NN_WORDS = (
    "lokallaga styret skulering tillitsvalde kurs kampanjane medlemar verving valkamp "
    "handbok økonomi årsmøte fylkeslag likestilling kvinnedagen klima arbeid skule helse "
    "kommune budsjett vedtak møte leiar nettverk stand opplæring friviljuge skrivar "
    "kasserar referat plan strategi korleis"
).split()
QUERIES = [
    "lokallag",
    "lokallaga",
    "skulering for tillitsvalde",
    "skolering tillitsvalgte",
    "kampanje",
    "valgkamp økonomi",
    "håndbok",
    "kvinnedagen",
    "budsjett vedtak",
    "referat",
    "frivillige",
    "strategi plan",
    "årsmøte leder",
    "klima",
    "ukjentord",
]
PREFIXES = ["lok", "skol", "håndb", "kamp", "valgk", "strat", "kvinned", "tillitsv", "møt", "bud"]
SIZES = [int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "10000,50000").split(",")]
ROUNDS = 3


def text(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def bulk_pages(parent, start, stop, rng, locales):
    """Insert InfoPages start..stop-1 under parent with raw bulk inserts."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(InfoPage)
    now = timezone.now()
    pages = []
    key = None
    for i in range(start, stop):
        locale = locales[i % 2]
        if i % 2 == 0:
            key = uuid.uuid4()
        words = NB_WORDS if locale.language_code == "nb" else NN_WORDS
        title = text(rng, words, rng.randint(3, 7))[:-1]
        slug = f"bench-{i}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(parent.path, parent.depth + 1, i + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                locale=locale,
                translation_key=key,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=2000)
    created = Page.objects.filter(path__in=[p.path for p in pages]).values_list("id", "locale_id")
    fields = InfoPage._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = []
    for page_id, locale_id in created:
        words = NB_WORDS if locale_id == locales[0].pk else NN_WORDS
        page = InfoPage(page_ptr_id=page_id, summary=text(rng, words, rng.randint(15, 40)))
        rows.append([f.get_db_prep_save(getattr(page, f.attname), connection) for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {InfoPage._meta.db_table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )
    parent.numchild = stop
    parent.save(update_fields=["numchild"])


def index_pages(parent):
    from modelsearch.backends import get_search_backend

    backend = get_search_backend()
    index = backend.get_index_for_model(InfoPage)
    ids = list(
        InfoPage.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for i in range(0, len(ids), 1000):
        chunk = InfoPage.objects.filter(pk__in=ids[i : i + 1000]).prefetch_related(
            "audiences", "topics", "tags"
        )
        index.add_items(InfoPage, list(chunk))
    if hasattr(index, "refresh"):
        index.refresh()
    with connection.cursor() as cursor:
        # A database that has been running has planner statistics (autovacuum); one
        # bulk-loaded a moment ago has none, and PostgreSQL then plans nested loops.
        cursor.execute("ANALYZE")


CPU_MS: list[float] = []  # this process's CPU time per request, in the order timed


def timed_ms(client, path, params) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(path, params)
    elapsed = (time.perf_counter() - started) * 1000
    CPU_MS.append((time.process_time() - cpu) * 1000)
    assert response.status_code == 200, response.status_code
    return elapsed


def p95(timings) -> float:
    return statistics.quantiles(timings, n=20)[18]


def backends_available():
    found = [("database", search_backends(backend="database", url="", index_prefix="", timeout=1))]
    if os.environ.get("BENCH_SEARCH_ENGINES", "1") == "0":
        return found  # the engines were measured in the SQLite run; their time is theirs
    for engine in ENGINES:
        url = engine_url(engine)
        if url:
            found.append(
                (engine, search_backends(backend=engine, url=url, index_prefix="bench", timeout=30))
            )
    return found


def test_search_latency(home_page, nn_locale):
    rng = random.Random(20261123)
    locales = [Locale.objects.get(language_code="nb"), nn_locale]
    client = Client()
    vendor = connection.vendor
    rows = []
    parent = factories.InfoPageFactory(parent=home_page, title="Benchmark", slug="benchmark")
    done = 0
    long_query = "lokallag skulering " * 556  # 10,008 characters
    fresh = itertools.count()
    for size in SIZES:
        started = time.perf_counter()
        bulk_pages(parent, done, size, rng, locales)
        parent.refresh_from_db()
        generated = time.perf_counter() - started
        for name, config in backends_available():
            with override_settings(WAGTAILSEARCH_BACKENDS=config):
                from modelsearch.backends import get_search_backend

                if done == 0 and name != "database":
                    index = get_search_backend().get_index_for_model(InfoPage)
                    index.reset()
                    index.add_model(InfoPage)
                started = time.perf_counter()
                index_pages(parent)
                indexed = time.perf_counter() - started
                timed_ms(client, "/nb/sok/", {"q": "lokallag"})  # warm up
                timed_ms(client, "/nb/sok/autocomplete/", {"q": "lokal"})  # and its own path
                # Each search at an address of its own (``fresh``): the page keeps its
                # results for the next reader of the same address ({% shared_fragment %}),
                # and this measures searching, not that.
                search = [
                    timed_ms(client, f"/{lang}/sok/", {"q": q, "fresh": next(fresh)})
                    for _ in range(ROUNDS)
                    for q in QUERIES
                    for lang in ("nb", "nn")
                ]
                search_cpu = CPU_MS[-len(search) :]
                auto = [
                    timed_ms(client, "/nb/sok/autocomplete/", {"q": p})
                    for _ in range(ROUNDS)
                    for p in PREFIXES
                ]
                long = [
                    timed_ms(client, "/nb/sok/", {"q": long_query, "fresh": next(fresh)})
                    for _ in range(20)
                ]
                label = f"{name} ({vendor})" if name == "database" else name
                rows.append(
                    (
                        size,
                        label,
                        statistics.median(search),
                        p95(search),
                        p95(search_cpu),
                        statistics.median(auto),
                        p95(auto),
                        p95(long),
                        generated,
                        indexed,
                    )
                )
        done = size
    print()
    print(
        f"{'resources':>9}  {'backend':<20} {'search p50':>10} {'search p95':>10} "
        f"{'cpu p95':>8} {'auto p50':>8} {'auto p95':>8} {'10k-char p95':>12} "
        f"{'generate s':>10} {'index s':>8}"
    )
    for size, label, s50, s95, c95, a50, a95, long_ms, generated, indexed in rows:
        print(
            f"{size:>9}  {label:<20} {s50:>10.1f} {s95:>10.1f} {c95:>8.1f} {a50:>8.1f} "
            f"{a95:>8.1f} {long_ms:>12.1f} {generated:>10.1f} {indexed:>8.1f}"
        )
    print(
        "ms, whole requests through the test client; cpu: this process's CPU time per "
        "search (all of it on SQLite; the database server's or engine's not counted), "
        "the figure to read on a loaded machine; index s: all pages, bulk"
    )
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    assert rows
