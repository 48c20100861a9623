"""Admin forms of the training app."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from resourcebank.taxonomy.models import County, LocalBranch
from training.models import OrganiserLevel, TrainingPackagePage
from training.services import FEED_SCHEMES, FETCH_MAX_BYTES, CalendarImportError, feed_url_normalise


def validate_feed_url(value: str) -> None:
    """A web or calendar-subscription address (webcal://, webcals://), nothing else."""
    try:
        feed_url_normalise(url=value)
    except CalendarImportError as error:
        raise ValidationError(str(error), code="scheme") from error
    URLValidator(schemes=list(FEED_SCHEMES))(value)


class FeedURLField(forms.URLField):
    """A URL field that also takes the webcal:// addresses calendar publishers hand out."""

    default_validators = [validate_feed_url]


class ZetkinImportForm(forms.Form):
    """Where the feed comes from, and which package and organiser its events belong to."""

    feed_url = FeedURLField(
        label=_("Feed address"),
        required=False,
        assume_scheme="https",
        help_text=_("The address of the organisation's events.ics in Zetkin."),
    )
    feed_file = forms.FileField(
        label=_("Or upload an .ics file"),
        required=False,
    )
    package = forms.ModelChoiceField(label=_("Training package"), queryset=None)
    organiser_level = forms.ChoiceField(label=_("Organiser"))
    county = forms.ModelChoiceField(label=_("County"), queryset=None, required=False)
    local_branch = forms.ModelChoiceField(label=_("Local branch"), queryset=None, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_default()
        self.fields["package"].queryset = TrainingPackagePage.objects.filter(
            locale=locale
        ).order_by("title")
        self.fields["organiser_level"].choices = OrganiserLevel.choices
        self.fields["county"].queryset = County.objects.filter(locale=locale).order_by("name")
        self.fields["local_branch"].queryset = (
            LocalBranch.objects.filter(locale=locale).select_related("county").order_by("name")
        )

    def clean_feed_file(self):
        upload = self.cleaned_data.get("feed_file")
        if upload and upload.size > FETCH_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s.") % {"size": filesizeformat(FETCH_MAX_BYTES)}
            )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        url, upload = cleaned_data.get("feed_url"), cleaned_data.get("feed_file")
        if bool(url) == bool(upload) and "feed_url" not in self.errors:
            self.add_error(
                "feed_url", _("Give either the address of a feed or an .ics file, not both.")
            )
        level = cleaned_data.get("organiser_level")
        if level == OrganiserLevel.COUNTY and not cleaned_data.get("county"):
            self.add_error("county", _("Choose the county branch that organises the events."))
        if level == OrganiserLevel.BRANCH and not cleaned_data.get("local_branch"):
            self.add_error("local_branch", _("Choose the local branch that organises the events."))
        return cleaned_data
