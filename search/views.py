from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from resourcebank.core import query
from resourcebank.core.caching import public_when_anonymous
from resourcebank.core.locales import locales_read
from search import popular, selectors
from search.exceptions import SearchUnavailable
from search.forms import MAX_QUERY_LENGTH, SearchForm
from training.catalogue import listing_time

# The English parameter names the search page used before it shared the listings'
# vocabulary; addresses people saved with them are sent to the same search.
LEGACY_PARAMS = {
    "page": query.PAGE,
    "audience": query.AUDIENCE,
    "topic": query.TOPIC,
    "day": query.COMMEMORATION_DAY,
    "lang": query.WRITTEN_STANDARD,
}


@require_GET
@public_when_anonymous
def search_page(request):
    if any(name in request.GET for name in LEGACY_PARAMS):
        pairs = [(LEGACY_PARAMS.get(k, k), v) for k, v in query.query_pairs(request.GET)]
        return HttpResponsePermanentRedirect(query.query_string(pairs))
    form = SearchForm(request.GET or None)
    context = {"form": form, "query_field": form[query.QUERY], "outcome": None}
    if not request.GET:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    filters = form.filters()
    arguments = {
        "request": request,
        "filters": filters,
        "page_number": data[query.PAGE] or 1,
        "choices": form.choices,
    }
    if data[query.QUERY] and arguments["page_number"] == 1:
        # For the editors' report, in the cache only; as typed, so that contact details
        # are recognised before the form's cleaning takes their punctuation away.
        popular.record(request.GET.get(query.QUERY, ""))
    # The chosen filters as (parameter, value) pairs: kept by a new search from the form.
    context["filters"] = [
        (param, value) for name, param in selectors.FILTER_PARAMS.items() for value in filters[name]
    ]
    # Searched only when the results are rendered: the template keeps them in a shared
    # fragment, so the same search by a reader who may see the same runs no search.
    context["outcome"] = SimpleLazyObject(lambda: _outcome(data, arguments))
    context["listing_time"] = listing_time()
    try:
        return render(request, "search/search.html", context)
    except SearchUnavailable:
        context["outcome"] = None
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)


def _outcome(data, arguments) -> selectors.SearchOutcome:
    if not data[query.QUERY] and any(arguments["filters"].values()):
        # No words, only filters: a term's listing, which needs no search engine.
        outcome = selectors.browse_run(**arguments)
    else:
        outcome = selectors.search_run(query=data[query.QUERY], **arguments)
    # Each result shows its language and its other versions': locales from the cache.
    # A document result is no page: its locale is that of the pages it belongs to.
    results = list(outcome.page.object_list) if outcome.page else []
    shown = [r for r in results if not getattr(r, "is_document", False)]
    offering = [page for r in results if getattr(r, "is_document", False) for page in r.pages]
    locales_read(
        [
            *shown,
            *offering,
            *(other for page in shown for other in getattr(page, "other_versions", ())),
        ]
    )
    return outcome


@require_GET
def autocomplete(request):
    text = request.GET.get(query.QUERY, "")[:MAX_QUERY_LENGTH]  # only its words are used
    try:
        results = selectors.autocomplete_titles(request=request, query=text)
    except SearchUnavailable:
        return JsonResponse(
            {"results": [], "error": _("Search is unavailable right now.")}, status=503
        )
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "private, max-age=60"
    return response
