"""Fixtures for the resource bank's tests (demo content; the editorial side)."""

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest

from resourcebank.editorial import roles, services
from tests import factories
from tests.resourcebank.editorial_support import make_user, publish


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo` run once per module, inside a transaction rolled back at module end.

    Files go to a temporary MEDIA_ROOT. Tests using this fixture also need `db`; their own
    changes are rolled back to the loaded state after each test.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media_root)), django_db_blocker.unblock():
        with transaction.atomic():
            call_command("load_demo", verbosity=0)
            yield media_root
            transaction.set_rollback(True)


@pytest.fixture
def editorial_setup(db):
    """The roles and the workflow, as `migrate` leaves them."""
    groups = roles.roles_ensure()
    workflow = services.editorial_workflow_ensure()
    return {"groups": groups, "workflow": workflow}


@pytest.fixture
def role_users(editorial_setup, django_user_model):
    """One user per role, named after the role's key."""
    return {
        key: make_user(django_user_model, key.replace("_", "-"), key)
        for key in roles.ROLE_GROUP_NAMES
    }


@pytest.fixture
def campaign_pack(campaign_index):
    """A live Bokmål campaign pack."""
    return publish(factories.CampaignPackPageFactory(parent=campaign_index))
