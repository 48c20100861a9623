"""``{% shared_fragment %}``: a rendered part of a page, kept for every reader who sees the same.

    {% load fragment_tags %}
    {% shared_fragment "catalogue" listing_time %}
        ... a listing ...
    {% endshared_fragment %}

The HTML between the tags is kept in the cache (``caching.versioned``, so any change to
what readers see makes it stale) per fragment name, page, site, written standard, what the
reader may see (``visibility.visibility_key``: members and anonymous readers never share
one), the template being rendered and the address with its query string (filters, page
number); the key is a hash of them all. Extra arguments are more parts of the key: a
value that changes with time, such as the day or the catalogue's ``listing_time``.

Only for parts that are the same for everyone with the same key: nothing of the reader's
own (a name, a CSRF token, what only elected members see). A part that holds a CSRF
token is never kept, and Wagtail's previews and anything but a GET are rendered afresh.
This is what makes a logged-in member's page fast, which the page cache never stores.
"""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from resourcebank.core import caching, visibility

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or request.method != "GET" or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        page = context.get("page")
        parts = [
            self.name.resolve(context),
            # One address can answer with another template (a 429, a 404 before a publish).
            getattr(context.template, "name", ""),
            getattr(page, "pk", ""),
            request.get_host(),
            get_language(),
            visibility.visibility_key(request),
            request.get_full_path(),
            *(value.resolve(context) for value in self.vary_on),
        ]
        html = caching.versioned(
            "fragment",
            lambda: str(self.nodelist.render(context)),
            hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest(),
            keep=lambda html: "csrfmiddlewaretoken" not in html,
        )
        return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
