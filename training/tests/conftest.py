"""Fixtures for the training tests: a catalogue with packages, audiences, counties and events."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

import pytest

from tests import factories
from training.models import OrganiserLevel, TrainingFormat


def days_from_now(days: int, hour: int = 18) -> datetime.datetime:
    """A time `days` from today at `hour` o'clock in Oslo."""
    local = timezone.localtime(timezone.now()) + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def catalogue_data(training_catalog):
    """Three live packages, one draft and one members-only, with upcoming and past events.

    - styrekurs: trustees, board work, in person; events in Oslo (county) and Vestland
      (branch in Bergen), and a past one in Oslo
    - valgkomite: nomination committees, in person; national event online; a cancelled
      event in Oslo
    - sosiale-medier: trustees + elected members, digital; a county event in Vestland
    - draft package and private package, each with an Oslo event, never shown
    """
    trustees = factories.AudienceFactory(name="Tillitsvalgte", slug="tillitsvalgte")
    committees = factories.AudienceFactory(name="Valgkomiteer", slug="valgkomiteer")
    elected = factories.AudienceFactory(name="Folkevalgte", slug="folkevalgte")
    board_work = factories.TopicFactory(name="Styrearbeid", slug="styrearbeid")
    elections = factories.TopicFactory(name="Valg", slug="valg")
    oslo = factories.CountyFactory(name="Oslo", slug="oslo")
    vestland = factories.CountyFactory(name="Vestland", slug="vestland")
    bergen = factories.LocalBranchFactory(name="Bergen", slug="bergen", county=vestland)

    board = factories.TrainingPackagePageFactory(
        parent=training_catalog,
        title="Styrekurs",
        slug="styrekurs",
        format=TrainingFormat.IN_PERSON,
    )
    board.audiences.set([trustees])
    board.topics.set([board_work])
    board.save_revision().publish()
    committee = factories.TrainingPackagePageFactory(
        parent=training_catalog,
        title="Valgkomitéarbeid",
        slug="valgkomite",
        format=TrainingFormat.IN_PERSON,
    )
    committee.audiences.set([committees])
    committee.topics.set([elections])
    committee.save_revision().publish()
    social = factories.TrainingPackagePageFactory(
        parent=training_catalog,
        title="Sosiale medier",
        slug="sosiale-medier",
        format=TrainingFormat.DIGITAL,
    )
    social.audiences.set([trustees, elected])
    social.save_revision().publish()

    draft = factories.TrainingPackagePageFactory(
        parent=training_catalog, title="Utkast", slug="utkast", live=False
    )
    draft.audiences.set([trustees])
    draft.save_revision()
    private = factories.TrainingPackagePageFactory(
        parent=training_catalog, title="Bare for medlemmer", slug="bare-for-medlemmer"
    )
    private.audiences.set([trustees])
    private.save_revision().publish()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private, restriction_type="login")

    event = factories.TrainingEventFactory
    events = SimpleNamespace(
        board_oslo=event(
            package=board,
            start=days_from_now(10),
            end=days_from_now(10, 21),
            organiser_level=OrganiserLevel.COUNTY,
            county=oslo,
            place="Folkets hus, Oslo",
        ),
        board_bergen=event(
            package=board,
            start=days_from_now(40),
            end=days_from_now(40, 21),
            organiser_level=OrganiserLevel.BRANCH,
            county=vestland,
            local_branch=bergen,
            place="Bergen bibliotek",
        ),
        board_past=event(
            package=board,
            start=days_from_now(-20),
            end=days_from_now(-20, 21),
            organiser_level=OrganiserLevel.COUNTY,
            county=oslo,
        ),
        committee_national=event(
            package=committee,
            start=days_from_now(20),
            end=days_from_now(20, 20),
            organiser_level=OrganiserLevel.NATIONAL,
            place="",
            online_url="https://meet.example.org/valgkomite",
        ),
        committee_cancelled=event(
            package=committee,
            start=days_from_now(12),
            end=days_from_now(12, 21),
            organiser_level=OrganiserLevel.COUNTY,
            county=oslo,
            cancelled=True,
        ),
        social_vestland=event(
            package=social,
            start=days_from_now(25),
            end=days_from_now(25, 20),
            organiser_level=OrganiserLevel.COUNTY,
            county=vestland,
        ),
        draft_oslo=event(
            package=draft,
            start=days_from_now(11),
            end=days_from_now(11, 21),
            organiser_level=OrganiserLevel.COUNTY,
            county=oslo,
        ),
        private_oslo=event(
            package=private,
            start=days_from_now(13),
            end=days_from_now(13, 21),
            organiser_level=OrganiserLevel.COUNTY,
            county=oslo,
        ),
    )
    return SimpleNamespace(
        catalog=training_catalog,
        board=board,
        committee=committee,
        social=social,
        draft=draft,
        private=private,
        trustees=trustees,
        committees=committees,
        elected=elected,
        oslo=oslo,
        vestland=vestland,
        bergen=bergen,
        events=events,
    )
