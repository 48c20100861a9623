"""Uploads are checked by content, not name; every refusal is a form error and stores nothing."""

import io
import struct
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

from resourcebank.core import forms, uploads
from tests.downloads_support import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny file whose PNG header claims a huge image (a decompression bomb's calling card)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def gif_bytes() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (40, 40), (0, 0, 0)).save(out, format="GIF")
    return out.getvalue()


def _stored_files() -> set[Path]:
    return {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def _message(code: str, **params) -> str:
    """The Norwegian text of one refusal, as the form shows it to a Bokmål admin user."""
    messages = {
        "content_mismatch": lambda: uploads._wrong_content_error(params["extension"]),
        "type_not_allowed": lambda: uploads._not_allowed_error(
            params["extension"], params["allowed"]
        ),
        "too_many_pixels": lambda: uploads._too_many_pixels_error(20000, 20000),
        "file_too_large": lambda: uploads._too_large_error(params["size"], 10 * 1024 * 1024),
    }
    with translation.override("nb"):
        return messages[code]().messages[0]


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


BAD_DOCUMENTS = [
    ("html-renamed.pdf", HTML_PAGE, "content_mismatch", {"extension": "pdf"}),
    ("svg-renamed.pdf", SVG_WITH_SCRIPT, "content_mismatch", {"extension": "pdf"}),
    (
        "tegning.svg",
        SVG_WITH_SCRIPT,
        "type_not_allowed",
        {"extension": "svg", "allowed": [e for e in settings.WAGTAILDOCS_EXTENSIONS]},
    ),
    ("notat.txt", HTML_PAGE, "content_mismatch", {"extension": "txt"}),
    ("presentasjon.docx", pdf_bytes("ikke docx"), "content_mismatch", {"extension": "docx"}),
    (
        "stor.pdf",
        b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024),
        "file_too_large",
        {"size": 11 * 1024 * 1024 + 9},
    ),
]

BAD_IMAGES = [
    ("animasjon.jpg", gif_bytes, "content_mismatch", {"extension": "jpg"}),
    (
        "tegning.svg",
        lambda: SVG_WITH_SCRIPT,
        "type_not_allowed",
        {"extension": "svg", "allowed": ["jpg", "jpeg", "png", "webp"]},
    ),
    ("svg-renamed.png", lambda: SVG_WITH_SCRIPT, "content_mismatch", {"extension": "png"}),
    ("bombe.png", lambda: png_claiming(20000, 20000), "too_many_pixels", {}),
]


@pytest.mark.parametrize(
    ("name", "content", "code", "params"), BAD_DOCUMENTS, ids=[d[0] for d in BAD_DOCUMENTS]
)
def test_bad_document_is_refused_with_a_norwegian_error_in_both_upload_views(
    admin_client, name, content, code, params
):
    before = _stored_files()
    expected = _message(code, **params)

    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Dokument",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert expected in response.content.decode()

    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert response.json()["error_message"] == expected

    assert get_document_model().objects.count() == 0
    assert _stored_files() == before


@pytest.mark.parametrize(
    ("name", "content", "code", "params"), BAD_IMAGES, ids=[i[0] for i in BAD_IMAGES]
)
def test_bad_image_is_refused_with_a_norwegian_error_in_both_upload_views(
    admin_client, name, content, code, params
):
    before = _stored_files()
    expected = _message(code, **params)

    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bilde",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content()),
        },
    )
    assert response.status_code == 200
    assert expected in response.content.decode()

    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content())},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is False
    assert response.json()["error_message"] == expected

    assert get_image_model().objects.count() == 0
    assert _stored_files() == before


def test_good_files_are_accepted(admin_client):
    root = Collection.get_first_root_node().pk
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Plakat",
            "collection": root,
            "file": SimpleUploadedFile("plakat.pdf", pdf_bytes()),
        },
    )
    assert response.status_code == 302
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("grafikk.png", png_bytes((300, 300))),
            # With more than one collection (the roles add "Kun for medlemmer") the
            # uploader sends the chosen collection, as the browser's form does.
            "collection": root,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"] is True
    assert get_document_model().objects.count() == 1
    assert get_image_model().objects.count() == 1


def test_image_form_says_confidential_graphics_go_in_as_documents(admin_client):
    response = admin_client.get(reverse("wagtailimages:add"))
    with translation.override("nb"):
        assert str(forms.CONFIDENTIAL_GRAPHICS_HELP) in response.content.decode()
