"""Real-browser tests: Debian's chromium driven by Playwright, with axe-core.

The browser is started once per session. Tests use pytest-django's `live_server`,
which serves the site (static files included) from a thread of this process;
the migration's default Wagtail site routes every host, so no Site has to match
the live server's port.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the Django ORM calls made
# by the tests themselves are still synchronous, so Django's async guard is lifted.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _missing_browser(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian chromium for the whole session."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        _missing_browser(
            f"{CHROMIUM} not found: install Debian's chromium: apt-get install chromium"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - declared in the test extras
        _missing_browser("playwright is not installed: pip install -e '.[test]'")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def browser_page(chromium_browser):
    """One page (tab) reused by every test; each test navigates where it needs."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def site_home(transactional_db):
    """The Bokmål home page as the default site's root, as the migrations make it.

    Browser tests run in transactions that end with a flush of every table, so the
    rows the data migrations made (locales, the root page and collection, the
    home page, the site) are put back here when a previous browser test removed them.
    """
    from wagtail.models import Collection, Locale, Page, Site

    from resourcebank.core.models import HomePage

    nb, _ = Locale.objects.get_or_create(language_code="nb")
    Locale.objects.get_or_create(language_code="nn")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.filter(locale=nb, depth=2).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=nb)
        )
        home = root.add_child(instance=HomePage(title="Ressursbanken", slug="home", locale=nb))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(axe, page, label: str) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on what `page` shows now: none, or one report
    (format_violations) headed `label`."""
    results = axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_21_AA},
            "resultTypes": ["violations"],
        },
    )
    if not results.response["violations"]:
        return []
    return [format_violations(label, results.response)]


def format_violations(url: str, response: dict) -> str:
    """Axe violations as readable text: rule, impact, help, and the offending nodes."""
    lines = [f"{url}: {len(response['violations'])} axe violation(s)"]
    for violation in response["violations"]:
        lines.append(
            f"- [{violation.get('impact')}] {violation['id']}: {violation['help']}"
            f" ({violation.get('helpUrl', '')})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " / ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


@pytest.fixture
def assert_accessible(browser_page, axe):
    """Open a URL in the shared page; return readable reports of its WCAG 2.1 AA violations."""

    def check(url: str, *, status: int = 200):
        response = browser_page.goto(url)
        assert response is not None and response.status == status, f"{url} answered {response}"
        return axe_violations(axe, browser_page, url)

    return check


@pytest.fixture
def roles_ready(site_home):
    """The roles and workflow as migrate leaves them. A browser test's database was
    flushed by the one before, permissions included: they are made again first."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail_localize.models import Translation

    from resourcebank.editorial import roles, services

    ContentType.objects.clear_cache()  # its cached ids went with the flush
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # wagtail-localize makes this one in a data migration.
    Permission.objects.get_or_create(
        codename="submit_translation",
        content_type=ContentType.objects.get_for_model(Translation),
        defaults={"name": "Can submit translations"},
    )
    roles.roles_ensure()
    services.editorial_workflow_ensure()
    return site_home
