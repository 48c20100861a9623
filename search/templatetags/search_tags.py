from django import template
from django.utils.http import urlencode

from search import selectors

register = template.Library()


def _params(request):
    return [(key, value) for key, values in request.GET.lists() for value in values]


@register.simple_tag(takes_context=True)
def toggle_filter_url(context, name, value):
    """The current search with one filter value switched on or off, from page 1."""
    params = [(k, v) for k, v in _params(context["request"]) if k != "page"]
    if (name, value) in params:
        params.remove((name, value))
    else:
        params.append((name, value))
    return "?" + urlencode(params)


@register.simple_tag(takes_context=True)
def search_page_url(context, number):
    params = [(k, v) for k, v in _params(context["request"]) if k != "page"]
    params.append(("page", number))
    return "?" + urlencode(params)


@register.simple_tag(takes_context=True)
def without_filters_url(context):
    query = context["request"].GET.get("q", "")
    return "?" + urlencode({"q": query})


@register.simple_tag
def suggestion_url(word):
    return "?" + urlencode({"q": word})


@register.filter
def highlight(text, query):
    return selectors.highlight(text, query)


@register.filter
def result_summary(page):
    return selectors.result_summary(page)
