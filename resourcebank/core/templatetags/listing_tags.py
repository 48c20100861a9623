"""Template tags for listings: the one pagination component."""

from django import template

from resourcebank.core.query import with_changes

register = template.Library()


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj, label=None):
    """`{% pagination page_obj %}`: links to the other pages of a listing.

    Each link keeps the listing's other query parameters (filters, search words) and
    sets only the page number (``side``). A long listing (a search with thousands of
    results) links the first and last pages and those around the current one, with an
    ellipsis (``None``) between: one link per page made the search page's HTML grow
    with the hits, and rendering it cost more than the search.
    """
    request = context.get("request")
    params = request.GET if request is not None else {}

    def url(number):
        return with_changes(params, page=number)

    pages = []
    if page_obj.has_other_pages():
        pages = [
            None
            if number == page_obj.paginator.ELLIPSIS
            else {"number": number, "url": url(number), "current": number == page_obj.number}
            for number in page_obj.paginator.get_elided_page_range(
                page_obj.number, on_each_side=2, on_ends=1
            )
        ]
    return {
        "page_obj": page_obj,
        "label": label,
        "pages": pages,
        "previous_url": url(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next_url": url(page_obj.next_page_number()) if page_obj.has_next() else None,
    }
