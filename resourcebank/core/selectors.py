"""Reads shared by every section: navigation, the home page's sections, materials.

Listings cost a fixed number of queries whatever their length.
"""

from wagtail.models import Page

from resourcebank.core import models


def live_public_children(parent: Page, model):
    """Children of `parent` of one page model that anyone may see, newest first."""
    return model.objects.child_of(parent).live().public().order_by("-first_published_at", "-pk")


def materials_for(page):
    """The materials of a campaign pack or training package, files included."""
    return page.materials.select_related("document", "image").order_by("sort_order")


def home_sections(*, home):
    """The home page's direct children that anyone may see, in menu order."""
    return home.get_children().live().public().in_menu().specific()


def menu_pages(*, home):
    """The pages of the primary navigation: the home page's live, public children in menus."""
    return home.get_children().live().public().in_menu().only("title", "url_path", "path")


def footer_info_pages(*, home):
    """The information pages linked from the footer: the home page's live, public info pages."""
    return models.InfoPage.objects.child_of(home).live().public().only("title", "url_path", "path")
