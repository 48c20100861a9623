"""Caching that is correct: anonymous pages are shared, a logged-in reader's never are.

- One *content version* (in Django's cache) changes whenever something readers see
  changes: a page is published, unpublished, moved or deleted, a view restriction or
  a site changes, a document, image, recording, taxonomy term, event or editor's pick
  is saved or deleted. The navigation and every cached page are keyed by it, so all of
  them are stale at once; the HTTP cache in front (Varnish, ``FRONTEND_CACHE_URL``) is
  told to drop every page of the site through ``wagtail.contrib.frontend_cache`` (a
  task: in the worker on the production tier).
- ``PageCacheMiddleware`` serves anonymous GETs of cacheable responses from Django's
  cache and stores them there. A response is cacheable when its view said so (Wagtail
  pages without a view restriction, through the ``before_serve_page`` hook; other
  views with ``@public_when_anonymous``), it is a 200 and it sets no cookie (a page
  that shows a CSRF token sets one). Such a response gets ``Cache-Control: public``
  (``s-maxage`` for the HTTP cache, purged on change; a short ``max-age`` for
  browsers) and ``Last-Modified``; a logged-in reader's gets ``private, no-cache``.
  ``ConditionalGetMiddleware`` adds the ``ETag`` and answers 304s.
- What every page reads and readers never change (the site, the locales, the view
  restrictions, the way to a page, a page's language versions, the navigation) is kept
  under the content version too (``versioned``), so a page costs the queries of its own
  content and little else; none of it names a reader.
- A change made in a transaction makes everything stale again when it is committed: a
  request served between the change and the commit read the old rows, and must not
  leave them in the cache under the new version.
- Within one request (``RequestMemoMiddleware``) the content version and each
  ``versioned`` value are read from the cache once: a page asks for the view
  restrictions, the locales and the version itself several times. The memo lives as
  long as the request and is forgotten when the content changes.
"""

import functools
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "content:version"
PAGE_KEY_PREFIX = "page-cache"
BROWSER_MAX_AGE = 60  # seconds a browser may reuse a public page without asking
SHARED_MAX_AGE = 60 * 60  # seconds a shared cache keeps it (it is purged on change)
PERSONAL_PREFIXES = ("/admin/", "/django-admin/", "/documents/")
VERSIONED_TIMEOUT = 60 * 60  # seconds; only a safety net, the content version decides
_MISSING = object()
# ``versioned(..., in_process=True)``: values of the current content version kept in this
# process as they are (not pickled), forgotten when the version changes.
IN_PROCESS_MAX = 10_000
_in_process: dict = {"version": None, "values": {}}
# This request's memo (``RequestMemoMiddleware``): the content version and what
# ``versioned`` read under it. Outside a request (tasks, commands) there is none; a
# request served inside another (Wagtail's preview) has its own.
_request_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)

# Models whose rows readers see (besides pages, which count when published, moved or
# deleted rather than on every draft save). Our own content apps count whole.
CONTENT_APPS = ("core", "taxonomy", "campaigns", "stories", "training", "handbooks")
CONTENT_MODELS = {
    "wagtailcore.collection",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.locale",
    "wagtaildocs.document",
    "wagtailimages.image",
    "wagtailmedia.media",
    "wagtailsearchpromotions.searchpromotion",
    "wagtailredirects.redirect",
}


# The module of the models a migration's data step sees: `migrate` runs before the site
# serves (and before the task queue's table exists), so it marks nothing stale.
HISTORICAL_MODELS = "__fake__"


def _memo() -> dict | None:
    return _request_memo.get()


def content_version() -> str:
    memo = _memo()
    if memo is not None and VERSION_KEY in memo:
        return memo[VERSION_KEY]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY) or version
    if memo is not None:
        memo[VERSION_KEY] = version
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    memo = _memo()
    if memo is not None:
        memo.clear()


def content_changed(**kwargs) -> None:
    """Make every cached page and the navigation stale, and purge the HTTP cache."""
    _new_version()
    # Once more when the change is committed (at once outside a transaction): what was
    # read and cached meanwhile under the new version was read before the commit.
    transaction.on_commit(_new_version)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # A path ending in "*" drops everything under it (deploy/varnish: a ban).
        purge_urls_from_cache([f"{site.root_url}/*" for site in Site.objects.all()])


def _saved_or_deleted(sender, instance=None, raw=False, **kwargs) -> None:
    if raw or instance is None or type(instance).__module__ == HISTORICAL_MODELS:
        return
    meta = instance._meta
    if isinstance(instance, Page):
        # A draft of a page nobody sees changes nothing; publishing, moving and
        # deleting are signalled on their own (below).
        if instance.live:
            content_changed()
        return
    if (
        meta.app_label in CONTENT_APPS
        or meta.label_lower in CONTENT_MODELS
        or isinstance(instance, (PageViewRestriction, Site))
    ):
        content_changed()


def _page_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        content_changed()


def connect() -> None:
    post_save.connect(_saved_or_deleted, dispatch_uid="content_saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="content_deleted")
    post_delete.connect(_page_deleted, dispatch_uid="content_page_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content_{id(signal)}")
    # A restriction's groups are set after the restriction is saved.
    for model in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            content_changed, sender=model.groups.through, dispatch_uid=f"content_{model}"
        )


def _in_process_get(version: str, key: str):
    if _in_process["version"] != version or len(_in_process["values"]) > IN_PROCESS_MAX:
        _in_process.update(version=version, values={})
    return _in_process["values"].get(key, _MISSING)


def versioned(
    name: str, build, *parts, timeout: int = VERSIONED_TIMEOUT, keep=None, in_process=False
):
    """`build()`, kept in the cache under the content version, `name` and `parts`.

    For what is the same for every reader who asks with the same `parts`: a reader's
    identity or rights must never change what `build` returns unless `parts` say so
    (``visibility.visibility_key``). With `keep`, only a value for which ``keep(value)``
    is true is kept (say, not the answer to an address that leads nowhere).

    `in_process`: also keep the value itself in this process until the content version
    changes, so that a request does not unpickle it again (the view restrictions, the
    locales: read by every request). Only for small values that no request changes.
    """
    version = content_version()
    key = ":".join((name, version, *map(str, parts)))
    memo = _memo()
    if memo is not None and key in memo:
        return memo[key]
    value = _in_process_get(version, key) if in_process else _MISSING
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            if keep is None or keep(value):
                cache.set(key, value, timeout)
        if in_process and (keep is None or keep(value)):
            _in_process["values"][key] = value
    if memo is not None:
        memo[key] = value
    return value


def mark_public(request, *, last_modified=None) -> None:
    """Say that the response to `request` is the same for every anonymous reader."""
    request.cache_public = True
    request.cache_last_modified = last_modified


def public_when_anonymous(view):
    """A view whose response is the same for every anonymous reader (the search page, a feed)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        mark_public(request)
        return view(request, *args, **kwargs)

    return wrapped


def page_may_be_cached(page, request) -> None:
    """``before_serve_page`` hook: a page nobody needs to log in for is public."""
    if not page.get_view_restrictions().exists():
        mark_public(request, last_modified=page.last_published_at)


def site_for(request):
    """The Wagtail site of `request` (``Site.find_for_request``), from the cache."""
    # get_host() refuses a host outside ALLOWED_HOSTS, so no other host is kept.
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    return versioned(
        "site", lambda: Site._find_for_request(request), hostname, port, in_process=True
    )


class SiteMiddleware:
    """Gives every request its Wagtail site from the cache, where Wagtail and the site's
    code look for it (``request._wagtail_site``), instead of a query per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for(request)
        return self.get_response(request)


class RequestMemoMiddleware:
    """Lets the request read the content version and each ``versioned`` value from the
    cache once. Before the page cache, which asks for the version too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def _anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _cache_key(request) -> str:
    return ":".join(
        (PAGE_KEY_PREFIX, content_version(), request.get_host(), request.get_full_path())
    )


def _cacheable(request, response) -> bool:
    return (
        getattr(request, "cache_public", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
    )


class PageCacheMiddleware:
    """Anonymous pages from Django's cache, with the headers a shared cache needs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(PERSONAL_PREFIXES):
            return self.get_response(request)
        anonymous_read = request.method in ("GET", "HEAD") and _anonymous(request)
        key = _cache_key(request) if anonymous_read else None
        if key is not None and settings.PAGE_CACHE_SECONDS:
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if anonymous_read and _cacheable(request, response):
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            patch_cache_control(response, s_maxage=SHARED_MAX_AGE)
            last_modified = getattr(request, "cache_last_modified", None)
            if last_modified and "Last-Modified" not in response:
                response["Last-Modified"] = http_date(last_modified.timestamp())
            if settings.PAGE_CACHE_SECONDS:
                cache.set(
                    key, (response.content, list(response.items())), settings.PAGE_CACHE_SECONDS
                )
        elif not anonymous_read and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response
