"""Template tags other templates use to show campaign packs (the home page, listings)."""

from django import template

from resourcebank.campaigns import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def home_campaign_packs(context, home, limit=3):
    """`{% home_campaign_packs page 3 as packs %}`: packs.current, the pack of the
    commemoration day that comes next (or None), and packs.latest, the newest others, as
    far as the request may see them, with their posters (see selectors.home_campaign_packs)."""
    return selectors.home_campaign_packs(home=home, limit=limit, request=context.get("request"))


@register.filter
def pack_poster(pack):
    """`{{ pack|pack_poster }}`: the pack's poster image, or None."""
    return selectors.pack_poster(pack)
