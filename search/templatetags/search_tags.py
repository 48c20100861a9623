from django import template

from resourcebank.core.query import QUERY, query_string
from search import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def without_filters_url(context):
    """The same search words, no filters, first page."""
    return query_string([(QUERY, context["request"].GET.get(QUERY, ""))])


@register.simple_tag
def suggestion_url(word):
    return query_string([(QUERY, word)])


@register.filter
def highlight(text, query):
    return selectors.highlight(text, query)


@register.filter
def result_summary(page):
    return selectors.result_summary(page)
