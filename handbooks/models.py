"""Handbooks (branch, county, elected members) and their chapters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from handbooks import selectors
from resourcebank.blocks import BaseStreamBlock
from resourcebank.editorial.permissions import RolePagePermissionsMixin
from resourcebank.models import ResourcePageMixin
from resourcebank.models.pages import PAGE_TRANSLATABLE_FIELDS, IndexPageMixin


class HandbookKind(models.TextChoices):
    BRANCH = "branch", _("Branch handbook")
    COUNTY = "county", _("County handbook")
    ELECTED = "elected", _("Handbook for elected members")


class HandbookIndexPage(RolePagePermissionsMixin, IndexPageMixin, Page):
    content_panels = Page.content_panels + IndexPageMixin.index_panels
    search_fields = Page.search_fields + IndexPageMixin.index_search_fields
    parent_page_types = ["resourcebank.HomePage"]
    subpage_types = ["handbooks.HandbookPage"]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + IndexPageMixin.index_translatable_fields

    class Meta:
        verbose_name = _("handbook index")

    def get_listing(self):
        return selectors.handbooks_under(self)


class HandbookPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "handbooks.HandbookPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class HandbookPage(RolePagePermissionsMixin, RoutablePageMixin, ResourcePageMixin, Page):
    """A handbook: an introduction and its chapters, in order."""

    kind = models.CharField(_("kind"), max_length=20, choices=HandbookKind.choices)
    intro = models.TextField(_("introduction"), blank=True)
    tags = ClusterTaggableManager(through=HandbookPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(ResourcePageMixin.resource_panels, heading=_("Classification")),
    ]
    settings_panels = Page.settings_panels + ResourcePageMixin.review_panels
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.resource_search_fields
        + [index.SearchField("intro"), index.FilterField("kind")]
    )
    parent_page_types = ["handbooks.HandbookIndexPage"]
    subpage_types = ["handbooks.HandbookChapterPage"]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + ResourcePageMixin.resource_translatable_fields
        + [SynchronizedField("kind"), TranslatableField("intro")]
    )

    class Meta:
        verbose_name = _("handbook")
        verbose_name_plural = _("handbooks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = selectors.chapters_of(self)
        context["last_updated"] = selectors.last_updated(self, *context["chapters"])
        return context

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        from handbooks.views import handbook_pdf_download

        return handbook_pdf_download(request, self)


class HandbookChapterPage(RolePagePermissionsMixin, Page):
    """One chapter of a handbook. Chapters are ordered as the page tree orders them."""

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When an editor should check that this resource is still current."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("review_by")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("review_by"),
    ]
    parent_page_types = ["handbooks.HandbookPage"]
    subpage_types = []
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("review_by"),
    ]

    class Meta:
        verbose_name = _("handbook chapter")
        verbose_name_plural = _("handbook chapters")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["handbook"] = self.get_parent().specific
        context["chapters"] = selectors.chapters_of(context["handbook"])
        context["previous_chapter"], context["next_chapter"] = selectors.chapter_neighbours(self)
        context["last_updated"] = selectors.last_updated(self)
        return context
