"""Admin views: machine translation that fails cleanly, the missing-translations report,
and wagtail-localize's views made as strict as the roles (publishing, link overrides)."""

import json

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation
from wagtail_localize.views.edit_translation import (
    SegmentOverrideSerializer,
    apply_machine_translation,
    user_can_edit_instance,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from localization import selectors, services
from localization.machine_translation import ApertiumError


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's "Machine translate" button, with a clear error when Apertium fails.

    Replaces wagtail-localize's own view (same URL), which answers 500 when the
    translator raises. Nothing is written unless every string was translated, and
    strings that already have a translation are never overwritten.
    """
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    try:
        with transaction.atomic():
            translated = apply_machine_translation(translation_id, request.user, translator)
    except ApertiumError as error:
        messages.error(request, str(error))
    else:
        if translated:
            messages.success(
                request,
                _("Machine translated with Apertium. Read it through before you publish."),
            )
        else:
            messages.warning(request, _("There is nothing left to translate."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class SafeUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", as strict as the roles.

    - "Publish immediately" publishes only for a user who may publish every
      translation, and as that user (wagtail-localize publishes with no user, so no
      permission check and no workflow would run). For anyone else, such as a
      translator, the translations are updated and nothing goes live.
    - With "Use machine translation" ticked, an Apertium failure answers with the form
      and a clear error (not a 500). Nothing is saved then: the sync is one transaction.
    """

    def form_valid(self, form):
        publish = bool(form.cleaned_data.get("publish_translations"))
        form.cleaned_data["publish_translations"] = False
        if publish and not services.user_may_publish_translations(
            user=self.request.user, source=self.object
        ):
            messages.error(
                self.request,
                _(
                    "You may not publish translations. They were updated, and nothing was "
                    "published: submit them for approval."
                ),
            )
            publish = False
        try:
            with transaction.atomic():
                response = super().form_valid(form)
                if publish:
                    for translation in self.object.translations.filter(enabled=True):
                        services.translation_publish(
                            translation=translation, user=self.request.user
                        )
                return response
        except ApertiumError as error:
            messages.error(self.request, str(error))
            return redirect(self.request.get_full_path())


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's override of a link, URL or other synchronised value, checked.

    wagtail-localize stores the value as given and writes it into the translation; here
    a value that would put an unsafe address (``javascript:`` and the like) or active
    HTML into the page is refused. Otherwise the same as wagtail-localize's view.
    """
    translation = get_object_or_404(Translation, id=translation_id)
    overridable_segment = get_object_or_404(OverridableSegment, id=overridable_segment_id)
    if overridable_segment.context.object_id != translation.source.object_id:
        raise Http404
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    existing = SegmentOverride.objects.filter(
        locale_id=translation.target_locale_id, context_id=overridable_segment.context_id
    ).first()
    if request.method == "DELETE":
        if existing is None:
            return Response(status=status.HTTP_404_NOT_FOUND)
        existing.delete()
        return Response(
            SegmentOverrideSerializer(
                existing, context={"translation_source": translation.source}
            ).data,
            status=status.HTTP_200_OK,
        )
    value = request.POST.get("value", "")
    problem = services.override_value_problem(source=overridable_segment.data, value=value)
    if problem:
        return Response({"error": problem}, status=status.HTTP_400_BAD_REQUEST)
    override, created = SegmentOverride.objects.update_or_create(
        locale_id=translation.target_locale_id,
        context_id=overridable_segment.context_id,
        defaults={"data_json": json.dumps(value), "last_translated_by": request.user},
    )
    return Response(
        SegmentOverrideSerializer(
            override, context={"translation_source": translation.source}
        ).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


def _user_can_translate(user, instance) -> bool:
    """Whether `user` may make or update the Nynorsk version of `instance`: a translator
    whose Nynorsk tree holds it (its Nynorsk version, or else that of its parent, they
    may edit), or a user who may change the source page itself."""
    if isinstance(instance, Page):
        nn = Locale.objects.get(language_code="nn")
        target = instance.get_translation_or_none(nn)
        if target is None and instance.get_parent() is not None:
            target = instance.get_parent().get_translation_or_none(nn)
        if target is not None and user.has_perm("wagtail_localize.submit_translation"):
            if target.permissions_for_user(user).can_edit():
                return True
        return PagePermissionPolicy().user_has_permission_for_instance(user, "change", instance)
    return user.has_perm(get_permission_name("add", type(instance))) and user.has_perm(
        get_permission_name("change", type(instance))
    )


class MissingTranslationsReportView(ReportView):
    """Pages and snippets with no Nynorsk version, or whose Nynorsk version is older."""

    page_title = gettext_lazy("Missing Nynorsk")
    header_icon = "globe"
    results_template_name = "localization/missing_translations_results.html"
    model = Page
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    list_export = ["kind", "status", "title", "type"]
    export_headings = {
        "kind": gettext_lazy("Kind"),
        "status": gettext_lazy("Status"),
        "title": gettext_lazy("Title"),
        "type": gettext_lazy("Type"),
    }

    def get_queryset(self):
        return selectors.missing_nynorsk()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for row in context["object_list"]:
            instance = row.instance
            row.title = str(instance)
            row.type = instance._meta.verbose_name
            row.content_type_id = ContentType.objects.get_for_model(
                instance, for_concrete_model=False
            ).pk
            row.can_translate = _user_can_translate(self.request.user, instance)
        return context

    def to_row_dict(self, item):
        return {
            "kind": item.kind,
            "status": item.status,
            "title": str(item.instance),
            "type": item.instance._meta.verbose_name,
        }


@require_POST
def translate_one(request, content_type_id, object_id):
    """The report's "Translate with Apertium": create or update one Nynorsk draft."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None:
        raise Http404
    instance = get_object_or_404(model, pk=object_id)
    if isinstance(instance, Page):
        instance = instance.specific
    if not _user_can_translate(request.user, instance):
        raise PermissionDenied
    nn = Locale.objects.get(language_code="nn")
    if instance.locale_id == nn.pk:
        raise Http404
    try:
        # A draft: a live Nynorsk page gets a new revision and stays as it is until
        # someone who may publish it does.
        run = services.objects_machine_translate(
            objects=[instance], target_locale=nn, user=request.user, publish=False
        )
    except ApertiumError as error:
        messages.error(request, str(error))
    else:
        if run.failed:
            messages.error(
                request,
                _("“%(title)s” could not be translated: %(error)s")
                % {"title": instance, "error": run.failed[0][1]},
            )
        else:
            messages.success(
                request,
                _("“%(title)s” was machine translated into Nynorsk. Check it before you publish.")
                % {"title": instance},
            )
    return redirect(
        get_valid_next_url_from_request(request) or reverse("missing_nynorsk_report:index")
    )


def translation_may_be_submitted(page, user) -> bool:
    """A translated page with changes that `user` may edit but not publish (a translator),
    not yet in the workflow: wagtail-localize's editor has no "submit for moderation"."""
    if page.locale_id == Locale.get_default().pk or not page.has_unpublished_changes:
        return False
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit()
        and not permissions.can_publish()
        and permissions.can_submit_for_moderation()
    )


def submit_for_approval(request, page_id):
    """Send a translated page to the workflow (the editors approve and publish it)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not translation_may_be_submitted(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” was sent to the editors for approval.") % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "localization/submit_for_approval.html", {"page": page})
