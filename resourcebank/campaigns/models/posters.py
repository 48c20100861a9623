"""Poster templates: a campaign poster with boxes where a branch's own details go."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from resourcebank.core.fields import optional_foreign_key

POSTER_FIELDS = ("branch", "when", "place", "line")


def _percent(label):
    return models.PositiveSmallIntegerField(label, default=0, validators=[MaxValueValidator(100)])


def _box_panel(prefix: str, heading):
    return MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel(f"{prefix}_x"),
                    FieldPanel(f"{prefix}_y"),
                    FieldPanel(f"{prefix}_width"),
                    FieldPanel(f"{prefix}_height"),
                ]
            )
        ],
        heading=heading,
    )


class PosterTemplate(TranslatableMixin, Orderable):
    """A poster image with boxes where a visitor's own text goes.

    Each box is given in percent of the image's width and height, measured from the
    top left corner. A box with no width is not used.
    """

    page = ParentalKey(
        "campaigns.CampaignPackPage", on_delete=models.CASCADE, related_name="poster_templates"
    )
    title = models.CharField(_("title"), max_length=150)
    image = optional_foreign_key(
        "wagtailimages.Image",
        _("poster image"),
        help_text=_("The poster without the local details; the boxes below say where they go."),
    )
    text_colour = models.CharField(
        _("text colour"),
        max_length=7,
        default="#000000",
        help_text=_("A hex colour such as #000000 for black or #ffffff for white."),
    )

    branch_x = _percent(_("left (%)"))
    branch_y = _percent(_("top (%)"))
    branch_width = _percent(_("width (%)"))
    branch_height = _percent(_("height (%)"))
    when_x = _percent(_("left (%)"))
    when_y = _percent(_("top (%)"))
    when_width = _percent(_("width (%)"))
    when_height = _percent(_("height (%)"))
    place_x = _percent(_("left (%)"))
    place_y = _percent(_("top (%)"))
    place_width = _percent(_("width (%)"))
    place_height = _percent(_("height (%)"))
    line_x = _percent(_("left (%)"))
    line_y = _percent(_("top (%)"))
    line_width = _percent(_("width (%)"))
    line_height = _percent(_("height (%)"))

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("text_colour"),
        _box_panel("branch", _("Box for the branch name")),
        _box_panel("when", _("Box for date and time")),
        _box_panel("place", _("Box for the place")),
        _box_panel("line", _("Box for a short line")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("image", overridable=True),
        SynchronizedField("text_colour"),
    ] + [
        SynchronizedField(f"{name}_{part}")
        for name in POSTER_FIELDS
        for part in ("x", "y", "width", "height")
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("poster template")
        verbose_name_plural = _("poster templates")

    def __str__(self):
        return self.title

    def box(self, name: str) -> tuple[int, int, int, int] | None:
        """(left, top, width, height) in percent, or None when the box is not used."""
        box = tuple(getattr(self, f"{name}_{part}") for part in ("x", "y", "width", "height"))
        return box if box[2] and box[3] else None

    def clean(self):
        super().clean()
        errors = {}
        if not self.text_colour.startswith("#") or len(self.text_colour) != 7:
            errors["text_colour"] = _("Write the colour as # and six hex digits, e.g. #1a1a1a.")
        else:
            try:
                int(self.text_colour[1:], 16)
            except ValueError:
                errors["text_colour"] = _("Write the colour as # and six hex digits, e.g. #1a1a1a.")
        for name in POSTER_FIELDS:
            x, y, w, h = (getattr(self, f"{name}_{p}") for p in ("x", "y", "width", "height"))
            if x + w > 100 or y + h > 100:
                errors[f"{name}_width"] = _("The box goes outside the poster.")
        if not any(self.box(name) for name in POSTER_FIELDS):
            errors["branch_width"] = _("Mark at least one box for the visitor's text.")
        if errors:
            raise ValidationError(errors)
