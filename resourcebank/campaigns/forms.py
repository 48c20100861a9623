"""Forms a visitor fills in on the download pages."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from resourcebank.campaigns.models.posters import POSTER_FIELDS
from resourcebank.core.form_widgets import DesignsystemetFormMixin

MARKUP_CHARACTERS = re.compile(r"[<>{}\[\]\\`]")
LINK = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|javascript:|data:|"
    r"\b[\w-]+\.(?:no|com|org|net|io|info|eu|se|dk|app|xyz)\b)",
    re.IGNORECASE,
)


def validate_plain_text(value: str) -> None:
    """Refuse markup and web addresses; a poster line is plain words."""
    if MARKUP_CHARACTERS.search(value):
        raise ValidationError(
            _("Use plain text only: the characters < > { } [ ] \\ and ` are not allowed."),
            code="markup",
        )
    if LINK.search(value):
        raise ValidationError(_("Web addresses cannot be put on the poster."), code="link")
    if any(ord(c) < 32 for c in value):
        raise ValidationError(_("Use plain text only."), code="control")


class PosterForm(DesignsystemetFormMixin, forms.Form):
    """What a visitor puts on a poster. Nothing here is saved."""

    FORMAT_PDF = "pdf"
    FORMAT_PNG = "png"

    branch = forms.CharField(
        label=_("Name of the local branch"),
        max_length=80,
        validators=[validate_plain_text],
    )
    when = forms.CharField(
        label=_("Date and time"),
        max_length=60,
        required=False,
        validators=[validate_plain_text],
        help_text=_("For example: Saturday 8 March, 12:00–14:00"),
    )
    place = forms.CharField(
        label=_("Place"), max_length=80, required=False, validators=[validate_plain_text]
    )
    line = forms.CharField(
        label=_("A short line"),
        max_length=100,
        required=False,
        validators=[validate_plain_text],
    )
    output = forms.ChoiceField(
        label=_("File"),
        choices=[
            (FORMAT_PDF, _("PDF for printing")),
            (FORMAT_PNG, _("PNG for social media")),
        ],
        initial=FORMAT_PDF,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.template = template
        for name in POSTER_FIELDS:
            if template.box(name) is None and name in self.fields:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for name in POSTER_FIELDS:
            if isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def poster_values(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in POSTER_FIELDS}


def validate_kit_text(value: str) -> None:
    """A name or place: no line breaks or control characters, no braces (placeholders)."""
    if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in value):
        raise ValidationError(
            _("Write it on one line, without special characters."), code="control"
        )
    if "{" in value or "}" in value:
        raise ValidationError(_("The characters { and } are not allowed."), code="braces")


class ElectedDraftForm(forms.Form):
    """What an elected member puts into a draft of the kit. Nothing here is saved."""

    FORMAT_ODT = "odt"
    FORMAT_DOCX = "docx"
    FORMAT_TEXT = "text"

    municipality = forms.CharField(
        label=_("Municipality or county"),
        max_length=80,
        validators=[validate_kit_text],
        help_text=_("For example: Tromsø"),
    )
    council = forms.CharField(
        label=_("Council"),
        max_length=80,
        validators=[validate_kit_text],
        help_text=_("For example: Tromsø kommunestyre or Troms fylkesting"),
    )
    representative = forms.CharField(
        label=_("Your name"), max_length=100, validators=[validate_kit_text]
    )
    party_group = forms.CharField(
        label=_("Party group"),
        max_length=100,
        validators=[validate_kit_text],
        help_text=_("For example: SV-gruppa i Tromsø kommunestyre"),
    )
    output = forms.ChoiceField(
        label=_("What you get"),
        choices=[
            (FORMAT_ODT, _("ODT document (LibreOffice)")),
            (FORMAT_DOCX, _("Word document (DOCX)")),
            (FORMAT_TEXT, _("Text to copy")),
        ],
        initial=FORMAT_ODT,
        widget=forms.RadioSelect,
    )

    field_messages = {
        "required": _("Fill in this field."),
        "max_length": _("Use at most %(limit_value)d characters (you used %(show_value)d)."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages["required"] = self.field_messages["required"]
            if name != "output":
                field.error_messages["max_length"] = self.field_messages["max_length"]
        self.fields["output"].error_messages["invalid_choice"] = _("Choose one of the files.")

    def clean(self):
        cleaned = super().clean()
        for name in ("municipality", "council", "representative", "party_group"):
            if isinstance(cleaned.get(name), str):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def kit_values(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[name]
            for name in ("municipality", "council", "representative", "party_group")
        }
