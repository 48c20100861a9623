"""The success-story submission form members fill in on the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resourcebank.core.form_widgets import DesignsystemetFormMixin
from resourcebank.core.uploads import IMAGE_ACCEPT, check_image_content
from resourcebank.taxonomy.models import County, LocalBranch

MAX_IMAGES = 3


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Up to three images, each checked by its content, not its name (the one upload check
    every image goes through, with the same limits as the admin's)."""

    widget = MultipleImageInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": IMAGE_ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(
                _("You can send at most %(count)d images.") % {"count": MAX_IMAGES}
            )
        cleaned = [super(MultipleImageField, self).clean(f, initial) for f in files]
        for upload in cleaned:
            check_image_content(upload)
        return cleaned


class SuccessStorySubmissionForm(DesignsystemetFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    local_branch = forms.ModelChoiceField(
        label=_("Local branch"), queryset=LocalBranch.objects.none(), required=False
    )
    county = forms.ModelChoiceField(label=_("County"), queryset=County.objects.none())
    what_was_done = forms.CharField(label=_("What did you do?"), widget=forms.Textarea)
    result = forms.CharField(label=_("What came of it?"), widget=forms.Textarea)
    how = forms.CharField(
        label=_("How did you go about it?"),
        widget=forms.Textarea,
        help_text=_("Enough detail that another branch can do the same."),
    )
    images = MultipleImageField(
        label=_("Images"),
        required=False,
        help_text=_("Up to three JPEG, PNG or WebP images."),
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = County.objects.filter(locale=locale).order_by("name")
        self.fields["local_branch"].queryset = (
            LocalBranch.objects.filter(locale=locale).select_related("county").order_by("name")
        )

    def clean(self):
        cleaned_data = super().clean()
        branch, county = cleaned_data.get("local_branch"), cleaned_data.get("county")
        if branch and county and branch.county.translation_key != county.translation_key:
            self.add_error("local_branch", _("This local branch belongs to another county."))
        return cleaned_data
