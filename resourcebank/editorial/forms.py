"""The success-story submission form members fill in on the site."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image as PILImage

from resourcebank.models import County, LocalBranch

MAX_IMAGES = 3
ALLOWED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def image_max_bytes() -> int:
    return getattr(settings, "RESOURCEBANK_SUBMISSION_IMAGE_MAX_BYTES", 5 * 1024 * 1024)


def image_max_pixels() -> int:
    return getattr(settings, "RESOURCEBANK_SUBMISSION_IMAGE_MAX_PIXELS", 25_000_000)


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Up to three images, each checked by its content, not its name."""

    widget = MultipleImageInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_IMAGES:
            raise forms.ValidationError(
                _("You can send at most %(count)d images.") % {"count": MAX_IMAGES}
            )
        return [self.clean_image(super(MultipleImageField, self).clean(f, initial)) for f in files]

    def clean_image(self, upload):
        name = upload.name
        if upload.size > image_max_bytes():
            raise forms.ValidationError(
                _("The image %(name)s is too large (%(size)s). The limit is %(limit)s.")
                % {
                    "name": name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(image_max_bytes()),
                }
            )
        try:
            upload.seek(0)
            with PILImage.open(upload) as image:
                image_format = image.format
                width, height = image.size
                image.verify()
        except (PILImage.DecompressionBombError, OSError, SyntaxError, ValueError):
            raise forms.ValidationError(
                _("The file %(name)s is not an image we can read. Send a JPEG, PNG or WebP image.")
                % {"name": name}
            ) from None
        finally:
            upload.seek(0)
        if image_format not in ALLOWED_IMAGE_FORMATS:
            raise forms.ValidationError(
                _("The file %(name)s is not a JPEG, PNG or WebP image.") % {"name": name}
            )
        if width * height > image_max_pixels():
            raise forms.ValidationError(
                _("The image %(name)s has too many pixels (%(width)d × %(height)d).")
                % {"name": name, "width": width, "height": height}
            )
        return upload


class SuccessStorySubmissionForm(forms.Form):
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
