"""The taxonomy's admin: one menu group, and translators change only the translations."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from resourcebank.core.permissions import (
    TranslatedSnippetPermissionPolicy,
    refuse_unless_may_change,
)
from resourcebank.taxonomy.models import Audience, CommemorationDay, County, LocalBranch, Topic

TAXONOMY = (Audience, Topic, CommemorationDay, County, LocalBranch)
for _model in TAXONOMY:
    register_permission_policy(_model, TranslatedSnippetPermissionPolicy(_model))


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


@hooks.register("before_edit_snippet")
def translators_change_translations_only(request, instance):
    if isinstance(instance, TAXONOMY):
        refuse_unless_may_change(request, instance)
