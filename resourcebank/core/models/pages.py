"""The home page and the public information pages."""

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from resourcebank.core import selectors
from resourcebank.core.blocks import BaseStreamBlock
from resourcebank.core.models.base import BasePage, ResourcePage


class HomePage(BasePage):
    """The root of each written standard's tree. Its template shows what the sections
    offer through their own template tags (``campaigns/templatetags``), so this model
    knows none of them."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "stories.StoryIndexPage",
        "core.InfoPage",
        "training.TrainingCatalogPage",
        "handbooks.HandbookIndexPage",
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the page is rendered, not when it comes from the cache
        # ({% shared_fragment %}, kept per day for the coming commemoration days).
        context["today"] = timezone.localdate()
        context["sections"] = SimpleLazyObject(
            lambda: selectors.home_sections(home=self, request=request)
        )
        return context


class InfoPage(ResourcePage):
    """A public information page (about the resource bank, privacy, ...)."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))

    content_panels = (
        ResourcePage.content_panels
        + [
            FieldPanel("body"),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [index.SearchField("body")]
    parent_page_types = ["core.HomePage", "core.InfoPage"]
    subpage_types = ["core.InfoPage"]
    translatable_fields = ResourcePage.translatable_fields + [TranslatableField("body")]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
