"""Search latency at 10k and 50k resources in both written standards (`make bench-search`).

Pages are written with bulk inserts (treebeard paths computed here) and indexed with
the backends' bulk indexing, as `update_index` does. Latency is measured through
the search page's selector (ranking, privacy, facets and paging: what a reader
waits for) for an anonymous visitor. Prints a table; asserts nothing about time.
"""

import os
import random
import statistics
import time
import uuid

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory, override_settings
from django.utils import timezone

from wagtail.models import Locale, Page

import pytest

from resourcebank.core.models import InfoPage
from search import selectors
from search.backends import search_backends
from search.forms import SearchForm
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
    for i in range(start, stop):
        locale = locales[i % 2]
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
                translation_key=uuid.uuid4(),
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


def measure(request, query):
    started = time.perf_counter()
    selectors.search_run(request=request, query=query, filters={}, page_number=1)
    return (time.perf_counter() - started) * 1000


def long_query_ms(request):
    form = SearchForm({"q": "lokallag skulering " * 556})  # 10,008 characters
    assert form.is_valid()
    started = time.perf_counter()
    selectors.search_run(request=request, query=form.cleaned_data["q"], filters={})
    return (time.perf_counter() - started) * 1000


def backends_available():
    found = [("database", search_backends(backend="database", url="", index_prefix="", timeout=1))]
    url = os.environ.get("SEARCH_URL")
    if url:
        found.append(
            (
                "opensearch",
                search_backends(backend="opensearch", url=url, index_prefix="bench", timeout=30),
            )
        )
    return found


def test_search_latency(home_page, nn_locale):
    rng = random.Random(20261123)
    locales = [Locale.objects.get(language_code="nb"), nn_locale]
    request = RequestFactory().get("/nb/sok/")
    request.user = AnonymousUser()
    request.session = {}
    vendor = connection.vendor
    rows = []
    parent = factories.InfoPageFactory(parent=home_page, title="Benchmark", slug="benchmark")
    done = 0
    for size in SIZES:
        started = time.perf_counter()
        bulk_pages(parent, done, size, rng, locales)
        parent.refresh_from_db()
        generated = time.perf_counter() - started
        for name, config in backends_available():
            with override_settings(WAGTAILSEARCH_BACKENDS=config):
                if done == 0 and name != "database":
                    from modelsearch.backends import get_search_backend

                    index = get_search_backend().get_index_for_model(InfoPage)
                    index.reset()
                    index.add_model(InfoPage)
                started = time.perf_counter()
                index_pages(parent)
                indexed = time.perf_counter() - started
                measure(request, "lokallag")  # warm up
                timings = [measure(request, q) for _ in range(ROUNDS) for q in QUERIES]
                long_ms = statistics.median(long_query_ms(request) for _ in range(3))
                label = f"{name} ({vendor})" if name == "database" else name
                rows.append(
                    (
                        size,
                        label,
                        statistics.median(timings),
                        statistics.quantiles(timings, n=20)[18],
                        long_ms,
                        generated,
                        indexed,
                    )
                )
        done = size
    print()
    print(
        f"{'resources':>9}  {'backend':<20} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'10k-char ms':>11} {'generate s':>10} {'index s':>8}"
    )
    for size, label, p50, p95, long_ms, generated, indexed in rows:
        print(
            f"{size:>9}  {label:<20} {p50:>8.1f} {p95:>8.1f} {long_ms:>11.1f} "
            f"{generated:>10.1f} {indexed:>8.1f}"
        )
    assert rows
