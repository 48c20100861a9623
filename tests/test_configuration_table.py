"""README's configuration table is the whole truth about the environment.

Every variable the settings read is in the table, every variable in the table is read
by the code, and every example value the table gives is accepted by the production
settings and does what the table says (the settings are loaded in a fresh process with
the examples set, as a deployment would set them).
"""

import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "resourcebank" / "settings"
README = ROOT / "README.md"
VARIABLE = re.compile(r"^[A-Z][A-Z0-9_]+$")
# An enumeration at the start of a row's meaning: `a`, `b` (note) or `c` (note).
ENUMERATION = re.compile(r"^`([^`]+)`(?: \([^)]*\))?((?:(?:, | or )`[^`]+`(?: \([^)]*\))?)*)")
EXAMPLE = re.compile(r"e\.g\. `([^`]+)`")


def readme_rows() -> dict[str, str]:
    """variable -> the meaning column of its row in README's configuration table."""
    section = README.read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        for name in re.findall(r"`([^`]+)`", cells[0]):
            rows[name] = cells[1]
    return rows


def _is_environ(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def settings_variables() -> set[str]:
    """Every environment variable named in the settings modules' code."""
    names = set()
    for path in SETTINGS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                func = node.func
                reads = (
                    (isinstance(func, ast.Name) and func.id in {"env", "getenv"})
                    or (
                        isinstance(func, ast.Attribute)
                        and isinstance(func.value, ast.Name)
                        and func.value.id == "env"
                    )
                    or (isinstance(func, ast.Attribute) and _is_environ(func.value))
                    or (isinstance(func, ast.Attribute) and func.attr == "getenv")
                )
                if reads and node.args and isinstance(node.args[0], ast.Constant):
                    names.add(node.args[0].value)
                if isinstance(func, ast.Attribute) and func.attr == "Env":
                    names.update(keyword.arg for keyword in node.keywords)
            elif isinstance(node, ast.Subscript) and _is_environ(node.value):
                if isinstance(node.slice, ast.Constant):
                    names.add(node.slice.value)
    return {name for name in names if isinstance(name, str) and VARIABLE.match(name)}


def test_every_variable_the_settings_read_is_in_the_table():
    missing = settings_variables() - set(readme_rows())
    assert not missing, f"README's configuration table lacks {sorted(missing)}"


def test_every_variable_in_the_table_is_read_by_the_code():
    sources = "\n".join(
        path.read_text()
        for folder in ("resourcebank", "search", "localization", "training", "handbooks")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
    )
    unread = [
        name
        for name in readme_rows()
        if name != "DJANGO_SETTINGS_MODULE" and f'"{name}"' not in sources
    ]
    assert not unread, f"README names variables no code reads: {unread}"


def examples() -> dict[str, list[str]]:
    """variable -> the example values its row gives (an enumeration it starts with, or
    the values after "e.g."); rows naming several variables give none."""
    rows = readme_rows()
    found = {}
    counts = Counter(rows.values())
    for name, meaning in rows.items():
        if counts[meaning] > 1:
            continue
        values = []
        match = ENUMERATION.match(meaning)
        if match:
            values.append(match.group(1))
            values += re.findall(r"(?:, | or )`([^`]+)`", re.sub(r" \([^)]*\)", "", match.group(2)))
        values += EXAMPLE.findall(meaning)
        values = [value for value in values if not VARIABLE.match(value)]
        if values:
            found[name] = values
    return found


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("check")
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "database": settings.DATABASES["default"]["ENGINE"],
    "email": settings.EMAIL_BACKEND,
    "media": settings.STORAGES["default"]["BACKEND"],
    "session": settings.SESSION_ENGINE,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
}))
"""


def test_the_table_gives_examples_for_the_services():
    given = examples()
    assert "redis://host:6379/0" in given["CACHE_URL"]
    assert any(value.startswith("postgres://") for value in given["DATABASE_URL"])
    assert set(given["TASKS_BACKEND"]) == {"immediate", "database"}
    assert set(given["MEDIA_STORAGE"]) == {"filesystem", "s3"}


@pytest.mark.parametrize("variant", [0, 1, 2])
def test_each_example_in_the_table_works_under_production_settings(variant):
    """Variant n sets each variable to its n-th example (or its last): every value the
    README offers is loaded once, and each service example selects that service."""
    given = examples()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in readme_rows() and not key.startswith("SEARCH_URL_")
    }
    environment.update(
        {name: values[min(variant, len(values) - 1)] for name, values in given.items()}
    )
    environment.update(
        DJANGO_SETTINGS_MODULE="resourcebank.settings.production",
        DJANGO_SECRET_KEY="configuration-table-test-" + "x" * 40,
        S3_ACCESS_KEY_ID="example-key",
        S3_SECRET_ACCESS_KEY="example-secret",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    chosen = {name: environment[name] for name in given}
    expect = {
        "cache": {"redis://host:6379/0": "django_redis.cache.RedisCache"},
        "database": {"postgres": "django.db.backends.postgresql", "sqlite": "sqlite3"},
        "email": {"smtp": "django.core.mail.backends.smtp.EmailBackend"},
        "media": {"s3": "storages.backends.s3.S3Storage", "filesystem": "FileSystemStorage"},
        "tasks": {"database": "django_tasks_db", "immediate": "ImmediateBackend"},
    }
    variable = {
        "cache": "CACHE_URL",
        "database": "DATABASE_URL",
        "email": "EMAIL_URL",
        "media": "MEDIA_STORAGE",
        "tasks": "TASKS_BACKEND",
    }
    for aspect, outcomes in expect.items():
        value = chosen[variable[aspect]]
        for prefix, backend in outcomes.items():
            if value.startswith(prefix):
                assert backend in loaded[aspect], (aspect, value, loaded[aspect])
    assert chosen["SEARCH_BACKEND"] in loaded["search"] or (
        chosen["SEARCH_BACKEND"] == "database" and "database" in loaded["search"].lower()
    ), loaded["search"]
