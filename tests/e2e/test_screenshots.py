"""`make screenshots`: PNGs of every page type on a phone (390 px) and a laptop (1366 px), light
and dark, plus the phone's open menu and the print view of the pages people print, into
$SCREENSHOTS_DIR (var/screenshots/), with an index.html that shows them all on one page.

Skipped unless SCREENSHOTS_DIR is set: it proves nothing by itself; a person looks.
"""

import os
import re
from pathlib import Path

import pytest

from tests.e2e.gallery import write_gallery
from tests.e2e.page_types import FALLBACK, build_page_types, log_in, story_form_with_errors

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
SCHEMES = ("light", "dark")
PRINTED = ("campaign pack", "handbook", "handbook chapter", "half-year programme")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@pytest.mark.skipif(not os.environ.get("SCREENSHOTS_DIR"), reason="make screenshots sets it")
def test_screenshots_of_every_page_type(live_server, site_home, chromium_browser):
    directory = Path(os.environ["SCREENSHOTS_DIR"])
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.png"):
        old.unlink()
    page_set = build_page_types(site_home)
    targets = [("nb", page_type, path) for page_type, path in page_set.urls["nb"].items()]
    targets += [
        ("nn", page_type, page_set.urls["nn"][page_type]) for page_type in ("home", FALLBACK)
    ]

    shots: list[tuple[str, str]] = []  # (caption, file name)

    def shoot(page, caption: str, *, full_page: bool = True) -> None:
        name = f"{len(shots):03d}-{_slug(caption)}.png"
        page.screenshot(path=directory / name, full_page=full_page)
        shots.append((caption, name))

    for device, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            context = chromium_browser.new_context(
                viewport=viewport, color_scheme=scheme, locale="nb-NO", timezone_id="Europe/Oslo"
            )
            page = context.new_page()
            try:
                for language, page_type, path in targets:
                    page.goto(live_server.url + path)
                    shoot(page, f"{language} {page_type} – {device} {scheme}")
                if device == "phone":
                    page.goto(live_server.url + page_set.urls["nb"]["campaign pack"])
                    page.locator(".site-header__toggle--menu").click()
                    shoot(page, f"nb menu open – {device} {scheme}", full_page=False)
                    page.locator(".site-header__toggle--search").click()
                    shoot(page, f"nb search open – {device} {scheme}", full_page=False)
                log_in(page, live_server.url)
                story_form_with_errors(page, live_server.url, page_set.story_form["nb"])
                shoot(page, f"nb story form with errors – {device} {scheme}")
            finally:
                context.close()

    context = chromium_browser.new_context(viewport=VIEWPORTS["laptop"], color_scheme="dark")
    page = context.new_page()
    page.emulate_media(media="print")
    for page_type in PRINTED:
        page.goto(live_server.url + page_set.urls["nb"][page_type])
        shoot(page, f"nb {page_type} – print")
    context.close()

    write_gallery(directory, shots, title="Screenshots", min_width=220)
    assert shots
