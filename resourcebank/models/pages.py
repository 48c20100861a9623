"""Page types of the resource bank's own sections."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from resourcebank import selectors
from resourcebank.blocks import BaseStreamBlock, MemberActivityBlock, SuggestedEventBlock
from resourcebank.editorial.permissions import RolePagePermissionsMixin
from resourcebank.models.mixins import MaterialBase, ResourcePageForm, ResourcePageMixin

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class IndexPageMixin(models.Model):
    """An index page: an introduction and a paginated listing of its children."""

    intro = models.TextField(_("introduction"), blank=True)

    index_panels = [FieldPanel("intro")]
    index_search_fields = [index.SearchField("intro")]
    index_translatable_fields = [TranslatableField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = selectors.paginated(
            self.get_listing(), page_number=request.GET.get("side")
        )
        return context

    def get_listing(self):  # pragma: no cover - each index page defines its listing
        raise NotImplementedError


class HomePage(RolePagePermissionsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "resourcebank.CampaignIndexPage",
        "resourcebank.StoryIndexPage",
        "resourcebank.InfoPage",
        "training.TrainingCatalogPage",
        "handbooks.HandbookIndexPage",
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = selectors.home_sections(home=self)
        context["latest_campaigns"] = selectors.latest_campaign_packs(home=self, limit=3)
        return context


PAGE_TRANSLATABLE_FIELDS = HomePage.translatable_fields[:4]


class CampaignIndexPage(RolePagePermissionsMixin, IndexPageMixin, Page):
    content_panels = Page.content_panels + IndexPageMixin.index_panels
    search_fields = Page.search_fields + IndexPageMixin.index_search_fields
    parent_page_types = ["resourcebank.HomePage"]
    subpage_types = ["resourcebank.CampaignPackPage"]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + IndexPageMixin.index_translatable_fields

    class Meta:
        verbose_name = _("campaign index")

    def get_listing(self):
        return selectors.campaign_packs_under(self)


class CampaignPackPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resourcebank.CampaignPackPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CampaignPackMaterial(MaterialBase):
    page = ParentalKey(
        "resourcebank.CampaignPackPage", on_delete=models.CASCADE, related_name="materials"
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


class CampaignPackPage(RolePagePermissionsMixin, RoutablePageMixin, ResourcePageMixin, Page):
    """Material for one campaign: message, materials, events and activities."""

    message = models.TextField(
        _("message"), help_text=_("The campaign's main message in a few sentences.")
    )
    period_start = models.DateField(_("campaign starts"), null=True, blank=True)
    period_end = models.DateField(_("campaign ends"), null=True, blank=True)
    commemoration_day = models.ForeignKey(
        "resourcebank.CommemorationDay",
        verbose_name=_("commemoration day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    tags = ClusterTaggableManager(through=CampaignPackPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
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
        MultiFieldPanel(ResourcePageMixin.resource_panels, heading=_("Classification")),
    ]
    settings_panels = Page.settings_panels + ResourcePageMixin.review_panels
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.resource_search_fields
        + [
            index.SearchField("message"),
            index.SearchField("body"),
            index.SearchField("suggested_events"),
            index.SearchField("member_activities"),
            index.FilterField("commemoration_day"),
        ]
    )
    parent_page_types = ["resourcebank.CampaignIndexPage"]
    subpage_types = []
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + ResourcePageMixin.resource_translatable_fields
        + [
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
    )
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
        from resourcebank.downloads.views import download_pack

        return download_pack(request, self)

    @path("plakat/<int:template_id>/", name="poster")
    def poster_view(self, request, template_id):
        from resourcebank.downloads.views import poster

        return poster(request, self, template_id)


class StoryIndexPage(RolePagePermissionsMixin, RoutablePageMixin, IndexPageMixin, Page):
    content_panels = Page.content_panels + IndexPageMixin.index_panels
    search_fields = Page.search_fields + IndexPageMixin.index_search_fields
    parent_page_types = ["resourcebank.HomePage"]
    subpage_types = ["resourcebank.SuccessStoryPage"]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + IndexPageMixin.index_translatable_fields

    class Meta:
        verbose_name = _("success story index")

    def get_listing(self):
        return selectors.success_stories_under(self)

    @property
    def submit_url(self) -> str:
        """Where members send in a success story (in this index's language)."""
        return self.url + self.reverse_subpage("success_story_submit")

    @path("send-inn/", name="success_story_submit")
    def submit_route(self, request):
        from resourcebank.editorial import views

        return views.success_story_submit(request, story_index=self)

    @path("send-inn/takk/", name="success_story_thanks")
    def thanks_route(self, request):
        from resourcebank.editorial import views

        return views.success_story_thanks(request, story_index=self)


class SuccessStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resourcebank.SuccessStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SuccessStoryForm(ResourcePageForm):
    """Rich text that is only empty paragraphs does not count as an answer."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        how = cleaned_data.get("how")
        if how is not None and not strip_tags(how).strip():
            self.add_error("how", forms.Field.default_error_messages["required"])
        return cleaned_data


class SuccessStoryPage(RolePagePermissionsMixin, ResourcePageMixin, Page):
    """What a branch or council group did, its result, and how they went about it."""

    local_branch = models.ForeignKey(
        "resourcebank.LocalBranch",
        verbose_name=_("local branch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    county = models.ForeignKey(
        "resourcebank.County",
        verbose_name=_("county"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    what_was_done = RichTextField(_("what was done"), features=RICH_TEXT_FEATURES, blank=True)
    result = models.TextField(_("result"), help_text=_("What came of it?"))
    how = RichTextField(
        _("how they went about it"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Enough detail that another branch can do the same."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=SuccessStoryPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("local_branch"), FieldPanel("county")]),
        FieldPanel("what_was_done"),
        FieldPanel("result"),
        FieldPanel("how"),
        FieldPanel("image"),
        MultiFieldPanel(ResourcePageMixin.resource_panels, heading=_("Classification")),
    ]
    settings_panels = Page.settings_panels + ResourcePageMixin.review_panels
    search_fields = (
        Page.search_fields
        + ResourcePageMixin.resource_search_fields
        + [
            index.SearchField("what_was_done"),
            index.SearchField("result"),
            index.SearchField("how"),
            index.RelatedFields("local_branch", [index.SearchField("name")]),
            index.RelatedFields("county", [index.SearchField("name")]),
        ]
    )
    parent_page_types = ["resourcebank.StoryIndexPage"]
    subpage_types = []
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + ResourcePageMixin.resource_translatable_fields
        + [
            TranslatableField("local_branch"),
            TranslatableField("county"),
            TranslatableField("what_was_done"),
            TranslatableField("result"),
            TranslatableField("how"),
            SynchronizedField("image", overridable=True),
        ]
    )

    base_form_class = SuccessStoryForm

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    def clean(self):
        super().clean()
        if (
            self.local_branch_id
            and self.county_id
            and self.local_branch.county.translation_key != self.county.translation_key
        ):
            raise ValidationError(
                {"local_branch": _("This local branch belongs to another county.")}
            )


class InfoPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resourcebank.InfoPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InfoPage(RolePagePermissionsMixin, ResourcePageMixin, Page):
    """A public information page (about the resource bank, privacy, ...)."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=InfoPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("audiences"), FieldPanel("topics"), FieldPanel("tags")],
            heading=_("Classification"),
        ),
    ]
    settings_panels = Page.settings_panels + ResourcePageMixin.review_panels
    search_fields = (
        Page.search_fields + ResourcePageMixin.resource_search_fields + [index.SearchField("body")]
    )
    parent_page_types = ["resourcebank.HomePage", "resourcebank.InfoPage"]
    subpage_types = ["resourcebank.InfoPage"]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + ResourcePageMixin.resource_translatable_fields
        + [TranslatableField("body")]
    )

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
