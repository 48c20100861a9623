from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from resourcebank.accounts.views import AdminPasswordResetView
from resourcebank.core import routing
from resourcebank.core.media import serve_media
from resourcebank.downloads.views import serve_document, serve_private_file
from resourcebank.syndication import urls as syndication_urls

# Django's own admin is not mounted: Wagtail's admin is the only one (and its login the
# only staff login).
urlpatterns = [
    # The admin's password reset with the same limits and background e-mail as the site's.
    path(
        "admin/password_reset/",
        AdminPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view wrapped: no-store for members-only files, download counts.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="resourcebank_document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("resourcebank.api.urls")),
    *syndication_urls.urlpatterns,
]

media_prefix = settings.MEDIA_URL.strip("/")
if settings.MEDIA_URL.startswith("/"):
    # Images, renditions and recordings of restricted collections (resourcebank/core/files.py):
    # always through Django, which checks the restriction. The web server must pass
    # MEDIA_URL + "private/" on to the site, never serve it from MEDIA_ROOT.
    urlpatterns += [
        re_path(rf"^{media_prefix}/private/(?P<path>.+)$", serve_private_file),
    ]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # Public images, renditions, audio and video only: documents and private files are
    # always served through Django's views above, so their privacy holds in development too.
    urlpatterns += [re_path(rf"^{media_prefix}/(?P<path>.*)$", serve_media)]

urlpatterns += i18n_patterns(
    path("sok/", include("search.urls")),
    *syndication_urls.feed_urlpatterns,
    path("", include("resourcebank.accounts.urls")),
    # Wagtail's pages, routed in two queries (resourcebank/core/routing.py).
    path("", include(routing.urlpatterns)),
    prefix_default_language=True,
)
