"""Template tags other templates use to show campaign packs (the home page, listings)."""

from django import template

from resourcebank.campaigns import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_campaign_packs(context, home, limit=3, exclude=None):
    """`{% latest_campaign_packs page 3 exclude=current as packs %}`: the newest packs under a
    home page that the request may see, but `exclude`, each with its poster prefetched."""
    return selectors.latest_campaign_packs(
        home=home, limit=limit, request=context.get("request"), exclude=exclude or None
    )


@register.simple_tag(takes_context=True)
def current_campaign_pack(context, home):
    """`{% current_campaign_pack page as current %}`: the pack of the commemoration day that
    comes next that the request may see (see selectors.current_campaign_pack), or None."""
    return selectors.current_campaign_pack(home=home, request=context.get("request"))


@register.filter
def pack_poster(pack):
    """`{{ pack|pack_poster }}`: the pack's poster image, or None."""
    return selectors.pack_poster(pack)
