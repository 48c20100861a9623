"""Admin for members' profiles (editors set which county a member belongs to), the
second-factor pages staff see before anything else in the admin, and the campaign packs
subscribers open (so they get no reminder of them)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from resourcebank.accounts import admin_views, services
from resourcebank.accounts.models import MemberProfile
from resourcebank.campaigns.models import CampaignPackPage


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


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("to-trinn/ny/", admin_views.enrol, name="accounts_second_factor_enrol"),
        path("to-trinn/", admin_views.verify, name="accounts_second_factor_verify"),
        path(
            "to-trinn/gjenopprettingskoder/",
            admin_views.recovery_codes,
            name="accounts_second_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("accounts_second_factor_recovery_codes"),
        "label": _("New recovery codes"),
        "help_text": _("For two-step login, if you lose your phone."),
    }


@hooks.register("before_serve_page")
def campaign_pack_opened(page, request, serve_args, serve_kwargs):
    """A subscriber who opens a commemoration day's pack gets no reminder of it."""
    if isinstance(page, CampaignPackPage) and request.user.is_authenticated:
        services.pack_open_record(user=request.user, page=page)
