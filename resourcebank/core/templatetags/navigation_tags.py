"""Template tags for the site header and footer (see resourcebank/core/navigation.py)."""

from django import template
from django.utils import translation
from django.utils.translation import get_language_info

from resourcebank.core import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """`{% site_navigation as nav %}`: nav.home, nav.menu, nav.footer (cached)."""
    return navigation.site_navigation(context.get("request"))


@register.simple_tag(takes_context=True)
def page_languages(context):
    """`{% page_languages as languages %}`: languages.links and languages.alternates."""
    return navigation.page_languages(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """`{% breadcrumb_trail page as ancestors %}`: each page above `page` (title, url)."""
    return navigation.breadcrumb_trail(context.get("request"), page)


@register.filter
def language_label(code):
    """A language's name in that language, for the language switcher: "Norsk bokmål",
    "Norsk nynorsk", "English", "العربيّة" (each link is marked with its own lang)."""
    if code in navigation.LANGUAGE_LABELS:
        with translation.override(code):
            return str(navigation.LANGUAGE_LABELS[code])
    return get_language_info(code)["name_local"]


@register.filter
def is_section_of(current_page, menu_item):
    """True when the page being shown is the menu item's page or lies below it."""
    path = getattr(current_page, "path", None)
    return bool(path) and path.startswith(menu_item["path"])
