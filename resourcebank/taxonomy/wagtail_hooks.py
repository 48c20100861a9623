from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CommemorationDayViewSet(SnippetViewSet):
    model = CommemorationDay
    icon = "date"
    list_display = ["name", "day", "month"]
    search_fields = ["name"]


class CountyViewSet(SnippetViewSet):
    model = County
    icon = "site"
    list_display = ["name"]
    search_fields = ["name"]


class LocalBranchViewSet(SnippetViewSet):
    model = LocalBranch
    icon = "home"
    list_display = ["name", "county"]
    list_filter = ["county"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        AudienceViewSet,
        TopicViewSet,
        CommemorationDayViewSet,
        CountyViewSet,
        LocalBranchViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
