"""Template tags for the parts every resource page shows."""

from django import template

from resourcebank.core import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def page_classification(context, page):
    """`{% page_classification page as terms %}`: terms.audiences and terms.topics, the
    names of the page's audiences and topics (from the cache)."""
    return selectors.page_classification(page, request=context.get("request"))
