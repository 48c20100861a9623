"""Admin views of the training app: the Zetkin import and the attendance report."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from resourcebank.core.exports import FormulaSafeExportMixin
from training import selectors, services
from training.forms import ZetkinImportForm
from training.halfyear import HalfYear

IMPORT_PERMISSIONS = ("training.add_trainingevent", "training.change_trainingevent")


def can_import_events(user) -> bool:
    return user.has_perms(IMPORT_PERMISSIONS)


class ZetkinImportView(WagtailAdminTemplateMixin, FormView):
    """Create or update training events from a Zetkin iCal feed (an address or a file)."""

    form_class = ZetkinImportForm
    template_name = "training/admin/zetkin_import.html"
    page_title = gettext_lazy("Import events from Zetkin")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_events(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_training_trainingevent:list"),
                "label": _("Training events"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["feed_file"]:
                feed = data["feed_file"].read(services.FETCH_MAX_BYTES + 1)
            else:
                feed = services.calendar_fetch(url=data["feed_url"])
            report = services.training_events_import(
                data=feed,
                package=data["package"],
                organiser_level=data["organiser_level"],
                county=data["county"],
                local_branch=data["local_branch"],
            )
        except services.CalendarImportError as error:
            messages.error(self.request, _("Nothing was imported. %(error)s") % {"error": error})
            return self.form_invalid(form)
        messages.success(
            self.request, _("Import finished: %(summary)s") % {"summary": report.summary}
        )
        return self.render_to_response(self.get_context_data(form=form, report=report))


class AttendanceReportView(FormulaSafeExportMixin, ReportView):
    """Trainings held per half-year and their participants, by audience, county and package."""

    page_title = gettext_lazy("Training attendance")
    header_icon = "group"
    results_template_name = "training/admin/attendance_report_results.html"
    paginate_by = None
    export_filename = "skolering-deltakelse"
    list_export = ["dimension", "name", "trainings_held", "participants"]
    export_headings = {
        "dimension": gettext_lazy("Grouped by"),
        "name": gettext_lazy("Name"),
        "trainings_held": gettext_lazy("Trainings held"),
        "participants": gettext_lazy("Participants"),
    }
    columns = [
        Column("dimension", label=gettext_lazy("Grouped by")),
        Column("name", label=gettext_lazy("Name")),
        Column("trainings_held", label=gettext_lazy("Trainings held")),
        Column("participants", label=gettext_lazy("Participants")),
    ]

    @cached_property
    def half_year(self) -> HalfYear:
        return HalfYear.from_slug(self.request.GET.get("halvar", "")) or HalfYear.containing(
            timezone.now()
        )

    def get_page_subtitle(self):
        return self.half_year.label

    def get_export_filename(self):
        return f"{self.export_filename}-{self.half_year.slug()}"

    def get_queryset(self):
        return selectors.attendance_report(half_year=self.half_year)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        current = HalfYear.containing(timezone.now())
        halves, half = [], current
        for _step in range(6):
            halves.append(
                {
                    "label": half.label,
                    "url": f"{reverse(self.index_url_name)}?halvar={half.slug()}",
                    "current": half == self.half_year,
                }
            )
            half = half.previous()
        context["half_years"] = halves
        context["half_year"] = self.half_year
        context["missing_counts"] = selectors.has_events_without_participants(
            half_year=self.half_year
        )
        return context
