"""The admin's Bokmål and Nynorsk: complete nb files, checked corrections, sound builds."""

import collections
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

import polib
import pytest

from localization import admin_catalogues
from localization.admin_catalogues import (
    ADMIN_CATALOGUES,
    APERTIUM_COMMENT,
    LEFT_TO_DJANGO,
    NOT_INSTALLED,
    SOURCE_DIR,
    UPSTREAM_NN_COMMENT,
    Catalogue,
    CatalogueError,
    build,
    check,
    entry_problems,
    installed_catalogues,
    key,
)
from tests.fixtures import service_missing

LOCALE_ADMIN = Path(settings.BASE_DIR) / "locale-admin"
BUILT = [
    LOCALE_ADMIN / language / "LC_MESSAGES" / f"{domain}.po"
    for language in ("nb", "nn")
    for domain in ("django", "djangojs")
]
MINE = ["wagtail.admin-django", "wagtail.admin-djangojs"]
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")

KEY_TERMS = {
    "Move": "Flytt",
    "Publish": "Publiser",
    "Save draft": "Lagre utkast",
    "Unpublish": "Avpubliser",
    "Delete": "Slett",
    "Search": "Søk",
    "Edit": "Rediger",
    "Copy": "Kopier",
    "Undo": "Angre",
    "Save": "Lagre",
    "Awaiting your review": "Ventar på gjennomgangen din",
}


def _po(language, *entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
    for entry in entries:
        po.append(entry)
    return po


def _texts(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _catalogue(name):
    found = {c.name: c for c in admin_catalogues.admin_catalogues()}
    return found[name]


def _fake_translate(texts):
    return [f"nn:{text}" for text in texts]


def _source_with(tmp_path, names):
    """A copy of localization/admin_catalogues with only these nb files, no corrections."""
    source = tmp_path / "source"
    (source / "nb").mkdir(parents=True)
    (source / "nn-corrections").mkdir()
    for name in names:
        shutil.copy(SOURCE_DIR / "nb" / f"{name}.po", source / "nb")
    return source


# The committed files -------------------------------------------------------------------


def test_admin_catalogues_lists_every_installed_upstream_catalogue():
    installed = {catalogue.name for catalogue in installed_catalogues()}
    found = {catalogue.name for catalogue in admin_catalogues.admin_catalogues()}
    assert found == set(ADMIN_CATALOGUES)
    assert installed - set(LEFT_TO_DJANGO) == found & installed
    assert set(LEFT_TO_DJANGO) <= installed
    # The others: Django's own catalogue (django/conf) and the apps of NOT_INSTALLED.
    assert {name.rsplit("-", 1)[0] for name in found - installed} == {"django.conf", *NOT_INSTALLED}


def test_djangos_own_catalogue_is_django_conf_locale():
    import django

    catalogue = _catalogue("django.conf-django")
    assert catalogue.upstream("nn") == (
        Path(django.__file__).resolve().parent / "conf/locale/nn/LC_MESSAGES/django.po"
    )
    assert catalogue.gaps_only and not _catalogue("taggit-django").gaps_only
    # Django's own catalogue comes after every installed app, as in Django.
    assert catalogue.order > max(c.order for c in installed_catalogues())


@pytest.mark.parametrize("name", ADMIN_CATALOGUES)
def test_nb_file_translates_every_upstream_message(name):
    """Fails for a catalogue whose nb file is not written yet. For Django's catalogues
    "every upstream message" means every one Django's own nb or nn lacks."""
    catalogue = _catalogue(name)
    path = catalogue.nb_file()
    assert path.exists(), f"{path} is missing: manage.py build_admin_catalogues --sync {name}"
    ours = polib.pofile(str(path))
    assert ours.metadata.get("Language") == "nb"
    assert ours.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    mine = {key(e): e for e in ours if e.msgid and not e.obsolete}
    template = {key(e): e for e in catalogue.messages()}
    assert sorted(template.keys() - mine.keys(), key=str) == [], "upstream messages missing"
    assert sorted(mine.keys() - template.keys(), key=str) == [], "messages gone upstream"
    for entry_key, entry in mine.items():
        assert entry.msgid_plural == template[entry_key].msgid_plural, entry.msgid
        assert "fuzzy" not in entry.flags, f"fuzzy: {entry.msgid!r}"
        assert all(_texts(entry)) and len(_texts(entry)) == (2 if entry.msgid_plural else 1), (
            f"empty: {entry.msgid!r}"
        )


def _source_files(folder):
    return sorted((SOURCE_DIR / folder).glob("*.po"))


@pytest.mark.parametrize("path", _source_files("nb"), ids=lambda p: p.stem)
def test_nb_file_keeps_placeholders_tags_and_whitespace(path):
    for entry in polib.pofile(str(path)):
        if not entry.msgid or entry.obsolete or not all(_texts(entry)):
            continue
        assert entry_problems(entry) == []
        for source, text in _pairs(entry):
            _same_tags_and_edges(source, text)


def _pairs(entry):
    if entry.msgid_plural:
        return list(zip([entry.msgid, entry.msgid_plural], _texts(entry), strict=True))
    return [(entry.msgid, entry.msgstr)]


def _same_tags_and_edges(source, text):
    assert collections.Counter(TAG.findall(source)) == collections.Counter(TAG.findall(text)), (
        source,
        text,
    )
    assert source[: len(source) - len(source.lstrip())] == text[: len(text) - len(text.lstrip())], (
        source,
        text,
    )
    assert source[len(source.rstrip()) :] == text[len(text.rstrip()) :], (source, text)


@pytest.mark.parametrize("path", _source_files("nn-corrections"), ids=lambda p: p.stem)
def test_nn_corrections_keep_placeholders(path):
    assert path.stem in ADMIN_CATALOGUES
    corrections = polib.pofile(str(path))
    assert corrections.metadata.get("Language") == "nn"
    nb = {key(e): e for e in polib.pofile(str(SOURCE_DIR / "nb" / path.name)) if e.msgid}
    seen = set()
    for entry in corrections:
        if entry.msgid and not entry.obsolete:
            assert key(entry) not in seen, f"twice: {entry.msgid!r}"
            seen.add(key(entry))
            # A correction corrects the Nynorsk of a message of its catalogue's nb file.
            assert key(entry) in nb, f"not in nb/{path.name}: {entry.msgid!r}"
            assert entry.msgid_plural == nb[key(entry)].msgid_plural, entry.msgid
            assert all(_texts(entry)), entry.msgid
            assert entry_problems(entry) == []
            for source, text in _pairs(entry):
                _same_tags_and_edges(source, text)


@pytest.mark.parametrize("path", BUILT, ids=lambda p: f"{p.parent.parent.name}-{p.stem}")
def test_built_catalogue_has_matching_placeholders(path):
    catalogue = polib.pofile(str(path))
    assert catalogue.metadata["Language"] == path.parent.parent.name
    assert [problem for entry in catalogue for problem in entry_problems(entry)] == []


@pytest.mark.parametrize("path", BUILT, ids=lambda p: f"{p.parent.parent.name}-{p.stem}")
def test_built_catalogue_is_complete_for_msgfmt(path):
    if shutil.which("msgfmt") is None:
        service_missing("msgfmt (GNU gettext) is missing", "apt-get install gettext")
    result = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_built_catalogues_hold_all_of_our_nb_files():
    for domain in ("django", "djangojs"):
        nb = {
            key(e): e for e in polib.pofile(str(LOCALE_ADMIN / "nb/LC_MESSAGES" / f"{domain}.po"))
        }
        nn = {key(e) for e in polib.pofile(str(LOCALE_ADMIN / "nn/LC_MESSAGES" / f"{domain}.po"))}
        assert nb.keys() == nn
        for path in _source_files("nb"):
            if path.stem.endswith(f"-{domain}"):
                assert {key(e) for e in polib.pofile(str(path)) if e.msgid} <= nb.keys(), path


def test_a_message_in_several_nb_files_reads_the_same_in_each():
    """Django merges the catalogues into one, so a msgctxt + msgid shows one translation
    wherever it is used: the nb files that share one agree on it."""
    found = collections.defaultdict(dict)
    for path in _source_files("nb"):
        domain = path.stem.rsplit("-", 1)[1]
        for entry in polib.pofile(str(path)):
            if entry.msgid:
                found[(domain, *key(entry))][path.stem] = tuple(_texts(entry))
    assert {k: v for k, v in found.items() if len(set(v.values())) > 1} == {}


def _terminology():
    rows = []
    lines = (SOURCE_DIR / "terminology.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line or line.startswith("#") or line.startswith("English\t"):
            continue
        english, bokmal, nynorsk = line.split("\t")
        assert english and bokmal and nynorsk, line
        rows.append((english, bokmal, nynorsk))
    return rows


def test_terminology_has_the_agreed_terms():
    terms = {english: (bokmal, nynorsk) for english, bokmal, nynorsk in _terminology()}
    assert 60 <= len(terms) <= 170
    assert terms["draft"] == ("utkast", "utkast")
    assert terms["image"] == ("bilde", "bilete")
    assert terms["privacy"] == ("tilgang", "tilgang")
    assert terms["choose"] == ("velg", "vel")
    assert terms["slug"] == ("kortnavn (slug)", "kortnamn (slug)")
    assert terms["tag"] == ("stikkord", "stikkord")
    assert terms["embed"] == ("innbygging", "innbygging")
    assert terms["view restriction"] == ("tilgangsbegrensning", "tilgangsavgrensing")
    assert terms["media items"] == ("mediefiler", "mediefiler")
    assert terms["keyboard shortcuts"] == ("hurtigtaster", "hurtigtastar")
    assert terms["link"] == ("lenke", "lenkje")


# Messages that are a term but not a label: the link text in "manage your %(account_link)s".
NOT_LABELS = {"account"}


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_labels_that_are_a_term_use_the_terminology(language):
    """A message that is just a term ("Draft", "Images") reads as terminology.tsv says.

    Checked where the built message comes from one of our nb files (upstream's Bokmål,
    used until a catalogue has its nb file, is not ours to hold to it).
    """
    column = 1 if language == "nb" else 2
    terms = {row[0]: row[column] for row in _terminology() if "(" not in row[0]}
    ours = {path.stem for path in _source_files("nb")}
    wrong = []
    for domain in ("django", "djangojs"):
        path = LOCALE_ADMIN / language / "LC_MESSAGES" / f"{domain}.po"
        for entry in polib.pofile(str(path)):
            wanted = terms.get(entry.msgid.lower())
            if entry.occurrences[0][0] not in ours or entry.msgid in NOT_LABELS:
                continue
            if wanted and not entry.msgid_plural and entry.msgstr.lower() != wanted.lower():
                wrong.append((entry.msgid, entry.msgstr, wanted))
    assert wrong == []


def test_key_admin_terms_are_nynorsk():
    with translation.override("nn"):
        assert {msgid: gettext(msgid) for msgid in KEY_TERMS} == KEY_TERMS


def test_committed_corrections_are_in_the_built_catalogue():
    built = {}
    for domain in ("django", "djangojs"):
        for entry in polib.pofile(str(LOCALE_ADMIN / "nn/LC_MESSAGES" / f"{domain}.po")):
            built.setdefault(key(entry), []).append(entry)
    fixes = {
        path.stem: {key(e): e for e in polib.pofile(str(path)) if e.msgid}
        for path in _source_files("nn-corrections")
    }
    assert fixes["wagtail.admin-django"][(None, "Move")].msgstr == "Flytt"
    assert fixes["wagtail.admin-djangojs"][(None, "Save")].msgstr == "Lagre"
    for name, entries in fixes.items():
        for entry_key, fix in entries.items():
            assert entry_key in built, f"{name}: {fix.msgid!r} is in no built catalogue"
            for entry in built[entry_key]:
                assert entry.tcomment.startswith("Nynorsk: checked by hand"), entry.msgid
                if entry.tcomment.endswith(f"/{name}.po"):
                    assert _texts(entry) == _texts(fix)


# The build -----------------------------------------------------------------------------


def test_command_applies_the_corrections(apertium_command, settings, tmp_path):
    settings.APERTIUM_APY_URL = ""
    source = _source_with(tmp_path, ["wagtail.admin-djangojs"])
    _po(
        "nn",
        polib.POEntry(msgid="Move up", msgstr="Flytt oppover"),
        polib.POEntry(msgid="A message Wagtail does not have", msgstr="Ingenting"),
    ).save(str(source / "nn-corrections" / "wagtail.admin-djangojs.po"))
    _po(
        "nn",
        polib.POEntry(
            msgid="Delete 1 document",
            msgid_plural="Delete %(counter)s documents",
            msgstr_plural={0: "Fjern eitt dokument", 1: "Fjern %(counter)s dokument"},
        ),
    ).save(str(source / "nn-corrections" / "wagtail.documents-django.po"))
    out, err = StringIO(), StringIO()
    call_command(
        "build_admin_catalogues",
        "--source",
        str(source),
        "--output",
        str(tmp_path / "locale"),
        "--catalogues",
        "wagtail.admin-djangojs",
        "wagtail.documents-django",
        stdout=out,
        stderr=err,
    )
    nn_js = {e.msgid: e for e in polib.pofile(str(tmp_path / "locale/nn/LC_MESSAGES/djangojs.po"))}
    nn = {e.msgid: e for e in polib.pofile(str(tmp_path / "locale/nn/LC_MESSAGES/django.po"))}
    nb = {e.msgid: e for e in polib.pofile(str(tmp_path / "locale/nb/LC_MESSAGES/django.po"))}
    assert nn_js["Move up"].msgstr == "Flytt oppover"
    assert nn_js["Move up"].tcomment.startswith("Nynorsk: checked by hand")
    assert nn["Delete 1 document"].msgstr_plural[1] == "Fjern %(counter)s dokument"
    assert nb["Delete 1 document"].msgstr_plural[1] == "Slett %(counter)s dokumenter"
    # Untouched entries stay Apertium's, marked as machine made.
    assert nn_js["Preview"].tcomment == APERTIUM_COMMENT
    assert nn_js["Preview"].msgstr == "Førehandsvis"
    assert "1 Nynorsk messages corrected by hand (django)" in out.getvalue()
    assert "1 Nynorsk messages corrected by hand (djangojs)" in out.getvalue()
    assert "A message Wagtail does not have" in err.getvalue()
    assert "no nb/wagtail.documents-django.po yet" in err.getvalue()


def test_a_correction_that_loses_a_placeholder_changes_nothing(tmp_path):
    source = _source_with(tmp_path, ["wagtail.admin-django"])
    _po(
        "nn",
        polib.POEntry(msgid="Move", msgstr="Flytt"),
        polib.POEntry(msgid="Delete %(title)s", msgstr="Slett sida"),
    ).save(str(source / "nn-corrections" / "wagtail.admin-django.po"))
    with pytest.raises(CatalogueError, match=r"loses %\(title\)s"):
        build(
            tmp_path / "out",
            source_dir=source,
            names=["wagtail.admin-django"],
            translate=_fake_translate,
        )
    assert not (tmp_path / "out").exists()


def test_a_bokmal_message_that_adds_a_placeholder_changes_nothing(tmp_path):
    source = _source_with(tmp_path, ["wagtail.admin-django"])
    path = source / "nb" / "wagtail.admin-django.po"
    po = polib.pofile(str(path))
    next(e for e in po if e.msgid == "Delete %(title)s").msgstr = "Slett %(title)s %(count)s"
    po.save(str(path))
    with pytest.raises(CatalogueError, match=r"adds %\(count\)s"):
        build(tmp_path / "out", source_dir=source, names=["wagtail.admin-django"])
    assert not (tmp_path / "out").exists()


def test_a_checked_nb_file_wins_then_installed_apps_order(tmp_path):
    """ "Move" is in wagtail.admin and wagtail (core); wagtail.admin comes first."""
    source = _source_with(tmp_path, ["wagtail.admin-django"])
    _po("nb", polib.POEntry(msgid="Move", msgstr="Flytt (kjernen)")).save(
        str(source / "nb" / "wagtail-django.po")
    )
    names = ["wagtail.admin-django", "wagtail-django", "wagtail.documents-django"]
    build(tmp_path / "out", source_dir=source, names=names, translate=_fake_translate)
    nb = {e.msgid: e for e in polib.pofile(str(tmp_path / "out/nb/LC_MESSAGES/django.po"))}
    assert nb["Move"].msgstr == "Flytt"
    assert nb["Move"].occurrences == [("wagtail.admin-django", "")]
    # "Edit" is in wagtail.documents (upstream's Bokmål only here) and wagtail.admin (ours).
    assert nb["Edit"].occurrences == [("wagtail.admin-django", "")]
    # Core's message that only it has comes from its partial nb file or upstream's.
    assert "Bokmål from wagtail's own catalogue" in nb["Page"].tcomment or nb["Page"].occurrences


def test_djangos_catalogues_add_only_what_django_lacks(tmp_path):
    """Django's own Bokmål and Nynorsk serve the rest; its Nynorsk is used where it has
    one (a message only its Bokmål lacks), Apertium and the corrections elsewhere."""
    names = ["django.contrib.admin-django", "django.conf-django"]
    source = _source_with(tmp_path, names)
    build(tmp_path / "out", source_dir=source, names=names, translate=_fake_translate)
    nb = {key(e): e for e in polib.pofile(str(tmp_path / "out/nb/LC_MESSAGES/django.po"))}
    nn = {key(e): e for e in polib.pofile(str(tmp_path / "out/nn/LC_MESSAGES/django.po"))}
    gaps = {key(e) for name in names for e in _catalogue(name).messages()}
    assert nb.keys() == nn.keys() == gaps
    assert (None, "Log out") not in nb  # Django translates it in both
    assert nb[(None, "Enter a valid domain name.")].msgstr == "Oppgi et gyldig domenenavn."
    admin = _catalogue("django.contrib.admin-django")
    own_nn = admin.upstream_translations("nn")
    only_nb_lacks = [
        k for k in gaps if k in own_nn and own_nn[k].msgid_plural == nb[k].msgid_plural
    ]
    assert only_nb_lacks
    for entry_key in only_nb_lacks:
        assert nn[entry_key].tcomment == UPSTREAM_NN_COMMENT.format(app="django.contrib.admin")
        assert _texts(nn[entry_key]) == _texts(own_nn[entry_key])
    assert nn[(None, "Enter a valid domain name.")].msgstr == "nn:Oppgi et gyldig domenenavn."


def test_media_items_read_norwegian():
    """wagtailmedia's plural is missing from its own template: our locale/ carries it."""
    from wagtailmedia.models import Media

    for language in ("nb", "nn"):
        with translation.override(language):
            assert str(Media._meta.verbose_name_plural) == "mediefiler"


def test_the_build_is_deterministic(tmp_path):
    source = _source_with(tmp_path, MINE)
    for run in ("one", "two"):
        build(tmp_path / run, source_dir=source, translate=_fake_translate)
    for path in sorted((tmp_path / "one").rglob("*.po")):
        twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
        assert path.read_bytes() == twin.read_bytes(), path


def test_the_committed_catalogues_are_up_to_date(apertium_command, settings, tmp_path):
    """locale-admin/ is what `make admin-catalogues` makes now (so the build repeats)."""
    settings.APERTIUM_APY_URL = ""
    build(tmp_path)
    for committed in BUILT:
        fresh = tmp_path / committed.relative_to(LOCALE_ADMIN)
        assert fresh.read_text() == committed.read_text(), (
            f"{committed} is out of date: run `make admin-catalogues`"
        )


def test_command_refuses_a_missing_source_folder(tmp_path):
    with pytest.raises(CommandError, match="No nb/ folder"):
        call_command(
            "build_admin_catalogues", "--source", str(tmp_path / "missing"), stdout=StringIO()
        )


# --check and --sync --------------------------------------------------------------------


def test_check_passes_for_our_catalogues():
    """What `make admin-catalogues-check` runs: every catalogue in step with upstream."""
    assert check() == []


def test_check_reports_a_gap_that_django_fills_now(tmp_path):
    source = _source_with(tmp_path, ["django.contrib.admin-django"])
    path = source / "nb" / "django.contrib.admin-django.po"
    po = polib.pofile(str(path))
    po.append(polib.POEntry(msgid="Log out", msgstr="Logg ut"))  # Django has nb and nn
    po.save(str(path))
    assert check(source_dir=source, names=["django.contrib.admin-django"]) == [
        "django.contrib.admin-django: - 'Log out' (Django translates it now)"
    ]


@pytest.fixture
def upgraded_wagtail_admin(tmp_path, monkeypatch):
    """wagtail.admin as if an upgrade added one message and dropped another."""
    real = _catalogue("wagtail.admin-django")
    app_path = tmp_path / "wagtail_admin"
    template = polib.pofile(str(real.upstream("en")))
    template.remove(next(e for e in template if e.msgid == "Sidebar"))
    template.append(polib.POEntry(msgid="A brand new upstream message", msgstr=""))
    target = app_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True)
    template.save(str(target))
    fake = Catalogue(real.app, real.domain, app_path, real.order)
    original = installed_catalogues()
    monkeypatch.setattr(
        admin_catalogues,
        "installed_catalogues",
        lambda: [fake if c.name == fake.name else c for c in original],
    )
    return fake


def test_check_reports_a_new_and_a_gone_upstream_message(upgraded_wagtail_admin):
    out = StringIO()
    with pytest.raises(CommandError, match="2 differences"):
        call_command("build_admin_catalogues", "--check", "--catalogues", *MINE, stdout=out)
    assert "wagtail.admin-django: + 'A brand new upstream message'" in out.getvalue()
    assert "wagtail.admin-django: - 'Sidebar'" in out.getvalue()


def test_sync_adds_new_messages_fuzzy_and_drops_gone_ones(upgraded_wagtail_admin, tmp_path):
    source = _source_with(tmp_path, ["wagtail.admin-django"])
    call_command(
        "build_admin_catalogues",
        "--source",
        str(source),
        "--sync",
        "wagtail.admin-django",
        stdout=StringIO(),
    )
    synced = {e.msgid: e for e in polib.pofile(str(source / "nb" / "wagtail.admin-django.po"))}
    assert "Sidebar" not in synced
    assert synced["A brand new upstream message"].msgstr == ""
    assert synced["Publish"].msgstr == "Publiser" and "fuzzy" not in synced["Publish"].flags
    assert check(source_dir=source, names=["wagtail.admin-django"]) == [
        "wagtail.admin-django: ? 'A brand new upstream message' (empty or fuzzy)"
    ]
