"""Reads never wait for writers; a request that writes commits all or nothing."""

import sqlite3

from django.db import connection
from django.test import Client

import pytest

from resourcebank.core.middleware import AtomicWritesMiddleware
from resourcebank.taxonomy.models import Topic

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the write lock is SQLite's (PostgreSQL has none)"
)


@pytest.fixture
def short_lock_timeout():
    """Wait at most a second for SQLite's write lock (20 s in the settings)."""
    options = connection.settings_dict.setdefault("OPTIONS", {})
    before = options.get("timeout")
    options["timeout"] = 1
    connection.close()
    yield
    options["timeout"] = before
    connection.close()


@sqlite_only
def test_a_page_is_read_while_another_connection_holds_the_write_lock(
    transactional_db, home_page, short_lock_timeout
):
    writer = sqlite3.connect(connection.settings_dict["NAME"], timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")  # the write lock, as a publishing editor holds it
        response = Client().get("/nb/")
        assert response.status_code == 200
    finally:
        writer.rollback()
        writer.close()


def test_a_post_view_runs_in_one_transaction_and_rolls_back_on_error(db, rf, nb_locale):
    def failing_view(request):
        Topic.objects.create(name="Halvveis", slug="halvveis", locale=nb_locale)
        raise RuntimeError("the view fails after its first write")

    middleware = AtomicWritesMiddleware(lambda request: None)
    with pytest.raises(RuntimeError):
        middleware.process_view(rf.post("/"), failing_view, (), {})
    assert not Topic.objects.filter(slug="halvveis").exists()
    # A read is left to autocommit: the middleware does not call the view itself.
    assert middleware.process_view(rf.get("/"), failing_view, (), {}) is None
