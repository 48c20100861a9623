"""The API's addresses, under /api/v2/ (see docs/api.md and /api/v2/openapi.json)."""

from django.urls import path

from wagtail.api.v2.router import WagtailAPIRouter

from resourcebank.api import cache, openapi, views


class PublicAPIRouter(WagtailAPIRouter):
    """Wagtail's router, with the rate limit and the response cache around every view."""

    def wrap_view(self, func):
        return cache.public_api_view(super().wrap_view(func))


# The order matters: an object's detail_url points at the first endpoint for its model,
# so every page's is /api/v2/pages/<id>/.
ENDPOINTS = [
    ("pages", views.PagesViewSet),
    ("campaign-packs", views.CampaignPacksViewSet),
    ("training-packages", views.TrainingPackagesViewSet),
    ("training-events", views.TrainingEventsViewSet),
    ("handbooks", views.HandbooksViewSet),
    ("handbook-chapters", views.HandbookChaptersViewSet),
    ("stories", views.StoriesViewSet),
    ("info-pages", views.InfoPagesViewSet),
    ("member-activities", views.MemberActivitiesViewSet),
    ("audiences", views.AudiencesViewSet),
    ("topics", views.TopicsViewSet),
    ("commemoration-days", views.CommemorationDaysViewSet),
    ("counties", views.CountiesViewSet),
    ("local-branches", views.LocalBranchesViewSet),
    ("documents", views.DocumentsViewSet),
    ("images", views.ImagesViewSet),
]

router = PublicAPIRouter("api")
for name, viewset in ENDPOINTS:
    router.register_endpoint(name, viewset)

app_name = "api"
urlpatterns = [
    path("openapi.json", cache.public_api_view(openapi.openapi_view), name="openapi"),
    *router.get_urlpatterns(),
]
