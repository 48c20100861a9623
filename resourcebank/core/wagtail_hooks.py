"""Wagtail hooks of the core: pages without a view restriction may be cached."""

from wagtail import hooks

from resourcebank.core import caching


@hooks.register("before_serve_page")
def mark_public_pages(page, request, serve_args, serve_kwargs):
    caching.page_may_be_cached(page, request)
