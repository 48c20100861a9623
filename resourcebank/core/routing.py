"""Page routing in two queries, whatever the depth of the page, and from the cache.

Wagtail routes a URL one path segment at a time: a query for each child by its slug and
another for its specific page, so a chapter three levels down costs seven. Every page's
``url_path`` is the chain of its ancestors' slugs, so the pages on the way to a URL are
found in one query by the ``url_path`` each would have, and only the page that answers
is read as its specific type (the second query), its parent already known.

Wagtail's own ``route`` still decides wherever a page type routes in its own way: a
routable page (``RoutablePageMixin``) whose sub-routes match the rest of the path is
asked itself, as is any page type with a ``route`` of its own, and the page that
answers is asked with the rest of the path (it checks that it is live, and a routable
page resolves its ``""`` route). The answer is left where Wagtail's
``Page.route_for_request`` looks for it (``request._wagtail_route_for_request``), so
Wagtail's ``serve`` view, its hooks (view restrictions, our caching) and everything
else that asks for the request's page see the same route. The site and its home page
in the active language come from the cache (``caching.versioned``).
"""

import functools

from django.http import Http404
from django.urls import Resolver404, re_path
from django.utils.translation import get_language

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from resourcebank.core import caching, visibility
from resourcebank.core.locales import locale_id_for

MAX_CACHED_PATH = 200  # characters; a longer path is routed without the cache


@functools.cache
def _walks_by_slug(model) -> bool:
    """Whether `model` routes the rest of a path as Wagtail's ``Page.route`` does: to the
    child with the next slug."""
    return model.route is Page.route


@functools.cache
def _routable_then_by_slug(model) -> bool:
    """Whether `model` tries its sub-routes first and then routes as ``Page.route``."""
    if not issubclass(model, RoutablePageMixin) or model.route is not RoutablePageMixin.route:
        return False
    after = model.__mro__[model.__mro__.index(RoutablePageMixin) + 1 :]
    owner = next(cls for cls in after if "route" in cls.__dict__)
    return owner.route is Page.route


def _asks_itself(model, remaining: list[str]) -> bool:
    """Whether a page of `model` must route `remaining` itself rather than pass it on to
    the child with the next slug."""
    if _walks_by_slug(model):
        return False
    if _routable_then_by_slug(model):
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Resolver404:
            return False
    return True


def _localized_root(site) -> dict | None:
    """The site's home page in the active language (Wagtail's ``root_page.localized``:
    the translation if it is live, else the root itself): id, url_path, path, depth."""
    root = site.root_page
    locale_id = locale_id_for(get_language())

    def build():
        fields = ("id", "url_path", "path", "depth")
        if locale_id is not None and locale_id != root.locale_id:
            translation = (
                Page.objects.filter(translation_key=root.translation_key, locale_id=locale_id)
                .live()
                .values(*fields)
                .first()
            )
            if translation is not None:
                return translation
        return {field: getattr(root, field) for field in fields}

    return caching.versioned("route-root", build, root.pk, locale_id)


def _page_for(root: dict, components: list[str]):
    """The page that answers `components` below `root`, read as its specific type (its
    parent already set), and the part of the path it is asked to route; None when no
    page answers. Two queries."""
    url_paths = [root["url_path"]]
    for component in components:
        url_paths.append(f"{url_paths[-1]}{component}/")
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=url_paths,
            path__startswith=root["path"],
            depth__lte=root["depth"] + len(components),
        )
    }
    for level, url_path in enumerate(url_paths):
        row = found.get(url_path)
        if row is None or row.specific_class is None:  # no page, or a type whose code is gone
            return None
        remaining = components[level:]
        if not remaining or _asks_itself(row.specific_class, remaining):
            try:
                page = row.specific_class._default_manager.get(pk=row.pk)
            except Page.DoesNotExist:
                return None
            if level:
                # As Wagtail's routing does: the parent is known, get_parent() is free.
                page._cached_parent_obj = found[url_paths[level - 1]]
            return page, remaining
    return None  # pragma: no cover - the last level always answers


def route(request, path: str):
    """Wagtail's ``Page.route_for_request(request, path)``: a ``RouteResult`` or None
    for a path that leads to no page.

    The page found for a path is kept in the cache under the content version (any
    publish, unpublish, move or delete makes it stale), so a page's route usually costs
    no query; a path that leads nowhere is not kept. The page itself still decides
    (``page.route``: it must be live, and a routable page resolves its sub-route).
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = _localized_root(site)
    components = [component for component in path.split("/") if component]
    if len(path) <= MAX_CACHED_PATH:
        answer = caching.versioned(
            "route",
            lambda: _page_for(root, components),
            root["id"],
            "/".join(components),
            keep=lambda answer: answer is not None,
        )
    else:
        answer = _page_for(root, components)
    if answer is None:
        return None
    page, remaining = answer
    try:
        return page.route(request, remaining)
    except Http404:
        return None


def serve(request, path):
    """Wagtail's ``serve`` view, with the page found by ``route``."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    # The view restrictions and the templates ask for them: one query, not one per check.
    visibility.user_groups_read(request.user)
    return wagtail_views.serve(request, path)


# Wagtail's front-end URLs, its page view swapped for ours (same pattern, same name).
urlpatterns = [
    pattern
    for pattern in wagtail_urls.urlpatterns
    if getattr(pattern, "name", None) != "wagtail_serve"
] + [re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")]
