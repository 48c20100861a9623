"""Handbooks (branch, county, elected members), their chapters and their year wheel."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from handbooks import selectors, views
from resourcebank.core.blocks import BaseStreamBlock
from resourcebank.core.models import IndexPage, ResourcePage

# The year wheel's address under its handbook ("årshjul"; the same word in both standards).
YEAR_WHEEL_SLUG = "arshjul"
# A chapter with one of these slugs could not be reached: the handbook's own routes win.
RESERVED_CHAPTER_SLUGS = {"pdf", YEAR_WHEEL_SLUG}


class HandbookKind(models.TextChoices):
    BRANCH = "branch", _("Branch handbook")
    COUNTY = "county", _("County handbook")
    ELECTED = "elected", _("Handbook for elected members")


class HandbookIndexPage(IndexPage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["handbooks.HandbookPage"]

    class Meta:
        verbose_name = _("handbook index")

    def get_listing(self, request):
        return selectors.handbooks_under(self, request=request)


class HandbookPage(RoutablePageMixin, ResourcePage):
    """A handbook: an introduction and its chapters, in order."""

    kind = models.CharField(_("kind"), max_length=20, choices=HandbookKind.choices)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = (
        ResourcePage.content_panels
        + [
            FieldPanel("kind"),
            FieldPanel("intro"),
            InlinePanel(
                "year_wheel_entries",
                heading=_("Year wheel"),
                label=_("Year wheel entry"),
                help_text=_(
                    "Dates in the year of an elected member: the budget process, the "
                    "council's seasons and the party's deadlines. Shown as a year view, a "
                    "PDF and a calendar feed."
                ),
            ),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [
        index.SearchField("intro"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["handbooks.HandbookIndexPage"]
    subpage_types = ["handbooks.HandbookChapterPage"]
    translatable_fields = ResourcePage.translatable_fields + [
        SynchronizedField("kind"),
        TranslatableField("intro"),
        TranslatableField("year_wheel_entries"),
    ]

    class Meta:
        verbose_name = _("handbook")
        verbose_name_plural = _("handbooks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the handbook is rendered, not when it comes from the cache
        # ({% shared_fragment %}, kept per year for the year wheel's links).
        chapters = SimpleLazyObject(lambda: selectors.chapters_of(self, request=request))
        context.update(
            year=timezone.localdate().year,
            chapters=chapters,
            last_updated=SimpleLazyObject(lambda: selectors.last_updated(self, *chapters)),
            year_wheel_links=SimpleLazyObject(self.year_wheel_links),
        )
        return context

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        return views.handbook_pdf_download(request, self)

    @path(f"{YEAR_WHEEL_SLUG}/", name="year_wheel")
    def year_wheel_current_view(self, request):
        """This year's year view (a redirect, so each year's page is one cacheable address)."""
        return views.year_wheel_current(request, self)

    @path(f"{YEAR_WHEEL_SLUG}/<int:year>/", name="year_wheel_year")
    def year_wheel_view(self, request, year):
        return views.year_wheel_page(request, self, year)

    @path(f"{YEAR_WHEEL_SLUG}/<int:year>/pdf/", name="year_wheel_pdf")
    def year_wheel_pdf_view(self, request, year):
        return views.year_wheel_pdf_download(request, self, year)

    @path(f"{YEAR_WHEEL_SLUG}/ical/", name="year_wheel_feed")
    def year_wheel_feed_view(self, request):
        return views.year_wheel_feed(request, self)

    def year_wheel_url(self, year: int, *, pdf: bool = False) -> str:
        name = "year_wheel_pdf" if pdf else "year_wheel_year"
        return self.url + self.reverse_subpage(name, kwargs={"year": year})

    def year_wheel_links(self) -> dict | None:
        """This year's year view, its PDF and the calendar feed; None without entries."""
        if not self.year_wheel_entries.exists():
            return None
        year = timezone.localdate().year
        return {
            "year": year,
            "view": self.url + self.reverse_subpage("year_wheel"),
            "pdf": self.year_wheel_url(year, pdf=True),
            "feed": self.url + self.reverse_subpage("year_wheel_feed"),
        }


class YearWheelKind(models.TextChoices):
    BUDGET = "budget", _("Budget process")
    COUNCIL = "council", _("Council season")
    PARTY = "party", _("Party deadline")


class YearWheelEntry(TranslatableMixin, Orderable):
    """A date or a period in a handbook's year wheel ("årshjul").

    Most of an elected member's year comes back on the same dates every year (the budget
    is adopted in December), so an entry is yearly unless the editor says otherwise:
    a yearly entry is shown every year from its start date's year on, on the same day
    and month; an entry that is not yearly (a national convention in March 2027) is
    shown in its own year only. Its title and description are translated; its kind,
    dates and repetition are the same in both standards.
    """

    page = ParentalKey(
        "handbooks.HandbookPage", on_delete=models.CASCADE, related_name="year_wheel_entries"
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=YearWheelKind.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("For a period (a council's budget meetings); empty for a single day."),
    )
    yearly = models.BooleanField(
        _("every year"),
        default=True,
        help_text=_(
            "Comes back on the same dates every year, from the start date's year on. "
            "Untick it for something that happens once, such as a national convention."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("yearly"),
        FieldPanel("description"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("yearly"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("year wheel entry")
        verbose_name_plural = _("year wheel entries")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                errors["end_date"] = _("The end date comes before the start date.")
            elif self.yearly and self.end_date >= _one_year_after(self.start_date):
                errors["end_date"] = _(
                    "An entry that comes back every year must last less than a year."
                )
        if self.yearly and self.start_date and self.start_date.strftime("%m-%d") == "02-29":
            # A yearly calendar event on 29 February happens only in leap years.
            errors["start_date"] = _(
                "29 February is not in every year: choose 28 February or 1 March."
            )
        if errors:
            raise ValidationError(errors)


def _one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class HandbookChapterPage(ResourcePage):
    """One chapter of a handbook. Chapters are ordered as the page tree orders them."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = (
        ResourcePage.content_panels + [FieldPanel("body")] + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["handbooks.HandbookPage"]
    subpage_types = []
    translatable_fields = ResourcePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("handbook chapter")
        verbose_name_plural = _("handbook chapters")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_CHAPTER_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the handbook itself. Choose another slug.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the chapter is rendered, not when it comes from the cache
        # ({% shared_fragment %} in the template).
        handbook = SimpleLazyObject(lambda: self.get_parent().specific)
        context.update(
            handbook=handbook,
            chapters=SimpleLazyObject(lambda: selectors.chapters_of(handbook, request=request)),
            # (previous chapter, next chapter); either may be None
            neighbours=SimpleLazyObject(
                lambda: selectors.chapter_neighbours(self, request=request)
            ),
            last_updated=SimpleLazyObject(lambda: selectors.last_updated(self)),
        )
        return context
