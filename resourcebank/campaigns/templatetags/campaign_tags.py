"""Template tags other templates use to show campaign packs (the home page)."""

from django import template

from resourcebank.campaigns import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_campaign_packs(context, home, limit=3):
    """`{% latest_campaign_packs page 3 as packs %}`: the newest packs under a home page
    that the request may see."""
    return selectors.latest_campaign_packs(home=home, limit=limit, request=context.get("request"))
