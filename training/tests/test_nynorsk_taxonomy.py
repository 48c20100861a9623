"""Nynorsk pages are classified with the Nynorsk audiences and topics.

wagtail-localize copies synchronised many-to-many fields as they are; the pages point
them at the snippets of their own locale on every save, and a data migration fixes
what was saved before.
"""

import importlib

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

import pytest

from localization.selectors import missing_translations
from tests import factories
from tests.editorial_support import login_verified
from training.models import TrainingPackagePage

pytestmark = pytest.mark.django_db


def _translate(instance, locale, capture):
    """Create or sync the translation as the wagtail-localize editor does, and publish it."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    if not _created:
        source.update_from_db()
    with capture(execute=True):
        translation, _new = source.create_or_update_translation(
            locale, publish=True, fallback=True, copy_parent_pages=True
        )
    return type(translation).objects.get(pk=translation.pk)


def _snippet_translation(snippet, locale, name):
    translation = snippet.copy_for_translation(locale)
    translation.name = name
    translation.save()
    return translation


@pytest.fixture
def nynorsk(catalogue_data, nn_locale, django_capture_on_commit_callbacks):
    """The catalogue and the nomination committee package translated into Nynorsk,
    with Nynorsk versions of its audience and topic (not of "Tillitsvalgte")."""
    committees = catalogue_data.committees
    elections = catalogue_data.committee.topics.get()
    nn_committees = _snippet_translation(committees, nn_locale, "Valkomitear")
    nn_elections = _snippet_translation(elections, nn_locale, "Val")
    _translate(catalogue_data.catalog, nn_locale, django_capture_on_commit_callbacks)
    package = _translate(catalogue_data.committee, nn_locale, django_capture_on_commit_callbacks)
    return package, nn_committees, nn_elections


def test_translated_page_points_at_the_nynorsk_snippets(nynorsk, nn_locale, client):
    package, nn_committees, nn_elections = nynorsk
    assert list(package.audiences.all()) == [nn_committees]
    assert list(package.topics.all()) == [nn_elections]
    # The revision the admin edits from says the same.
    content = package.get_latest_revision().content
    assert content["audiences"] == [nn_committees.pk]
    assert content["topics"] == [nn_elections.pk]

    html = client.get(package.url).content.decode()
    assert "<dd>Valkomitear</dd>" in html and "<dd>Val</dd>" in html
    assert "Valgkomiteer" not in html


def test_nynorsk_catalogue_facets_and_filters_use_nynorsk_names(
    nynorsk, catalogue_data, nn_locale, client
):
    package, _committees, _elections = nynorsk
    # Events are shared by both standards; they name the county in the page's standard.
    nn_oslo = catalogue_data.oslo.copy_for_translation(nn_locale)
    nn_oslo.name = "Oslo fylkeslag"
    nn_oslo.save()
    response = client.get("/nn/skolering/")
    facets = {facet.param: facet for facet in response.context["catalogue"].facets}
    audiences = {value.label for value in facets["malgruppe"].values}
    topics = {value.label for value in facets["tema"].values}
    assert "Valkomitear" in audiences and "Valgkomiteer" not in audiences
    assert "Val" in topics and "Valg" not in topics
    html = response.content.decode()
    assert "Valkomitear" in html and "Valgkomiteer" not in html
    assert ": Oslo fylkeslag</dd>" in html and ": Oslo</dd>" not in html
    assert ": Oslo</dd>" in client.get("/nb/skolering/").content.decode()

    # The slugs are shared by both written standards, so one filter URL works in both.
    nn = client.get("/nn/skolering/?tema=valg&malgruppe=valgkomiteer")
    assert [p.title for p in nn.context["catalogue"].packages] == [package.title]
    assert package.locale.language_code == "nn"
    nb = client.get("/nb/skolering/?tema=valg&malgruppe=valgkomiteer")
    assert [p.pk for p in nb.context["catalogue"].packages] == [catalogue_data.committee.pk]


def test_a_sync_after_a_bokmal_edit_keeps_nynorsk_and_falls_back_where_missing(
    nynorsk, catalogue_data, nn_locale, django_capture_on_commit_callbacks
):
    _package, nn_committees, _elections = nynorsk
    committee = catalogue_data.committee
    trustees = catalogue_data.trustees  # no Nynorsk translation
    committees_nb = catalogue_data.committees
    committee.audiences.set([committees_nb, trustees])
    committee.save_revision().publish()
    package = _translate(committee, nn_locale, django_capture_on_commit_callbacks)
    assert set(package.audiences.all()) == {nn_committees, trustees}
    assert committees_nb not in package.audiences.all()
    # The Bokmål audience left on the Nynorsk page is on the missing-translations report.
    missing = missing_translations(source_locale=committee.locale, target_locale=nn_locale)
    assert trustees in [row.instance for row in missing]


def test_nynorsk_catalogue_costs_the_same_number_of_queries_for_more_packages(
    nynorsk, catalogue_data, nn_locale, client, django_capture_on_commit_callbacks
):
    def count():
        cache.clear()  # measure both requests with the same (cold) caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/nn/skolering/?malgruppe=valgkomiteer")
        assert response.status_code == 200
        return len(queries), len(response.context["catalogue"].packages)

    count()  # the first request fills the site and locale caches (publishing empties them)
    before = count()
    committees = catalogue_data.committees
    for number in range(3):
        package = factories.TrainingPackagePageFactory(
            parent=catalogue_data.catalog, title=f"Ekstra {number}", slug=f"ekstra-{number}"
        )
        package.audiences.set([committees])
        package.topics.set([factories.TopicFactory()])
        package.save_revision().publish()
        _translate(package, nn_locale, django_capture_on_commit_callbacks)
    count()
    assert count() == (before[0], before[1] + 3)


def test_migration_fixes_pages_and_revisions_saved_before(nynorsk, catalogue_data):
    package, nn_committees, nn_elections = nynorsk
    committees_nb = catalogue_data.committees
    elections_nb = catalogue_data.committee.topics.get()
    # As wagtail-localize left them before the fix: Bokmål snippets in table and revision.
    through = TrainingPackagePage.audiences.through
    through.objects.filter(trainingpackagepage=package).update(audience=committees_nb)
    TrainingPackagePage.topics.through.objects.filter(trainingpackagepage=package).update(
        topic=elections_nb
    )
    revision = package.get_latest_revision()
    revision.content.update(audiences=[committees_nb.pk], topics=[elections_nb.pk])
    revision.save(update_fields=["content"])

    migration = importlib.import_module(
        "localization.migrations.0001_page_relations_in_page_locale"
    )
    migration.forwards(apps, None)

    package = TrainingPackagePage.objects.get(pk=package.pk)
    assert list(package.audiences.all()) == [nn_committees]
    assert list(package.topics.all()) == [nn_elections]
    content = Revision.objects.get(pk=revision.pk).content
    assert content["audiences"] == [nn_committees.pk] and content["topics"] == [nn_elections.pk]
    # The Bokmål page keeps its Bokmål snippets.
    assert list(catalogue_data.committee.audiences.all()) == [committees_nb]


def test_editor_is_offered_only_the_terms_of_the_pages_locale(
    nynorsk, catalogue_data, editor, client
):
    login_verified(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[catalogue_data.committee.pk])
    html = client.get(url).content.decode()
    assert "Valgkomiteer" in html and "Valg" in html
    assert "Valkomitear" not in html
