"""Template tags for pages shown in a language other than the one asked for."""

from django import template

from localization import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def content_language(context):
    """`{% content_language as content %}`: content.code (the language the page's text is
    in), content.fallback (True when that differs from the language of the URL).
    """
    return selectors.content_language(context.get("page"))
