"""Attendance without personal data: a count on past events, and a report per half-year."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from tests import factories
from tests.editorial_support import login_verified
from training.halfyear import HalfYear
from training.models import OrganiserLevel

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")


def test_participants_can_be_recorded_only_after_the_event(training_catalog):
    package = factories.TrainingPackagePageFactory(parent=training_catalog)
    upcoming = factories.TrainingEventFactory.build(package=package, participants=12)
    with pytest.raises(ValidationError) as error:
        upcoming.full_clean()
    assert "participants" in error.value.message_dict
    start = timezone.now() - datetime.timedelta(days=2)
    held = factories.TrainingEventFactory.build(
        package=package, start=start, end=start + datetime.timedelta(hours=2), participants=12
    )
    held.full_clean()


@pytest.fixture
def held_events(catalogue_data):
    """Events held earlier in the current half-year (or the previous one, early in January)."""
    now = timezone.now()
    half = HalfYear.containing(now - datetime.timedelta(days=3))
    data = catalogue_data
    data.events.board_past.delete()  # its date may fall in another half-year
    first = max(half.start, now - datetime.timedelta(days=60))

    def held(package, days, participants, county=None, cancelled=False):
        start = first + datetime.timedelta(days=days)
        assert start < now - datetime.timedelta(hours=3)
        return factories.TrainingEventFactory(
            package=package,
            start=start,
            end=start + datetime.timedelta(hours=2),
            organiser_level=OrganiserLevel.COUNTY if county else OrganiserLevel.NATIONAL,
            county=county,
            participants=participants,
            cancelled=cancelled,
        )

    held(data.board, 0, 12, county=data.oslo)
    held(data.board, 1, 8, county=data.vestland)
    held(data.social, 1, 20, county=data.vestland)
    held(data.committee, 1, None)  # held, count not yet recorded
    held(data.committee, 1, None, cancelled=True)
    held(data.draft, 1, 99, county=data.oslo)  # a draft package's event is not reported
    return half


def test_report_counts_trainings_and_participants_by_audience_county_and_package(
    held_events, client, editor
):
    login_verified(client, editor)
    response = client.get(f"/admin/reports/training-attendance/?halvar={held_events.slug()}")
    assert response.status_code == 200
    object_list = response.context["object_list"]
    # Row names are data (audiences, counties, packages); headings are translated.
    rows = {row.name: (row.trainings_held, row.participants) for row in object_list}
    total = object_list[0]
    assert (total.trainings_held, total.participants) == (4, 40)
    assert rows["Tillitsvalgte"] == (3, 40)
    assert rows["Folkevalgte"] == (1, 20)
    assert rows["Valgkomiteer"] == (1, 0)
    assert rows["Oslo"] == (1, 12)
    assert rows["Vestland"] == (2, 28)
    assert rows["Styrekurs"] == (2, 20)
    assert response.context["missing_counts"] == 1

    export = client.get(
        f"/admin/reports/training-attendance/?halvar={held_events.slug()}&export=csv"
    )
    assert export.status_code == 200
    assert "csv" in export["Content-Type"]
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(content)))
    assert len(table) == 1 + len(rows)
    assert ["Styrekurs", "2", "20"] in [line[1:] for line in table]


def test_report_is_for_editors_only(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("leser", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login_verified(client, user)
    assert client.get("/admin/reports/training-attendance/").status_code in (302, 403)
