"""The languages added for the public (English, Polish, Urdu, Somali, Arabic) reach
pages translated into them, and nothing else of the site.

Search, login, feeds and forms under such a language's prefix are sent to the same
address in Bokmål; pages are checked by ``wagtail_hooks.only_pages_in_their_language``.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_path

from resourcebank.core.locales import is_written_standard


class PagesOnlyInAddedLanguagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        code = get_language_from_path(request.path_info)
        if code is None or is_written_standard(code):
            return None
        match = request.resolver_match
        if match is not None and match.url_name == "wagtail_serve":
            return None
        path = f"/{settings.LANGUAGE_CODE}/" + request.path_info[len(code) + 2 :]
        query = request.META.get("QUERY_STRING", "")
        return HttpResponseRedirect(f"{path}?{query}" if query else path)
