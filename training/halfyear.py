"""Half-years, the unit of the training programme: spring is January–June, autumn July–December."""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

OSLO = ZoneInfo("Europe/Oslo")

SPRING = "spring"
AUTUMN = "autumn"

# The URL word for each half, per written standard. Any of them is accepted in a URL;
# the first is the one this site links to.
HALF_SLUGS = {
    "nb": {SPRING: "var", AUTUMN: "host"},
    "nn": {SPRING: "var", AUTUMN: "haust"},
}
_SLUG_TO_HALF = {"var": SPRING, "host": AUTUMN, "haust": AUTUMN}
SLUG_PATTERN = r"(?P<year>\d{4})-(?P<half>var|host|haust)"
_SLUG_RE = re.compile(rf"^{SLUG_PATTERN}$")


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: str  # SPRING or AUTUMN

    @classmethod
    def from_slug(cls, slug: str) -> "HalfYear | None":
        match = _SLUG_RE.match(slug)
        if not match:
            return None
        return cls.from_parts(match["year"], match["half"])

    @classmethod
    def from_parts(cls, year, half_slug: str) -> "HalfYear | None":
        year = int(year)
        if not 2000 <= year <= 2100 or half_slug not in _SLUG_TO_HALF:
            return None
        return cls(year, _SLUG_TO_HALF[half_slug])

    @classmethod
    def containing(cls, moment: datetime.date | datetime.datetime) -> "HalfYear":
        if isinstance(moment, datetime.datetime):
            moment = moment.astimezone(OSLO).date()
        return cls(moment.year, SPRING if moment.month <= 6 else AUTUMN)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, 1 if self.half == SPRING else 7, 1)

    @property
    def last_day(self) -> datetime.date:
        return (
            datetime.date(self.year, 6, 30)
            if self.half == SPRING
            else datetime.date(self.year, 12, 31)
        )

    @property
    def start(self) -> datetime.datetime:
        """The first moment of the half-year in Oslo."""
        return datetime.datetime.combine(self.first_day, datetime.time.min, tzinfo=OSLO)

    @property
    def end(self) -> datetime.datetime:
        """The first moment after the half-year in Oslo."""
        return self.next().start

    def next(self) -> "HalfYear":
        return (
            HalfYear(self.year, AUTUMN) if self.half == SPRING else HalfYear(self.year + 1, SPRING)
        )

    def previous(self) -> "HalfYear":
        return (
            HalfYear(self.year - 1, AUTUMN) if self.half == SPRING else HalfYear(self.year, SPRING)
        )

    def slug(self, language_code: str = "nb") -> str:
        words = HALF_SLUGS.get(language_code, HALF_SLUGS["nb"])
        return f"{self.year}-{words[self.half]}"

    @property
    def label(self) -> str:
        if self.half == SPRING:
            return _("Spring %(year)s") % {"year": self.year}
        return _("Autumn %(year)s") % {"year": self.year}

    def __str__(self):
        return str(self.label)
