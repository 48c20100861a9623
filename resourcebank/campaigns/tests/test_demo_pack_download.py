"""The demo's 8 March pack downloads whole, with its real poster, graphic and PDFs."""

import io
import zipfile

import pytest

from resourcebank.campaigns.models import CampaignPackPage

pytestmark = pytest.mark.django_db


def test_demo_8_march_pack_zip_lists_exactly_its_materials(client, demo_content):
    pack = CampaignPackPage.objects.get(slug="8-mars", locale__language_code="nb")
    materials = list(pack.materials.select_related("document", "image").order_by("sort_order"))
    assert materials

    response = client.get(pack.url + "last-ned/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()

    assert len(names) == len(materials) + 1  # the summary PDF comes first
    for name, material in zip(names[1:], materials, strict=True):
        assert name.startswith(material.title)
        with material.file.file.open("rb") as f:
            assert archive.read(name) == f.read()
    assert archive.testzip() is None
