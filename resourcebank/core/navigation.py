"""Site navigation for the page templates: menu, footer links and language links.

The menu and footer cost a few queries to build, so they are kept in the cache per
host, language and what the request may see (``visibility_key``: the restricted
sections it does not pass, never who the reader is), under the content version
(``caching.content_version``), so a member's menu with its members-only sections is
never shown to anyone who may not see them and a publish shows at once; the timeout
is only a safety net.
"""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Site

from resourcebank.core import caching, selectors
from resourcebank.core.locales import is_written_standard, locale_code_of
from resourcebank.core.visibility import visibility_key

CACHE_TIMEOUT = 60 * 10
LANGUAGE_LABELS = {"nb": _("Bokmål"), "nn": _("Nynorsk")}


def locale_home_url(language_code: str) -> str:
    """The URL of a language's home page (/nb/, /nn/), without a query."""
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def _build(request) -> dict:
    site = Site.find_for_request(request)
    if site is None:
        return {"site_name": settings.WAGTAIL_SITE_NAME, "home": None, "menu": [], "footer": []}
    home = site.root_page.localized.specific
    return {
        "site_name": site.site_name or settings.WAGTAIL_SITE_NAME,
        "home": {"title": home.title, "url": home.get_url(request)},
        "menu": [
            {"title": page.title, "url": page.get_url(request), "path": page.path}
            for page in selectors.menu_pages(home=home, request=request)
        ],
        "footer": [
            {"title": page.title, "url": page.get_url(request)}
            for page in selectors.footer_info_pages(home=home, request=request)
        ],
    }


def site_navigation(request) -> dict:
    """Home link, menu and footer links for the current site and language."""
    if request is None:
        return {"site_name": settings.WAGTAIL_SITE_NAME, "home": None, "menu": [], "footer": []}
    return caching.versioned(
        "navigation",
        lambda: _build(request),
        request.get_host(),
        get_language(),
        visibility_key(request),
        timeout=CACHE_TIMEOUT,
    )


def breadcrumb_trail(request, page) -> list[dict]:
    """Title and URL of each page above `page`, below the tree's root (home first), kept
    in the cache per page and host. The pages above a page are never more restricted
    than the page itself, so whoever sees the page may see them."""

    def build():
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]

    if not page.pk:
        return build()  # the preview of a page not yet saved
    host = request.get_host() if request is not None else ""
    return caching.versioned("breadcrumbs", build, page.pk, host)


def page_versions(request, page) -> tuple[dict[str, str], dict[str, str]]:
    """The URL of each live version of `page` by language code, and for a version that
    is an alias (a page not yet translated, shown in its source language under this
    language's URL) the code of the language its text is in. Kept in the cache per page
    and host; nothing for what is not a saved page."""
    if not isinstance(page, Page) or not page.pk:
        return {}, {}

    def build():
        versions, content_codes = {}, {}
        for version in (
            page.get_translations(inclusive=True)
            .live()
            .select_related("locale", "alias_of__locale")
        ):
            url = version.get_url(request)
            if url:
                code = version.locale.language_code
                versions[code] = url
                if version.alias_of_id:
                    content_codes[code] = version.alias_of.locale.language_code
        return versions, content_codes

    host = request.get_host() if request is not None else ""
    return caching.versioned("page-versions", build, page.pk, host)


def page_languages(request, page=None) -> dict:
    """Language links and `hreflang` alternates for the page being shown.

    `links` has one link per written standard: the page in that standard, else that
    standard's home page; and one per language added for the public in which the page
    has a version of its own (none on other views); the active language is marked
    current. A page shown in a language other than its own (a fallback) links to its
    own version in its own language, and its link for the active language is the URL
    being shown.
    `alternates` lists the live versions of the page as absolute URLs.
    No query: the versions come from the cache (``page_versions``).
    """
    active = get_language()
    versions, content_codes = page_versions(request, page)
    links = []
    for code, _name in settings.LANGUAGES:
        if not is_written_standard(code) and (code not in versions or code in content_codes):
            continue  # a language added for the public: only where the page has a version
        if code in versions:
            url = versions[code]
        elif request is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        elif request is not None and code == active:
            # A page shown as a fallback in the active language: this very URL.
            url = request.path
        else:
            url = locale_home_url(code)
        if code in content_codes:
            hreflang = content_codes[code]
        elif code not in versions and isinstance(page, Page) and code == active and page.pk:
            hreflang = locale_code_of(page)  # this URL shows the page as a fallback
        else:
            hreflang = code
        links.append(
            {
                "code": code,
                "url": url,
                "hreflang": hreflang,
                "current": code == active,
                "translated": code in versions and code not in content_codes,
            }
        )
    alternates = []
    if request is not None:
        alternates = [
            {"hreflang": code, "url": request.build_absolute_uri(url)}
            for code, url in versions.items()
            if code not in content_codes
        ]
        if len(alternates) > 1 and settings.LANGUAGE_CODE in versions:
            # For readers of none of these languages: the source, in Bokmål.
            url = request.build_absolute_uri(versions[settings.LANGUAGE_CODE])
            alternates.append({"hreflang": "x-default", "url": url})
    return {"links": links, "alternates": alternates}
