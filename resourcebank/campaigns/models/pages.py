"""Campaign packs and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from resourcebank.campaigns import selectors, views
from resourcebank.campaigns.blocks import MemberActivityBlock, SuggestedEventBlock
from resourcebank.core.blocks import BaseStreamBlock
from resourcebank.core.fields import optional_foreign_key
from resourcebank.core.models import IndexPage, MaterialBase, ResourcePage, ResourcePageForm


class CampaignIndexPage(IndexPage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["campaigns.CampaignPackPage"]

    class Meta:
        verbose_name = _("campaign index")

    def get_listing(self, request):
        return selectors.campaign_packs_under(self, request=request)


class CampaignPackMaterial(MaterialBase):
    page = ParentalKey(
        "campaigns.CampaignPackPage", on_delete=models.CASCADE, related_name="materials"
    )

    class Meta(MaterialBase.Meta):
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign materials")


class CampaignPackForm(ResourcePageForm):
    """Requires suggested events and member activities when not saving a draft."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        if not cleaned_data.get("suggested_events"):
            self.add_error(
                "suggested_events",
                _("Add at least one suggested event for local branches before publishing."),
            )
        if not cleaned_data.get("member_activities"):
            self.add_error(
                "member_activities",
                _("Add at least one activity for individual members before publishing."),
            )
        return cleaned_data


class CampaignPackPage(RoutablePageMixin, ResourcePage):
    """Material for one campaign: message, materials, events and activities."""

    message = models.TextField(
        _("message"), help_text=_("The campaign's main message in a few sentences.")
    )
    period_start = models.DateField(_("campaign starts"), null=True, blank=True)
    period_end = models.DateField(_("campaign ends"), null=True, blank=True)
    commemoration_day = optional_foreign_key(
        "taxonomy.CommemorationDay",
        _("commemoration day"),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("background"), blank=True)
    suggested_events = StreamField(
        [("event", SuggestedEventBlock())],
        verbose_name=_("suggested events for local branches"),
        blank=True,
    )
    member_activities = StreamField(
        [("activity", MemberActivityBlock())],
        verbose_name=_("activities for individual members"),
        blank=True,
    )

    content_panels = (
        ResourcePage.content_panels
        + [
            FieldPanel("message"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                    FieldPanel("commemoration_day"),
                ],
                heading=_("When"),
            ),
            FieldPanel("body"),
            InlinePanel("materials", label=_("Materials")),
            InlinePanel("poster_templates", label=_("Posters a branch can personalise")),
            FieldPanel("suggested_events"),
            FieldPanel("member_activities"),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [
        index.SearchField("message"),
        index.SearchField("body"),
        index.SearchField("suggested_events"),
        index.SearchField("member_activities"),
        index.FilterField("commemoration_day"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    translatable_fields = ResourcePage.translatable_fields + [
        TranslatableField("message"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        TranslatableField("commemoration_day"),
        TranslatableField("body"),
        TranslatableField("materials"),
        TranslatableField("poster_templates"),
        TranslatableField("suggested_events"),
        TranslatableField("member_activities"),
    ]
    base_form_class = CampaignPackForm

    class Meta:
        verbose_name = _("campaign pack")
        verbose_name_plural = _("campaign packs")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The campaign cannot end before it starts.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["materials"] = selectors.materials_for(self)
        context["poster_templates"] = selectors.poster_templates_for(self)
        return context

    @path("last-ned/", name="download")
    def download_view(self, request):
        return views.download_pack(request, self)

    @path("plakat/<int:template_id>/", name="poster")
    def poster_view(self, request, template_id):
        return views.poster(request, self, template_id)
