"""Abstract base pages every page type builds on, and the material rows resources share.

- ``BasePage``: every page. Its permissions follow the roles (``RolePagePermissionTester``)
  and it declares the page fields both written standards translate.
- ``IndexPage``: an introduction and a paginated listing of its children.
- ``ResourcePage``: a resource (campaign pack, story, training package, handbook,
  chapter, info page): a summary, audiences, topics, free keywords (tags, all in
  ``PageTag``) and a review date.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from resourcebank.core import pagination, visibility
from resourcebank.core.fields import optional_foreign_key
from resourcebank.core.locales import relations_to_own_locale, translatable_relations
from resourcebank.core.permissions import RolePagePermissionTester


class BasePage(Page):
    """Every page: permissions as strict as the roles, translatable page fields."""

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return RolePagePermissionTester(user, self)

    def get_view_restrictions(self):
        # The same restrictions as Wagtail finds, from the cache (no queries per request).
        return visibility.restrictions_of(self, super().get_view_restrictions)


class IndexPage(BasePage):
    """An index page: an introduction and a paginated listing of its children."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the listing is rendered: a listing from the cache needs no query
        # (``{% shared_fragment %}`` in index_page.html).
        context["children"] = SimpleLazyObject(
            lambda: pagination.paginated(self.get_listing(request), request=request)
        )
        return context

    def get_listing(self, request):  # pragma: no cover - each index page defines its listing
        raise NotImplementedError


class PageTag(TaggedItemBase):
    """The free keywords (django-taggit tags) of every resource page, in one table."""

    content_object = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("page tag")
        verbose_name_plural = _("page tags")


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


class ResourcePage(BasePage):
    """A resource: summary, audiences, topics, free keywords and a review date."""

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
        "taxonomy.Audience",
        verbose_name=_("audiences"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("tags"))

    # Concrete pages end their content panels with these.
    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("audiences"),
                FieldPanel("topics"),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        )
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("review_by")]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("review_by"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        SynchronizedField("review_by"),
        SynchronizedField("audiences"),
        SynchronizedField("topics"),
        SynchronizedField("tags"),
    ]
    base_form_class = ResourcePageForm

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
    document = optional_foreign_key(
        "wagtaildocs.Document",
        _("document"),
    )
    image = optional_foreign_key(
        "wagtailimages.Image",
        _("image"),
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
