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
"""

from wagtail.models import PagePermissionTester


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
