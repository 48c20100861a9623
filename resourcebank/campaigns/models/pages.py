"""Campaign packs and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from resourcebank.campaigns import selectors, views
from resourcebank.campaigns.blocks import (
    BranchSize,
    DraftLetterBlock,
    DraftResolutionBlock,
    MemberActivityBlock,
    SuggestedEventBlock,
)
from resourcebank.core import query
from resourcebank.core.blocks import BaseStreamBlock
from resourcebank.core.fields import optional_foreign_key
from resourcebank.core.models import IndexPage, MaterialBase, ResourcePage, ResourcePageForm


class CampaignIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["campaigns.CampaignPackPage"]

    class Meta:
        verbose_name = _("campaign index")

    def get_listing(self, request):
        return selectors.campaign_packs_under(self, request=request)

    @path("merkedager/", name="calendar")
    def calendar_view(self, request):
        return views.campaign_calendar(request, self)

    @path("merkedager/ical/", name="calendar_feed")
    def calendar_feed_view(self, request):
        return views.campaign_calendar_feed(request, self)


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
    # Members who subscribe to new packs choose the counties they care about; a pack
    # for the whole party (no county) goes to every subscriber.
    county = optional_foreign_key(
        "taxonomy.County",
        _("county branch"),
        help_text=_("Only for a county branch's own campaign; empty for the whole party."),
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
    elected_kit = StreamField(
        [("resolution", DraftResolutionBlock()), ("letter", DraftLetterBlock())],
        verbose_name=_("elected members' kit"),
        help_text=_(
            "A draft resolution and a draft letter to the editor that elected members fill "
            "in with their own details. Only elected members see them."
        ),
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
            FieldPanel("county"),
            FieldPanel("body"),
            InlinePanel("materials", label=_("Materials")),
            InlinePanel("poster_templates", label=_("Posters a branch can personalise")),
            FieldPanel("suggested_events"),
            FieldPanel("member_activities"),
            FieldPanel("elected_kit"),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [
        index.SearchField("message"),
        index.SearchField("body"),
        index.SearchField("suggested_events"),
        index.SearchField("member_activities"),
        index.FilterField("commemoration_day"),
        index.FilterField("county"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    translatable_fields = ResourcePage.translatable_fields + [
        TranslatableField("message"),
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        TranslatableField("commemoration_day"),
        TranslatableField("county"),  # points at the county in the same language
        TranslatableField("body"),
        TranslatableField("materials"),
        TranslatableField("poster_templates"),
        TranslatableField("suggested_events"),
        TranslatableField("member_activities"),
        TranslatableField("elected_kit"),
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
        size = selectors.branch_size_from(request.GET)
        # What the shared fragments show is read only when they are rendered, not when
        # they come from the cache ({% shared_fragment %} in the template).
        context.update(
            materials=SimpleLazyObject(lambda: selectors.materials_for(self)),
            poster_templates=SimpleLazyObject(lambda: selectors.poster_templates_for(self)),
            branch_size=size,
            branch_sizes=BranchSize.choices,
            branch_size_param=query.BRANCH_SIZE,
            suggested_events=SimpleLazyObject(
                lambda: selectors.suggested_events_for(self, size=size)
            ),
            elected_kit=selectors.elected_kit_for(page=self, user=request.user),
        )
        return context

    @path("last-ned/", name="download")
    def download_view(self, request):
        return views.download_pack(request, self)

    @path("folkevalgt/<uuid:draft_id>/", name="elected_draft")
    def elected_draft_view(self, request, draft_id):
        return views.elected_draft(request, self, str(draft_id))

    @path("plakat/<int:template_id>/", name="poster")
    def poster_view(self, request, template_id):
        return views.poster(request, self, template_id)
