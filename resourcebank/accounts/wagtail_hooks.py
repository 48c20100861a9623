"""Admin for members' profiles: editors set which county a member belongs to."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resourcebank.accounts.models import MemberProfile


class MemberProfileViewSet(SnippetViewSet):
    """Which county a member belongs to: the only thing download statistics use about them."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Member counties")
    add_to_settings_menu = True
    list_display = ["user", "county"]
    list_filter = ["county"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    panels = [FieldPanel("user"), FieldPanel("county")]


register_snippet(MemberProfileViewSet)
