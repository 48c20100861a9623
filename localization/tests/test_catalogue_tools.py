"""The Apertium tools for catalogues: placeholders survive, pre-filled strings are fuzzy."""

from io import StringIO

from django.core.management import call_command

import polib

from localization.catalogues import texts_to_nynorsk


def _catalogue(path, entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": path.parent.parent.name}
    for msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=flags))
    path.parent.mkdir(parents=True)
    po.save(str(path))


def test_placeholders_tags_and_entities_survive(apertium_command, settings):
    settings.APERTIUM_APY_URL = ""
    texts = [
        "Siden %(title)s ble slettet av %s.",
        "Vis {count} av <strong>%(total)d</strong> sider &amp; mer",
        "Hva gjør vi nå? 100 %",
    ]
    assert texts_to_nynorsk(texts) == [
        "Sidan %(title)s vart sletta av %s.",
        "Vis {count} av <strong>%(total)d</strong> sider &amp; meir",
        "Kva gjer vi no? 100 %",
    ]


def test_prefill_fills_only_empty_nynorsk_and_marks_it_fuzzy(apertium_command, settings, tmp_path):
    settings.APERTIUM_APY_URL = ""
    _catalogue(
        tmp_path / "nb" / "LC_MESSAGES" / "django.po",
        [("Save", "Lagre endringene", []), ("Delete", "Slett", [])],
    )
    _catalogue(
        tmp_path / "nn" / "LC_MESSAGES" / "django.po",
        [("Save", "", []), ("Delete", "Slett no", [])],
    )
    call_command("prefill_nynorsk", "--locale-dir", str(tmp_path), stdout=StringIO())
    nn = {e.msgid: e for e in polib.pofile(str(tmp_path / "nn" / "LC_MESSAGES" / "django.po"))}
    assert nn["Save"].msgstr == "Lagre endringane" and "fuzzy" in nn["Save"].flags
    assert nn["Delete"].msgstr == "Slett no" and "fuzzy" not in nn["Delete"].flags
