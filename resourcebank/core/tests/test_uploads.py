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
from tests.editorial_support import login_verified

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
    login_verified(client, editor)
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


def test_stored_files_get_random_names_with_the_extension_of_their_content(admin_client):
    root = Collection.get_first_root_node().pk
    admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Plakat",
            "collection": root,
            "file": SimpleUploadedFile("Plakat.PDF", pdf_bytes()),
        },
    )
    for name in ("grafikk.png", "Kari Nordmann på stand.jpeg"):
        content = png_bytes((30, 30)) if name.endswith("png") else _jpeg_bytes()
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile(name, content), "collection": root},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.json()["success"] is True
    document = get_document_model().objects.get()
    assert document.file.name.startswith("documents/") and document.file.name.endswith(".pdf")
    assert "Plakat" not in document.file.name
    images = get_image_model().objects.order_by("pk")
    assert [i.title for i in images] == ["grafikk.png", "Kari Nordmann på stand.jpeg"]
    assert [i.file.name.rpartition(".")[2] for i in images] == ["png", "jpg"]
    assert not any("grafikk" in i.file.name or "Kari" in i.file.name for i in images)
    # Downloads still carry the document's title, not the stored name.
    response = admin_client.get(document.url)
    assert response.status_code == 200
    assert 'filename="Plakat.pdf"' in response["Content-Disposition"]


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (30, 30), (200, 0, 0)).save(out, format="JPEG")
    return out.getvalue()


MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("kurs.mp4", MP4, True),
        ("kurs.mp4", HTML_PAGE, False),
        ("kurs.html", MP4, False),
        ("kurs.svg", SVG_WITH_SCRIPT, False),
    ],
)
def test_audio_and_video_are_checked_by_content_and_renamed(admin_client, name, content, accepted):
    from wagtailmedia.models import Media

    before = _stored_files()
    response = admin_client.post(
        reverse("wagtailmedia:add", args=("video",)),
        {
            "title": "Kurs",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
            "duration": "3",
            "width": "",
            "height": "",
        },
    )
    if accepted:
        assert response.status_code == 302, response.content.decode()[:2000]
        media = Media.objects.get()
        assert media.file.name.startswith("media/") and media.file.name.endswith(".mp4")
        assert "kurs" not in media.file.name
    else:
        assert response.status_code == 200
        assert Media.objects.count() == 0
        assert _stored_files() == before


def test_a_request_larger_than_the_upload_limit_is_refused_before_it_is_read(
    client, settings, monkeypatch
):
    from django.core.handlers.wsgi import LimitedStream

    settings.UPLOAD_MAX_BYTES = 1000
    read = []
    monkeypatch.setattr(LimitedStream, "read", lambda self, *a: read.append(a) or b"")
    response = client.generic(
        "POST",
        "/nb/",
        b"x" * 10,
        content_type="multipart/form-data; boundary=grense",
        CONTENT_LENGTH=str(10 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert read == []
    assert "for stor" in response.content.decode() or "too large" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "documents/plan.pdf",
        "/documents/plan.pdf",
        "./documents/plan.pdf",
        "images/../documents/plan.pdf",
        "%2e/documents/plan.pdf",
        "Documents/plan.pdf",
        "../secret.txt",
    ],
)
def test_development_media_never_serves_documents_however_spelled(rf, path):
    from django.http import Http404

    from resourcebank.core.media import serve_media

    with pytest.raises(Http404):
        serve_media(rf.get(f"/media/{path}"), path)


def test_development_media_is_served_with_nosniff_sandbox_and_attachment(rf, settings):
    from resourcebank.core.media import serve_media

    folder = Path(settings.MEDIA_ROOT, "original_images")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bilde.png").write_bytes(png_bytes((10, 10)))
    (folder / "side.html").write_bytes(HTML_PAGE)
    image = serve_media(rf.get("/media/original_images/bilde.png"), "original_images/bilde.png")
    assert image["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in image["Content-Security-Policy"]
    assert image["Content-Type"] == "image/png"
    assert not image.get("Content-Disposition", "").startswith("attachment")
    page = serve_media(rf.get("/media/original_images/side.html"), "original_images/side.html")
    assert page["Content-Disposition"] == "attachment"
    assert page["Content-Type"] == "application/octet-stream"
    assert "sandbox" in page["Content-Security-Policy"]
