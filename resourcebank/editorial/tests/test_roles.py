"""The permission matrix: each role × action on Bokmål and Nynorsk pages."""

import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

import pytest

from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import (
    campaign_pack_form_data,
    login_verified,
    make_user,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db

ACTIONS = (
    "create",
    "edit",
    "submit",
    "publish",
    "unpublish",
    "delete",
    "change_privacy",
    "translate",
    "view_members_page",
    "download_members_document",
)
READ = {"view_members_page", "download_members_document"}
ALL = set(ACTIONS)
NONE = set()

# role -> locale -> the actions that role may do there.
EXPECTED = {
    roles.EDITORS: {"nb": ALL, "nn": ALL},
    roles.CONTRIBUTORS: {"nb": {"create", "edit", "submit"} | READ, "nn": READ},
    roles.TRANSLATORS: {"nb": {"translate"} | READ, "nn": {"edit", "submit", "translate"} | READ},
    roles.MEMBERS: {"nb": READ, "nn": READ},
    roles.ELECTED_MEMBERS: {"nb": READ, "nn": READ},
    "anonymous": {"nb": NONE, "nn": NONE},
}


@pytest.fixture
def matrix_site(editorial_setup, home_page, campaign_index, nn_locale):
    """In each written standard: a live and a draft campaign pack and a members-only page."""
    live = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    draft = factories.CampaignPackPageFactory(parent=campaign_index, live=False)
    draft.save_revision()
    private = publish(factories.InfoPageFactory(parent=home_page))
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(roles.members_only_groups())
    document = get_document_model().objects.create(
        title="Budsjettmal",
        file=ContentFile(b"members only", name="budsjettmal.txt"),
        collection=roles.members_collection_get(),
    )
    site = {"nb": {"index": campaign_index, "live": live, "draft": draft, "private": private}}
    site["nn"] = {
        "live": translate(live, nn_locale),
        "draft": translate(draft, nn_locale, publish=False),
        "private": translate(private, nn_locale),
    }
    site["nn"]["index"] = Page.objects.get(  # made by copying the pack's parents
        translation_key=campaign_index.translation_key, locale=nn_locale
    )
    site["document"] = document
    return site


def _fresh(page):
    return Page.objects.get(pk=page.pk).specific


def attempt(client, action, pages, document) -> bool:
    """Try one action as the logged-in user; True if it took effect."""
    live, draft = _fresh(pages["live"]), _fresh(pages["draft"])
    if action == "create":
        url = reverse(
            "wagtailadmin_pages:add", args=["campaigns", "campaignpackpage", pages["index"].pk]
        )
        return client.get(url).status_code == 200
    if action == "edit":
        return client.get(reverse("wagtailadmin_pages:edit", args=[live.pk])).status_code == 200
    if action == "submit":
        data = campaign_pack_form_data(draft, **{"action-submit": "1"})
        client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
        return _fresh(draft).workflow_in_progress
    if action == "publish":
        data = campaign_pack_form_data(draft, **{"action-publish": "1"})
        client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
        return _fresh(draft).live
    if action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk]))
        return not _fresh(live).live
    if action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
        return not Page.objects.filter(pk=draft.pk).exists()
    if action == "change_privacy":
        client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[live.pk]), {"restriction_type": "login"}
        )
        return PageViewRestriction.objects.filter(page=live).exists()
    if action == "translate":
        url = reverse("wagtail_localize:submit_page_translation", args=[live.pk])
        return client.get(url).status_code == 200
    if action == "view_members_page":
        response = client.get(_fresh(pages["private"]).url)
        return response.status_code == 200
    if action == "download_members_document":
        return client.get(document.url).status_code == 200
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_permission_matrix(client, role_users, matrix_site, role):
    if role != "anonymous":
        login_verified(client, role_users[role])
    allowed = {}
    for locale in ("nb", "nn"):
        allowed[locale] = set()
        for action in ACTIONS:
            with transaction.atomic():
                if attempt(client, action, matrix_site[locale], matrix_site["document"]):
                    allowed[locale].add(action)
                transaction.set_rollback(True)
    assert allowed == EXPECTED[role]


def test_members_have_no_admin_access(client, role_users):
    for role in (roles.MEMBERS, roles.ELECTED_MEMBERS):
        login_verified(client, role_users[role])
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


def test_roles_are_idempotent_and_made_by_migrate(editorial_setup):
    from django.contrib.auth.models import Group

    before = Group.objects.filter(name__in=roles.ROLE_GROUP_NAMES.values()).count()
    roles.roles_ensure()
    assert before == Group.objects.filter(name__in=roles.ROLE_GROUP_NAMES.values()).count() == 5
    assert roles.members_collection_get().name == "Kun for medlemmer"


def test_demo_accounts_one_per_role_and_a_rerun_changes_nothing(client, editorial_setup):
    accounts = roles.demo_accounts_ensure(password="demo-pw-123")
    assert {account.role for account in accounts} == set(roles.ROLE_GROUP_NAMES.values())
    for account in accounts:
        assert client.login(username=account.username, password="demo-pw-123")
    assert not any(
        account.changed for account in roles.demo_accounts_ensure(password="demo-pw-123")
    )


def test_after_migrate_the_admin_lists_only_the_five_roles(client, superuser):
    """Wagtail's default "Moderators" and "Editors" groups are gone once migrate has run.

    A superuser, because managing groups belongs to no role: only superusers see them.
    """
    login_verified(client, superuser)
    html = client.get(reverse("wagtailusers_groups:index")).content.decode()
    listed = set(re.findall(r'href="/admin/groups/edit/\d+/"[^>]*>\s*([^<]+?)\s*<', html))
    assert listed == set(roles.ROLE_GROUP_NAMES.values())


def test_a_default_group_with_a_member_is_kept(editorial_setup, django_user_model, caplog):
    from django.contrib.auth.models import Group

    moderators = Group.objects.create(name="Moderators")
    Group.objects.create(name="Editors")
    make_user(django_user_model, "old-moderator").groups.add(moderators)
    assert roles.wagtail_default_groups_retire() == ["Editors"]
    assert Group.objects.filter(name="Moderators").exists()
    assert "'Moderators' still has members" in caplog.text
