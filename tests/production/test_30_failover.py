"""Losing a part of the stack: one application server, the worker, Redis, the search
engine. Each test stops one service and starts it again at the end."""

import html
import threading
import time
import uuid

import pytest
import requests

from tests.production.conftest import (
    PASSWORD,
    campaign_pack,
    csrf_token,
    publish,
    script,
    unique_word,
    wait_until,
)

pytestmark = pytest.mark.production


def test_stopping_one_gunicorn_loses_no_request(stack):
    """nginx passes a request the stopped instance does not take to the other one."""
    statuses: list[int | str] = []
    stop = threading.Event()

    def reader(number: int):
        count = 0
        while not stop.is_set() and count < 150:
            count += 1
            try:  # a query string of its own, so every request reaches gunicorn
                response = requests.get(
                    f"{stack.url}/nb/?failover={number}-{count}-{uuid.uuid4().hex[:6]}",
                    timeout=30,
                )
                statuses.append(response.status_code)
            except requests.RequestException as error:
                statuses.append(type(error).__name__)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        script("gunicorn.sh", "stop", "a")
        time.sleep(2)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        script("gunicorn.sh", "start", "a")
    assert len(statuses) > 20
    failed = [status for status in statuses if status != 200]
    assert not failed, f"{len(failed)} of {len(statuses)} requests failed: {failed[:10]}"


def _tasks_since(stack, since: str) -> list[str]:
    out = stack.shell(
        "from django_tasks_db.models import DBTaskResult\n"
        f"print(' '.join(DBTaskResult.objects.filter(enqueued_at__gt={since!r})"
        ".order_by('enqueued_at').values_list('status', flat=True)))"
    )
    return out.split()


def test_stopping_the_worker_loses_no_task(stack, editor):
    page_id, path = campaign_pack(stack)
    since = stack.shell("from django.utils import timezone; print(timezone.now().isoformat())")
    script("worker.sh", "stop")
    try:
        title = f"Kampanje {unique_word()}"
        stack.draft_title(page_id, title)
        publish(stack, editor, page_id)
        waiting = _tasks_since(stack, since)
        assert waiting and all(status == "READY" for status in waiting), waiting
    finally:
        script("worker.sh", "start")
    done = wait_until(
        lambda: (
            (statuses := _tasks_since(stack, since))
            and all(status in ("SUCCESSFUL", "FAILED") for status in statuses)
            and statuses
        ),
        seconds=30,
        interval=1,
    )
    assert done and all(status == "SUCCESSFUL" for status in done), done
    assert title in html.unescape(stack.get(path + f"?after-worker={uuid.uuid4().hex}").text)


def _post_login(stack, session, token):
    return session.post(
        stack.url + "/nb/logg-inn/",
        data={"csrfmiddlewaretoken": token, "username": "prodtest-medlem", "password": PASSWORD},
        headers={"Referer": stack.url + "/nb/logg-inn/"},
        allow_redirects=False,
        timeout=30,
    )


def test_without_redis_pages_still_serve_and_login_fails_closed(stack):
    session = requests.Session()
    form = stack.get("/nb/logg-inn/", session)
    assert form.status_code == 200
    token = csrf_token(form.text)
    script("redis.sh", "stop")
    try:
        page = stack.get(f"/nb/?without-redis={uuid.uuid4().hex}")
        assert page.status_code == 200, page.status_code
        response = _post_login(stack, session, token)
        assert response.status_code >= 400, response.status_code
        assert "sessionid" not in session.cookies
        assert 'lang="nb"' in response.text
    finally:
        script("redis.sh", "start")


def test_without_redis_login_says_why_in_norwegian(stack):
    """The login form answers 503 with its own message, not the general error page."""
    session = requests.Session()
    form = stack.get("/nb/logg-inn/", session)
    token = csrf_token(form.text)
    script("redis.sh", "stop")
    try:
        response = _post_login(stack, session, token)
    finally:
        script("redis.sh", "start")
    assert response.status_code == 503, response.status_code
    text = html.unescape(response.text).lower()
    assert "innlogging" in text and 'name="username"' in text, text[:500]


def test_a_publish_while_the_search_engine_is_down(stack, editor):
    """Publishing does not wait for OpenSearch; the index catches up when it returns."""
    page_id, path = campaign_pack(stack)
    word = unique_word()
    title = f"Kampanje {word}"
    stack.draft_title(page_id, title)
    script("search-engine.sh", "stop")
    try:
        seconds = publish(stack, editor, page_id)
        assert seconds < 2, f"publishing took {seconds:.1f} s with the search engine down"
        page = stack.get(f"{path}?search-down={word}")
        assert title in html.unescape(page.text)
    finally:
        script("search-engine.sh", "start")

    def found():
        results = stack.get(f"/nb/sok/?q={word}").text.partition("result-list")[2]
        return f'href="{path}"' in results and word in results

    if wait_until(found, seconds=15, interval=1):
        print("the index caught up through the worker")
    else:
        print("the index caught up through manage.py update_index")
        stack.manage("update_index", "-v", "0", env={"SEARCH_TIMEOUT": "60"})
    assert wait_until(found, seconds=10, interval=1), f"search does not find {word!r}"
