"""Blocks of a campaign pack: suggested events for branches, activities for members."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class SuggestedEventBlock(blocks.StructBlock):
    """An event a local branch can hold as part of a campaign."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("What the branch does"))
    timing = blocks.CharBlock(label=_("When"), required=False, max_length=120)

    class Meta:
        icon = "date"
        template = "blocks/suggested_event_block.html"
        label = _("Suggested event for branches")
        description = _("An event a local branch can organise")
        preview_value = {
            "title": "Stand på torget",
            "description": "Del ut løpesedler og snakk med folk.",
            "timing": "Lørdagen før merkedagen",
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
