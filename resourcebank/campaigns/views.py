"""Download views of a campaign pack (routes on the pack page): the whole pack as a ZIP,
posters personalised with a branch's own details, and the elected members' kit filled in;
on the index, the campaign calendar of coming commemoration days and its iCalendar feed."""

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from resourcebank.campaigns import calendar_feed, kit, posters, selectors
from resourcebank.campaigns.forms import ElectedDraftForm, PosterForm
from resourcebank.campaigns.summary import pack_summary_pdf
from resourcebank.campaigns.zipstream import stream_zip
from resourcebank.core.calendars import calendar_response
from resourcebank.core.signals import downloaded
from resourcebank.core.throttle import heavy_work_refused

NO_STORE = "private, no-store"


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


@csrf_protect
@require_http_methods(["GET", "POST"])
def elected_draft(request, page, draft_id: str):
    """A draft of the elected members' kit: a form for the member's own details; a valid
    POST returns the filled-in draft as ODT or DOCX, or shows its text to copy.

    Anyone who is not an elected member gets a 404, as if the draft did not exist.
    """
    draft = selectors.elected_draft(page=page, user=request.user, draft_id=draft_id)
    if draft is None:
        raise Http404
    form = ElectedDraftForm(request.POST or None)
    context = {"page": page, "draft": draft, "form": form}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            title = kit.kit_fill(text=draft.value["title"], values=form.kit_values())
            text = kit.kit_fill(text=draft.value["text"], values=form.kit_values())
            output = form.cleaned_data["output"]
            if output != ElectedDraftForm.FORMAT_TEXT:
                return _kit_file(page=page, title=title, text=text, output=output, form=form)
            context.update(filled_title=title, filled_text="\n\n".join(kit.paragraphs(text)))
        else:
            status = 400
    response = TemplateResponse(
        request, "campaigns/elected_draft_form.html", context, status=status
    )
    response["Cache-Control"] = NO_STORE
    return response


def _kit_file(*, page, title: str, text: str, output: str, form) -> HttpResponse:
    language = page.locale.language_code
    if output == ElectedDraftForm.FORMAT_DOCX:
        body, content_type = (
            kit.docx_bytes(title=title, text=text, language_code=language),
            kit.DOCX_TYPE,
        )
    else:
        body, content_type = (
            kit.odt_bytes(title=title, text=text, language_code=language),
            kit.ODT_TYPE,
        )
    response = HttpResponse(body, content_type=content_type)
    response["Cache-Control"] = NO_STORE
    response["X-Content-Type-Options"] = "nosniff"
    stem = f"{title} – {form.cleaned_data['municipality']}"
    response["Content-Disposition"] = content_disposition_header(
        True, selectors.archive_name(stem, output)
    )
    return response


def campaign_calendar(request, index):
    """Coming commemoration days, each with its campaign pack or a word that none exists."""
    today = timezone.localdate()
    coming = selectors.coming_commemoration_days(locale=index.locale, today=today, request=request)
    return TemplateResponse(
        request,
        "campaigns/campaign_calendar.html",
        {"page": index, "coming": coming, "today": today},
    )


def campaign_calendar_feed(request, index):
    """The campaign calendar as iCalendar: one all-day event per coming commemoration day."""
    today = timezone.localdate()
    coming = selectors.coming_commemoration_days(locale=index.locale, today=today, request=request)
    body = calendar_feed.commemoration_calendar(
        coming,
        name=_("%(title)s: commemoration days") % {"title": index.title},
        request=request,
        calendar_url=index.get_full_url(request) + "merkedager/",
    )
    return calendar_response(body, filename="merkedager.ics")
