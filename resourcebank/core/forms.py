"""Wagtail's document, image and media forms with the upload check on their file fields.

Wagtail loads these through ``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILMEDIA["MEDIA_FORM_BASE"]``, so its single and
multiple upload views all use them.
"""

from django import forms as django_forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from wagtailmedia.forms import BaseMediaForm

from resourcebank.core.uploads import (
    check_document_content,
    check_image_content,
    check_media_content,
)


class SafeDocumentField(WagtailDocumentField):
    def to_python(self, data):
        if data is not None and hasattr(data, "size"):
            check_document_content(data)
        return super().to_python(data)


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        if data is not None and hasattr(data, "size"):
            check_image_content(data)
        return super().to_python(data)


def _swap_file_field(form, field_class):
    field = form.fields.get("file")
    if field is None or isinstance(field, field_class):
        return
    replacement = field_class(label=field.label, required=field.required, widget=field.widget)
    replacement.help_text = field.help_text
    form.fields["file"] = replacement


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form with content checks on the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, SafeDocumentField)

    def _post_clean(self):
        # The model's own extension check would add a second, confusing message about
        # an empty file name once the file has been refused; keep only the first.
        refused = "file" in self._errors
        super()._post_clean()
        if refused and len(self._errors.get("file", [])) > 1:
            del self._errors["file"][1:]


CONFIDENTIAL_GRAPHICS_HELP = _(
    "Images are always public. Confidential graphics must be uploaded as documents "
    "in the members-only collection instead."
)


class SafeImageForm(BaseImageForm):
    """Wagtail's image form with content checks on the file, and a word on privacy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, SafeImageField)
        if "file" in self.fields:
            self.fields["file"].help_text = format_lazy(
                "{} {}", self.fields["file"].help_text, CONFIDENTIAL_GRAPHICS_HELP
            )
        if "collection" in self.fields:
            self.fields["collection"].help_text = CONFIDENTIAL_GRAPHICS_HELP


class _CheckedFileField(django_forms.FileField):
    """A plain file field that runs one of the upload checks on a new file."""

    def __init__(self, *args, check, **kwargs):
        self.check = check
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        data = super().to_python(data)
        if data is not None and hasattr(data, "size"):
            self.check(data)
        return data


def _check_file_field(form, name, check):
    field = form.fields.get(name)
    if field is None or isinstance(field, _CheckedFileField):
        return
    replacement = _CheckedFileField(
        check=check, label=field.label, required=field.required, widget=field.widget
    )
    replacement.help_text = field.help_text
    form.fields[name] = replacement


class SafeMediaForm(BaseMediaForm):
    """wagtailmedia's form with content checks on the audio or video file and its thumbnail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _check_file_field(self, "file", check_media_content)
        _check_file_field(self, "thumbnail", check_image_content)
