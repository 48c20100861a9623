"""The editors' report "Popular searches" (search/reports.py), in place of Wagtail's
"Search terms", which only superusers may open."""

from wagtail import hooks

from resourcebank.core.viewsets import ReportViewSet
from search.reports import PopularSearchesReportView


@hooks.register("register_admin_viewset")
def register_popular_searches_report():
    return ReportViewSet(
        "popular_searches_report",
        view_class=PopularSearchesReportView,
        permission="wagtailsearchpromotions.view_query",
        menu_order=710,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
