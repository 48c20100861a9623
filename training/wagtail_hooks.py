from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from training.models import TrainingEvent


class TrainingEventViewSet(SnippetViewSet):
    model = TrainingEvent
    icon = "date"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["package", "start", "organiser_level", "county", "cancelled"]
    list_filter = ["organiser_level", "cancelled"]
    ordering = ["start"]


register_snippet(TrainingEventViewSet)
