"""Reads shared by every section: navigation, the home page's sections, materials.

Listings cost a fixed number of queries whatever their length.
"""

from wagtail.models import Page

from resourcebank.core import models
from resourcebank.core.visibility import pages_visible_to


def live_visible_children(parent: Page, model, *, request):
    """Live children of `parent` of one page model that this request may see, newest first."""
    return pages_visible_to(model.objects.child_of(parent).live(), request).order_by(
        "-first_published_at", "-pk"
    )


def materials_for(page):
    """The materials of a campaign pack or training package, files included."""
    return page.materials.select_related("document", "image").order_by("sort_order")


def home_sections(*, home, request):
    """The home page's direct children that this request may see, in menu order."""
    return pages_visible_to(home.get_children().live().in_menu(), request).specific()


def menu_pages(*, home, request):
    """The pages of the primary navigation: the home page's live children in menus that
    this request may see."""
    return pages_visible_to(home.get_children().live().in_menu(), request).only(
        "title", "url_path", "path"
    )


def footer_info_pages(*, home, request):
    """The information pages linked from the footer: the home page's live info pages that
    this request may see."""
    return pages_visible_to(models.InfoPage.objects.child_of(home).live(), request).only(
        "title", "url_path", "path"
    )
