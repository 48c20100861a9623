"""Dates are written the Norwegian way in each written standard."""

import datetime

from django.template import Context, Template
from django.utils import translation

import pytest


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "tirsdag 24. november 2026 · 24.11.2026"),
        ("nn", "tysdag 24. november 2026 · 24.11.2026"),
    ],
)
def test_dates_follow_the_written_standard(language, expected):
    template = Template(
        '{{ d|date:"l" }} {{ d|date:"DATE_FORMAT" }} · {{ d|date:"SHORT_DATE_FORMAT" }}'
    )
    with translation.override(language):
        assert template.render(Context({"d": datetime.date(2026, 11, 24)})) == expected
