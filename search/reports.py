"""The editors' report "Popular searches": what readers searched for, most searched first."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from resourcebank.core.exports import FormulaSafeExportMixin
from search import popular


class PopularSearchesReportView(FormulaSafeExportMixin, SearchTermsReportView):
    """Wagtail's "Search terms" report (superusers only) for the editors, with the counts
    still waiting in the cache saved first (``search.popular``)."""

    page_title = _("Popular searches")
    columns = [
        Column("query_string", label=_("Search words"), sort_key="query_string"),
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
    ]
    export_headings = {"query_string": _("Search words"), "_hits": _("Searches")}

    def get_filename(self):
        return "populaere-sok"

    def dispatch(self, request, *args, **kwargs):
        # Who may open it is the viewset's permission (search/wagtail_hooks.py), not
        # Wagtail's superuser check.
        popular.counts_save()
        return ReportView.dispatch(self, request, *args, **kwargs)
