"""Behind Varnish and nginx each reader keeps their own address (TRUSTED_PROXIES), so the
login throttle locks out the one who fails, not everyone behind the proxies."""

import random
import uuid

import pytest
import requests

from tests.production.conftest import PASSWORD, csrf_token

pytestmark = pytest.mark.production


def _reader(stack, address: str):
    """A reader at `address`: this test runs on loopback, itself a trusted proxy, so the
    address it forwards stands for the reader behind it."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    form = stack.get("/nb/logg-inn/", session)
    assert form.status_code == 200
    token = csrf_token(form.text)

    def log_in(username, password):
        return session.post(
            stack.url + "/nb/logg-inn/",
            data={"csrfmiddlewaretoken": token, "username": username, "password": password},
            headers={"Referer": stack.url + "/nb/logg-inn/"},
            allow_redirects=False,
            timeout=30,
        ).status_code

    return log_in


def test_one_readers_failed_logins_do_not_lock_out_another(stack):
    net = random.randint(0, 255)  # noqa: S311 - test data
    guesser = _reader(stack, f"198.51.{net}.7")
    member = _reader(stack, f"198.51.{net}.8")

    statuses = [guesser(f"ukjent-{uuid.uuid4().hex[:8]}", "feil-passord") for _ in range(20)]
    assert set(statuses) == {400}, statuses
    assert guesser("prodtest-medlem", PASSWORD) == 429  # this address is locked now

    assert member("prodtest-medlem", PASSWORD) == 302  # another reader is not
