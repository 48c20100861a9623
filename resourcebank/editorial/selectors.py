"""Reads for the editorial side: translation readiness, review dates, the editor's queue."""

import datetime
import json
from collections import OrderedDict

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Locale, Page, Task, TaskState, WorkflowState, get_page_models
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import Translation, TranslationSource

from localization import selectors as localization_selectors
from resourcebank.campaigns import selectors as campaign_selectors
from resourcebank.campaigns.models import CampaignPackPage
from resourcebank.core.locales import written_standards
from resourcebank.core.models import ResourcePage
from resourcebank.editorial import models
from resourcebank.stories.models import SuccessStoryPage

# Fields that differ between written standards by design, or are kept in step by code.
_NOT_TRANSLATION_CONTENT = {"review_by"}
_VOLATILE_CHILD_KEYS = {"pk", "id", "page", "translation_key", "locale"}


def resource_page_models():
    """Every page model that carries a review date (the resource pages)."""
    return [model for model in get_page_models() if issubclass(model, ResourcePage)]


def _translation_field_names(model) -> list[str]:
    return [
        field.field_name
        for field in getattr(model, "translatable_fields", [])
        if isinstance(field, (TranslatableField, SynchronizedField))
        and field.field_name not in _NOT_TRANSLATION_CONTENT
    ]


def _normalised(value):
    """Content without ids, keys that change on every save and empty optional fields
    (StreamField JSON is parsed)."""
    if isinstance(value, str) and value.startswith("[{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, list):
        return [_normalised(item) for item in value]
    if isinstance(value, dict):
        # An empty optional field counts as absent: a block that gained a field since it
        # was saved is not a change to translate until the field is filled in.
        return {
            k: _normalised(v)
            for k, v in value.items()
            if k not in _VOLATILE_CHILD_KEYS and v not in (None, "", [])
        }
    return value


def _translation_snapshot(revision, field_names) -> dict:
    content = revision.content or {}
    return {name: _normalised(content.get(name)) for name in field_names}


def source_content_changed_at(page: Page) -> datetime.datetime | None:
    """When the page's translatable content last changed.

    Walks back from the latest revision while the translatable fields stay the
    same, so saving or submitting unchanged content does not make a
    translation out of date, while any edit to the text does.
    """
    field_names = _translation_field_names(page.specific_class)
    changed_at = None
    latest = None
    for revision in page.revisions.order_by("-created_at", "-id").iterator():
        snapshot = _translation_snapshot(revision, field_names)
        if latest is None:
            latest = snapshot
        elif snapshot != latest:
            break
        changed_at = revision.created_at
    return changed_at or page.last_published_at or page.first_published_at


def translation_updated_at(page: Page) -> datetime.datetime | None:
    """When the translation was last saved (its latest revision), or published."""
    revision = page.get_latest_revision()
    if revision is not None:
        return revision.created_at
    return page.last_published_at


def untranslated_segment_count(page: Page, locale: Locale) -> int:
    """Texts of the source not yet translated in wagtail-localize's editor (0 without it)."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return 0
    translation = Translation.objects.filter(
        source=source, target_locale=locale, enabled=True
    ).first()
    if translation is None:
        return 0
    total, translated = translation.get_progress()
    return total - translated


def translation_problems(page: Page) -> list[str]:
    """What keeps a source page's translations from being ready, as sentences for the editor.

    A translation is ready when it exists in the other written standard, every text
    wagtail-localize extracted from the source is translated (when the page is
    translated in wagtail-localize's editor), and it was saved after the last
    change to the source's translatable content (see ``source_content_changed_at``).
    Time stamps are compared rather than wagtail-localize's sync state alone,
    because a page can be translated without wagtail-localize (a copy for
    translation edited by hand), and because a later edit of the source is
    only seen by wagtail-localize after someone syncs the translation.
    Empty when everything is ready.
    """
    problems = []
    source_changed = source_content_changed_at(page)
    # An alias shows the source text under the other locale: it is no translation.
    translations = {
        translation.locale_id: translation
        for translation in page.get_translations().filter(alias_of__isnull=True)
    }
    # The written standards only: a page translated for the public into Arabic or
    # English is never held back for those languages.
    standards = Locale.objects.filter(language_code__in=written_standards())
    for locale in standards.exclude(pk=page.locale_id).order_by("language_code"):
        language = locale.get_display_name()
        translation = translations.get(locale.pk)
        if translation is None:
            problems.append(
                _("The %(language)s version does not exist yet. Translate the page first.")
                % {"language": language}
            )
            continue
        untranslated = untranslated_segment_count(page, locale)
        if untranslated:
            problems.append(
                ngettext(
                    "The %(language)s version has %(count)d text not yet translated.",
                    "The %(language)s version has %(count)d texts not yet translated.",
                    untranslated,
                )
                % {"language": language, "count": untranslated}
            )
            continue
        updated = translation_updated_at(translation)
        if source_changed and (updated is None or updated < source_changed):
            problems.append(
                _(
                    "The %(language)s version is older than the latest change to the "
                    "source text. Update the translation first."
                )
                % {"language": language}
            )
    return problems


def both_standards_problems(page: Page) -> list[str]:
    """Why a campaign pack may not go live yet (empty for other pages, or when ready).

    The publish gate asks this on every path that can make a page live: the admin's
    Publish, scheduled and bulk publishing, workflow approval and translation tools.
    """
    if not needs_both_standards(page):
        return []
    problems = translation_problems(page)
    if not problems:
        return []
    return [
        _("A campaign pack goes live only when both written standards are ready."),
        *problems,
    ]


def needs_both_standards(page: Page) -> bool:
    """Campaign packs in the source locale must be ready in both written standards."""
    return issubclass(page.specific_class, CampaignPackPage) and (
        page.locale_id == Locale.get_default().pk
    )


def review_overdue(*, today: datetime.date | None = None):
    """Live resource pages in the source locale whose review date has passed."""
    today = today or timezone.localdate()
    return _review_pages(review_by__lt=today)


def review_due_soon(*, today: datetime.date | None = None, days: int | None = None):
    """Live resource pages in the source locale due for review within `days` days (the
    editorial settings' number unless given)."""
    today = today or timezone.localdate()
    days = days if days is not None else models.EditorialSettings.load().review_soon_days
    return _review_pages(review_by__gte=today, review_by__lte=today + datetime.timedelta(days=days))


def _review_pages(**filters):
    pages = []
    for model in resource_page_models():
        pages.extend(
            model.objects.live()
            .filter(locale=Locale.get_default(), **filters)
            .only("id", "title", "path", "depth", "review_by", "locale_id")
        )
    return sorted(pages, key=lambda page: (page.review_by, page.path))


def review_report_rows(*, today: datetime.date | None = None):
    """Overdue and soon-due pages, grouped by section (the home page's child they sit under)."""
    today = today or timezone.localdate()
    pages = list(review_overdue(today=today)) + list(review_due_soon(today=today))
    sections = {
        section.path: section
        for section in Page.objects.filter(
            depth=3, path__in={page.path[: Page.steplen * 3] for page in pages}
        )
    }
    grouped = OrderedDict()
    for page in sorted(pages, key=lambda p: (p.path[: Page.steplen * 3], p.review_by)):
        section = sections.get(page.path[: Page.steplen * 3])
        page.section = section
        page.is_overdue = page.review_by < today
        grouped.setdefault(section, []).append(page)
    return grouped


def approvals_waiting_for(user):
    """Task states in progress that this user may approve or reject."""
    task_states = TaskState.objects.none()
    for task in Task.objects.filter(active=True).specific():
        task_states = task_states | task.get_task_states_user_can_moderate(user)
    return task_states.filter(workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)


def new_story_submissions():
    """Success stories never published and waiting in the workflow (new submissions)."""
    in_moderation = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type__model="page"
    ).values_list("object_id", flat=True)
    return SuccessStoryPage.objects.filter(
        first_published_at__isnull=True, pk__in=[int(pk) for pk in in_moderation]
    )


def commemoration_days_without_pack(
    *, today: datetime.date | None = None, weeks: int | None = None
) -> list:
    """Commemoration days less than `weeks` weeks away (the editorial settings' number
    unless given) with no published campaign pack for their date, soonest first.

    Read in the source locale (Bokmål): a pack is made there first.
    """
    today = today or timezone.localdate()
    if weeks is None:
        weeks = models.EditorialSettings.load().commemoration_warning_weeks
    coming = campaign_selectors.coming_commemoration_days(
        locale=Locale.get_default(), today=today, days=weeks * 7 - 1
    )
    return [item for item in coming if not item.packs]


def editor_dashboard_counts(*, user, today: datetime.date | None = None) -> dict[str, int]:
    return {
        "approvals_waiting": approvals_waiting_for(user).count(),
        "review_overdue": len(review_overdue(today=today)),
        "missing_translation": len(localization_selectors.missing_nynorsk()),
        "new_submissions": new_story_submissions().count(),
    }
