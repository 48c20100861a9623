"""A search engine that is down or hanging never blocks publishing or breaks the site."""

import io
import json
import socket
import threading
import time
import urllib.request
from datetime import timedelta

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

import pytest

from resourcebank.core import caching
from search.engines.resilience import breaker_reset
from search.tests.conftest import engine_settings
from tests import factories

pytestmark = pytest.mark.django_db

PREFIX = "test_resilience"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def stopped_engine_url():
    """Where the engine was: nothing listens there any more."""
    return f"http://127.0.0.1:{free_port()}"


@pytest.fixture
def hanging_engine_url():
    """An engine that accepts connections and never answers (a hung JVM)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def publish_new_page(parent, title):
    page = factories.InfoPageFactory.build(title=title, summary="Sommerskole for lokallagene.")
    page.live = False
    parent.add_child(instance=page)
    started = time.monotonic()
    page.save_revision().publish()
    return page, time.monotonic() - started


@pytest.mark.parametrize("engine", ["stopped", "hanging"])
def test_publish_succeeds_quickly_and_search_answers_503(
    engine, request, home_page, client, search_engine_url
):
    url = request.getfixturevalue(f"{engine}_engine_url")
    breaker_reset()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(url, timeout=1.0, prefix=PREFIX)):
        page, elapsed = publish_new_page(home_page, "Sommerskolen i Gjøvik")
        # The one timing assertion the issue asks for: publishing within 2 s.
        assert elapsed < 2.0
        page.refresh_from_db()
        assert page.live

        response = client.get("/nb/sok/", {"q": "sommerskolen"})
        assert response.status_code == 503
        assert 'role="alert"' in response.content.decode()
        assert response.context["unavailable"]
        assert client.get("/nb/sok/autocomplete/", {"q": "sommer"}).status_code == 503

    # The engine is back: update_index reconciles what was missed.
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(search_engine_url, prefix=PREFIX)
    ):
        breaker_reset()
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        response = client.get("/nb/sok/", {"q": "sommerskolen"})
        assert response.status_code == 200
        titles = [p.title for p in response.context["outcome"].page.object_list]
        assert titles == ["Sommerskolen i Gjøvik"]


def engine_connections_opened(url: str) -> int:
    """How many HTTP connections the engine has accepted since it started."""
    with urllib.request.urlopen(f"{url}/_nodes/stats/http", timeout=10) as response:  # noqa: S310
        nodes = json.load(response)["nodes"].values()
    return sum(node["http"]["total_opened"] for node in nodes)


def test_searches_share_one_connection_to_the_engine(home_page, client, search_engine_url):
    """Each search (the search page's, autocomplete's, the API's) once built a new engine
    client, and so a new connection: against a managed engine over TLS, a handshake
    before every search."""
    breaker_reset()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(search_engine_url, prefix=PREFIX)
    ):
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
        before = engine_connections_opened(search_engine_url)
        for word in ("lokallag", "skulering", "valkamp", "handbok"):
            assert client.get("/nb/sok/", {"q": word}).status_code == 200
            assert client.get("/nb/sok/autocomplete/", {"q": word[:4]}).status_code == 200
            assert client.get("/api/v2/pages/", {"search": word}).status_code == 200
        opened = engine_connections_opened(search_engine_url) - before
    # One for the twelve requests, one for reading the statistics again.
    assert opened <= 2, f"{opened - 1} connections for 12 requests"


def test_breaker_skips_the_engine_after_a_failure(home_page, hanging_engine_url):
    """After one timeout, further index updates fail at once instead of waiting again."""
    from search.engines.resilience import _open_until

    breaker_reset()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(hanging_engine_url, timeout=1.0, prefix=PREFIX)
    ):
        publish_new_page(home_page, "Første side")
        assert _open_until, "the failure opened the breaker"
        publish_new_page(home_page, "Andre side")
        publish_new_page(home_page, "Tredje side")
        assert len(_open_until) == 1


def test_missed_update_is_retried_when_the_engine_is_back(
    worker, home_page, client, stopped_engine_url, search_engine_url
):
    """A publish the engine missed is stored as a deferred task; the worker indexes the
    page once the engine is back, and cached search results go stale."""
    from modelsearch.backends import get_search_backend

    from django_tasks_db.models import DBTaskResult

    from search.tasks import index_object_retry

    retries = DBTaskResult.objects.filter(task_path=index_object_retry.module_path)
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(search_engine_url, prefix=PREFIX)
    ):
        breaker_reset()
        call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())  # the mapping
    breaker_reset()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(stopped_engine_url, timeout=1.0, prefix=PREFIX)
    ):
        page, _ = publish_new_page(home_page, "Høstkonferansen i Bodø")
        # modelsearch's own indexing task, stored too; the worker runs it while the
        # engine is still down and it schedules the retry.
        worker()
    # One retry per missed update (the draft's save and the publish's).
    assert retries.exists(), "the missed update was not kept for a retry"
    for retry in retries:
        assert retry.status == "READY"
        assert retry.args_kwargs["args"] == [page._meta.label, str(page.pk)]
        assert retry.run_after > timezone.now(), "deferred past the breaker's cool-down"

    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(search_engine_url, prefix=PREFIX)
    ):
        breaker_reset()
        # Not before its time: the worker leaves it waiting.
        worker()
        assert set(retries.values_list("status", flat=True)) == {"READY"}

        before = caching.content_version()
        retries.update(run_after=timezone.now())  # its time has come
        worker()
        assert set(retries.values_list("status", flat=True)) == {"SUCCESSFUL"}
        assert caching.content_version() != before

        get_search_backend().get_index_for_model(Page).refresh()
        response = client.get("/nb/sok/", {"q": "høstkonferansen"})
        titles = [p.title for p in response.context["outcome"].page.object_list]
        assert titles == ["Høstkonferansen i Bodø"]


def test_a_retry_while_the_engine_is_still_down_tries_again_later(
    database_tasks, home_page, stopped_engine_url
):
    from django_tasks_db.models import DBTaskResult

    from search.tasks import RETRY_ATTEMPTS, index_object_retry, retry_delay

    page = home_page.add_child(instance=factories.InfoPageFactory.build(title="Vårseminaret"))
    retries = DBTaskResult.objects.filter(task_path=index_object_retry.module_path)
    breaker_reset()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(stopped_engine_url, timeout=1.0, prefix=PREFIX)
    ):
        retries.delete()
        assert index_object_retry.call(page._meta.label, str(page.pk), attempt=7) is False
        again = retries.get()
        assert again.args_kwargs["kwargs"] == {"attempt": 8}
        assert again.run_after > timezone.now() + timedelta(seconds=retry_delay(8) - 5)

        retries.delete()
        index_object_retry.call(page._meta.label, str(page.pk), attempt=RETRY_ATTEMPTS)
        assert not retries.exists(), "given up: update_index reconciles it"


@pytest.mark.django_db
def test_update_index_makes_cached_search_results_stale(home_page):
    """An operator's update_index brings in what the index missed while the engine was
    away; cached search pages must not keep answering without it."""
    before = caching.content_version()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert caching.content_version() != before
