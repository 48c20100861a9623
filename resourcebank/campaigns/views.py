"""Download views of a campaign pack (routes on the pack page): the whole pack as a ZIP,
and posters personalised with a branch's own details."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from resourcebank.campaigns import posters, selectors
from resourcebank.campaigns.forms import PosterForm
from resourcebank.campaigns.zipstream import stream_zip
from resourcebank.core.pdf import pdf_from_template_once
from resourcebank.core.signals import downloaded
from resourcebank.core.throttle import heavy_work_refused

NO_STORE = "private, no-store"


def pack_summary_pdf(*, page, request) -> bytes:
    """A short PDF of the pack's message, suggested events and member activities, made
    once per published version of the pack and language."""
    version = ":".join(
        str(part)
        for part in (
            page.pk,
            get_language(),
            page.live_revision_id or page.latest_revision_id,
            page.last_published_at,
        )
    )
    return pdf_from_template_once(
        "campaigns/pack_summary_pdf.html", {"page": page}, version=version, request=request
    )


def download_pack(request, page):
    """The whole pack as one streamed ZIP, in the page's written standard."""
    refused = heavy_work_refused(request, group="campaigns:download")
    if refused:
        return refused
    files = selectors.pack_files(page=page, request=request)
    summary_name = selectors.archive_name(_("Summary"), "pdf")
    members = [(summary_name, pack_summary_pdf(page=page, request=request))]
    members += [(f.name, f.file) for f in files]
    if request.method == "GET":
        downloaded.send(sender=type(page), user=request.user, page=page)

    response = StreamingHttpResponse(stream_zip(members), content_type="application/zip")
    # The archive depends on who asks (members-only files), so no shared cache may keep it.
    response["Cache-Control"] = NO_STORE
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = content_disposition_header(
        True, selectors.archive_name(page.title, "zip")
    )
    return response


@csrf_protect
@require_http_methods(["GET", "POST"])
def poster(request, page, template_id: int):
    """A form for the branch's own details; a valid POST returns the PDF or PNG."""
    template = get_object_or_404(
        page.poster_templates.select_related("image"), pk=template_id, image__isnull=False
    )
    form = PosterForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        refused = heavy_work_refused(request, group="campaigns:poster")
        if refused:
            return refused
        values = form.poster_values()
        stem = f"{template.title} – {values.get('branch') or page.title}"
        if form.cleaned_data["output"] == PosterForm.FORMAT_PNG:
            body = posters.render_png(template=template, values=values)
            content_type, extension = "image/png", "png"
        else:
            body = posters.render_pdf(template=template, values=values, title=stem)
            content_type, extension = "application/pdf", "pdf"
        response = HttpResponse(body, content_type=content_type)
        response["Cache-Control"] = NO_STORE
        response["Content-Disposition"] = content_disposition_header(
            True, selectors.archive_name(stem, extension)
        )
        return response
    response = TemplateResponse(
        request,
        "campaigns/poster_form.html",
        {"page": page, "template": template, "form": form},
        status=400 if request.method == "POST" else 200,
    )
    response["Cache-Control"] = NO_STORE
    return response
