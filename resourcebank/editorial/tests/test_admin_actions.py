"""The admin offers each role exactly the page actions it may carry out.

For editors, contributors and translators: the explorer and the edit view (of a
draft and of a live page, in both written standards) show exactly the expected
action buttons and links, and every link shown works for that user instead of
ending in Wagtail's "no permission" redirect.
"""

import re

from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from wagtail.models import Page

import pytest

from resourcebank.core.models import BasePage
from resourcebank.core.permissions import RolePagePermissionTester
from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import login_verified, publish, translate

pytestmark = pytest.mark.django_db

URL_ACTIONS = "edit|view_draft|add_subpage|move|copy|delete|unpublish|lock|unlock"
ACTION_URL_RE = re.compile(
    rf'(?:href|data-w-action-url-value)="(/admin/pages/(\d+)/({URL_ACTIONS})/[^"]*)"'
)
SORT_URL_RE = re.compile(r'href="(/admin/pages/(\d+)/\?ordering=ord)"')
ACTION_BUTTON_RE = re.compile(r'<button[^>]*name="action-([\w-]+)"')
PRIVACY_TOGGLE = 'data-a11y-dialog-show="set-privacy"'

# What the editors see on an index page, a live page and a draft, in the explorer
# (header of the index, rows of its children) and on the edit view.
EDITOR_INDEX = {"edit", "add_subpage", "move", "copy", "delete", "unpublish", "sort", "privacy"}
EDITOR_LIVE_ROW = {"edit", "move", "copy", "delete", "unpublish", "sort"}
EDITOR_DRAFT_ROW = {"edit", "view_draft", "move", "copy", "delete", "sort"}
EDITOR_EDIT_DRAFT = {"edit", "move", "copy", "delete", "sort", "privacy", "lock"}
EDITOR_EDIT_DRAFT |= {"publish", "submit"}
EDITOR_EDIT_LIVE = EDITOR_EDIT_DRAFT | {"unpublish"}

# role -> screen -> {page: actions offered for that page}; None: the role cannot open it.
# On an edit view the other written standard's version appears as an "edit" link
# when the user may edit it.
EXPECTED = {
    roles.EDITORS: {
        "explore nb": {"index": EDITOR_INDEX, "live": EDITOR_LIVE_ROW, "draft": EDITOR_DRAFT_ROW},
        "explore nn": {
            "nn index": EDITOR_INDEX,
            "nn live": EDITOR_LIVE_ROW,
            "nn draft": EDITOR_DRAFT_ROW,
        },
        "edit draft": {"draft": EDITOR_EDIT_DRAFT, "nn draft": {"edit"}},
        "edit live": {"live": EDITOR_EDIT_LIVE, "nn live": {"edit"}},
        "edit nn draft": {"nn draft": EDITOR_EDIT_DRAFT, "draft": {"edit"}},
        "edit nn live": {"nn live": EDITOR_EDIT_LIVE, "live": {"edit"}},
    },
    roles.CONTRIBUTORS: {
        "explore nb": {
            "index": {"edit", "add_subpage", "copy"},
            "live": {"edit", "copy"},
            "draft": {"edit", "view_draft", "copy"},
        },
        "explore nn": None,
        "edit draft": {"draft": {"edit", "copy", "submit"}},
        "edit live": {"live": {"edit", "copy", "submit"}},
        "edit nn draft": None,
        "edit nn live": None,
    },
    roles.TRANSLATORS: {
        "explore nb": None,
        "explore nn": {
            "nn index": {"edit"},
            "nn live": {"edit"},
            "nn draft": {"edit", "view_draft"},
        },
        "edit draft": None,
        "edit live": None,
        "edit nn draft": {"nn draft": {"edit", "submit"}},
        "edit nn live": {"nn live": {"edit", "submit"}},
    },
}


@pytest.fixture
def admin_pages(editorial_setup, campaign_index, nn_locale, role_users):
    """A live and a draft campaign pack (the draft the contributor's), and their nn versions."""
    live = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    draft = factories.CampaignPackPageFactory(
        parent=campaign_index, live=False, owner=role_users[roles.CONTRIBUTORS]
    )
    draft.save_revision(user=role_users[roles.CONTRIBUTORS])
    pages = {
        "index": campaign_index,
        "live": live,
        "draft": draft,
        "nn live": translate(live, nn_locale),
        "nn draft": translate(draft, nn_locale, publish=False),
    }
    pages["nn index"] = pages["nn live"].get_parent()
    return pages


def _screens(pages):
    def edit(key):
        return reverse("wagtailadmin_pages:edit", args=[pages[key].pk])

    return {
        "explore nb": (pages["index"], reverse("wagtailadmin_explore", args=[pages["index"].pk])),
        "explore nn": (
            pages["nn index"],
            reverse("wagtailadmin_explore", args=[pages["nn index"].pk]),
        ),
        "edit draft": (pages["draft"], edit("draft")),
        "edit live": (pages["live"], edit("live")),
        "edit nn draft": (pages["nn draft"], edit("nn draft")),
        "edit nn live": (pages["nn live"], edit("nn live")),
    }


def offered_actions(html, page, labels):
    """{page label: actions} offered on one admin screen, and the URLs of those actions."""
    offered, urls = {}, set()

    def add(page_pk, action):
        offered.setdefault(labels.get(int(page_pk), str(page_pk)), set()).add(action)

    for url, page_pk, action in ACTION_URL_RE.findall(html):
        add(page_pk, action)
        urls.add((url.replace("&amp;", "&"), action))
    for url, page_pk in SORT_URL_RE.findall(html):
        add(page_pk, "sort")
        urls.add((url, "sort"))
    if PRIVACY_TOGGLE in html:
        add(page.pk, "privacy")
        urls.add((reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), "privacy"))
    for action in ACTION_BUTTON_RE.findall(html):
        add(page.pk, action)
    return offered, urls


def assert_not_refused(client, url, action):
    """Following the link gets the user somewhere other than Wagtail's refusal."""
    if action in ("lock", "unlock"):  # these links post
        response = client.post(url, follow=True)
    else:
        response = client.get(url, follow=True)
    home = reverse("wagtailadmin_home")
    refused = any(location == home for location, _ in response.redirect_chain)
    assert response.status_code == 200 and not refused, f"{action}: {url} is refused"


@pytest.mark.parametrize("role", list(EXPECTED))
def test_the_admin_offers_exactly_the_actions_the_role_may_take(
    client, role_users, admin_pages, role
):
    login_verified(client, role_users[role])
    labels = {page.pk: label for label, page in admin_pages.items()}
    offered_urls = set()
    for screen, (page, url) in _screens(admin_pages).items():
        response = client.get(url)
        expected = EXPECTED[role][screen]
        if expected is None:
            assert response.status_code == 302, screen
            continue
        assert response.status_code == 200, screen
        offered, urls = offered_actions(response.content.decode(), page, labels)
        assert offered == expected, screen
        offered_urls |= urls
    for url, action in sorted(offered_urls):
        assert_not_refused(client, url, action)


def test_a_contributor_can_carry_out_the_copy_offered(client, role_users, admin_pages):
    login_verified(client, role_users[roles.CONTRIBUTORS])
    live, index = admin_pages["live"], admin_pages["index"]
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[live.pk]),
        {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": index.pk},
    )
    assert response.status_code == 302
    copy = index.get_children().get(slug="kopi")
    assert not copy.live  # a contributor's copy is a draft


def test_deleting_or_moving_a_draft_is_refused_to_its_contributor(client, role_users, admin_pages):
    login_verified(client, role_users[roles.CONTRIBUTORS])
    draft, index = admin_pages["draft"], admin_pages["index"]
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, index.get_parent().pk]))
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={draft.pk}",
    )
    assert Page.objects.get(pk=draft.pk).get_parent().pk == index.pk


def test_every_page_model_follows_the_roles():
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    ours = [model for model in page_models if model is not Page]
    assert len(ours) == 11
    assert all(issubclass(model, BasePage) for model in ours)
    assert all(
        isinstance(model().permissions_for_user(AnonymousUser()), RolePagePermissionTester)
        for model in ours
    )
