"""Every HTML page carries a Content-Security-Policy without inline scripts, a
Permissions-Policy, and is framed by nobody; the admin has its own allowances."""

import pytest

from tests import factories
from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def pages(home_page, campaign_index, story_index, training_catalog, handbook_index):
    info = factories.InfoPageFactory(parent=home_page, title="Om oss")
    info.save_revision().publish()
    return [
        "/nb/",
        "/nn/",
        campaign_index.url,
        story_index.url,
        training_catalog.url,
        handbook_index.url,
        info.url,
        "/nb/sok/?q=valgkamp",
        "/nb/logg-inn/",
        "/nb/logg-inn/glemt-passord/",
        "/nb/finnes-ikke/",
        "/admin/login/",
        "/admin/password_reset/",
    ]


def test_every_html_page_carries_the_csp_and_permissions_policy(client, pages):
    for path in pages:
        response = client.get(path, follow=True)
        assert response["Content-Type"].startswith("text/html"), path
        csp = _directives(response["Content-Security-Policy"])
        assert "'unsafe-inline'" not in csp["script-src"] or path.startswith("/admin/"), path
        assert csp["object-src"] == ["'none'"]
        assert csp["base-uri"] == ["'self'"]
        assert "geolocation=()" in response["Permissions-Policy"], path
        if not path.startswith("/admin/"):
            assert csp["script-src"] == ["'self'"], path
            assert csp["frame-ancestors"] == ["'none'"], path


def test_the_admin_may_frame_itself_and_run_its_own_inline_scripts(client, editor):
    login_verified(client, editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    csp = _directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    assert "'none'" not in csp["frame-src"]
    assert "'unsafe-inline'" in csp["script-src"]


def test_the_proxy_ssl_header_needs_trusted_proxies():
    from django.conf import settings

    assert not settings.TRUSTED_PROXIES
    assert getattr(settings, "SECURE_PROXY_SSL_HEADER", None) is None
