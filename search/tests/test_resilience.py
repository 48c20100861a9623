"""A search engine that is down or hanging never blocks publishing or breaks the site."""

import io
import socket
import threading
import time

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

import pytest

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
    home_page, client, stopped_engine_url, search_engine_url
):
    from django.core.cache import cache

    from search.engines.resilience import PENDING_KEY

    cache.delete(PENDING_KEY)
    breaker_reset()
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(stopped_engine_url, timeout=1.0, prefix=PREFIX)
    ):
        publish_new_page(home_page, "Høstkonferansen i Bodø")
    with override_settings(
        WAGTAILSEARCH_BACKENDS=engine_settings(search_engine_url, prefix=PREFIX)
    ):
        breaker_reset()
        publish_new_page(home_page, "Vinterkonferansen i Tromsø")  # reaches the engine
        from modelsearch.backends import get_search_backend

        get_search_backend().get_index_for_model(Page).refresh()
        response = client.get("/nb/sok/", {"q": "høstkonferansen"})
        titles = [p.title for p in response.context["outcome"].page.object_list]
        # "Vinterkonferansen" may follow: it shares the compound's head, "konferanse".
        assert titles[0] == "Høstkonferansen i Bodø"
