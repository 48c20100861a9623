"""Relevance on the demo content: mean reciprocal rank at 10 over a fixed set of queries.

The demo content (``manage.py load_demo``: Bokmål, machine translated into Nynorsk)
is loaded once for the module and searched through every backend the run has:
the database's (SQLite, or PostgreSQL in the Makefile's second run), OpenSearch and
Elasticsearch. Each query names the page it must return (by slug; either written
standard's version counts, since they are one result) and the written standard of
the reader who asks. The queries cover inflections, compounds, Bokmål and
Nynorsk words in both directions, typos and several words at once.

MRR@10: the mean over queries of 1/rank of the wanted page in the top ten (0 when
it is not there). It must be at least 0.9 on every backend.
"""

import io

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings
from django.utils import translation

from wagtail.models import Page

import pytest

from search import selectors
from search.backends import search_backends
from search.engines.resilience import breaker_reset

from .conftest import BACKENDS, _require_engine, engine_settings

pytestmark = pytest.mark.django_db

MRR_TARGET = 0.9
K = 10

# (query, reader's written standard, slug of the page it must return)
QUERIES = [
    # Inflections
    ("kvinnedagen", "nb", "8-mars"),
    ("kvinnedag", "nb", "8-mars"),
    ("lokallagshåndbøkene", "nb", "lokallagshandboka"),
    ("ringekvelder", "nb", "sagene-ringekveld"),
    ("fritidsklubben", "nb", "stovner-lite-lag"),
    ("representantskapets møter", "nb", "representantskapet"),
    ("samlingene for lokallagsledere", "nb", "digitale-samlinger-lokallagsledere"),
    ("personvernet", "nb", "personvern"),
    ("debattkvelden", "nb", "studentlaget-debatt"),
    ("fadderordningen", "nb", "lokallagene"),
    # Compounds: a part, or a compound the text has in other words
    ("tillitsvalgtskolering", "nb", "tillitsvalgtskolering"),
    ("skolering for tillitsvalgte", "nb", "tillitsvalgtskolering"),
    ("nominasjonskomiteen", "nb", "nominasjonskomite"),
    ("valgkomité", "nb", "nominasjonskomite"),
    ("kandidatskoleringen", "nb", "kandidatskolering"),
    ("videoproduksjon", "nb", "sosiale-medier-og-video"),
    ("lobbykurs", "nb", "lobbykurs-frivillige-organisasjoner"),
    ("organisasjonskultur", "nb", "apen-og-inkluderende-organisasjonskultur"),
    ("valgkampstrategi", "nb", "stortingsvalget-2025"),
    ("kommunebudsjettet", "nb", "lokalt-budsjettarbeid"),
    ("fylkeslagshåndboka", "nb", "fylkeslagshandboka"),
    ("budsjettåret", "nb", "budsjettaret"),
    ("helsesykepleiere", "nb", "alna-budsjett"),
    ("velkomstmøter", "nb", "frogner-ny-i-sv"),
    # Nynorsk words finding Bokmål pages, read on the Bokmål site ...
    ("skulering for tillitsvalde", "nb", "tillitsvalgtskolering"),
    ("lokallagsleiar", "nb", "digitale-samlinger-lokallagsledere"),
    ("samlingar for lokallagsleiarar", "nb", "digitale-samlinger-lokallagsledere"),
    ("valkamp", "nb", "stortingsvalget-2025"),
    ("lokallagshandboka", "nb", "lokallagshandboka"),
    ("budsjettarbeid for folkevalde", "nb", "lokalt-budsjettarbeid"),
    ("friviljuge organisasjonar", "nb", "lobbykurs-frivillige-organisasjoner"),
    ("møte på fleire språk", "nb", "gamle-oslo-flerspraklig"),
    ("helsesjukepleiarar", "nb", "alna-budsjett"),
    ("valkomité", "nb", "nominasjonskomite"),
    ("personopplysningar", "nb", "personvern"),
    ("fagforeininga", "nb", "1-mai"),
    # ... and on the Nynorsk site, Bokmål words too
    ("skulering for tillitsvalde", "nn", "tillitsvalgtskolering"),
    ("valkamp", "nn", "stortingsvalget-2025"),
    ("tillitsvalgtskolering", "nn", "tillitsvalgtskolering"),
    ("lokallagshåndboka", "nn", "lokallagshandboka"),
    ("nominasjonskomiteer", "nn", "nominasjonskomite"),
    ("kvinnedagen", "nn", "8-mars"),
    ("samefolkets dag", "nn", "6-februar"),
    ("personvern", "nn", "personvern"),
    # Several words
    ("likestilling er ikke ferdig", "nb", "8-mars"),
    ("natur og klima er lokalpolitikk", "nb", "5-juni"),
    ("trygge jobber arbeidsliv", "nb", "1-mai"),
    ("samiske rettigheter", "nb", "6-februar"),
    ("stopp volden mot kvinner", "nb", "25-november"),
    ("dørbank i hele bydelen", "nb", "grunerlokka-dorbank"),
    ("frokost før toget", "nb", "nordstrand-8-mars-frokost"),
    ("naturvandring på miljødagen", "nb", "ostensjo-miljodag"),
    ("møter med tolking", "nb", "gamle-oslo-flerspraklig"),
    ("alternativt budsjett i opposisjon", "nb", "i-opposisjon"),
    ("styret og vervene", "nb", "styret"),
    ("hva det innebærer å ta et verv", "nb", "verv-i-sv"),
    ("velkomstmøte for nye medlemmer", "nb", "ny-i-sv"),
    ("medlemmer med minoritetsbakgrunn", "nb", "borgen-programmet"),
    ("om ressursbanken", "nb", "om-ressursbanken"),
    # Typos
    ("tillitsvalgtskolring", "nb", "tillitsvalgtskolering"),
    ("lokallagshåndbka", "nb", "lokallagshandboka"),
    ("kvinnedgen", "nb", "8-mars"),
    ("nominasjonskomitee", "nb", "nominasjonskomite"),
    ("personverrn", "nb", "personvern"),
    ("fritidsklub", "nb", "stovner-lite-lag"),
    ("trakasering", "nb", "apen-og-inkluderende-organisasjonskultur"),
    ("representantskapt", "nb", "representantskapet"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content in both standards, loaded once, rolled back at the end."""
    media_root = tmp_path_factory.mktemp("relevance-media")
    database = search_backends(backend="database", url="", index_prefix="", timeout=1.0)
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root), WAGTAILSEARCH_BACKENDS=database),
        transaction.atomic(),
    ):
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        keys = {}
        for page in Page.objects.filter(locale__language_code="nb"):
            keys.setdefault(page.slug, page.translation_key)
        assert Page.objects.filter(locale__language_code="nn").count() > 40
        yield keys
        transaction.set_rollback(True)


@pytest.fixture(scope="module", params=BACKENDS)
def relevance_backend(request, demo, django_db_blocker, engine_urls):
    name = request.param
    if name == "database":
        yield search_backends(backend="database", url="", index_prefix="", timeout=1.0)
        return
    engine_urls[name] = _require_engine(name)
    config = engine_settings(engine_urls[name], engine=name)
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=config):
        breaker_reset()
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    yield config


def rank_of(query: str, lang: str, translation_key) -> int | None:
    request = RequestFactory().get(f"/{lang}/sok/")
    request.user = AnonymousUser()
    request.session = {}
    with translation.override(lang):
        outcome = selectors.search_run(request=request, query=query, filters={})
    if outcome.page is None:
        return None
    for rank, page in enumerate(list(outcome.page.object_list)[:K], start=1):
        if page.translation_key == translation_key:
            return rank
    return None


def test_mean_reciprocal_rank(relevance_backend, demo, request):
    assert len(QUERIES) >= 60
    missing = [slug for _q, _l, slug in QUERIES if slug not in demo]
    assert not missing, f"the relevance set names pages the demo does not have: {missing}"
    with override_settings(WAGTAILSEARCH_BACKENDS=relevance_backend):
        breaker_reset()
        ranks = [(q, lang, slug, rank_of(q, lang, demo[slug])) for q, lang, slug in QUERIES]
    mrr = sum(1 / rank for *_rest, rank in ranks if rank) / len(ranks)
    misses = [
        f"{q!r} ({lang}) -> {slug}: rank {rank}" for q, lang, slug, rank in ranks if rank != 1
    ]
    name = request.node.callspec.params["relevance_backend"]
    print(f"\nMRR@{K} on {name}: {mrr:.3f} over {len(ranks)} queries")
    for line in misses:
        print("  " + line)
    assert mrr >= MRR_TARGET, f"MRR@{K} = {mrr:.3f} < {MRR_TARGET}; not first:\n" + "\n".join(
        misses
    )
