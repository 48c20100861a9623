"""Handbook downloads."""

from django.http import HttpResponse

from handbooks.pdf import handbook_pdf
from resourcebank.downloads.http import set_attachment


def handbook_pdf_download(request, handbook):
    """ "Last ned som PDF": the whole handbook, cached until a chapter changes."""
    response = HttpResponse(handbook_pdf(handbook=handbook, request=request), "application/pdf")
    response["Cache-Control"] = "private, max-age=0"
    return set_attachment(response, f"{handbook.title}.pdf")
