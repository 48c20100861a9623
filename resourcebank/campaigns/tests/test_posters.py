"""Personalised posters: a branch's own details on a campaign poster, as PDF and PNG."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage
from pypdf import PdfReader

from resourcebank.campaigns.models import PosterTemplate
from resourcebank.campaigns.posters import SOCIAL_WIDTH, fit_text
from tests import factories
from tests.downloads_support import attachment_filename, make_image
from tests.editorial_support import publish

pytestmark = pytest.mark.django_db

LONG_BRANCH = "Sør-Aurdal og Øystre Slidre Arbeiderparti – lokallaget for Ærøy og Åsnes"


@pytest.fixture
def poster_template(campaign_index):
    pack = factories.CampaignPackPageFactory(parent=campaign_index, title="8. mars", slug="8-mars")
    template = PosterTemplate.objects.create(
        page=pack,
        title="Plakat for kvinnedagen",
        image=make_image("Plakatmal", "plakatmal.png", size=(1240, 1754)),
        text_colour="#ffffff",
        branch_x=10, branch_y=60, branch_width=80, branch_height=8,
        when_x=10, when_y=70, when_width=80, when_height=5,
        place_x=10, place_y=76, place_width=80, place_height=5,
        line_x=10, line_y=85, line_width=80, line_height=5,
    )  # fmt: skip
    publish(pack)
    return template


def _url(template):
    return f"{template.page.url}plakat/{template.pk}/"


def _data(**overrides):
    data = {
        "branch": LONG_BRANCH,
        "when": "Lørdag 8. mars kl. 12–14",
        "place": "Torget på Bagn",
        "line": "Likelønn nå – bli med!",
        "output": "pdf",
    }
    data.update(overrides)
    return data


def test_form_is_shown_with_csrf_protection(client, poster_template):
    response = client.get(_url(poster_template))
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert response["Cache-Control"] == "private, no-store"


def test_the_file_choice_is_radio_buttons_not_a_text_field(client, poster_template):
    """Designsystemet's class goes on each radio button, never on the group around them
    (which it would draw as one text field, its labels spilling over the submit button)."""
    html = client.get(_url(poster_template)).content.decode()
    radios = re.findall(r'<input type="radio"[^>]*>', html)
    assert len(radios) == 2 and all('class="ds-input"' in radio for radio in radios)
    group = re.search(r'<div id="id_output"[^>]*>', html).group(0)
    assert "ds-input" not in group


def test_post_without_csrf_token_is_refused(poster_template):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(poster_template), _data())
    assert response.status_code == 403


def test_pdf_has_the_branch_details_as_real_text(client, poster_template):
    response = client.post(_url(poster_template), _data())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert attachment_filename(response) == f"{poster_template.title} – {LONG_BRANCH}.pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert LONG_BRANCH in text
    assert "Lørdag 8. mars kl. 12–14" in text
    assert "Torget på Bagn" in text
    # Print size: A4 width, the poster's own proportions.
    width_pt = float(reader.pages[0].mediabox.width)
    assert round(width_pt / 72 * 25.4) == 210


def test_png_for_social_media_is_1080_wide_with_text_drawn(client, poster_template):
    response = client.post(_url(poster_template), _data(output="png"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = PILImage.open(io.BytesIO(response.content))
    assert image.size == (SOCIAL_WIDTH, round(1754 * SOCIAL_WIDTH / 1240))
    # White text on the red template: the branch box now has white pixels.
    box = image.crop((108, int(image.height * 0.60), 972, int(image.height * 0.68)))
    assert (255, 255, 255) in {colour for _count, colour in box.getcolors(1_000_000)}


def test_long_text_is_shrunk_and_wrapped_to_fit_its_box():
    box = (0, 0, 400, 60)
    short = fit_text("Bø", box)
    long = fit_text(LONG_BRANCH, box)
    assert long.font_size < short.font_size
    assert " ".join(long.lines) == LONG_BRANCH
    assert len(long.lines) * long.font_size * 1.15 <= 60


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("branch", "<b>Bø</b> lokallag"),
        ("line", "Les mer på https://example.org"),
        ("place", "Se www.example.no"),
        ("when", "{{ 8. mars }}"),
        ("branch", "x" * 81),
    ],
)
def test_markup_links_and_overlong_text_are_refused(client, poster_template, field, value):
    response = client.post(_url(poster_template), _data(**{field: value}))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors[field]


def test_an_error_is_tied_to_its_field_and_to_the_fieldset_of_the_choices(client, poster_template):
    response = client.post(_url(poster_template), _data(branch="", output="gif"))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    for name, element in (("branch", "input"), ("output", "fieldset")):
        assert soup.select_one(f"#id_{name}_error").get_text(strip=True)
        described = soup.select_one(f'[aria-describedby~="id_{name}_error"]')
        assert described is not None and described.name == element, name


def test_unknown_template_is_not_found(client, poster_template):
    response = client.get(f"{poster_template.page.url}plakat/{poster_template.pk + 99}/")
    assert response.status_code == 404


def test_poster_rendering_is_limited_per_client_with_a_norwegian_429(
    client, poster_template, settings
):
    from django.core.cache import cache

    cache.clear()
    settings.HEAVY_WORK_RATE = "3/10m"
    for _request in range(3):
        assert client.post(_url(poster_template), _data(output="png")).status_code == 200
    refused = client.post(_url(poster_template), _data(output="png"))
    assert refused.status_code == 429
    assert refused["Retry-After"]
    html = refused.content.decode()
    assert '<html lang="nb" dir="ltr">' in html and "For mange forespørsler" in html
    # Another client is not held back.
    other = client.post(_url(poster_template), _data(output="png"), REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 200
    cache.clear()
