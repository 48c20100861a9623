"""Download views: a whole campaign pack as a ZIP, personalised posters, served documents."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve_document

from resourcebank.downloads import posters, selectors, services
from resourcebank.downloads.forms import PosterForm
from resourcebank.downloads.http import set_attachment
from resourcebank.downloads.zipstream import stream_zip

NO_STORE = "private, no-store"


def pack_summary_pdf(*, page, request) -> bytes:
    """A short PDF of the pack's message, suggested events and member activities."""
    from weasyprint import HTML

    html = render_to_string("resourcebank/pack_summary_pdf.html", {"page": page}, request=request)
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()


def download_pack(request, page):
    """The whole pack as one streamed ZIP, in the page's written standard."""
    files = selectors.pack_files(page=page, request=request)
    summary_name = selectors.archive_name(_("Summary"), "pdf")
    members = [(summary_name, pack_summary_pdf(page=page, request=request))]
    members += [(f.name, f.file) for f in files]
    if request.method == "GET":
        services.download_count_increment(user=request.user, pack=page)

    response = StreamingHttpResponse(stream_zip(members), content_type="application/zip")
    # The archive depends on who asks (members-only files), so no shared cache may keep it.
    response["Cache-Control"] = NO_STORE
    response["X-Content-Type-Options"] = "nosniff"
    return set_attachment(response, selectors.archive_name(page.title, "zip"))


@csrf_protect
@require_http_methods(["GET", "POST"])
def poster(request, page, template_id: int):
    """A form for the branch's own details; a valid POST returns the PDF or PNG."""
    template = get_object_or_404(
        page.poster_templates.select_related("image"), pk=template_id, image__isnull=False
    )
    form = PosterForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        values = form.poster_values()
        stem = f"{template.title} – {values.get('branch') or page.title}"
        if form.cleaned_data["output"] == PosterForm.FORMAT_PNG:
            body, content_type, extension = (
                posters.render_png(template=template, values=values),
                "image/png",
                "png",
            )
        else:
            body, content_type, extension = (
                posters.render_pdf(template=template, values=values, title=stem),
                "application/pdf",
                "pdf",
            )
        response = HttpResponse(body, content_type=content_type)
        response["Cache-Control"] = NO_STORE
        return set_attachment(response, selectors.archive_name(stem, extension))
    response = TemplateResponse(
        request,
        "resourcebank/poster_form.html",
        {"page": page, "template": template, "form": form},
        status=400 if request.method == "POST" else 200,
    )
    response["Cache-Control"] = NO_STORE
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, plus: no caching of restricted files, and a download count.

    Wagtail checks the collection's view restrictions before it looks at If-None-Match,
    so a refused request never gets a 304 or the bytes. A restricted document's
    response is marked private and no-store so no shared cache can hand it to another.
    """
    response = wagtail_serve_document(request, document_id, document_filename)
    document = get_object_or_404(get_document_model(), pk=document_id)
    if selectors.document_is_restricted(document):
        response["Cache-Control"] = NO_STORE
        response["Vary"] = "Cookie"
    if response.status_code == 200:
        services.download_count_increment(user=request.user, document=document)
    return response
