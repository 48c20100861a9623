"""Fixtures for the resource bank's tests."""

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

import pytest


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
