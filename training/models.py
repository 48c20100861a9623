"""Training packages, their dated events, and the catalogue."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from resourcebank.core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from resourcebank.core.fields import optional_foreign_key
from resourcebank.core.locales import locale_code_of
from resourcebank.core.models import IndexPage, MaterialBase, ResourcePage, ResourcePageForm
from resourcebank.core.pagination import paginated
from training import catalogue, selectors, views
from training.halfyear import SLUG_PATTERN, HalfYear
from training.validators import validate_webvtt_document


class TrainingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    DIGITAL = "digital", _("Digital")
    SELF_STUDY = "self_study", _("Self-study")


class OrganiserLevel(models.TextChoices):
    NATIONAL = "national", _("National office")
    COUNTY = "county", _("County branch")
    BRANCH = "branch", _("Local branch")


class TrainingCatalogPage(RoutablePageMixin, IndexPage):
    """Packages and upcoming events, with filters, the half-year programme and calendar feeds."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["training.TrainingPackagePage"]

    class Meta:
        verbose_name = _("training catalogue")

    def get_listing(self, request):
        return selectors.training_packages_under(self, request=request)

    def get_context(self, request, *args, **kwargs):
        # Skip IndexPage's unfiltered listing: the catalogue paginates its filtered one.
        context = super(IndexPage, self).get_context(request, *args, **kwargs)
        # All of it read only when the catalogue is rendered, not when it comes from the
        # cache ({% shared_fragment %}, kept per listing_time).
        as_of = catalogue.listing_time()
        listing = SimpleLazyObject(
            lambda: catalogue.catalogue_filtered(
                catalog=self, params=request.GET, request=request, as_of=as_of
            )
        )
        context.update(
            listing_time=as_of,
            catalogue=listing,
            children=SimpleLazyObject(lambda: paginated(listing.packages, request=request)),
            upcoming_events=SimpleLazyObject(lambda: listing.events),
            feed_links=SimpleLazyObject(
                lambda: catalogue.catalogue_feed_links(catalog=self, catalogue=listing)
            ),
            programme_links=SimpleLazyObject(lambda: selectors.programme_links(catalog=self)),
        )
        return context

    @path("")
    def catalogue(self, request):
        return self.render(request)

    @path("program/", name="programme_current")
    def programme_current(self, request):
        half = HalfYear.containing(timezone.now())
        return redirect(self.programme_url(half))

    @re_path(rf"^program/{SLUG_PATTERN}/$", name="programme")
    def programme(self, request, year, half):
        return views.programme(request, catalog=self, half_year=_half_year_or_404(year, half))

    @re_path(rf"^program/{SLUG_PATTERN}/pdf/$", name="programme_pdf")
    def programme_pdf(self, request, year, half):
        return views.programme_pdf(request, catalog=self, half_year=_half_year_or_404(year, half))

    @path("kalender/", name="calendar")
    def calendar(self, request):
        return views.calendar_feed(request, catalog=self)

    @path("kalender/malgruppe/<slug:slug>/", name="calendar_audience")
    def calendar_audience(self, request, slug):
        return views.calendar_feed(request, catalog=self, audience_slug=slug)

    @path("kalender/fylke/<slug:slug>/", name="calendar_county")
    def calendar_county(self, request, slug):
        return views.calendar_feed(request, catalog=self, county_slug=slug)

    def programme_url(self, half_year: HalfYear, *, pdf: bool = False) -> str:
        year, half = half_year.slug(locale_code_of(self)).split("-")
        name = "programme_pdf" if pdf else "programme"
        return self.url + self.reverse_subpage(name, kwargs={"year": year, "half": half})


# The catalogue's own routes: a package with one of these slugs could not be reached.
RESERVED_PACKAGE_SLUGS = {"program", "kalender"}


def _half_year_or_404(year, half):
    half_year = HalfYear.from_parts(year, half)
    if half_year is None:
        raise Http404
    return half_year


class TrainingPackageMaterial(MaterialBase):
    page = ParentalKey(
        "training.TrainingPackagePage", on_delete=models.CASCADE, related_name="materials"
    )

    class Meta(MaterialBase.Meta):
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")


class TrainingPackageMedia(TranslatableMixin, Orderable):
    """An audio or video recording of a package, with its captions and transcript.

    Captions are a WebVTT document. The recording, its captions and its transcript are
    synchronised from the source page (they record what was said), but a translation may
    replace them with its own.
    """

    page = ParentalKey(
        "training.TrainingPackagePage", on_delete=models.CASCADE, related_name="media_items"
    )
    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("audio or video"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A .vtt file with captions. Required for video before publishing."),
    )
    captions_language = models.CharField(
        _("language of the captions"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nb",
    )
    transcript = RichTextField(
        _("transcript"),
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text=_("Everything that is said, and what is shown when it matters."),
    )

    panels = [
        FieldPanel("media"),
        FieldRowPanel([FieldPanel("captions"), FieldPanel("captions_language")]),
        FieldPanel("transcript"),
    ]
    translatable_fields = [
        SynchronizedField("media", overridable=True),
        SynchronizedField("captions", overridable=True),
        SynchronizedField("captions_language"),
        SynchronizedField("transcript", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("audio or video")
        verbose_name_plural = _("audio and video")

    def __str__(self):
        return self.media.title if self.media_id else str(_("audio or video"))

    @property
    def is_video(self) -> bool:
        return bool(self.media_id) and self.media.type == "video"

    def clean(self):
        super().clean()
        if self.captions_id:
            validate_webvtt_document(self.captions)

    def missing_for_publishing(self) -> list[str]:
        """The field names this recording lacks before its page may be published."""
        missing = []
        if self.media_id and self.media.type == "video" and not self.captions_id:
            missing.append("captions")
        if self.media_id and not strip_tags(self.transcript or "").strip():
            missing.append("transcript")
        return missing


class TrainingPackageForm(ResourcePageForm):
    """Audio and video need a transcript, and video captions, before publishing.

    A draft may be saved without them (deferred validation), so a contributor can
    upload the recording first and add the captions later.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or "media_items" not in self.formsets:
            return cleaned_data
        formset = self.formsets["media_items"]
        messages = {
            "captions": _("Add WebVTT captions to this video before publishing."),
            "transcript": _("Add a transcript to this recording before publishing."),
        }
        lacking = False
        for form in formset.forms:
            if not form.is_valid() or formset._should_delete_form(form):
                continue
            item = form.instance
            item.media = form.cleaned_data.get("media")
            item.captions = form.cleaned_data.get("captions")
            item.transcript = form.cleaned_data.get("transcript") or ""
            for field in item.missing_for_publishing():
                form.add_error(field, messages[field])
                lacking = True
        if lacking:
            self.add_error(
                None,
                _(
                    "An audio or video recording without captions or a transcript "
                    "cannot be published. Save a draft, or add what is missing."
                ),
            )
        return cleaned_data


class TrainingPackagePage(RoutablePageMixin, ResourcePage):
    """A ready-to-run training: plan, learning goals, facilitator material, recordings."""

    format = models.CharField(_("format"), max_length=20, choices=TrainingFormat.choices)
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    learning_goals = RichTextField(
        _("learning goals"), features=["bold", "italic", "ol", "ul", "link"]
    )
    prerequisites = RichTextField(_("prerequisites"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("plan"), blank=True)
    related_chapters = ParentalManyToManyField(
        "handbooks.HandbookChapterPage",
        verbose_name=_("related handbook chapters"),
        blank=True,
        related_name="training_packages",
    )

    content_panels = (
        ResourcePage.content_panels
        + [
            FieldRowPanel([FieldPanel("format"), FieldPanel("duration_minutes")]),
            FieldPanel("learning_goals"),
            FieldPanel("prerequisites"),
            FieldPanel("body"),
            InlinePanel("materials", label=_("Facilitator material")),
            InlinePanel("media_items", label=_("Audio and video")),
            FieldPanel("related_chapters", widget=forms.CheckboxSelectMultiple),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [
        index.SearchField("learning_goals"),
        index.SearchField("prerequisites"),
        index.SearchField("body"),
        index.FilterField("format"),
    ]
    parent_page_types = ["training.TrainingCatalogPage"]
    subpage_types = []
    translatable_fields = ResourcePage.translatable_fields + [
        SynchronizedField("format"),
        SynchronizedField("duration_minutes"),
        TranslatableField("learning_goals"),
        TranslatableField("prerequisites"),
        TranslatableField("body"),
        TranslatableField("materials"),
        TranslatableField("media_items"),
        SynchronizedField("related_chapters"),
    ]
    base_form_class = TrainingPackageForm

    class Meta:
        verbose_name = _("training package")
        verbose_name_plural = _("training packages")

    @property
    def listing_meta(self) -> str:
        """Format and audiences, for a listing card (audiences are prefetched there)."""
        audiences = ", ".join(audience.name for audience in self.audiences.all())
        format_name = self.get_format_display()
        return f"{format_name} · {audiences}" if audiences else format_name

    def clean(self):
        super().clean()
        if self.slug in RESERVED_PACKAGE_SLUGS:
            raise ValidationError(
                {"slug": _("This address is used by the catalogue itself. Choose another slug.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page is rendered, not when it comes from the cache
        # ({% shared_fragment %}, kept per listing_time for the upcoming events).
        context.update(
            listing_time=catalogue.listing_time(),
            materials=SimpleLazyObject(lambda: selectors.materials_for(self)),
            media_items=SimpleLazyObject(lambda: selectors.media_items_for(self)),
            upcoming_events=SimpleLazyObject(
                lambda: selectors.upcoming_events_for_package(self, request=request)
            ),
            related_chapters=SimpleLazyObject(
                lambda: selectors.related_chapters_for(self, request=request)
            ),
            calendar_url=SimpleLazyObject(lambda: self.url + self.reverse_subpage("calendar")),
        )
        return context

    @path("")
    def package(self, request):
        return self.render(request)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        return views.calendar_feed(request, package=self)


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
    county = optional_foreign_key(
        "taxonomy.County",
        _("county"),
        related_name="training_events",
    )
    local_branch = optional_foreign_key(
        "taxonomy.LocalBranch",
        _("local branch"),
        related_name="training_events",
    )
    signup_url = models.URLField(_("sign-up link"), blank=True, max_length=500)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    title = models.CharField(
        _("title of the session"),
        max_length=255,
        blank=True,
        help_text=_(
            "Only where the session has its own name; the package title is used otherwise."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    uid = models.CharField(
        _("calendar UID"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The event's identifier in the calendar it was imported from (Zetkin)."),
    )
    participants = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_(
            "How many took part. Record only the number, never names. "
            "Can be filled in once the event has taken place."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("package"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("organiser_level"),
        FieldRowPanel([FieldPanel("county"), FieldPanel("local_branch")]),
        FieldPanel("signup_url"),
        FieldPanel("description"),
        FieldPanel("cancelled"),
        FieldPanel("participants"),
    ]

    class Meta:
        ordering = ["start"]
        verbose_name = _("training event")
        verbose_name_plural = _("training events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="training_event_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["uid"],
                condition=~models.Q(uid=""),
                name="unique_training_event_uid",
            ),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.display_title} – {local:%d.%m.%Y %H:%M}"

    @property
    def display_title(self) -> str:
        return self.title or self.package.title

    @property
    def has_taken_place(self) -> bool:
        return bool(self.start) and self.start <= timezone.now()

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
        if self.participants is not None:
            if self.cancelled:
                errors["participants"] = _("A cancelled event has no participants.")
            elif not self.has_taken_place:
                errors["participants"] = _(
                    "Record the number of participants after the event has taken place."
                )
        if errors:
            raise ValidationError(errors)
