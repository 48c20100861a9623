"""Reads shared by every section: navigation, the home page's sections, materials.

Listings cost a fixed number of queries whatever their length.
"""

from wagtail.models import Page

from resourcebank.core import caching, models
from resourcebank.core.visibility import pages_visible_to, visibility_key


def live_visible_children(parent: Page, model, *, request):
    """Live children of `parent` of one page model that this request may see, newest first."""
    return pages_visible_to(model.objects.child_of(parent).live(), request).order_by(
        "-first_published_at", "-pk"
    )


def materials_for(page):
    """The materials of a campaign pack or training package, files included."""
    return page.materials.select_related("document", "image").order_by("sort_order")


def home_sections(*, home, request) -> list[dict]:
    """The home page's direct children in menus that this request may see, in menu order:
    title, url and summary (the introduction, else the summary, else the search
    description). Kept in the cache per home page, host and what the request may see."""

    def build():
        sections = pages_visible_to(home.get_children().live().in_menu(), request).specific()
        return [
            {
                "title": section.title,
                "url": section.get_url(request),
                "summary": getattr(section, "intro", "")
                or getattr(section, "summary", "")
                or section.search_description
                or "",
            }
            for section in sections
        ]

    host = request.get_host() if request is not None else ""
    return caching.versioned("home-sections", build, home.pk, host, visibility_key(request))


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


def page_classification(page, *, request) -> dict[str, list[str]]:
    """The names of a resource page's audiences and topics, kept in the cache per page
    (two queries a page otherwise); a preview reads the page's own, unsaved ones."""

    def build():
        return {
            "audiences": [str(audience) for audience in page.audiences.all()],
            "topics": [str(topic) for topic in page.topics.all()],
        }

    if not page.pk or getattr(request, "is_preview", False):
        return build()
    return caching.versioned("classification", build, page.pk)
