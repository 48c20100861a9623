"""The workflow task that holds a campaign pack until both written standards are ready, and
the editorial settings an editor tunes in the admin (Settings → Editorial)."""

from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, TaskState

from resourcebank.editorial import selectors, services


class BothStandardsReadyTask(AbstractGroupApprovalTask):
    """Editors approve once the Nynorsk version exists and is up to date.

    Pages that are not campaign packs in the source locale skip this task.
    """

    def start(self, workflow_state, user=None):
        page = workflow_state.content_object
        if selectors.needs_both_standards(page):
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(
            workflow_state=workflow_state,
            task=self,
            revision=page.get_latest_revision(),
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )
        task_state.save()
        return task_state

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and selectors.translation_problems(obj):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object.specific
        if action_name == "approve":
            problems = selectors.translation_problems(page)
            if problems:
                raise PermissionDenied(" ".join(problems))
            super().on_action(task_state, user, action_name, **kwargs)
            page.refresh_from_db()
            if page.live:
                services.translations_publish_with_source(page=page, user=user)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve once the page exists in every written "
            "standard and each translation is up to date. Skipped for pages other than "
            "campaign packs."
        )

    class Meta:
        verbose_name = _("both written standards ready")
        verbose_name_plural = _("both written standards ready")


@register_setting(icon="date")
class EditorialSettings(BaseGenericSetting):
    """Values an editor tunes: when resources come up for review, and how early to warn
    about a commemoration day without a campaign pack."""

    review_interval_months = models.PositiveSmallIntegerField(
        _("months until review"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("A resource published without a review date gets one this many months on."),
    )
    review_soon_days = models.PositiveSmallIntegerField(
        _("days counted as due soon"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("The review report lists resources due for review within this many days."),
    )

    commemoration_warning_weeks = models.PositiveSmallIntegerField(
        _("weeks of warning before a commemoration day"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_(
            "The dashboard and the review report warn when a commemoration day is less than "
            "this many weeks away and has no published campaign pack."
        ),
    )

    panels = [
        FieldPanel("review_interval_months"),
        FieldPanel("review_soon_days"),
        FieldPanel("commemoration_warning_weeks"),
    ]

    class Meta:
        verbose_name = _("editorial settings")
