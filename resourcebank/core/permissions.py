"""Page permissions as strict as the roles: what the admin offers is what a user may do.

Wagtail lets anyone who may edit an unpublished page also delete and move it, and
anyone who may edit a page copy it. The roles (``resourcebank.editorial.roles``) are stricter:

- only a user who may publish a page (an editor) deletes or moves it;
- copying is offered only where the user may add the copy next to the original,
  so a translator (who edits translations but adds no pages) is not offered it.

Every page model inherits ``BasePage`` (``resourcebank.core.models``), whose
``permissions_for_user`` returns this tester, so Wagtail's explorer buttons, page
header menu, edit view, bulk actions and its own delete, move and copy views all
ask the same ``RolePagePermissionTester``.

Translatable snippets (taxonomy) use ``TranslatedSnippetPermissionPolicy``: translators
change their translations, never the source terms.
"""

from django.core.exceptions import PermissionDenied

from wagtail.models import Locale, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry


class RolePagePermissionTester(PagePermissionTester):
    def _may_publish(self) -> bool:
        return self.user.is_superuser or "publish" in self.permissions

    def _may_add_next_to_page(self) -> bool:
        if self.user.is_superuser:
            return True
        parent_path = self.page.path[: -self.page.steplen]
        return any(
            perm.permission.codename == "add_page" and parent_path.startswith(perm.page.path)
            for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
        )

    def can_delete(self, ignore_bulk=False):
        # can_move() is can_delete(ignore_bulk=True), so this also rules moving.
        return super().can_delete(ignore_bulk=ignore_bulk) and self._may_publish()

    def can_copy(self):
        return super().can_copy() and self._may_add_next_to_page()


# Translating a snippet: wagtail-localize's permission to submit translations.
TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


class TranslatedSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for translators the right to change the translations.

    A user with the model's own "change" permission changes every instance. A user who
    may only translate (``TRANSLATE_PERMISSION`` and "view") changes the instances in
    the other written standards, never those in the source locale (Bokmål), and adds
    or deletes none: the snippet's admin opens for them, its source terms do not.
    """

    def _translates_only(self, user) -> bool:
        return (
            user.is_active
            and not user.has_perm(self._get_permission_name("change"))
            and user.has_perm(TRANSLATE_PERMISSION)
            and user.has_perm(self._get_permission_name("view"))
        )

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action == "change" and self._translates_only(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change" and self._translates_only(user):
            return instance.locale_id != Locale.get_default().pk
        return super().user_has_permission_for_instance(user, action, instance)


def refuse_unless_may_change(request, instance) -> None:
    """The snippet edit view checks only the model permission: check this instance too."""
    policy = policy_registry.get_by_type(type(instance))
    if not policy.user_has_permission_for_instance(request.user, "change", instance):
        raise PermissionDenied
