"""The gettext catalogues: complete, not fuzzy, in step with the code, valid formats."""

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import polib
import pytest

from localization.catalogues import PUBLIC_PAGE_SOURCES, added_languages, is_public_page_message
from tests.fixtures import service_missing

LANGUAGES = ["nb", "nn"]
# The languages added for the public: complete for the pages they reach.
ADDED_LANGUAGES = ["en", "pl", "ur", "so", "ar"]
# Keep in step with the Makefile's `messages` target.
IGNORE = [".venv/*", "var/*", "tests/*", "static_root/*", "media/*", "node_modules/*"]
SKIP_DIRS = [".venv", "var", "media", "static_root", "node_modules", ".git", "locale*", "*.sqlite3"]


def _catalogue(base: Path, language: str) -> polib.POFile:
    path = base / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run `make messages`"
    return polib.pofile(str(path))


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _shown(entries):
    return "\n".join(f"  {entry.msgid!r}" for entry in entries[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(language):
    catalogue = _catalogue(Path(settings.BASE_DIR) / "locale", language)
    entries = [entry for entry in catalogue if entry.msgid and not entry.obsolete]
    untranslated = [e for e in entries if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [e for e in entries if "fuzzy" in e.flags]
    assert not untranslated, (
        f"{len(untranslated)} untranslated messages in locale/{language}:\n{_shown(untranslated)}"
    )
    assert not fuzzy, (
        f"{len(fuzzy)} fuzzy messages in locale/{language} (check them, remove the flag):\n"
        f"{_shown(fuzzy)}"
    )


def test_the_added_languages_are_those_of_the_settings():
    assert added_languages() == ADDED_LANGUAGES


@pytest.mark.parametrize("language", ADDED_LANGUAGES)
def test_the_strings_of_the_public_pages_are_translated_into_each_added_language(language):
    catalogue = _catalogue(Path(settings.BASE_DIR) / "locale", language)
    entries = [e for e in catalogue if e.msgid and not e.obsolete and is_public_page_message(e)]
    assert len(entries) > 50
    missing = [e for e in entries if not e.translated() or "fuzzy" in e.flags]
    assert not missing, (
        f"{len(missing)} strings of the public pages are not translated (or fuzzy) in "
        f"locale/{language}:\n{_shown(missing)}"
    )


def test_the_public_page_sources_exist():
    for source in PUBLIC_PAGE_SOURCES:
        assert (Path(settings.BASE_DIR) / source).exists(), source


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages in the code and templates now, extracted by makemessages into a temp dir."""
    if shutil.which("xgettext") is None:
        service_missing("xgettext (GNU gettext) is missing", "apt-get install gettext")
    from django.test import override_settings

    # makemessages writes next to the sources, so it runs on a copy of them.
    copy = tmp_path_factory.mktemp("extract") / "src"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(*SKIP_DIRS),
        symlinks=True,
    )
    target = copy / "locale"
    target.mkdir()
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[target]):
            call_command(
                "makemessages",
                locale=["nn"],
                ignore_patterns=IGNORE,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    return polib.pofile(str(target / "nn" / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES + ADDED_LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalogue(extracted, language):
    catalogue = {_key(e) for e in _catalogue(Path(settings.BASE_DIR) / "locale", language)}
    missing = [e for e in extracted if e.msgid and _key(e) not in catalogue]
    assert not missing, (
        f"{len(missing)} strings are not in locale/{language}: run `make messages`, then "
        f"translate them:\n{_shown(missing)}"
    )


@pytest.mark.parametrize("base", ["locale", "locale-admin"])
def test_catalogues_have_valid_placeholders(base):
    if shutil.which("msgfmt") is None:
        service_missing("msgfmt (GNU gettext) is missing", "apt-get install gettext")
    files = sorted((Path(settings.BASE_DIR) / base).glob("*/LC_MESSAGES/*.po"))
    assert files
    for path in files:
        result = subprocess.run(
            ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
