"""Wagtail's document and image forms with the upload check on their file field.

Wagtail loads these through ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` and
``WAGTAILIMAGES_IMAGE_FORM_BASE``, so its single and multiple upload views both use them.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from resourcebank.core.uploads import check_document_content, check_image_content


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
