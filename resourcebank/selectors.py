"""Reads for the resource bank's pages: listings that cost a fixed number of queries."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch

from wagtail.images.models import Image
from wagtail.models import Page

PAGE_SIZE = 24


def paginated(queryset, *, page_number, per_page: int = PAGE_SIZE):
    """One page of a listing; a bad or out-of-range page number gives the first or last page."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(page_number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def live_public_children(parent: Page, model):
    """Children of `parent` of one page model that anyone may see, newest first."""
    return model.objects.child_of(parent).live().public().order_by("-first_published_at", "-pk")


def campaign_packs_under(index_page):
    from resourcebank.models import CampaignPackPage

    return (
        live_public_children(index_page, CampaignPackPage)
        .select_related("commemoration_day")
        .prefetch_related("audiences")
        .order_by("-period_start", "-pk")
    )


def success_stories_under(index_page):
    from resourcebank.models import SuccessStoryPage

    images = Image.objects.prefetch_renditions("fill-480x270")
    return (
        live_public_children(index_page, SuccessStoryPage)
        .select_related("local_branch", "county")
        .prefetch_related(Prefetch("image", queryset=images))
    )


def materials_for(page):
    """The materials of a campaign pack or training package, files included."""
    return page.materials.select_related("document", "image").order_by("sort_order")


def home_sections(*, home):
    """The home page's direct children that anyone may see, in menu order."""
    return home.get_children().live().public().in_menu().specific()


def latest_campaign_packs(*, home, limit: int):
    from resourcebank.models import CampaignPackPage

    return (
        CampaignPackPage.objects.descendant_of(home)
        .live()
        .public()
        .select_related("commemoration_day")
        .order_by("-period_start", "-pk")[:limit]
    )


def menu_pages(*, home):
    """The pages of the primary navigation: the home page's live, public children in menus."""
    return home.get_children().live().public().in_menu().only("title", "url_path", "path")


def footer_info_pages(*, home):
    """The information pages linked from the footer: the home page's live, public info pages."""
    from resourcebank.models import InfoPage

    return InfoPage.objects.child_of(home).live().public().only("title", "url_path", "path")
