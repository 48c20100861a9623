from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from resourcebank.downloads.views import serve_document
from resourcebank.syndication import urls as syndication_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view wrapped: no-store for members-only files, download counts.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="resourcebank_document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("resourcebank.api.urls")),
    *syndication_urls.urlpatterns,
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # Images and renditions only: documents are always served through Django's document
    # view above, so their privacy holds in development too.
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        re_path(
            rf"^{media_prefix}/(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("sok/", include("search.urls")),
    *syndication_urls.feed_urlpatterns,
    path("", include("resourcebank.accounts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
