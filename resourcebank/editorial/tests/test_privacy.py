"""Privacy follows translations: a restriction on the Bokmål page also covers the Nynorsk one."""

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from resourcebank.editorial import roles
from tests import factories
from tests.editorial_support import login_verified, publish, translate

pytestmark = pytest.mark.django_db


def test_privacy_set_after_translation_protects_the_nynorsk_page(
    client, role_users, home_page, nn_locale
):
    nb_page = publish(factories.InfoPageFactory(parent=home_page))
    nn_page = translate(nb_page, nn_locale)
    assert not PageViewRestriction.objects.filter(page=nn_page).exists()

    members, elected = roles.role_group(roles.MEMBERS), roles.role_group(roles.ELECTED_MEMBERS)
    login_verified(client, role_users[roles.EDITORS])
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[nb_page.pk]),
        {"restriction_type": "groups", "groups": [members.pk, elected.pk]},
    )
    assert response.status_code == 200  # the modal answers with JSON

    restriction = PageViewRestriction.objects.get(page=nn_page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert set(restriction.groups.all()) == {members, elected}

    client.logout()
    anonymous = client.get(nn_page.url)
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"] or "next=" in anonymous["Location"]

    # Making the Bokmål page public again makes the Nynorsk page public too.
    login_verified(client, role_users[roles.EDITORS])
    client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[nb_page.pk]), {"restriction_type": "none"}
    )
    assert not PageViewRestriction.objects.filter(page__in=[nb_page, nn_page]).exists()


def test_changing_the_groups_is_copied_too(home_page, nn_locale, editorial_setup):
    nb_page = publish(factories.InfoPageFactory(parent=home_page))
    nn_page = translate(nb_page, nn_locale)
    restriction = PageViewRestriction.objects.create(
        page=nb_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([roles.role_group(roles.MEMBERS)])
    restriction.groups.add(roles.role_group(roles.ELECTED_MEMBERS))
    restriction.groups.remove(roles.role_group(roles.MEMBERS))

    copied = PageViewRestriction.objects.get(page=nn_page)
    assert list(copied.groups.all()) == [roles.role_group(roles.ELECTED_MEMBERS)]


def test_moving_a_page_into_a_members_only_section_restricts_its_translation(
    client, home_page, nn_locale, editor
):
    section = publish(factories.InfoPageFactory(parent=home_page, title="For medlemmer"))
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(roles.members_only_groups())
    page = publish(factories.InfoPageFactory(parent=home_page, title="Budsjettråd"))
    nn_page = translate(page, nn_locale)
    assert client.get(nn_page.url).status_code == 200

    login_verified(client, editor)
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))
    assert response.status_code == 302
    client.logout()

    nn_page.refresh_from_db()
    assert nn_page.get_view_restrictions().exists()
    response = client.get(nn_page.url)
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]


def test_a_new_translation_of_a_page_in_a_members_only_section_is_restricted(
    home_page, nn_locale, editorial_setup
):
    section = publish(factories.InfoPageFactory(parent=home_page, title="For medlemmer"))
    page = publish(factories.InfoPageFactory(parent=section, title="Budsjettråd"))
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    nn_page = translate(page, nn_locale)
    assert nn_page.get_view_restrictions().exists()
