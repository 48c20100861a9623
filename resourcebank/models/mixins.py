"""What every resource page shares: summary, audiences, topics, review date, materials."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalManyToManyField


def translatable_relations(model: type[models.Model]) -> list[ParentalManyToManyField]:
    """The many-to-many fields of `model` that point at translatable objects."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, ParentalManyToManyField)
        and issubclass(field.related_model, TranslatableMixin)
    ]


def relations_to_own_locale(instance: models.Model) -> list[str]:
    """Point the translatable many-to-many relations of `instance` at its own locale.

    wagtail-localize copies synchronised many-to-many fields as they are, so a Nynorsk
    translation would keep the Bokmål audiences and topics. Each related object in
    another locale is swapped for its translation in the instance's locale; one with
    no such translation is kept (the missing-translations report lists it). Nothing
    is created. Works on the unsaved in-memory relations, so it is right both for
    the saved page and for the revision made from it. Returns the changed fields.
    """
    locale_id = instance.locale_id
    if locale_id is None:
        return []
    changed = []
    for field in translatable_relations(type(instance)):
        current = list(getattr(instance, field.name).all())
        foreign_keys = {obj.translation_key for obj in current if obj.locale_id != locale_id}
        if not foreign_keys:
            continue
        translations = {
            obj.translation_key: obj
            for obj in field.related_model.objects.filter(
                translation_key__in=foreign_keys, locale_id=locale_id
            )
        }
        localized, seen = [], set()
        for obj in current:
            if obj.locale_id != locale_id:
                obj = translations.get(obj.translation_key, obj)
            if obj.pk not in seen:
                seen.add(obj.pk)
                localized.append(obj)
        if [obj.pk for obj in localized] != [obj.pk for obj in current]:
            setattr(instance, field.name, localized)
            changed.append(field.name)
    return changed


class ResourcePageForm(WagtailAdminPageForm):
    """Offers the audiences and topics (and related pages) of the page's own locale only,
    so an editor never sees the Bokmål and the Nynorsk name of the same term side by side."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for field in translatable_relations(type(self.instance)):
            form_field = self.fields.get(field.name)
            if form_field is not None and hasattr(form_field, "queryset"):
                form_field.queryset = form_field.queryset.filter(locale_id=locale_id)


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
    base_form_class = ResourcePageForm

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

    def save(self, *args, **kwargs):
        # Covers saves without cleaning too: a translation sync, a revision published.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {f.name for f in translatable_relations(type(self))} & set(
            update_fields
        ):
            relations_to_own_locale(self)
        return super().save(*args, **kwargs)

    def full_clean(self, *args, **kwargs):
        # Runs before every revision is made (save_revision cleans first).
        relations_to_own_locale(self)
        return super().full_clean(*args, **kwargs)


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
