"""Addresses of the feeds (in each language, see feed_urlpatterns), the sitemaps and
robots.txt (at the root)."""

from django.urls import path

from resourcebank.syndication import feeds, views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", views.sitemap_language, name="sitemap_language"),
]

# Under each language's prefix (/nb/feed/, /nn/feed/skolering/, ...).
feed = feeds.NewContentFeed()
feed_urlpatterns = [
    path("feed/", feed, name="feed"),
    path("feed/malgruppe/<slug:audience>/", feed, name="feed_audience"),
    path("feed/fylke/<slug:county>/", feed, name="feed_county"),
    path("feed/<slug:kind>/", feed, name="feed_kind"),
]
