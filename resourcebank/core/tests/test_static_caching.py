"""In production every stylesheet and script a page links has a hashed name and is cached for
a year: a change ships under a new name, so no reader keeps an old file."""

import re

from django.core.management import call_command
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")


@pytest.fixture
def collected(settings, tmp_path):
    """The production storage (WhiteNoise's compressed manifest) over our own static files."""
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # Only static/ (not Wagtail's admin files): what the public pages link.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


@pytest.mark.parametrize("path", ["/nb/", "/nn/", "/nb/sok/?q=kvinnedagen"])
def test_pages_link_css_and_js_by_hashed_name_served_for_a_year(collected, home_page, path):
    client = Client()  # a new handler: WhiteNoise reads the collected files
    html = client.get(path).content.decode()

    assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        assert HASHED.search(asset), f"{asset} has no hashed name"
        response = client.get(asset, headers={"Accept-Encoding": "gzip, br"})
        assert response.status_code == 200
        assert response["Cache-Control"] == "max-age=315360000, public, immutable"
        assert response.get("Content-Encoding") in {"br", "gzip"}
