"""sitemap.xml, the per-language sitemaps and robots.txt."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from resourcebank.syndication.sitemaps import language_sitemaps

CACHE_SECONDS = 300


def _public(response, seconds=CACHE_SECONDS):
    patch_cache_control(response, public=True, max_age=seconds)
    return response


@require_safe
def sitemap_index(request):
    response = sitemap_views.index(
        request, language_sitemaps(request), sitemap_url_name="sitemap_language"
    )
    return _public(response)


@require_safe
def sitemap_language(request, section):
    sitemaps = language_sitemaps(request)
    if section not in sitemaps:
        raise Http404
    response = sitemap_views.sitemap(request, {section: sitemaps[section]}, section=section)
    return _public(response)


@require_safe
def robots_txt(request):
    """Keeps crawlers out of the admin, search results, logins and the API."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /django-admin/", "Disallow: /api/"]
    for code, _name in settings.LANGUAGES:
        lines.append(f"Disallow: /{code}/sok/")
        lines.append(f"Disallow: /{code}/logg-inn/")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    return _public(HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"))
