"""A long page saves: a StreamField of 300 blocks posts thousands of fields."""

from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from resourcebank.core.models import InfoPage
from tests import factories
from tests.editorial_support import login_verified

pytestmark = pytest.mark.django_db

BLOCKS = 300


def _blocks():
    blocks = []
    for number in range(BLOCKS):
        if number % 3 == 0:
            blocks.append(("heading", {"text": f"Del {number}", "level": "h2"}))
        elif number % 3 == 1:
            blocks.append(("quote", {"text": f"Sitat {number}", "attribution": "Kari"}))
        else:
            blocks.append(("paragraph", rich_text(f"<p>Avsnitt {number}.</p>")))
    return blocks


def test_a_page_of_300_blocks_saves(home_page, editor):
    page = factories.InfoPageFactory(parent=home_page, title="Lang side")
    data = nested_form_data(
        {
            "title": "Lang side",
            "slug": page.slug,
            "intro": "",
            "body": streamfield(_blocks()),
            "summary": "",
            "audiences": [],
            "topics": [],
            "tags": "",
            "review_by": "",
            "comments": inline_formset([]),
        }
    )
    assert len(data) > 1000  # more than Django's default limit of fields in one request
    client = login_verified(Client(), editor)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302, response.content.decode()[:500]
    saved = InfoPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert len(saved.body) == BLOCKS
