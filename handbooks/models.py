"""Handbooks (branch, county, elected members) and their chapters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from handbooks import selectors, views
from resourcebank.core.blocks import BaseStreamBlock
from resourcebank.core.models import IndexPage, ResourcePage


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
        + [FieldPanel("kind"), FieldPanel("intro")]
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
    ]

    class Meta:
        verbose_name = _("handbook")
        verbose_name_plural = _("handbooks")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = selectors.chapters_of(self, request=request)
        context["last_updated"] = selectors.last_updated(self, *context["chapters"])
        return context

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        return views.handbook_pdf_download(request, self)


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["handbook"] = self.get_parent().specific
        context["chapters"] = selectors.chapters_of(context["handbook"], request=request)
        context["previous_chapter"], context["next_chapter"] = selectors.chapter_neighbours(
            self, request=request
        )
        context["last_updated"] = selectors.last_updated(self)
        return context
