"""Handbook downloads."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from handbooks.pdf import handbook_pdf
from resourcebank.core.throttle import heavy_work_refused


def handbook_pdf_download(request, handbook):
    """ "Last ned som PDF": the whole handbook, cached until a chapter changes."""
    refused = heavy_work_refused(request, group="handbooks:pdf")
    if refused:
        return refused
    response = HttpResponse(handbook_pdf(handbook=handbook, request=request), "application/pdf")
    # A members-only handbook is kept in no cache on the way (browser history included).
    restricted = handbook.get_view_restrictions().exists()
    response["Cache-Control"] = "private, no-store" if restricted else "private, max-age=0"
    response["Content-Disposition"] = content_disposition_header(True, f"{handbook.title}.pdf")
    return response
