"""`make bench-web`: requests per second per public page type, served as in production.

gunicorn (sync workers, DEBUG off, the demo content) is driven by `wrk` on loopback, one
run per page:

- a bare Django page (tests/bench/bare: a template of 30 items, no database): the ceiling;
- every public page type, search and the half-year programme, on SQLite (the embedded
  default: local memory cache, immediate tasks, database search) with 2 workers and with
  1 (two servers, each page on one and then on the other, three rounds: the median),
  and on PostgreSQL with 2 workers;
- the same pages through Varnish (deploy/varnish) in front of the SQLite server, as an
  anonymous reader: its X-Cache says whether the application let them be cached;
- from Django's own page cache (SQLite, 2 workers, PAGE_CACHE_SECONDS on); every other
  column runs with it off (PAGE_CACHE_SECONDS=0): the path a logged-in member's request
  takes. What is kept under the content version (routes, navigation, listings and the
  rendered parts of pages, ``{% shared_fragment %}``) is warm in those columns after
  the first request, as it is on a site between two publishes. The search row asks one
  search again and again, so its results are the kept ones too; what searching itself
  costs is `make bench-search`'s (each search at an address of its own).

Below the table it prints the issue's targets and whether each is met.

SQL queries per page are counted in a separate step (tests/bench/web_queries.py). The
figures are printed, never asserted. Everything it starts it stops, failed or not.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench-web"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DURATION = int(os.environ.get("BENCH_SECONDS", "4"))
CONNECTIONS = 8
PAIRED_ROUNDS = 3  # rounds of the 2-workers and 1-worker columns, page by page


def log(message: str) -> None:
    print(f"bench-web: {message}", file=sys.stderr, flush=True)


def port_base() -> int:
    out = subprocess.run(
        ["bash", "-c", ". scripts/lib/services.sh; echo $PORT_BASE"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


BASE = port_base()
APP_PORT, VARNISH_PORT, BARE_PORT = BASE + 7, BASE + 8, BASE + 9


def site_env(database_url: str, *, page_cache_seconds: int = 0) -> dict[str, str]:
    """The production settings on `database_url`; Django's page cache off unless asked
    for, so the uncached columns measure the application, not the cache."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "resourcebank.settings.production_demo",
        "DJANGO_SECRET_KEY": "bench-web-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": database_url,
        "CACHE_URL": "locmemcache://",
        "TASKS_BACKEND": "immediate",
        "SEARCH_BACKEND": "database",
        "MEDIA_STORAGE": "filesystem",
        "MEDIA_ROOT": str(VAR / "media"),
        "STATIC_ROOT": str(VAR / "static"),
        "LOG_LEVEL": "ERROR",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
    }
    for name in ("FRONTEND_CACHE_URL", "SEARCH_URL", "SESSION_ENGINE"):
        env.pop(name, None)
    return env


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(env: dict, label: str) -> None:
    log(f"{label}: migrate, collectstatic, load_demo (idempotent)")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo", "-v", "0")


def sample_paths(env: dict) -> dict[str, str]:
    out = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "import json\n"
        "from wagtail.models import Page\n"
        "urls = {}\n"
        "for page in Page.objects.live().public().filter(locale__language_code='nb', "
        "depth__gt=1).order_by('path').specific():\n"
        "    urls.setdefault(type(page).__name__, page.url)\n"
        "print(json.dumps(urls))",
    )
    paths = json.loads(out.strip().splitlines()[-1])
    paths["Search"] = "/nb/sok/?q=lokallag"
    catalogue = paths.get("TrainingCatalogPage", "/nb/skolering/")
    paths["HalfYearProgramme"] = catalogue + "program/"
    return paths


def fetch(url: str) -> tuple[int, dict]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:  # noqa: S310 - loopback
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def resolve_redirects(paths: dict[str, str], port: int) -> dict[str, str]:
    """The programme's address redirects to the current half-year: bench the target."""
    resolved = {}
    for name, path in paths.items():
        status, headers = fetch(f"http://127.0.0.1:{port}{path}")
        if status in (301, 302) and headers.get("Location", "").startswith("/"):
            path = headers["Location"]
            status, _ = fetch(f"http://127.0.0.1:{port}{path}")
        if status != 200:
            log(f"{name} {path} answers {status}; left out")
            continue
        resolved[name] = path
    return resolved


@contextmanager
def gunicorn(env: dict, app: str, port: int, workers: int):
    VAR.mkdir(parents=True, exist_ok=True)
    logfile = open(VAR / f"gunicorn-{port}.log", "ab")  # noqa: SIM115
    process = subprocess.Popen(
        [
            GUNICORN,
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=logfile,
        stderr=logfile,
    )
    try:
        for _ in range(300):
            if process.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {logfile.name}")
            try:
                fetch(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
        logfile.close()


@contextmanager
def varnish(backend_port: int):
    env = {
        **os.environ,
        "VARNISH_NAME": "bench",
        "VARNISH_PORT": str(VARNISH_PORT),
        "VARNISH_BACKEND": f"127.0.0.1:{backend_port}",
    }
    subprocess.run(
        [str(ROOT / "scripts" / "varnish.sh"), "start"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{VARNISH_PORT}"
    finally:
        subprocess.run([str(ROOT / "scripts" / "varnish.sh"), "stop"], env=env, check=False)


LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url: str) -> dict:
    """One wrk run after a warming one: req/s, p50 and p99 in ms, non-2xx count."""
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d1s", url], capture_output=True)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    latency = {p: float(v) * scale[u] for p, v, u in LATENCY.findall(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(int(n) for n in socket.groups()) if socket else 0),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median req/s (its latencies with it)."""
    return sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]


def run_pages(base_url: str, paths: dict[str, str], label: str) -> dict[str, dict]:
    results = {}
    for name, path in paths.items():
        log(f"{label}: {name} {path}")
        results[name] = wrk(base_url + path)
    return results


def query_counts(env: dict, paths: dict[str, str]) -> dict:
    """{path: [status, queries]} on the tier of `env` (tests/bench/web_queries.py)."""
    output = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        open(ROOT / "tests/bench/web_queries.py").read(),
        stdin=json.dumps(list(paths.values())),
    )
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    for tool in ("wrk", "varnishd"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/system-deps.sh production)")
    VAR.mkdir(parents=True, exist_ok=True)
    sqlite_env = site_env(f"sqlite:///{VAR / 'site.sqlite3'}")
    prepare(sqlite_env, "SQLite")
    pg_url = subprocess.run(
        [str(ROOT / "scripts" / "postgres-server.sh"), "start", "ressursbanken_bench"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    pg_env = site_env(pg_url) if pg_url else None
    try:
        if pg_env:
            prepare(pg_env, "PostgreSQL")
        else:
            log("PostgreSQL could not be started; its columns are left empty")

        paths = sample_paths(sqlite_env)
        with gunicorn(sqlite_env, "resourcebank.wsgi:application", APP_PORT, 2) as url:
            paths = resolve_redirects(paths, APP_PORT)
        queries = {"sqlite": query_counts(sqlite_env, paths)}
        if pg_env:
            queries["pg"] = query_counts(pg_env, paths)

        bare_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.bench.bare.settings"}
        with gunicorn(bare_env, "tests.bench.bare.wsgi:application", BARE_PORT, 2) as url:
            bare = wrk(url + "/")
        results = {"sqlite2": {}, "sqlite1": {}}
        with (
            gunicorn(sqlite_env, "resourcebank.wsgi:application", APP_PORT, 2) as url,
            gunicorn(sqlite_env, "resourcebank.wsgi:application", BARE_PORT, 1) as url_one,
        ):
            # 2 workers and 1 worker page by page, one after the other (the idle server
            # takes no CPU), in PAIRED_ROUNDS rounds: each page's median round, so that a
            # machine that slows down for a moment does not decide the ratio.
            for name, path in paths.items():
                log(f"SQLite, 2 workers and 1 worker: {name} {path}")
                rounds = [(wrk(url + path), wrk(url_one + path)) for _ in range(PAIRED_ROUNDS)]
                results["sqlite2"][name] = median_run([two for two, _ in rounds])
                results["sqlite1"][name] = median_run([one for _, one in rounds])
            with varnish(APP_PORT) as cache_url:
                cache_state = {
                    name: fetch(cache_url + path)[1].get("X-Cache", "?")
                    for name, path in paths.items()
                }
                for name, path in paths.items():  # a second look: HIT if cacheable
                    cache_state[name] = fetch(cache_url + path)[1].get("X-Cache", "?")
                results["varnish"] = run_pages(cache_url, paths, "Varnish")
        cached_env = site_env(sqlite_env["DATABASE_URL"], page_cache_seconds=3600)
        with gunicorn(cached_env, "resourcebank.wsgi:application", APP_PORT, 2) as url:
            results["django_cache"] = run_pages(url, paths, "Django's page cache, 2 workers")
        if pg_env:
            with gunicorn(pg_env, "resourcebank.wsgi:application", APP_PORT, 2) as url:
                results["pg2"] = run_pages(url, paths, "PostgreSQL, 2 workers")
    finally:
        if pg_url:
            subprocess.run(
                [str(ROOT / "scripts" / "postgres-server.sh"), "stop"],
                check=False,
                stderr=subprocess.DEVNULL,
            )

    print_table(bare, paths, queries, results, cache_state)
    print_targets(bare, results)


def print_table(bare, paths, queries, results, cache_state) -> None:
    def cell(run, name):
        r = run.get(name) if run else None
        if not r:
            return f"{'':>7} {'':>6} {'':>6} {'':>7}"
        share = 100 * r["rps"] / bare["rps"]
        note = "!" if r["errors"] else ""
        return f"{r['rps']:>7.0f}{note} {share:>5.1f}% {r['p50']:>6.1f} {r['p99']:>7.1f}"

    print()
    print(
        f"gunicorn sync workers, DEBUG off, demo content; wrk -t2 -c{CONNECTIONS} "
        f"-d{DURATION}s on loopback; latency in ms; share = of the bare page's req/s"
    )
    print(
        f"bare Django page (30 items, no database), 2 workers: {bare['rps']:.0f} req/s, "
        f"p50 {bare['p50']:.1f} ms, p99 {bare['p99']:.1f} ms"
    )
    head = f"{'req/s':>7} {'share':>6} {'p50':>6} {'p99':>7}"
    print()
    print(
        f"{'page':<21}{'queries':>8}{'':>4}| SQLite, 2 workers{'':>13}| SQLite, 1 worker"
        f"{'':>14}| PostgreSQL, 2 workers{'':>9}| Varnish (anonymous){'':>11}"
        f"{'':>7}| Django's page cache"
    )
    print(
        f"{'':<21}{'SQLite':>8}{'PG':>4}| {head} | {head} | {head} | {head} {'X-Cache':>7} | {head}"
    )
    for name, path in paths.items():
        q_sqlite = queries["sqlite"].get(path, [0, "?"])[1]
        q_pg = queries.get("pg", {}).get(path, [0, "?"])[1] if "pg" in queries else "-"
        print(
            f"{name:<21}{q_sqlite:>8}{q_pg:>4}| {cell(results.get('sqlite2'), name)} | "
            f"{cell(results.get('sqlite1'), name)} | {cell(results.get('pg2'), name)} | "
            f"{cell(results.get('varnish'), name)} {cache_state.get(name, ''):>7} | "
            f"{cell(results.get('django_cache'), name)}"
        )
    if any(r["errors"] for run in results.values() for r in run.values()):
        print("! = some requests failed or timed out (not 2xx/3xx, socket errors)")
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
        "(other work on the machine lowers every figure)"
    )


def print_targets(bare, results) -> None:
    """The issue's targets, each with the worst page against it."""

    def worst(run: str, *, of_bare: bool = True):
        pages = results.get(run) or {}
        if not pages:
            return None, None
        name = min(pages, key=lambda n: pages[n]["rps"])
        rps = pages[name]["rps"]
        return name, (100 * rps / bare["rps"] if of_bare else rps)

    print()
    print("targets (the worst page against each):")
    rows = [
        ("no page cache, SQLite, 2 workers: >= 20 % of the bare page", "sqlite2", 20, True),
        ("no page cache, PostgreSQL, 2 workers: >= 20 % of the bare page", "pg2", 20, True),
        ("Django's page cache: >= 50 % of the bare page", "django_cache", 50, True),
        ("Varnish, anonymous: >= 5,000 req/s", "varnish", 5000, False),
    ]
    for label, run, target, of_bare in rows:
        name, value = worst(run, of_bare=of_bare)
        if name is None:
            print(f"  {label}: not measured")
            continue
        unit = " %" if of_bare else " req/s"
        verdict = "met" if value >= target else "NOT met"
        print(f"  {label}: {verdict} (worst {name}, {value:,.1f}{unit})")
    two, one = results.get("sqlite2") or {}, results.get("sqlite1") or {}
    ratios = {n: two[n]["rps"] / one[n]["rps"] for n in two if one.get(n, {}).get("rps")}
    if ratios:
        name = min(ratios, key=ratios.get)
        verdict = "met" if ratios[name] >= 1.7 else "NOT met"
        total = sum(two[n]["rps"] for n in ratios) / sum(one[n]["rps"] for n in ratios)
        print(
            f"  2 workers >= 1.7 x 1 worker (SQLite, no page cache): {verdict} "
            f"(worst {name}, {ratios[name]:.2f} x; all pages together {total:.2f} x)"
        )


if __name__ == "__main__":
    main()
