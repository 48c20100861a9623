"""What every resource page shares: summary, audiences, topics, review date, materials."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField


class ResourcePageMixin(models.Model):
    """Fields every resource page has. Concrete pages add their own `tags`."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When an editor should check that this resource is still current."),
    )
    audiences = ParentalManyToManyField(
        "resourcebank.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )
    topics = ParentalManyToManyField(
        "resourcebank.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )

    resource_panels = [
        FieldPanel("summary"),
        FieldPanel("audiences"),
        FieldPanel("topics"),
        FieldPanel("tags"),
    ]
    review_panels = [FieldPanel("review_by")]

    resource_search_fields = [
        index.SearchField("summary"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("review_by"),
    ]
    resource_translatable_fields = [
        TranslatableField("summary"),
        SynchronizedField("review_by"),
        SynchronizedField("audiences"),
        SynchronizedField("topics"),
        SynchronizedField("tags"),
    ]

    class Meta:
        abstract = True


class MaterialKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    FLYER = "flyer", _("Flyer")
    SOCIAL_GRAPHIC = "social_graphic", _("Social media graphic")
    TALKING_POINTS = "talking_points", _("Talking points")
    FACILITATOR_GUIDE = "facilitator_guide", _("Facilitator guide")
    SLIDES = "slides", _("Slides")
    OTHER = "other", _("Other")


class MaterialBase(TranslatableMixin, Orderable):
    """A document or an image offered with a resource, with its kind.

    The file is synchronised from the source page but overridable, so a
    translation can carry its own (a Nynorsk poster instead of the Bokmål one).
    """

    title = models.CharField(_("title"), max_length=150)
    kind = models.CharField(_("kind"), max_length=32, choices=MaterialKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("document"), FieldPanel("image")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind"),
        SynchronizedField("document", overridable=True),
        SynchronizedField("image", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.image_id):
            raise ValidationError(
                {"document": _("Choose either a document or an image for this material, not both.")}
            )

    @property
    def file(self):
        return self.document or self.image
