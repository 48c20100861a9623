"""A URLconf of the API alone, without the site's language-prefixed patterns.

The API's views name it as ``request.urlconf`` (``cache.public_api_view``), so Django's
LocaleMiddleware answers an API 404 as the 404 it is, instead of redirecting it to
``/nb/api/...``: under the site's own URLconf every path is "valid" with a language
prefix, because Wagtail's page serving matches any path there.
"""

from django.urls import include, path

urlpatterns = [path("api/v2/", include("resourcebank.api.urls"))]
