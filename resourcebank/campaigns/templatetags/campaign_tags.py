"""Template tags other templates use to show campaign packs (the home page, listings)."""

from django import template

from resourcebank.campaigns import selectors

register = template.Library()


@register.simple_tag
def latest_campaign_packs(home, limit=3, exclude=None):
    """`{% latest_campaign_packs page 3 exclude=current as packs %}`: the newest packs under a
    home page, but `exclude`, each with its poster prefetched."""
    return selectors.latest_campaign_packs(home=home, limit=limit, exclude=exclude or None)


@register.simple_tag
def current_campaign_pack(home):
    """`{% current_campaign_pack page as current %}`: the pack of the commemoration day that
    comes next (see selectors.current_campaign_pack), or None."""
    return selectors.current_campaign_pack(home=home)


@register.filter
def pack_poster(pack):
    """`{{ pack|pack_poster }}`: the pack's poster image, or None."""
    return selectors.pack_poster(pack)
