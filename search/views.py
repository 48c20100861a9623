from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from resourcebank.core.caching import public_when_anonymous
from search import selectors
from search.exceptions import SearchUnavailable
from search.forms import MAX_QUERY_LENGTH, SearchForm


@require_GET
@public_when_anonymous
def search_page(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "outcome": None}
    if not request.GET:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    filters = {name: data[name] for name in ("type", "audience", "topic", "day", "lang")}
    try:
        context["outcome"] = selectors.search_run(
            request=request,
            query=data["q"],
            filters=filters,
            page_number=data["page"] or 1,
            choices=form.choices,
        )
    except SearchUnavailable:
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)
    context["filters"] = filters
    return render(request, "search/search.html", context)


@require_GET
def autocomplete(request):
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]  # only its words are used
    try:
        results = selectors.autocomplete_titles(request=request, query=query)
    except SearchUnavailable:
        return JsonResponse(
            {"results": [], "error": _("Search is unavailable right now.")}, status=503
        )
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "private, max-age=60"
    return response
