"""The Lighthouse gate measures once more only a page whose performance alone fell short, on
an idle moment, and keeps the same threshold for the second run (no browser needed: Lighthouse
and the machine's load are stood in for)."""

import pytest

from tests.e2e import quality


@pytest.fixture
def idle(monkeypatch):
    """The machine is idle: no waiting before a second run. Records that it was asked."""
    asked = []
    monkeypatch.setattr(quality, "wait_until_idle", lambda: asked.append(1) or 0.4)
    return asked


def result(performance=100, accessibility=100, console=()):
    scores = {"performance": performance, "accessibility": accessibility}
    scores.update({"best-practices": 100, "seo": 100})
    failures = {category: [] for category in scores}
    if performance < 95:
        failures["performance"] = ["largest-contentful-paint: Largest Contentful Paint (2.9 s)"]
    return {"scores": scores, "failures": failures, "console": list(console), "runtimeError": None}


def test_only_a_page_short_on_performance_alone_is_measured_again(monkeypatch, idle):
    first = {
        "/fast/": result(),
        "/loaded/": result(performance=93),
        "/slow-and-inaccessible/": result(performance=80, accessibility=90),
        "/slow-with-errors/": result(performance=90, console=["javascript: boom"]),
    }
    calls = []

    def lighthouse(urls, headers=None):
        calls.append(list(urls))
        if len(calls) == 1:
            return {url: first[url] for url in urls}
        return {url: result(performance=97) for url in urls}

    monkeypatch.setattr(quality, "lighthouse_scores_many", lighthouse)

    outcome = quality.lighthouse_with_rerun(list(first))

    assert calls[1] == ["/loaded/"]
    assert idle == [1]  # one wait for an idle moment, before the second run
    assert outcome["/loaded/"]["result"]["load before"] == 0.4
    assert [run["scores"]["performance"] for run in outcome["/loaded/"]["runs"]] == [93, 97]
    assert quality.lighthouse_problems(outcome["/loaded/"]["result"]) == []
    for url in ("/fast/", "/slow-and-inaccessible/", "/slow-with-errors/"):
        assert len(outcome[url]["runs"]) == 1
    assert quality.lighthouse_problems(outcome["/slow-and-inaccessible/"]["result"])


def test_a_second_run_short_of_95_still_fails(monkeypatch, idle):
    runs = iter([{"/p/": result(performance=90)}, {"/p/": result(performance=94)}])
    monkeypatch.setattr(quality, "lighthouse_scores_many", lambda urls, headers=None: next(runs))

    outcome = quality.lighthouse_with_rerun(["/p/"])

    assert len(outcome["/p/"]["runs"]) == 2
    assert quality.lighthouse_problems(outcome["/p/"]["result"]) == [
        "performance 94 < 95: largest-contentful-paint: Largest Contentful Paint (2.9 s)"
    ]


def test_nothing_short_means_no_second_run_and_no_waiting(monkeypatch, idle):
    calls = []
    monkeypatch.setattr(
        quality,
        "lighthouse_scores_many",
        lambda urls, headers=None: calls.append(urls) or {url: result() for url in urls},
    )

    outcome = quality.lighthouse_with_rerun(["/a/", "/b/"])

    assert len(calls) == 1 and idle == []
    assert all(len(o["runs"]) == 1 for o in outcome.values())


class FakeClock:
    def __init__(self):
        self.slept = 0.0

    def sleep(self, seconds):
        self.slept += seconds


def test_the_second_run_waits_until_the_load_falls_and_no_longer_than_the_timeout(monkeypatch):
    loads = iter([3.1, 2.4, 1.6, 0.8, 0.5])
    monkeypatch.setattr(quality.os, "getloadavg", lambda: (next(loads), 0.0, 0.0))
    clock = FakeClock()

    assert quality.wait_until_idle(below=1.0, poll=5, clock=clock) == 0.8
    assert clock.slept == 15

    monkeypatch.setattr(quality.os, "getloadavg", lambda: (4.0, 4.0, 4.0))
    clock = FakeClock()
    assert quality.wait_until_idle(below=1.0, timeout=60, poll=5, clock=clock) == 4.0
    assert clock.slept == 60
