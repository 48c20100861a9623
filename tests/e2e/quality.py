"""Quality gates for rendered pages, with tools no one here wrote.

- `nu_errors(html)` / `nu_errors_many({name: html})`: the Nu HTML checker (vnu.jar), errors only.
- `lighthouse_scores(url)` / `lighthouse_scores_many(urls)`: Lighthouse (mobile preset) in one
  Node process and one browser for the whole set.
- `no_horizontal_scroll(page, width=320)` and `nothing_cut_off_at_zoom(page, 2.0)`: WCAG 1.4.10
  reflow, in a Playwright page.
- `compressed_weight(page, url)`: HTML, CSS and JavaScript of a page, gzip-compressed.

The Node tools are pinned in tools/quality/package-lock.json (`make quality-tools`). Each check
returns a list of readable problems: an empty list means the page passed.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "quality"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_SCRIPT = TOOLS / "lighthouse-many.mjs"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")


def missing_tools() -> list[str]:
    """What the checks need and this machine lacks (empty when everything is there)."""
    missing = []
    if shutil.which("java") is None:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} (make quality-tools)")
    if shutil.which("node") is None:
        missing.append("node")
    if not (TOOLS / "node_modules" / "lighthouse").exists():
        missing.append("tools/quality/node_modules/lighthouse (make quality-tools)")
    if not Path(CHROME_PATH).exists():
        missing.append(CHROME_PATH)
    return missing


# ---------- The Nu HTML checker ----------

_GNU_LINE = re.compile(
    r'^"?(?P<file>.*?)"?:(?P<where>\d+\.\d+-\d+\.\d+|\d+\.\d+|\d+):\s*(?P<rest>.*)$'
)


def nu_errors_many(documents: dict[str, str]) -> dict[str, list[str]]:
    """Check several HTML documents in one Java run: {name: [error, ...]} for every name."""
    errors: dict[str, list[str]] = {name: [] for name in documents}
    if not documents:
        return errors
    with tempfile.TemporaryDirectory(prefix="nu-") as directory:
        files: dict[str, str] = {}
        for index, (name, html) in enumerate(documents.items()):
            path = Path(directory) / f"page-{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            files[str(path)] = name
        completed = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *files],
            capture_output=True,
            text=True,
            check=False,
        )
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"vnu.jar failed ({completed.returncode}): {completed.stderr[-2000:]}")
    for line in completed.stderr.splitlines() + completed.stdout.splitlines():
        match = _GNU_LINE.match(line.strip())
        if not match:
            continue
        name = files.get(match["file"].removeprefix("file:"))
        if name is None:
            continue
        errors[name].append(f"line {match['where']}: {match['rest']}")
    return errors


def nu_errors(html: str) -> list[str]:
    """The Nu checker's errors in one HTML document (an empty list: valid)."""
    return nu_errors_many({"page": html})["page"]


# ---------- Lighthouse ----------


def lighthouse_scores_many(
    urls: list[str], *, headers: dict[str, str] | None = None
) -> dict[str, dict]:
    """Lighthouse (mobile) for every URL with one browser.

    {url: {"scores": {category: 0-100}, "failures": {category: [audit, ...]},
    "console": [browser console errors], "runtimeError": str | None}}. About 12 s a page.
    `headers` go with every request (a session cookie, for pages behind a login).
    """
    if not urls:
        return {}
    completed = subprocess.run(
        ["node", str(LIGHTHOUSE_SCRIPT)],
        input=json.dumps({"urls": urls, "headers": headers or {}}),
        capture_output=True,
        text=True,
        check=False,
        cwd=TOOLS,
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"Lighthouse failed ({completed.returncode}): {completed.stderr[-3000:]}"
        )
    return json.loads(completed.stdout)


def lighthouse_scores(url: str, *, headers: dict[str, str] | None = None) -> dict[str, int]:
    """{category: score 0-100} for one page (performance, accessibility, best-practices, seo)."""
    return lighthouse_scores_many([url], headers=headers)[url]["scores"]


def performance_alone_short(result: dict, *, minimum: int = 95) -> bool:
    """Whether a page failed Lighthouse only on performance: the one score that moves with the
    machine's load (CPU time is measured, then scaled to a slow phone), so worth one more run."""
    if result.get("runtimeError") or result.get("console"):
        return False
    short = [c for c in LIGHTHOUSE_CATEGORIES if result["scores"].get(c, 0) < minimum]
    return short == ["performance"]


def lighthouse_with_rerun(
    urls: list[str],
    *,
    headers: dict[str, str] | None = None,
    minimum: int = 95,
    adjust=lambda url, result: result,
) -> dict[str, dict]:
    """Lighthouse for every URL, and once more for each page whose performance alone fell
    short of `minimum`: {url: {"runs": [first, second?], "result": the run that counts}}.
    `adjust(url, result)` is a result as the caller judges it (audits it expects to fail taken
    out), to decide what fell short.

    The threshold is the same for both runs; the second counts only when the first failed on
    performance and on nothing else, so a page that is slow on an idle machine still fails.
    The second run waits for an idle moment first (`wait_until_idle`).
    """
    first = lighthouse_scores_many(urls, headers=headers)
    again = [
        url
        for url, result in first.items()
        if performance_alone_short(adjust(url, result), minimum=minimum)
    ]
    second = {}
    if again:
        load = wait_until_idle()
        second = lighthouse_scores_many(again, headers=headers)
        for result in second.values():
            result["load before"] = load
    outcome = {}
    for url, result in first.items():
        runs = [result] + ([second[url]] if url in second else [])
        outcome[url] = {"runs": runs, "result": runs[-1]}
    return outcome


def wait_until_idle(
    *, below: float | None = None, timeout: float = 180, poll: float = 5, clock=time
) -> float:
    """Wait (at most `timeout` seconds) until the machine's one-minute load average is under
    `below` (half its CPUs by default), so a second performance run does not share the CPU
    with whatever slowed the first. Returns the load average it went on at; after `timeout`
    it goes on anyway, and the threshold still decides."""
    below = below if below is not None else max((os.cpu_count() or 1) / 2, 1.0)
    waited = 0.0
    load = os.getloadavg()[0]
    while load >= below and waited < timeout:
        clock.sleep(poll)
        waited += poll
        load = os.getloadavg()[0]
    return round(load, 2)


def lighthouse_problems(result: dict, *, minimum: int = 95) -> list[str]:
    """Readable reasons why one page's Lighthouse result is below `minimum` in a category."""
    problems = []
    if result.get("runtimeError"):
        problems.append(f"runtime error: {result['runtimeError']}")
    for category in LIGHTHOUSE_CATEGORIES:
        score = result["scores"].get(category, 0)
        if score < minimum:
            failing = "; ".join(result["failures"].get(category, [])) or "no failing audit named"
            problems.append(f"{category} {score} < {minimum}: {failing}")
    problems += [f"console: {message}" for message in result.get("console", [])]
    return problems


# ---------- Reflow (WCAG 1.4.10) ----------

_REFLOW_SCRIPT = (Path(__file__).parent / "reflow.js").read_text(encoding="utf-8")


def _reflow_problems(page, width: int, height: int) -> list[str]:
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(50)
    return page.evaluate(_REFLOW_SCRIPT)


def no_horizontal_scroll(page, width: int = 320) -> list[str]:
    """Problems when the page (already loaded in `page`) is shown `width` CSS px wide: sideways
    scrolling, elements past the right edge, clipped content. Restores the viewport."""
    before = page.viewport_size
    try:
        return _reflow_problems(page, width, 640)
    finally:
        page.set_viewport_size(before)


def nothing_cut_off_at_zoom(page, zoom: float = 2.0, *, screen_width: int = 1280) -> list[str]:
    """Problems when the page is zoomed to `zoom` on a `screen_width` px screen: the layout
    viewport is then screen_width / zoom CSS px (what browser zoom does). Restores the viewport."""
    before = page.viewport_size
    try:
        return _reflow_problems(page, round(screen_width / zoom), round(800 / zoom))
    finally:
        page.set_viewport_size(before)


# ---------- Weight ----------


def compressed_weight(page, url: str) -> dict[str, int]:
    """Load `url` in `page` and sum what it sends, gzip-compressed (level 6, as servers do):
    {"html": bytes, "css": bytes, "js": bytes, "total": bytes}. Images and fonts are left out."""
    weights = {"html": 0, "css": 0, "js": 0}
    responses = []

    def collect(response):
        responses.append(response)

    page.on("response", collect)
    try:
        page.goto(url, wait_until="load")
    finally:
        page.remove_listener("response", collect)
    for response in responses:
        kind = response.request.resource_type
        key = {"document": "html", "stylesheet": "css", "script": "js"}.get(kind)
        if key is None or 300 <= response.status < 400:  # a redirect has no body
            continue
        weights[key] += len(gzip.compress(response.body(), compresslevel=6))
    weights["total"] = sum(weights.values())
    return weights
