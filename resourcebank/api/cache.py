"""The API's responses are the same for everyone, so they are cached whole.

In Django's cache (``CACHE_URL``: Redis in production, shared by every application
server), keyed by the site's content version (``resourcebank.core.caching``): any
publish, unpublish, move or deletion of a page, any change to a view restriction, a
collection, a document, an image, a training event or a taxonomy term replaces it, so a
change shows at once. Responses carry ``Cache-Control: public,
max-age=API_CACHE_SECONDS`` for browsers and the HTTP cache in front; where Wagtail
purges that cache (``FRONTEND_CACHE_URL``), the same changes purge the whole site,
``/api/`` with it. Nothing in the key is per reader: every view of the API answers as
an anonymous reader, so there is one answer per address for everyone.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control

from django_ratelimit.core import is_ratelimited

from resourcebank.core.caching import content_version

CACHED_STATUSES = {200}


def _too_many_requests() -> JsonResponse:
    response = JsonResponse(
        {"message": "too many requests: wait a minute and try again"}, status=429
    )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


def public_api_view(view):
    """Rate-limit a view of the API per client address, and serve it from the cache."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.urlconf = "resourcebank.api.outside_languages"
        if is_ratelimited(
            request, group="api", key="ip", rate=settings.API_RATE_LIMIT, increment=True
        ):
            return _too_many_requests()
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        key = f"api:{content_version()}:{digest}"
        hit = cache.get(key)
        if hit is not None:
            status, content, content_type = hit
            response = HttpResponse(content, status=status, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if response.status_code in CACHED_STATUSES:
                cache.set(
                    key,
                    (response.status_code, response.content, response["Content-Type"]),
                    settings.API_CACHE_SECONDS,
                )
        if response.status_code in CACHED_STATUSES:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, no_cache=True)
        return response

    return wrapped
