"""Signal receivers of the editorial side. Each hands over to a service at once."""

from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import copy_for_translation_done, page_published, post_page_move

from resourcebank.core.publishing import page_publish_requested
from resourcebank.editorial import roles, selectors, services


def _both_standards_ready(sender, page, **kwargs):
    return selectors.both_standards_problems(page)


def _review_date_on_publish(sender, instance, revision=None, **kwargs):
    services.review_date_ensure(page=instance, revision=revision)


def _privacy_saved(sender, instance, **kwargs):
    services.page_privacy_sync_translations(page=instance.page)


def _privacy_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, PageViewRestriction
    ):
        services.page_privacy_sync_translations(page=instance.page)


def _privacy_deleted(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.page_privacy_sync_translations(page=page)


def _privacy_after_move(sender, instance, **kwargs):
    services.translations_privacy_follow(page=instance)


def _privacy_of_new_translation(sender, source_obj, target_obj, **kwargs):
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        services.translation_privacy_follow(source=source_obj, translation=target_obj)


def _translated_tree_created(sender, instance, created, raw=False, **kwargs):
    """A new home page in a translated locale opens that tree to translators."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id != Locale.get_default().pk:
        roles.translator_page_permissions_ensure(page=instance)


def _after_migrate(sender, **kwargs):
    if roles.roles_ensure_after_migrate(sender, **kwargs) and Page.get_first_root_node():
        services.editorial_workflow_ensure()


def connect() -> None:
    page_publish_requested.connect(_both_standards_ready, dispatch_uid="editorial_both_standards")
    page_published.connect(_review_date_on_publish, dispatch_uid="editorial_review_date")
    post_save.connect(
        _privacy_saved, sender=PageViewRestriction, dispatch_uid="editorial_privacy_saved"
    )
    post_delete.connect(
        _privacy_deleted, sender=PageViewRestriction, dispatch_uid="editorial_privacy_deleted"
    )
    m2m_changed.connect(
        _privacy_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="editorial_privacy_groups",
    )
    post_page_move.connect(_privacy_after_move, dispatch_uid="editorial_privacy_move")
    copy_for_translation_done.connect(
        _privacy_of_new_translation, dispatch_uid="editorial_privacy_new_translation"
    )
    post_save.connect(_translated_tree_created, dispatch_uid="editorial_translated_tree")
    post_migrate.connect(_after_migrate, dispatch_uid="editorial_roles")
