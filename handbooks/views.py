"""Handbook downloads, and the year wheel: its year view, its PDF and its calendar feed.

They are reached through routes on the handbook page (see models.py), so Wagtail's
view restriction on a members-only handbook holds for them as for the page itself.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from handbooks import year_wheel
from handbooks.pdf import handbook_pdf
from resourcebank.core.calendars import calendar_response
from resourcebank.core.pdf import pdf_from_template_once
from resourcebank.core.throttle import heavy_work_refused

NO_STORE = "private, no-store"


def _restricted(handbook) -> bool:
    return handbook.get_view_restrictions().exists()


def _pdf_response(pdf: bytes, *, handbook, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, "application/pdf")
    # A members-only handbook is kept in no cache on the way (browser history included).
    response["Cache-Control"] = NO_STORE if _restricted(handbook) else "private, max-age=0"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def handbook_pdf_download(request, handbook):
    """ "Last ned som PDF": the whole handbook, cached until a chapter changes."""
    refused = heavy_work_refused(request, group="handbooks:pdf")
    if refused:
        return refused
    return _pdf_response(
        handbook_pdf(handbook=handbook, request=request),
        handbook=handbook,
        filename=f"{handbook.title}.pdf",
    )


def _entries_or_404(handbook) -> list:
    entries = list(handbook.year_wheel_entries.all())
    if not entries:
        raise Http404
    return entries


def _year_wheel_context(handbook, *, entries, year: int) -> dict:
    years = year_wheel.year_range(entries)
    if year not in years:
        raise Http404
    return {
        "page": handbook,
        "self": handbook,
        "handbook": handbook,
        "year": year,
        "months": year_wheel.months_of(entries, year),
        "previous_url": handbook.year_wheel_url(year - 1) if year - 1 in years else None,
        "next_url": handbook.year_wheel_url(year + 1) if year + 1 in years else None,
        "pdf_url": handbook.year_wheel_url(year, pdf=True),
        "feed_url": handbook.url + handbook.reverse_subpage("year_wheel_feed"),
    }


def year_wheel_current(request, handbook):
    _entries_or_404(handbook)
    return redirect(handbook.year_wheel_url(timezone.localdate().year))


def year_wheel_page(request, handbook, year: int):
    """One year of the year wheel, January to December."""
    context = _year_wheel_context(handbook, entries=_entries_or_404(handbook), year=year)
    return TemplateResponse(request, "handbooks/year_wheel.html", context)


def year_wheel_pdf_download(request, handbook, year: int):
    """One year of the year wheel on A4, made once per published version, year and standard."""
    refused = heavy_work_refused(request, group="handbooks:year-wheel-pdf")
    if refused:
        return refused
    context = _year_wheel_context(handbook, entries=_entries_or_404(handbook), year=year)
    language = translation.get_language() or "nb"
    pdf = pdf_from_template_once(
        "handbooks/year_wheel_pdf.html",
        context,
        version=f"year-wheel:{handbook.pk}:{handbook.live_revision_id}:{year}:{language}",
        request=request,
    )
    filename = _("%(title)s, year wheel %(year)s") % {"title": handbook.title, "year": year}
    return _pdf_response(pdf, handbook=handbook, filename=f"{filename}.pdf")


def year_wheel_feed(request, handbook):
    """Every entry of the year wheel as iCalendar, yearly ones repeating every year."""
    body = year_wheel.year_wheel_calendar(
        _entries_or_404(handbook),
        name=_("%(title)s: year wheel") % {"title": handbook.title},
        url_for_year=lambda year: request.build_absolute_uri(handbook.year_wheel_url(year)),
    )
    return calendar_response(body, filename="arshjul.ics", restricted=_restricted(handbook))
