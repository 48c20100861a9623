"""Success stories and their index, where members send in new ones."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from resourcebank.core.blocks import RICH_TEXT_FEATURES
from resourcebank.core.fields import optional_foreign_key
from resourcebank.core.models import IndexPage, ResourcePage, ResourcePageForm
from resourcebank.stories import selectors, views


class StoryIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["core.HomePage"]
    subpage_types = ["stories.SuccessStoryPage"]

    class Meta:
        verbose_name = _("success story index")

    def get_listing(self, request):
        return selectors.success_stories_under(self, request=request)

    @property
    def submit_url(self) -> str:
        """Where members send in a success story (in this index's language)."""
        return self.url + self.reverse_subpage("success_story_submit")

    @path("send-inn/", name="success_story_submit")
    def submit_route(self, request):
        return views.success_story_submit(request, story_index=self)

    @path("send-inn/takk/", name="success_story_thanks")
    def thanks_route(self, request):
        return views.success_story_thanks(request, story_index=self)


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


class SuccessStoryPage(ResourcePage):
    """What a branch or council group did, its result, and how they went about it."""

    local_branch = optional_foreign_key(
        "taxonomy.LocalBranch",
        _("local branch"),
    )
    county = optional_foreign_key(
        "taxonomy.County",
        _("county"),
    )
    what_was_done = RichTextField(_("what was done"), features=RICH_TEXT_FEATURES, blank=True)
    result = models.TextField(_("result"), help_text=_("What came of it?"))
    how = RichTextField(
        _("how they went about it"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Enough detail that another branch can do the same."),
    )
    image = optional_foreign_key(
        "wagtailimages.Image",
        _("image"),
    )

    content_panels = (
        ResourcePage.content_panels
        + [
            FieldRowPanel([FieldPanel("local_branch"), FieldPanel("county")]),
            FieldPanel("what_was_done"),
            FieldPanel("result"),
            FieldPanel("how"),
            FieldPanel("image"),
        ]
        + ResourcePage.classification_panels
    )
    search_fields = ResourcePage.search_fields + [
        index.SearchField("what_was_done"),
        index.SearchField("result"),
        index.SearchField("how"),
        index.RelatedFields("local_branch", [index.SearchField("name")]),
        index.RelatedFields("county", [index.SearchField("name")]),
    ]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    translatable_fields = ResourcePage.translatable_fields + [
        TranslatableField("local_branch"),
        TranslatableField("county"),
        TranslatableField("what_was_done"),
        TranslatableField("result"),
        TranslatableField("how"),
        SynchronizedField("image", overridable=True),
    ]
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


class SubmittedPhoto(models.Model):
    """A photo a member sent in with a story: how retention and erasure find every photo
    of a submission (the story shows only the first)."""

    story = models.ForeignKey(
        SuccessStoryPage,
        verbose_name=_("success story"),
        on_delete=models.CASCADE,
        related_name="submitted_photos",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("submitted photo")
        verbose_name_plural = _("submitted photos")
        constraints = [
            models.UniqueConstraint(fields=["story", "image"], name="unique_submitted_photo")
        ]

    def __str__(self):
        return str(self.image)
