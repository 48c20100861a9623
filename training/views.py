"""Public views of the training catalogue: the half-year programme, its PDF, calendar feeds.

They are reached through routes on the catalogue and package pages (see models.py).
"""

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from resourcebank.core import query
from resourcebank.core.calendars import calendar_response
from resourcebank.core.pdf import pdf_from_template
from resourcebank.core.throttle import heavy_work_refused
from resourcebank.taxonomy.models import Audience, County
from training import selectors
from training.feeds import events_calendar
from training.halfyear import HalfYear

PROGRAMME_CSS = "css/training-programme.css"


def _programme_context(request, *, catalog, half_year: HalfYear, view: str = "") -> dict:
    # Read only when the programme is rendered, not when it comes from the cache
    # ({% shared_fragment %} in programme.html).
    events = SimpleLazyObject(
        lambda: selectors.programme_events(catalog=catalog, half_year=half_year, request=request)
    )
    # The list and the calendar are one page shown two ways; other half-years keep the way.
    view_query = query.query_string([(query.VIEW, view)]) if view else ""
    return {
        "page": catalog,
        "self": catalog,
        "request": request,
        "half_year": half_year,
        "events": events,
        "months": SimpleLazyObject(lambda: selectors.programme_by_month(events)),
        "event_count": SimpleLazyObject(lambda: len(events)),
        "pdf_url": catalog.programme_url(half_year, pdf=True),
        "previous_half": {
            "label": half_year.previous().label,
            "url": catalog.programme_url(half_year.previous()) + view_query,
        },
        "next_half": {
            "label": half_year.next().label,
            "url": catalog.programme_url(half_year.next()) + view_query,
        },
    }


def programme(request, *, catalog, half_year: HalfYear):
    """The half-year programme as a list by month, or with ?visning=kalender as month grids."""
    calendar = request.GET.get(query.VIEW) == query.VIEW_CALENDAR
    view = query.VIEW_CALENDAR if calendar else ""
    context = _programme_context(request, catalog=catalog, half_year=half_year, view=view)
    url = catalog.programme_url(half_year)
    context["view"] = "calendar" if calendar else "list"
    context["list_url"] = url
    context["calendar_url"] = url + query.query_string([(query.VIEW, query.VIEW_CALENDAR)])
    if calendar:
        context["calendar"] = SimpleLazyObject(
            lambda: selectors.programme_calendar(context["events"], half_year=half_year)
        )
        context["weekdays"] = selectors.WEEKDAYS
    return render(request, "training/programme.html", context)


def programme_pdf(request, *, catalog, half_year: HalfYear):
    refused = heavy_work_refused(request, group="training:programme-pdf")
    if refused:
        return refused
    context = _programme_context(request, catalog=catalog, half_year=half_year)
    css_path = finders.find(PROGRAMME_CSS)
    with open(css_path, encoding="utf-8") as handle:
        context["inline_css"] = handle.read()
    context["site_url"] = request.build_absolute_uri(catalog.url or "/")
    pdf = pdf_from_template("training/programme_pdf.html", context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"skoleringsprogram-{half_year.slug(catalog.locale.language_code)}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def calendar_feed(request, *, catalog=None, package=None, audience_slug=None, county_slug=None):
    if package is not None:
        name = package.title
    else:
        name = catalog.title
        if audience_slug:
            audience = Audience.objects.filter(slug=audience_slug)
            audience = audience.filter(locale_id=catalog.locale_id).first() or audience.first()
            if audience is None:
                raise Http404
            name = _("%(catalogue)s: %(audience)s") % {"catalogue": name, "audience": audience}
        if county_slug:
            county = County.objects.filter(slug=county_slug)
            county = county.filter(locale_id=catalog.locale_id).first() or county.first()
            if county is None:
                raise Http404
            name = _("%(catalogue)s: %(county)s") % {"catalogue": name, "county": county}
    events = selectors.feed_events(
        request=request,
        catalog=catalog,
        package=package,
        audience_slug=audience_slug,
        county_slug=county_slug,
    )
    return calendar_response(
        events_calendar(events, name=name, request=request), filename="skolering.ics"
    )
