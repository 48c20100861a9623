"""Documents on /sok/: found by words inside their files, never by those who may not see them.

Run on every backend available (the database of DATABASE_URL, and OpenSearch and
Elasticsearch where their URLs are set; see conftest.py).
"""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, PageViewRestriction

import pytest

from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.core.models import HomePage, MaterialKind
from resourcebank.core.query import TYPE, WRITTEN_STANDARD
from search.documentsearch import DocumentResult
from search.engines.resilience import breaker_reset
from search.models import DocumentText
from tests import factories
from tests.downloads_support import make_document, make_member, members_collection, pdf_bytes

pytestmark = pytest.mark.django_db

PASSWORD = "pw"  # make_member's


def docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(heading: str, text: str) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def _attach(page, document, title):
    CampaignPackMaterial.objects.create(
        page=page, title=title, kind=MaterialKind.TALKING_POINTS, document=document
    )


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker, search_settings):
    """Campaign packs offering documents: public, in the members' collection, on a
    members-only pack, damaged, and one no page offers; indexed by the backend under test."""
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=search_settings):
        breaker_reset()
        home = HomePage.objects.get(locale=Locale.objects.get(language_code="nb"), depth=2)
        campaigns = factories.CampaignIndexPageFactory(parent=home, slug="kampanjer-dok")
        pack = factories.CampaignPackPageFactory(parent=campaigns, title="Valgkampen i høst")
        inner = factories.CampaignPackPageFactory(parent=campaigns, title="Styrets arbeidsrom")
        PageViewRestriction.objects.create(page=inner, restriction_type=PageViewRestriction.LOGIN)
        collection, group = members_collection()
        documents = {
            "pdf": make_document(
                "Standplan",
                "standplan.pdf",
                pdf_bytes("Husk sykkelparkering ved standen på torget."),
            ),
            "docx": make_document(
                "Sjekkliste",
                "sjekkliste.docx",
                docx_bytes("Før standen", "Ta med termokanner og løpesedler."),
            ),
            "members": make_document(
                "Intern strategi for standen",
                "intern.pdf",
                pdf_bytes("Fortrolig motstanderanalyse for fylket."),
                collection,
            ),
            "inner": make_document(
                "Styrenotat", "styrenotat.pdf", pdf_bytes("Forslag til budsjettrevisjon.")
            ),
            "broken": make_document(
                "Ødelagt plakatfil", "odelagt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog"
            ),
            "loose": make_document(
                "Løst notat", "lost.pdf", pdf_bytes("Om kaffetrakteren på kontoret.")
            ),
        }
        for key in ("pdf", "docx", "members", "broken"):
            _attach(pack, documents[key], documents[key].title)
        _attach(inner, documents["inner"], "Notat")
        member = make_member(get_user_model(), username="dokmedlem")

        if search_settings["default"]["BACKEND"] != "search.engines.database":
            call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

        yield {"documents": documents, "pack": pack, "member": member}

        for document in documents.values():
            document.delete()  # Wagtail deletes its file
        campaigns.refresh_from_db()
        campaigns.delete()
        member.delete()
        Collection.objects.filter(pk=collection.pk).delete()
        group.delete()


@pytest.fixture
def doc_client(client, search_settings, library):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_settings):
        breaker_reset()
        yield client


def search(client, query, **params):
    return client.get("/nb/sok/", {"q": query, **params})


def main(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def found_documents(response) -> list[str]:
    return [
        result.title
        for result in response.context["outcome"].page.object_list
        if isinstance(result, DocumentResult)
    ]


def autocomplete_titles(client, text) -> list[str]:
    return [r["title"] for r in client.get("/nb/sok/autocomplete/", {"q": text}).json()["results"]]


def log_in_as_member(client, library):
    response = client.post(
        "/nb/logg-inn/", {"username": library["member"].username, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_a_word_only_in_a_pdf_finds_the_document(doc_client, library):
    response = search(doc_client, "sykkelparkering")
    assert found_documents(response) == ["Standplan"]
    html = response.content.decode()
    document = library["documents"]["pdf"]
    assert f'href="{document.url}"' in html
    assert "PDF" in html
    assert "<mark>sykkelparkering</mark>" in html  # the excerpt shows where it was found
    assert "Valgkampen i høst" in html  # the page it belongs to
    outcome = response.context["outcome"]
    assert outcome.total == 1
    (facet,) = [f for f in outcome.facets if f.param == TYPE]
    assert {v.value: v.count for v in facet.values} == {"document": 1}


def test_a_word_only_in_a_docx_finds_the_document_in_any_inflection(doc_client):
    assert found_documents(search(doc_client, "termokanne")) == ["Sjekkliste"]
    assert found_documents(search(doc_client, "løpeseddel")) == ["Sjekkliste"]


def test_a_damaged_pdf_is_found_by_its_title(doc_client, library):
    assert found_documents(search(doc_client, "plakatfil")) == ["Ødelagt plakatfil"]
    stored = DocumentText.objects.get(document=library["documents"]["broken"])
    assert stored.failed and stored.text == ""


@pytest.mark.parametrize(
    "query", ["motstanderanalyse", "intern strategi", "budsjettrevisjon", "styrenotat"]
)
def test_members_only_documents_never_reach_an_anonymous_reader(doc_client, query):
    response = search(doc_client, query)
    outcome = response.context["outcome"]
    assert found_documents(response) == []
    assert outcome.total == 0
    html = response.content.decode()
    for secret in ("Intern strategi", "Styrenotat", "Fortrolig", "Forslag til", "/documents/"):
        assert secret not in html


def test_members_only_documents_stay_out_of_autocomplete_and_counts(doc_client):
    assert "Intern strategi for standen" not in autocomplete_titles(doc_client, "intern str")
    assert "Styrenotat" not in autocomplete_titles(doc_client, "styreno")
    assert "Standplan" in autocomplete_titles(doc_client, "standpl")
    # "standen" is in the public PDF, the DOCX and the members-only PDF's title: not counted.
    outcome = search(doc_client, "standen").context["outcome"]
    (facet,) = [f for f in outcome.facets if f.param == TYPE]
    assert {v.value: v.count for v in facet.values}["document"] == 2


def test_a_document_no_page_offers_is_not_a_result(doc_client):
    assert found_documents(search(doc_client, "kaffetrakter")) == []


def test_a_member_logged_in_finds_members_only_documents(doc_client, library):
    log_in_as_member(doc_client, library)
    assert found_documents(search(doc_client, "motstanderanalyse")) == [
        "Intern strategi for standen"
    ]
    assert found_documents(search(doc_client, "budsjettrevisjon")) == ["Styrenotat"]
    assert "Intern strategi for standen" in autocomplete_titles(doc_client, "intern str")
    html = search(doc_client, "budsjettrevisjon").content.decode()
    assert "Styrets arbeidsrom" in html  # the members-only page it belongs to


def test_a_members_results_kept_for_the_next_reader_never_reach_an_anonymous_one(
    doc_client, library
):
    # The results are kept in a shared fragment: the member's must not be what an
    # anonymous reader of the same address gets.
    log_in_as_member(doc_client, library)
    assert "Intern strategi for standen" in search(doc_client, "motstanderanalyse").content.decode()
    doc_client.logout()
    response = search(doc_client, "motstanderanalyse")
    assert response.context["outcome"].total == 0
    assert "Intern strategi" not in response.content.decode()


def test_the_same_search_again_is_not_run_again_until_content_changes(
    doc_client, library, django_assert_num_queries
):
    log_in_as_member(doc_client, library)
    first = main(search(doc_client, "sykkelparkering"))
    assert "Standplan" in first
    # The session, the member and the member's groups: the results come from the cache.
    with django_assert_num_queries(3):
        assert main(search(doc_client, "sykkelparkering")) == first
    document = library["documents"]["pdf"]
    document.title = "Standplan for torget"
    document.save()
    assert "Standplan for torget" in search(doc_client, "sykkelparkering").content.decode()


def test_filters_of_pages_leave_documents_out_and_the_type_filter_keeps_them(doc_client):
    only_documents = search(doc_client, "standen", **{TYPE: "document"})
    assert sorted(found_documents(only_documents)) == ["Sjekkliste", "Standplan"]
    assert found_documents(search(doc_client, "standen", **{TYPE: "infopage"})) == []
    assert found_documents(search(doc_client, "standen", **{WRITTEN_STANDARD: "nb"})) == []


# --- Extraction: once per file, on the worker ------------------------------------------------


@pytest.fixture
def counted_extractions(monkeypatch):
    import search.services

    calls = []
    real = search.services.extract_text

    def counting(data, extension):
        calls.append(extension)
        return real(data, extension)

    monkeypatch.setattr(search.services, "extract_text", counting)
    return calls


def test_indexing_again_does_not_read_an_unchanged_file_again(counted_extractions):
    document = make_document("Referat", "referat.pdf", pdf_bytes("Årsmøtet vedtok planen."))
    assert counted_extractions == ["pdf"]
    document.title = "Referat fra årsmøtet"
    document.save()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert counted_extractions == ["pdf"]

    from django.core.files.base import ContentFile

    document.file.save("referat2.pdf", ContentFile(pdf_bytes("Styret vedtok budsjettet.")))
    document._set_document_file_metadata()
    document.save()
    assert counted_extractions == ["pdf", "pdf"]
    assert "budsjettet" in DocumentText.objects.get(document=document).text


def test_text_of_docx_and_odt_files_is_read():
    from search.extraction import extract_text

    assert "termokanner" in extract_text(docx_bytes("Ta med termokanner."), "docx")
    text = extract_text(odt_bytes("Årsmøte", "Valg av nytt styre i lokallaget."), "odt")
    assert text.index("Årsmøte") < text.index("Valg av nytt styre")
    assert extract_text(b"Plain tekst", "txt") == "Plain tekst"


def test_an_oversized_archive_is_refused_not_read():
    import zipfile

    from search.extraction import MAX_UNPACKED_BYTES, ExtractionError, extract_text

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    with pytest.raises(ExtractionError):
        extract_text(out.getvalue(), "docx")


def test_only_the_first_characters_are_kept():
    from search.extraction import MAX_CHARS, extract_text

    assert len(extract_text(("ord " * MAX_CHARS).encode(), "txt")) == MAX_CHARS


def test_worker_task_reads_the_file_once(counted_extractions):
    from search.tasks import document_text_index

    document = make_document("Plan", "plan.txt", "Dugnad på lørdag.".encode())
    assert counted_extractions == ["txt"]
    assert document_text_index.call(document.pk) is False  # read already: nothing to do
    assert counted_extractions == ["txt"]
    assert get_document_model().objects.filter(pk=document.pk).exists()
