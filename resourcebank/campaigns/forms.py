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
