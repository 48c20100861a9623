"""Atom feeds of new campaign packs, success stories and training packages, per language,
and per kind, audience or county."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from resourcebank.syndication import selectors
from resourcebank.taxonomy.models import Audience, County


class NewContentFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, kind=None, audience=None, county=None):
        if kind is not None and kind not in selectors.FEED_KINDS:
            raise Http404
        code = get_language()
        term = None
        if audience is not None:
            term = Audience.objects.filter(slug=audience, locale__language_code=code).first()
            term = term or Audience.objects.filter(slug=audience).first()
            if term is None:
                raise Http404
        if county is not None:
            term = County.objects.filter(slug=county, locale__language_code=code).first()
            term = term or County.objects.filter(slug=county).first()
            if term is None:
                raise Http404
        self.request = request
        return {"code": code, "kind": kind, "audience": audience, "county": county, "term": term}

    def title(self, obj):
        kinds = {
            None: _("New in the resource bank"),
            "kampanjepakker": _("New campaign packs"),
            "gode-eksempler": _("New success stories"),
            "skolering": _("New training packages"),
        }
        title = kinds[obj["kind"]]
        if obj["term"] is not None:
            title = f"{title}: {obj['term'].name}"
        return f"{title} – Ressursbanken"

    def subtitle(self, obj):
        return _("Campaign packs, success stories and training packages as they are published.")

    def link(self, obj):
        return f"/{obj['code']}/"

    def feed_url(self, obj):
        return self.request.path

    def feed_guid(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, obj):
        return selectors.feed_items(
            language_code=obj["code"],
            kind=obj["kind"],
            audience=obj["audience"],
            county=obj["county"],
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "summary", "") or item.search_description

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item):
        return [audience.name for audience in item.audiences.all()]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response
