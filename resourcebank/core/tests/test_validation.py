"""Editors see a Norwegian error on the right field when a page is not ready to publish."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.stories.models import SuccessStoryPage
from tests.editorial_support import login_verified


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def campaign_form(**overrides):
    data = {
        "title": "Åtte mars",
        "slug": "atte-mars",
        "message": "Likelønn nå.",
        "body": streamfield([]),
        "materials": inline_formset([]),
        "poster_templates": inline_formset([]),
        "suggested_events": streamfield([]),
        "member_activities": streamfield([]),
        "summary": "",
        "review_by": "",
        "audiences": [],
        "topics": [],
        "tags": "",
        "period_start": "",
        "period_end": "",
        "commemoration_day": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def errors_of(response):
    form = response.context["form"]
    return {name: [str(e) for e in errs] for name, errs in form.errors.items()}


@pytest.fixture
def admin_client_nb(client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "nb"
    profile.save()
    login_verified(client, editor)
    return client


def test_publishing_campaign_pack_without_events_or_activities_shows_errors_on_the_fields(
    admin_client_nb, campaign_index
):
    data = campaign_form()
    data["action-publish"] = "action-publish"
    response = admin_client_nb.post(add_url(campaign_index, CampaignPackPage), data)

    assert response.status_code == 200
    errors = errors_of(response)
    assert "suggested_events" in errors
    assert "member_activities" in errors
    assert "lokallag" in errors["suggested_events"][0]
    assert "medlemmer" in errors["member_activities"][0]
    assert not CampaignPackPage.objects.exists()


def test_campaign_pack_draft_may_be_saved_without_events(admin_client_nb, campaign_index):
    response = admin_client_nb.post(add_url(campaign_index, CampaignPackPage), campaign_form())

    assert response.status_code == 302
    page = CampaignPackPage.objects.get(locale__language_code="nb")
    assert not page.live


def test_campaign_pack_with_event_and_activity_publishes(admin_client_nb, campaign_index):
    data = campaign_form(
        suggested_events=streamfield(
            [("event", {"title": "Stand", "description": "Del ut roser.", "timing": ""})]
        ),
        member_activities=streamfield(
            [("activity", {"title": "Del", "description": "Del grafikken.", "mode": "digital"})]
        ),
    )
    data["action-publish"] = "action-publish"
    response = admin_client_nb.post(add_url(campaign_index, CampaignPackPage), data)

    assert response.status_code == 302
    assert CampaignPackPage.objects.get(locale__language_code="nb").live


def test_success_story_requires_result_and_how(admin_client_nb, story_index):
    data = nested_form_data(
        {
            "title": "Dørbank på Sagene",
            "slug": "dorbank-sagene",
            "local_branch": "",
            "county": "",
            "what_was_done": rich_text("<p>Vi banket på dører.</p>"),
            "result": "",
            "how": rich_text(""),
            "image": "",
            "summary": "",
            "audiences": [],
            "topics": [],
            "tags": "",
            "review_by": "",
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client_nb.post(add_url(story_index, SuccessStoryPage), data)

    assert response.status_code == 200
    errors = errors_of(response)
    assert set(errors) >= {"result", "how"}
    assert "what_was_done" not in errors
    # Wagtail's "This field is required.", in our Bokmål (locale-admin, built from
    # localization/admin_catalogues), which wins over Django's own.
    assert errors["result"] == ["Dette feltet er påkrevd."]
    assert not SuccessStoryPage.objects.exists()
