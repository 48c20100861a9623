"""The editors' report "Most downloaded": counts per month, document, pack and county."""

import datetime

from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

import django_filters

from resourcebank.core.exports import FormulaSafeExportMixin
from resourcebank.downloads.models import DownloadCount
from resourcebank.downloads.selectors import download_months, month_of


def _month_choices():
    months = list(download_months())
    current = month_of(timezone.localdate())
    if current not in months:
        months.insert(0, current)
    return [(m.strftime("%Y-%m"), date_format(m, "YEAR_MONTH_FORMAT")) for m in months]


class MostDownloadedFilterSet(WagtailFilterSet):
    month = django_filters.ChoiceFilter(
        label=_("Month"), choices=_month_choices, method="filter_month", empty_label=None
    )

    class Meta:
        model = DownloadCount
        fields = ["month"]

    def filter_month(self, queryset, name, value):
        try:
            month = datetime.datetime.strptime(value, "%Y-%m").date()
        except (TypeError, ValueError):
            month = month_of(timezone.localdate())
        return queryset.filter(month=month)


def _title(row):
    return row["document__title"] or row["pack__title"]


def _kind(row):
    return _("Document") if row["document_id"] else _("Whole campaign pack")


def _counties(row):
    return ", ".join(f"{name}: {total}" for name, total in row.get("by_county", []))


class MostDownloadedReportView(FormulaSafeExportMixin, ReportView):
    page_title = _("Most downloaded")
    header_icon = "download"
    filterset_class = MostDownloadedFilterSet
    paginate_by = 50
    columns = [
        Column("title", label=_("Title"), accessor=_title),
        Column("kind", label=_("Type"), accessor=_kind),
        Column("total", label=_("Downloads"), accessor=lambda row: row["total"]),
        Column("counties", label=_("By county"), accessor=_counties),
    ]
    list_export = ["title", "kind", "total", "counties"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "total": _("Downloads"),
        "counties": _("By county"),
    }

    def get_filename(self):
        return f"mest-lastet-ned-{self.selected_month:%Y-%m}"

    @property
    def selected_month(self) -> datetime.date:
        try:
            return datetime.datetime.strptime(self.request.GET.get("month", ""), "%Y-%m").date()
        except ValueError:
            return month_of(timezone.localdate())

    def get_queryset(self):
        return DownloadCount.objects.all()

    def get_filtered_queryset(self):
        """One row per document or pack, largest first, with its counts per county.

        Two queries whatever the number of rows; a month's rows are few enough to list.
        """
        rows = self.get_queryset().filter(month=self.selected_month)
        totals = [
            dict(row)
            for row in rows.values("document_id", "document__title", "pack_id", "pack__title")
            .annotate(total=Sum("count"))
            .order_by("-total", "document__title", "pack__title")
        ]
        counties: dict[tuple, list] = {}
        per_county = (
            rows.values("document_id", "pack_id", "county__name")
            .annotate(total=Sum("count"))
            .order_by("-total", "county__name")
        )
        for item in per_county:
            name = item["county__name"] or str(_("no county"))
            counties.setdefault((item["document_id"], item["pack_id"]), []).append(
                (name, item["total"])
            )
        for row in totals:
            row["by_county"] = counties.get((row["document_id"], row["pack_id"]), [])
        return totals

    def to_row_dict(self, item):
        return {
            "title": _title(item),
            "kind": str(_kind(item)),
            "total": item["total"],
            "counties": _counties(item),
        }
