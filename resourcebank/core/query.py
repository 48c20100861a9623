"""The query-parameter vocabulary of every listing, and building addresses from it.

The catalogue, the search page and every index page share these names. They are
Norwegian words because they appear in addresses people share.
"""

from django.utils.http import urlencode

QUERY = "q"
PAGE = "side"
TYPE = "type"
AUDIENCE = "malgruppe"
TOPIC = "tema"
FORMAT = "format"
ORGANISER = "arrangor"
COUNTY = "fylke"
COMMEMORATION_DAY = "merkedag"
WRITTEN_STANDARD = "malform"
DATE_FROM = "fra"
DATE_TO = "til"
BRANCH_SIZE = "lagsstorrelse"
VIEW = "visning"  # how a listing is shown: the half-year programme as a list or a calendar
VIEW_CALENDAR = "kalender"


def query_pairs(params) -> list[tuple[str, str]]:
    """Every (name, value) of a QueryDict or a plain dict, in order."""
    if hasattr(params, "lists"):
        return [(key, value) for key, values in params.lists() for value in values]
    return [(key, value) for key, value in params.items() if value not in (None, "")]


def query_string(pairs) -> str:
    """``?a=1&b=2`` for the pairs, or ``?`` alone when there are none."""
    return "?" + urlencode(list(pairs))


def with_changes(params, *, drop=(), add=(), toggle=None, page=None) -> str:
    """The query string of `params` changed: names dropped, pairs added, one pair toggled.

    Changing a filter always goes back to the first page, so ``side`` is dropped unless
    `page` is given.
    """
    pairs = [(k, v) for k, v in query_pairs(params) if k not in set(drop) | {PAGE}]
    if toggle is not None:
        if toggle in pairs:
            pairs.remove(toggle)
        else:
            pairs.append(toggle)
    pairs.extend(add)
    if page is not None:
        pairs.append((PAGE, str(page)))
    return query_string(pairs)
