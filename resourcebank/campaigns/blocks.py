"""Blocks of a campaign pack: suggested events for branches, activities for members."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from resourcebank.campaigns import kit


class BranchSize(models.TextChoices):
    """How big a local branch is, as far as what it can take on goes."""

    FEW = "few", _("A few active members")
    BOARD = "board", _("A board")
    LARGE = "large", _("A large branch")


class CostBand(models.TextChoices):
    """Roughly what an event costs the branch."""

    NONE = "none", _("No cost")
    LOW = "low", _("Under 1,000 kroner")
    MEDIUM = "medium", _("1,000–5,000 kroner")
    HIGH = "high", _("Over 5,000 kroner")


class SuggestedEventValue(blocks.StructValue):
    """A suggested event with its choices as the reader's words."""

    def cost_label(self) -> str:
        cost = self.get("cost")
        return CostBand(cost).label if cost in CostBand.values else ""

    def branch_size_labels(self) -> list[str]:
        sizes = self.get("branch_sizes") or []
        return [label for value, label in BranchSize.choices if value in sizes]

    def suits(self, size: str) -> bool:
        return size in (self.get("branch_sizes") or [])


class OptionalIntegerBlock(blocks.IntegerBlock):
    """A number that may be left empty. Its form field gives "" for an empty field, which
    Wagtail compares with the stored None and counts as a change: saving a pack in
    moderation unchanged (an editor's Approve) would then send it back to the first step."""

    def value_from_form(self, value):
        return None if value in ("", None) else super().value_from_form(value)


class SuggestedEventBlock(blocks.StructBlock):
    """An event a local branch can hold as part of a campaign, with what it takes and
    which branch sizes it suits."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("What the branch does"))
    timing = blocks.CharBlock(label=_("When"), required=False, max_length=120)
    people_needed = OptionalIntegerBlock(
        label=_("People needed"), required=False, min_value=1, max_value=500
    )
    preparation_hours = OptionalIntegerBlock(
        label=_("Preparation time (hours)"),
        required=False,
        min_value=0,
        max_value=200,
        help_text=_("Hours of work in all before the day, for everyone together."),
    )
    cost = blocks.ChoiceBlock(label=_("Cost"), choices=CostBand.choices, required=False)
    lead_time_weeks = OptionalIntegerBlock(
        label=_("Lead time (weeks)"),
        required=False,
        min_value=0,
        max_value=52,
        help_text=_("How many weeks ahead the branch should start."),
    )
    branch_sizes = blocks.MultipleChoiceBlock(
        label=_("Suits branches with"),
        choices=BranchSize.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Readers choosing their branch's size see the events marked for it."),
    )

    class Meta:
        icon = "date"
        value_class = SuggestedEventValue
        template = "blocks/suggested_event_block.html"
        label = _("Suggested event for branches")
        description = _("An event a local branch can organise")
        preview_value = {
            "title": "Stand på torget",
            "description": "Del ut løpesedler og snakk med folk.",
            "timing": "Lørdagen før merkedagen",
            "people_needed": 3,
            "preparation_hours": 4,
            "cost": "low",
            "lead_time_weeks": 2,
            "branch_sizes": ["few", "board"],
        }


class MemberActivityBlock(blocks.StructBlock):
    """Something a member can do on their own, physically or digitally."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("What the member does"))
    mode = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("physical", _("Physical")), ("digital", _("Digital"))],
        default="physical",
    )

    class Meta:
        icon = "user"
        template = "blocks/member_activity_block.html"
        label = _("Activity for individual members")
        description = _("An activity a member can do alone")
        preview_value = {
            "title": "Del kampanjegrafikken",
            "description": "Del grafikken i dine egne kanaler.",
            "mode": "digital",
        }


class ElectedDraftBlock(blocks.StructBlock):
    """A draft an elected member fills in with their own details (the elected members' kit)."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(
        label=_("Text"),
        help_text=_(
            "Separate paragraphs with a blank line. Placeholders the elected member fills "
            "in: {kommune} (the municipality or county), {kommunestyre} (the council), "
            "{representant} (the representative's name) and {partigruppe} (the party group)."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        unknown = kit.unknown_placeholders(value.get("text", ""))
        if unknown:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "text": ValidationError(
                        _("Unknown placeholders: %(unknown)s. Use only %(known)s.")
                        % {
                            "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                            "known": ", ".join(f"{{{name}}}" for name in kit.PLACEHOLDERS),
                        }
                    )
                }
            )
        return value

    class Meta:
        icon = "doc-full"
        template = "blocks/elected_draft_block.html"
        label = _("Draft")
        description = _("A text with placeholders an elected member fills in")
        preview_value = {
            "title": "Forslag til vedtak",
            "text": "{kommunestyre} i {kommune} ber kommunedirektøren ...\n\n{representant}, "
            "{partigruppe}",
        }


class DraftResolutionBlock(ElectedDraftBlock):
    class Meta:
        label = _("Draft resolution for the council")
        description = _("A proposal for a resolution in the municipal or county council")


class DraftLetterBlock(ElectedDraftBlock):
    class Meta:
        label = _("Draft letter to the editor")
        description = _("A letter to the editor of the local newspaper")
        icon = "mail"
