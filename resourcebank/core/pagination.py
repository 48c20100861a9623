"""One pagination for every listing: the page number is the query parameter ``side``.

``paginated`` never fails on a bad number: a missing or malformed one gives the first
page and one past the end gives the last. The template component
``components/pagination.html`` (through ``{% pagination page_obj %}``) draws the links,
keeping the listing's other query parameters (filters, search words).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from resourcebank.core.query import PAGE

PAGE_SIZE = 24


def paginated(items, *, request=None, number=None, per_page: int = PAGE_SIZE):
    """One page of `items` (a queryset or list), by `number` or the request's ``side``."""
    if number is None and request is not None:
        number = request.GET.get(PAGE)
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def page_out_of_range(page_obj, number) -> bool:
    """True when `number` asked for a page past the last one (the last page was given)."""
    try:
        return int(number or 1) > page_obj.paginator.num_pages
    except (TypeError, ValueError):
        return False
