"""The production tier on loopback, driven over HTTP (`make test-production`).

These tests do not use Django's test database: they talk to the running stack that
`scripts/production-local.sh start` brought up (Varnish → nginx → two gunicorn →
PostgreSQL, OpenSearch, Redis, s3rver, the worker) and run `manage.py` commands
against its database with the same environment (scripts/production-env.sh).
They stop and start services of that stack themselves, and put them back.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.editorial_support import TEST_TOTP_KEY, totp_code
from tests.fixtures import service_missing

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
PASSWORD = "prodtest-Passord-" + "7f3k2"  # only on this loopback stack
ACCOUNTS = {
    # username: (role key from resourcebank/editorial/roles.py, first name shown when logged in)
    "prodtest-redaktor": ("editors", "Prodtestredaktor"),
    "prodtest-medlem": ("members", "Prodtestmedlem"),
    "prodtest-medlem2": ("members", "Prodtestandre"),
}

pytestmark = pytest.mark.production


def script(*args: str, check: bool = True) -> str:
    """Run one of scripts/*.sh; its stdout (the URL), stripped."""
    result = subprocess.run(
        [str(SCRIPTS / args[0]), *args[1:]], capture_output=True, text=True, timeout=300
    )
    if check and result.returncode != 0:
        raise AssertionError(f"scripts/{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def production_env() -> dict[str, str]:
    env = dict(os.environ)
    for line in script("production-env.sh").splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    return env


class Stack:
    """The running stack: its URL, its environment, manage.py against its database."""

    def __init__(self, url: str):
        self.url = url
        self.env = production_env()

    def manage(self, *args: str, timeout: float = 300, env: dict | None = None) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise AssertionError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def shell(self, code: str) -> str:
        """Run Python in `manage.py shell` on the stack's database; what it prints."""
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def get(self, path: str, session: requests.Session | None = None, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return (session or requests).get(self.url + path, **kwargs)

    def draft_title(self, page_id: int, title: str) -> None:
        """Save a draft revision with a new title, by the test editor (not published)."""
        self.shell(
            "from django.contrib.auth import get_user_model\n"
            "from wagtail.models import Page\n"
            f"page = Page.objects.get(pk={page_id}).specific\n"
            f"page.title = {title!r}\n"
            "page.save_revision(user=get_user_model().objects.get(username='prodtest-redaktor'))\n"
        )


@pytest.fixture(scope="session")
def stack() -> Stack:
    result = subprocess.run(
        [str(SCRIPTS / "production-local.sh"), "url"], capture_output=True, text=True
    )
    if result.returncode != 0 or not result.stdout.strip():
        service_missing(
            "the production tier is not running", "make test-production (or make production-local)"
        )
    stack = Stack(result.stdout.strip())
    lines = [
        "from django.contrib.auth import get_user_model",
        "from resourcebank.editorial.roles import role_group",
        "User = get_user_model()",
    ]
    for username, (role, first_name) in ACCOUNTS.items():
        lines += [
            f"user, _ = User.objects.get_or_create(username={username!r})",
            f"user.first_name = {first_name!r}",
            "user.is_active = True; user.is_superuser = False; user.is_staff = False",
            f"user.set_password({PASSWORD!r}); user.save()",
            f"user.groups.set([role_group({role!r})])",
            # Staff give a second factor in the admin: an app with a key the tests know.
            "from django_otp.plugins.otp_totp.models import TOTPDevice",
            "TOTPDevice.objects.filter(user=user).delete()",
            f"TOTPDevice.objects.create(user=user, name='test', key={TEST_TOTP_KEY!r})",
        ]
    stack.shell("\n".join(lines))
    return stack


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the form"
    return match.group(1)


def login(stack: Stack, username: str, path: str) -> requests.Session:
    """Log in through a real login form (the admin's or the site's) with a real session."""
    session = requests.Session()
    page = stack.get(path, session)
    assert page.status_code == 200, f"GET {path}: {page.status_code}"
    response = session.post(
        stack.url + path,
        data={
            "csrfmiddlewaretoken": csrf_token(page.text),
            "username": username,
            "password": PASSWORD,
        },
        headers={"Referer": stack.url + path},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, f"login as {username} at {path}: {response.status_code}"
    assert "sessionid" in session.cookies, "no session cookie after logging in"
    if path.startswith("/admin/"):
        verify = "/admin/to-trinn/"
        form = stack.get(verify, session)
        done = session.post(
            stack.url + verify,
            data={"csrfmiddlewaretoken": csrf_token(form.text), "token": totp_code()},
            headers={"Referer": stack.url + verify},
            allow_redirects=False,
            timeout=30,
        )
        assert done.status_code == 302, f"second factor for {username}: {done.status_code}"
    return session


@pytest.fixture
def editor(stack) -> requests.Session:
    return login(stack, "prodtest-redaktor", "/admin/login/")


@pytest.fixture
def member(stack) -> requests.Session:
    return login(stack, "prodtest-medlem", "/nb/logg-inn/")


def publish(stack: Stack, editor: requests.Session, page_id: int) -> float:
    """The editor publishes the page's latest revision through the admin (bulk publish,
    which checks the editor's publish permission). Returns the seconds it took."""
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}"
    confirm = stack.get(path, editor)
    assert confirm.status_code == 200, f"bulk publish form: {confirm.status_code}"
    start = time.monotonic()
    response = editor.post(
        stack.url + path,
        data={"csrfmiddlewaretoken": csrf_token(confirm.text)},
        headers={"Referer": stack.url + path},
        allow_redirects=False,
        timeout=30,
    )
    elapsed = time.monotonic() - start
    assert response.status_code == 302, f"publish: {response.status_code} {response.text[:300]}"
    return elapsed


def campaign_pack(stack: Stack) -> tuple[int, str]:
    """A live Bokmål campaign pack of the demo content: (id, path)."""
    out = stack.shell(
        "from wagtail.models import Page\n"
        "page = Page.objects.live().public().filter(locale__language_code='nb', "
        "content_type__model='campaignpackpage').order_by('pk').first()\n"
        "print(page.pk, page.url)"
    )
    page_id, url = out.split()
    return int(page_id), url


def unique_word() -> str:
    """A made-up word (letters only, so every analyser keeps it whole)."""
    letters = "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:10])
    return "prodtest" + letters


def wait_until(predicate, seconds: float, interval: float = 0.1):
    """Call predicate until it returns something true or the time is up; the last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def require_cached(stack: Stack, path: str) -> requests.Response:
    """Fetch an anonymous page until Varnish has it; fail saying what the app must do."""
    stack.get(path)
    response = stack.get(path)
    if response.headers.get("X-Cache") != "HIT":
        pytest.fail(
            f"Varnish did not cache the anonymous page {path} (X-Cache "
            f"{response.headers.get('X-Cache')}, Cache-Control "
            f"{response.headers.get('Cache-Control')!r}). The application must send "
            "'Cache-Control: public, max-age=N' (or s-maxage) on anonymous page responses."
        )
    return response
