"""The Nynorsk admin: checked corrections win over Apertium, and key terms read right."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext

import polib
import pytest

from localization.catalogues import (
    ADMIN_CORRECTIONS,
    CHECKED_COMMENT,
    CorrectionError,
    apply_corrections,
)

KEY_TERMS = {
    "Move": "Flytt",
    "Publish": "Publiser",
    "Save draft": "Lagre kladd",
    "Unpublish": "Avpubliser",
    "Delete": "Slett",
    "Search": "Søk",
    "Edit": "Rediger",
    "Copy": "Kopier",
    "Undo": "Angre",
    "Awaiting your review": "Ventar på gjennomgangen din",
}


def _po(*entries):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "nn"}
    for entry in entries:
        po.append(entry)
    return po


def test_key_admin_terms_are_nynorsk():
    with translation.override("nn"):
        assert {msgid: gettext(msgid) for msgid in KEY_TERMS} == KEY_TERMS


def test_committed_corrections_cover_the_known_mistakes():
    fixes = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(ADMIN_CORRECTIONS))}
    assert fixes[(None, "Move")] == "Flytt"
    generated = polib.pofile("locale-admin/nn/LC_MESSAGES/django.po")
    checked = [entry for entry in generated if (entry.msgctxt, entry.msgid) in fixes]
    assert len(checked) == len(fixes)  # every correction is in the committed catalogue
    for entry in checked:
        assert entry.tcomment == CHECKED_COMMENT
        if not entry.msgid_plural:
            assert entry.msgstr == fixes[(entry.msgctxt, entry.msgid)]


def test_command_applies_the_corrections_file(apertium_command, settings, tmp_path):
    settings.APERTIUM_APY_URL = ""
    corrections = tmp_path / "corrections.po"
    _po(
        polib.POEntry(msgid="Move", msgstr="Flytt hit"),
        polib.POEntry(
            msgid="Delete 1 document",
            msgid_plural="Delete %(counter)s documents",
            msgstr_plural={0: "Fjern eitt dokument", 1: "Fjern %(counter)s dokument"},
        ),
        polib.POEntry(msgid="A message Wagtail does not have", msgstr="Ingenting"),
    ).save(str(corrections))
    out, err = StringIO(), StringIO()
    call_command(
        "build_admin_nynorsk",
        "--output",
        str(tmp_path / "locale"),
        "--corrections",
        str(corrections),
        stdout=out,
        stderr=err,
    )
    built = polib.pofile(str(tmp_path / "locale" / "nn" / "LC_MESSAGES" / "django.po"))
    by_msgid = {entry.msgid: entry for entry in built}
    assert by_msgid["Move"].msgstr == "Flytt hit"
    assert by_msgid["Move"].tcomment == CHECKED_COMMENT
    assert by_msgid["Delete 1 document"].msgstr_plural[1] == "Fjern %(counter)s dokument"
    # Untouched entries stay Apertium's, marked as machine made.
    assert "Apertium" in by_msgid["Publish"].tcomment
    assert "2 messages corrected" in out.getvalue()
    assert "A message Wagtail does not have" in err.getvalue()


def test_a_correction_that_loses_a_placeholder_changes_nothing():
    catalogue = _po(
        polib.POEntry(msgid="Move", msgstr="Flote"),
        polib.POEntry(msgid="Delete %(title)s", msgstr="Slett %(title)s"),
    )
    bad = _po(
        polib.POEntry(msgid="Move", msgstr="Flytt"),
        polib.POEntry(msgid="Delete %(title)s", msgstr="Slett sida"),
    )
    with pytest.raises(CorrectionError, match="placeholders"):
        apply_corrections(catalogue, corrections=bad)
    assert [entry.msgstr for entry in catalogue] == ["Flote", "Slett %(title)s"]


def test_command_refuses_a_missing_corrections_file(tmp_path):
    with pytest.raises(CommandError, match="No corrections file"):
        call_command(
            "build_admin_nynorsk",
            "--output",
            str(tmp_path),
            "--corrections",
            str(tmp_path / "missing.po"),
            stdout=StringIO(),
        )
