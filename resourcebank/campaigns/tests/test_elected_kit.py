"""The elected members' kit: drafts an elected member fills in and takes away as ODT, DOCX
or text; nobody else sees or downloads it."""

import io

from django.core.exceptions import ValidationError
from django.test import Client

import docx
import pytest
from bs4 import BeautifulSoup
from odf import teletype
from odf.opendocument import load
from odf.text import H, P

from resourcebank.campaigns.blocks import DraftResolutionBlock
from resourcebank.editorial import roles
from tests.downloads_support import attachment_filename
from tests.editorial_support import publish, translate

pytestmark = pytest.mark.django_db

RESOLUTION = (
    "{kommunestyre} i {kommune} ber kommunedirektøren legge fram en plan for likelønn.\n\n"
    "Planen skal behandles i {kommunestyre} før sommeren.\n\n"
    "Forslagsstiller: {representant}, {partigruppe}"
)
LETTER = "Likelønn i {kommune}\n\nI {kommune} tjener kvinner mindre.\n\n{representant}"
VALUES = {
    "municipality": "Tromsø",
    "council": "Tromsø kommunestyre",
    "representative": "Ingrid Nilsen",
    "party_group": "SV-gruppa",
}


@pytest.fixture
def pack(kvinnedagen_pack):
    return kvinnedagen_pack(
        elected_kit=[
            ("resolution", {"title": "Forslag til vedtak om likelønn", "text": RESOLUTION}),
            ("letter", {"title": "Leserinnlegg om likelønn", "text": LETTER}),
        ],
    )


@pytest.fixture
def users(role_users):
    return role_users


def _draft_url(page, index=0):
    return f"{page.url}folkevalgt/{page.elected_kit[index].id}/"


def _client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_an_elected_member_sees_the_kit_on_the_pack_page(pack, users):
    response = _client_for(users[roles.ELECTED_MEMBERS]).get(pack.url)
    soup = BeautifulSoup(response.content, "html.parser")
    kit = soup.select_one("[data-elected-kit]")
    assert kit is not None
    assert kit.h2.get_text(strip=True) == "For folkevalgte"
    links = {a.get_text(strip=True): a["href"] for a in kit.select("a")}
    assert links == {
        "Forslag til vedtak om likelønn": _draft_url(pack, 0),
        "Leserinnlegg om likelønn": _draft_url(pack, 1),
    }


@pytest.mark.parametrize("role", [None, roles.MEMBERS, roles.EDITORS])
def test_others_neither_see_nor_download_the_kit(pack, users, role):
    # An elected member's view comes first: the parts of the page kept for everyone who
    # sees the same pages (shared fragments) must not carry the kit to anyone else.
    assert "For folkevalgte" in _client_for(users[roles.ELECTED_MEMBERS]).get(pack.url).text
    client = _client_for(users[role] if role else None)
    page = client.get(pack.url).content.decode()
    assert "For folkevalgte" not in page
    assert "Forslag til vedtak om likelønn" not in page
    assert "folkevalgt/" not in page
    assert client.get(_draft_url(pack)).status_code == 404
    response = client.post(_draft_url(pack), {**VALUES, "output": "docx"})
    assert response.status_code in (403, 404)
    assert response["Content-Type"].startswith("text/html")


def _odt_text(content: bytes) -> str:
    document = load(io.BytesIO(content))
    elements = document.getElementsByType(H) + document.getElementsByType(P)
    return "\n".join(teletype.extractText(element) for element in elements)


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def _assert_filled(text: str):
    for value in VALUES.values():
        assert value in text
    assert "{" not in text and "}" not in text
    assert "representant" not in text and "partigruppe" not in text
    assert "Tromsø kommunestyre i Tromsø ber kommunedirektøren" in text
    assert "Forslagsstiller: Ingrid Nilsen, SV-gruppa" in text


def test_an_elected_member_downloads_the_filled_resolution_as_odt(pack, users):
    client = _client_for(users[roles.ELECTED_MEMBERS])
    assert client.get(_draft_url(pack)).status_code == 200
    response = client.post(_draft_url(pack), {**VALUES, "output": "odt"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert attachment_filename(response) == "Forslag til vedtak om likelønn – Tromsø.odt"
    assert response["Cache-Control"] == "private, no-store"
    _assert_filled(_odt_text(response.content))


def test_an_elected_member_downloads_the_filled_resolution_as_docx(pack, users):
    client = _client_for(users[roles.ELECTED_MEMBERS])
    response = client.post(_draft_url(pack), {**VALUES, "output": "docx"})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    text = _docx_text(response.content)
    _assert_filled(text)
    assert text.splitlines()[0] == "Forslag til vedtak om likelønn"


def test_an_elected_member_gets_the_text_to_copy(pack, users):
    client = _client_for(users[roles.ELECTED_MEMBERS])
    response = client.post(_draft_url(pack, 1), {**VALUES, "output": "text"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.select_one("textarea[readonly]").get_text()
    assert text == "Likelønn i Tromsø\n\nI Tromsø tjener kvinner mindre.\n\nIngrid Nilsen"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"municipality": "x" * 81}, "municipality", "Bruk høyst 80 tegn (du brukte 81)."),
        ({"representative": "   "}, "representative", "Fyll ut dette feltet."),
        ({"party_group": "SV {kommune}"}, "party_group", "Tegnene { og } er ikke tillatt."),
        ({"council": "Bystyret\nOslo"}, "council", "Skriv det på én linje"),
        ({"output": "pdf"}, "output", "Velg en av filene."),
    ],
)
def test_the_form_refuses_bad_input_with_a_clear_norwegian_error(
    pack, users, changes, field, message
):
    client = _client_for(users[roles.ELECTED_MEMBERS])
    response = client.post(_draft_url(pack), {**VALUES, "output": "odt", **changes})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.select_one(f"#id_{field}_error")
    assert message in error.get_text()
    # The field (its input, or the fieldset of its choices) points at the error.
    described = soup.select_one(f'[aria-describedby~="id_{field}_error"]')
    assert described is not None and described.name in {"input", "fieldset"}


def test_the_form_needs_a_csrf_token(pack, users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users[roles.ELECTED_MEMBERS])
    response = client.post(_draft_url(pack), {**VALUES, "output": "odt"})
    assert response.status_code == 403


def test_a_draft_with_an_unknown_placeholder_is_refused_in_the_admin():
    block = DraftResolutionBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"title": "Forslag", "text": "{kommune} og {ordfører}"}))
    assert "{ordfører}" in str(error.value.block_errors["text"])


def test_the_nynorsk_pack_has_the_kit_in_nynorsk(pack, users, nn_locale):
    nn_pack = translate(pack, nn_locale)
    blocks = nn_pack.elected_kit
    blocks[0].value["title"] = "Framlegg til vedtak om likeløn"
    nn_pack.elected_kit = blocks
    publish(nn_pack)
    client = _client_for(users[roles.ELECTED_MEMBERS])
    page = client.get(nn_pack.url).content.decode()
    assert "For folkevalde" in page
    assert "Framlegg til vedtak om likeløn" in page
    response = client.post(_draft_url(nn_pack), {**VALUES, "output": "docx"})
    assert response.status_code == 200
    assert _docx_text(response.content).startswith("Framlegg til vedtak om likeløn")
