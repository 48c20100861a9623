"""Training packages, their dated events, and the catalogue."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from resourcebank.blocks import BaseStreamBlock
from resourcebank.models import MaterialBase, ResourcePageMixin
from resourcebank.models.pages import PAGE_TRANSLATABLE_FIELDS, RICH_TEXT_FEATURES, IndexPageMixin
from training import selectors


class TrainingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    DIGITAL = "digital", _("Digital")
    SELF_STUDY = "self_study", _("Self-study")


class OrganiserLevel(models.TextChoices):
    NATIONAL = "national", _("National office")
    COUNTY = "county", _("County branch")
    BRANCH = "branch", _("Local branch")


class TrainingCatalogPage(IndexPageMixin, Page):
    content_panels = Page.content_panels + IndexPageMixin.index_panels
    search_fields = Page.search_fields + IndexPageMixin.index_search_fields
    parent_page_types = ["resourcebank.HomePage"]
    subpage_types = ["training.TrainingPackagePage"]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + IndexPageMixin.index_translatable_fields

    class Meta:
        verbose_name = _("training catalogue")

    def get_listing(self):
        return selectors.training_packages_under(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = selectors.upcoming_events(catalog=self)
        return context


class TrainingPackagePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "training.TrainingPackagePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TrainingPackageMaterial(MaterialBase):
    page = ParentalKey(
        "training.TrainingPackagePage", on_delete=models.CASCADE, related_name="materials"
    )

    class Meta(MaterialBase.Meta):
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")


class TrainingPackagePage(ResourcePageMixin, Page):
    """A ready-to-run training: plan, learning goals, facilitator material."""

    format = models.CharField(_("format"), max_length=20, choices=TrainingFormat.choices)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    learning_goals = RichTextField(
        _("learning goals"), features=["bold", "italic", "ol", "ul", "link"]
    )
    prerequisites = RichTextField(_("prerequisites"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("plan"), blank=True)
    tags = ClusterTaggableManager(
        through=TrainingPackagePageTag, blank=True, verbose_name=_("tags")
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("format"), FieldPanel("duration_minutes")]),
        FieldPanel("learning_goals"),
        FieldPanel("prerequisites"),
        FieldPanel("body"),
        InlinePanel("materials", label=_("Facilitator material")),
        MultiFieldPanel(ResourcePageMixin.resource_panels, heading=_("Classification")),
    ]
    settings_panels = Page.settings_panels + ResourcePageMixin.review_panels
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.resource_search_fields
        + [
            index.SearchField("learning_goals"),
            index.SearchField("prerequisites"),
            index.SearchField("body"),
            index.FilterField("format"),
        ]
    )
    parent_page_types = ["training.TrainingCatalogPage"]
    subpage_types = []
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + ResourcePageMixin.resource_translatable_fields
        + [
            SynchronizedField("format"),
            SynchronizedField("duration_minutes"),
            TranslatableField("learning_goals"),
            TranslatableField("prerequisites"),
            TranslatableField("body"),
            TranslatableField("materials"),
        ]
    )

    class Meta:
        verbose_name = _("training package")
        verbose_name_plural = _("training packages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = selectors.materials_for(self)
        context["upcoming_events"] = selectors.upcoming_events_for_package(self)
        return context


class TrainingEvent(models.Model):
    """One dated session of a training package.

    Events are shared by both written standards: they carry dates, places and
    links rather than prose, and belong to a package by its translation key, so
    the Bokmål and the Nynorsk package page show the same sessions.
    """

    package = models.ForeignKey(
        TrainingPackagePage,
        verbose_name=_("training package"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organiser_level = models.CharField(
        _("organiser"), max_length=20, choices=OrganiserLevel.choices
    )
    county = models.ForeignKey(
        "resourcebank.County",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_events",
    )
    local_branch = models.ForeignKey(
        "resourcebank.LocalBranch",
        verbose_name=_("local branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_events",
    )
    signup_url = models.URLField(_("sign-up link"), blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)

    panels = [
        FieldPanel("package"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("organiser_level"),
        FieldRowPanel([FieldPanel("county"), FieldPanel("local_branch")]),
        FieldPanel("signup_url"),
        FieldPanel("cancelled"),
    ]

    class Meta:
        ordering = ["start"]
        verbose_name = _("training event")
        verbose_name_plural = _("training events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="training_event_end_after_start",
            )
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.package.title} – {local:%d.%m.%Y %H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.place and not self.online_url:
            errors["place"] = _("Give a place, an online link, or both.")
        if self.organiser_level == OrganiserLevel.COUNTY and not self.county_id:
            errors["county"] = _("Choose the county branch that organises the event.")
        if self.organiser_level == OrganiserLevel.BRANCH and not self.local_branch_id:
            errors["local_branch"] = _("Choose the local branch that organises the event.")
        if errors:
            raise ValidationError(errors)
