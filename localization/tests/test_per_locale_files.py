"""Per-locale files: a Nynorsk translation can have its own poster; alt text is translated."""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail_localize.models import OverridableSegment, Translation

import pytest
import wagtail_factories

from localization import services
from resourcebank.campaigns.models import CampaignPackMaterial, CampaignPackPage
from resourcebank.core.models import InfoPage
from tests import factories
from tests.editorial_support import login_verified, publish


@pytest.fixture
def apertium(apertium_command, settings):
    settings.APERTIUM_APY_URL = ""


def test_nynorsk_translation_can_replace_the_poster(
    client, editor, campaign_index, nn_locale, apertium, django_capture_on_commit_callbacks
):
    bokmal_poster = wagtail_factories.DocumentFactory(title="Plakat bokmål")
    nynorsk_poster = wagtail_factories.DocumentFactory(title="Plakat nynorsk")
    page = factories.CampaignPackPageFactory(parent=campaign_index, title="Likelønn")
    page.materials.add(CampaignPackMaterial(title="Plakat", kind="poster", document=bokmal_poster))
    publish(page)
    home = campaign_index.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        services.objects_machine_translate(
            objects=[home, campaign_index, page], target_locale=nn_locale, publish=True
        )
    nn_page = CampaignPackPage.objects.get(locale=nn_locale)
    assert nn_page.materials.get().document == bokmal_poster  # synchronised until overridden

    # The translator swaps the file in the translation editor (its override API) ...
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=nn_locale
    )
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=".document"
    )
    login_verified(client, editor)
    response = client.put(
        reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk]),
        urlencode({"value": nynorsk_poster.pk}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201
    # ... and publishes; a later bulk run keeps the override.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=editor, publish=True)
        services.objects_machine_translate(objects=[page], target_locale=nn_locale, publish=True)

    assert nn_page.materials.get().document == nynorsk_poster
    assert page.materials.get().document == bokmal_poster
    assert CampaignPackMaterial.objects.get(page=nn_page).title == "Plakat"


def test_image_alt_text_is_translated(
    home_page, nn_locale, apertium, django_capture_on_commit_callbacks
):
    image = wagtail_factories.ImageFactory(title="Stand")
    image.contextual_alt_text = "Medlemmer på stand for lokallagene"  # an ImageBlock's value
    image.decorative = False
    page = factories.InfoPageFactory(
        parent=home_page,
        title="Stand",
        body=[
            ("image", image),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.objects_machine_translate(
            objects=[home_page, page], target_locale=nn_locale, publish=True
        )
    nn_page = InfoPage.objects.get(locale=nn_locale, translation_key=page.translation_key)
    nn_image = nn_page.body[0].value
    assert nn_image.pk == image.pk
    assert nn_image.contextual_alt_text == "Medlemmer på stand for lokallaga"
    assert page.body[0].value.contextual_alt_text == "Medlemmer på stand for lokallagene"
