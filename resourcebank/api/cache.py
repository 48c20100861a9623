"""The API's responses are the same for everyone, so they are cached whole.

In Django's cache (``CACHE_URL``: Redis in production, shared by every application
server), under a version that any publish, unpublish, move or deletion of a page, any
change to a view restriction, a collection, a document, an image, a training event or a
taxonomy term replaces, so a change shows at once. Responses carry
``Cache-Control: public, max-age=API_CACHE_SECONDS`` for browsers and the HTTP cache in
front; where Wagtail purges that cache (``FRONTEND_CACHE_URL``), the same changes purge
``/api/`` there too (the Varnish configuration drops everything under it).
"""

import functools
import hashlib
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control

from wagtail.signals import page_published, page_unpublished, post_page_move

from django_ratelimit.core import is_ratelimited

VERSION_KEY = "api:version"
CACHED_STATUSES = {200}


@functools.cache
def _watched_models() -> tuple:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )

    from resourcebank.taxonomy.models import (
        Audience,
        CommemorationDay,
        County,
        LocalBranch,
        Topic,
    )
    from training.models import TrainingEvent

    return (
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Locale,
        Site,
        get_document_model(),
        get_image_model(),
        apps.get_model("wagtailmedia", "Media"),
        TrainingEvent,
        Audience,
        Topic,
        CommemorationDay,
        County,
        LocalBranch,
        Page,  # deletions only: saves of drafts change nothing public
    )


def content_changed(**kwargs) -> None:
    """Every cached API response is stale from now on."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        from wagtail.api.utils import get_base_url
        from wagtail.contrib.frontend_cache.utils import purge_url_from_cache

        purge_url_from_cache((get_base_url() or "") + "/api/")


def _model_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    watched = _watched_models()
    if not isinstance(instance, watched):
        return
    if isinstance(instance, Page) and kwargs.get("signal") is post_save:
        return
    content_changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"api_content_changed_{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="api_post_save")
    post_delete.connect(_model_changed, dispatch_uid="api_post_delete")


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    return version


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
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"api:{_version()}:{digest}"
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
