"""Training events on the search page: coming sessions found by what they say.

An event's words are its title, description and place, its county and local branch,
and its package's title, so "kurs i Bergen" or the name of a training finds the next
sessions. The coming events, with their packages in the reader's written standard and
their analyzed keys (``search.analysis``, what every backend indexes), are kept under
the content version: saving an event or publishing its package makes them new, and a
search reads them with no query. A query finds an event when each of its words does,
as on the search page.

Privacy is the search page's own rule, asked per request: an event is shown only when
both its package and the version linked to lie outside every subtree the reader may not
see (``hidden_paths``, from the view restrictions the request fails), so a members-only
package's sessions reach only those who may read it. Events are shown above the page
results of a search without filters, soonest first, linking to their package in the
reader's written standard; they are not counted in the total.
"""

from django.utils import timezone

from wagtail.models import Locale

from resourcebank.core import caching
from search.analysis import analyze_many
from training import selectors

EVENTS_SHOWN = 3


def _text(event) -> str:
    parts = (
        event.title,
        event.description,
        event.place,
        event.county.name if event.county_id else "",
        event.local_branch.name if event.local_branch_id else "",
        event.package.title,
        event.localized_package.title,
    )
    return " ".join(part for part in parts if part)


def _coming_events(language: str) -> list[tuple]:
    """(event, its keys, its packages' tree paths) for every coming event, soonest first."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    events = selectors.coming_events_in(locale_id=locale.pk)
    keys = analyze_many([_text(event) for event in events])
    return [
        (event, frozenset(found), (event.package.path, event.localized_package.path))
        for event, found in zip(events, keys, strict=True)
    ]


def events_found(words, *, hidden_paths, language: str, limit: int = EVENTS_SHOWN) -> list:
    """The coming events the query's `words` (``analyze_query``) all find, outside the
    subtrees in `hidden_paths`, soonest first."""
    wanted = [set(word.keys) for word in words if word.keys]
    if not wanted:
        return []
    coming = caching.versioned("search-events", lambda: _coming_events(language), language)
    now, found = timezone.now(), []
    for event, keys, paths in coming:
        if event.end < now or not all(word & keys for word in wanted):
            continue
        if any(path.startswith(hidden) for path in paths for hidden in hidden_paths):
            continue
        found.append(event)
        if len(found) == limit:
            break
    return found
