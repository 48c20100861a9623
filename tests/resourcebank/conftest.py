"""Fixtures of the editorial tests (roles, workflow, review, submission, privacy)."""

import pytest

from resourcebank.editorial import roles, services
from tests import factories
from tests.resourcebank.editorial_support import make_user, publish


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
