"""sitemap.xml: an index with one sitemap per language; each page once, with its
versions in the other languages as hreflang alternates and the Bokmål (source) version
as x-default."""

from django.contrib.sitemaps import Sitemap

from wagtail.models import Locale

from resourcebank.syndication import selectors


class LanguageSitemap(Sitemap):
    limit = 5000

    def __init__(self, language_code: str, request):
        self.language_code = language_code
        self.request = request

    def items(self):
        return selectors.sitemap_pages(language_code=self.language_code)

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = selectors.versions_by_key({item.translation_key for item in pages})
        default = Locale.get_default().language_code
        urls = []
        for item in pages:
            alternates = [
                {"lang_code": code, "location": version.get_full_url(self.request)}
                for code, version in sorted(versions[item.translation_key].items())
            ]
            source = versions[item.translation_key].get(default, item)
            alternates.append(
                {"lang_code": "x-default", "location": source.get_full_url(self.request)}
            )
            urls.append(
                {
                    "item": item,
                    "location": item.get_full_url(self.request),
                    "lastmod": item.last_published_at or item.first_published_at,
                    "alternates": alternates,
                }
            )
        return urls


def language_sitemaps(request) -> dict:
    return {code: LanguageSitemap(code, request) for code in selectors.sitemap_languages()}
