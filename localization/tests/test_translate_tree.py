"""Bulk translation of a subtree and the snippets (`manage.py translate_tree`)."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation

import pytest

from resourcebank.core.models import InfoPage
from resourcebank.taxonomy.models import County, LocalBranch
from tests import factories


@pytest.fixture
def bokmal_tree(home_page):
    county = factories.CountyFactory(name="Vestland fylkeslag")
    factories.LocalBranchFactory(name="Bergen lokallag", county=county)
    parent = factories.InfoPageFactory(
        parent=home_page,
        title="Om lokallagene",
        body=[("paragraph", "<p>Lokallagene skal være med.</p>")],
    )
    child = factories.InfoPageFactory(
        parent=parent,
        title="Hvordan starte",
        body=[
            ("heading", {"text": "Hva gjør vi nå?", "level": "h2"}),
            (
                "paragraph",
                '<p>Du kan lese <a href="https://example.org/x">veiledningen</a> <b>først</b>.</p>',
            ),
        ],
    )
    return parent, child


def test_command_translates_pages_and_snippets_with_progress(
    bokmal_tree, nn_locale, apertium_command, settings, django_capture_on_commit_callbacks
):
    settings.APERTIUM_APY_URL = ""
    parent, child = bokmal_tree
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("translate_tree", "--root", parent.pk, stdout=out)

    output = out.getvalue()
    assert "[4/4]" in output and "strings machine translated" in output
    assert County.objects.get(locale=nn_locale).name == "Vestland fylkeslag"
    branch = LocalBranch.objects.get(locale=nn_locale)
    assert branch.county.locale == nn_locale  # the branch points at the Nynorsk county
    nn_child = child.get_translation(nn_locale).specific
    assert nn_child.live
    assert nn_child.title == "Korleis starte"
    assert nn_child.body[0].value["text"] == "Kva gjer vi no?"
    assert str(nn_child.body[1].value) == (
        '<p>Du kan lese <a href="https://example.org/x">rettleiinga</a> <b>først</b>.</p>'
    )
    nn_parent = parent.get_translation(nn_locale).specific
    assert "Lokallaga skal vere med." in str(nn_parent.body[0].value)

    # A second run finds everything up to date and writes nothing.
    revisions = Revision.objects.count()
    out = StringIO()
    call_command("translate_tree", "--root", parent.pk, stdout=out)
    assert "0 objects to translate" in out.getvalue()
    assert Revision.objects.count() == revisions


def test_rerun_keeps_what_a_person_corrected(
    bokmal_tree, nn_locale, apertium_apy_url, settings, django_capture_on_commit_callbacks
):
    settings.APERTIUM_APY_URL = apertium_apy_url
    parent, child = bokmal_tree
    with django_capture_on_commit_callbacks(execute=True):
        call_command("translate_tree", "--root", parent.pk, "--no-snippets", stdout=StringIO())
    corrected = StringTranslation.objects.get(locale=nn_locale, data="Korleis starte")
    corrected.data = "Korleis ein startar"
    corrected.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    corrected.save()

    child.title = "Hvordan starte et lokallag"
    child.save_revision().publish()
    Page.objects.get(pk=child.pk)  # source changed: a new string to translate
    with django_capture_on_commit_callbacks(execute=True):
        call_command("translate_tree", "--root", parent.pk, "--no-snippets", stdout=StringIO())

    nn_child = InfoPage.objects.get(locale=nn_locale, translation_key=child.translation_key)
    assert nn_child.title == "Korleis starte eit lokallag"
    assert StringTranslation.objects.get(pk=corrected.pk).data == "Korleis ein startar"


def test_command_without_apertium_fails_and_saves_nothing(
    bokmal_tree, nn_locale, settings, monkeypatch
):
    settings.APERTIUM_APY_URL = ""
    monkeypatch.setattr("localization.machine_translation.APERTIUM_COMMAND", "no-such-apertium")
    with pytest.raises(CommandError, match="Apertium er ikke installert"):
        call_command("translate_tree", "--root", bokmal_tree[0].pk, stdout=StringIO())
    assert not Page.objects.filter(locale=nn_locale).exists()
    assert not StringTranslation.objects.exists()
