"""Roles of the resource bank, created by code and never by hand.

Each role has a stable English key used in code; the group's name is its
Norwegian display name (data, shown in the admin). ``roles_ensure`` is
idempotent: it runs after every ``migrate`` (see ``resourcebank.apps``) and
from ``load_demo``. Wagtail's own default groups ("Moderators", "Editors") are
deleted once nothing uses them (``wagtail_default_groups_retire``, run by
``services.editorial_workflow_ensure`` after Wagtail's default workflow is retired).

Which page actions the admin offers follows these roles: see ``permissions.py``.

What each role may do:

- editors: publish, unpublish, move, delete and set privacy on every page in
  both written standards; manage collections, documents, images, snippets and
  workflows; approve in the workflow; submit translations.
- contributors: add and edit pages in the Bokmål (source) tree and submit them
  for moderation; add documents and images; use the taxonomy. They cannot
  publish, unpublish, move, delete or change privacy.
- translators: submit translations and edit pages in the other locales' trees
  (wagtail-localize's translation editor); nothing in the source tree.
- members and elected members: no admin access; they read members-only pages
  and documents.
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
)

from resourcebank.core import visibility
from resourcebank.core.collections import collection_ensure

logger = logging.getLogger(__name__)

EDITORS = "editors"
CONTRIBUTORS = "contributors"
TRANSLATORS = "translators"
MEMBERS = "members"
ELECTED_MEMBERS = "elected_members"

# Stable key -> the group's (Norwegian) name. Group names are data, not gettext.
ROLE_GROUP_NAMES = {
    EDITORS: "Redaktører",
    CONTRIBUTORS: "Bidragsytere",
    TRANSLATORS: "Oversettere",
    MEMBERS: "Medlemmer",
    ELECTED_MEMBERS: visibility.ELECTED_MEMBERS_GROUP,
}
STAFF_ROLES = (EDITORS, CONTRIBUTORS, TRANSLATORS)
# Everyone who may read members-only pages and documents.
MEMBERS_ONLY_ROLES = (EDITORS, CONTRIBUTORS, TRANSLATORS, MEMBERS, ELECTED_MEMBERS)

MEMBERS_COLLECTION_NAME = "Kun for medlemmer"

# The groups Wagtail's own first migration creates; the five roles replace them.
WAGTAIL_DEFAULT_GROUP_NAMES = ("Moderators", "Editors")

TAXONOMY_MODELS = ("audience", "topic", "commemorationday", "county", "localbranch")

EDITOR_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
CONTRIBUTOR_PAGE_PERMISSIONS = ("add", "change")
TRANSLATOR_PAGE_PERMISSIONS = ("change",)


def role_group(key: str) -> Group:
    """The group of one role, by its stable key (created if missing)."""
    group, _ = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[key])
    return group


def user_has_role(user, key: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=ROLE_GROUP_NAMES[key]).exists()


def user_is_editor(user) -> bool:
    """Editors and superusers: who sees the editors' reports and dashboard panel."""
    return user.is_superuser or user_has_role(user, EDITORS)


def members_collection_get() -> Collection:
    """The private collection "Kun for medlemmer" (documents only members may download)."""
    return collection_ensure(name=MEMBERS_COLLECTION_NAME)


def members_only_groups() -> list[Group]:
    """The groups a members-only page or collection is restricted to."""
    return [role_group(key) for key in MEMBERS_ONLY_ROLES]


def _permission(app_label: str, codename: str) -> Permission | None:
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:  # only in a flushed test database; migrate creates them all
        logger.warning("Permission %s.%s does not exist; not granted.", app_label, codename)
    return permission


def _grant_model_permissions(group: Group, perms: list[tuple[str, str]]) -> None:
    permissions = [_permission(app_label, codename) for app_label, codename in perms]
    group.permissions.add(*[permission for permission in permissions if permission])


def _grant_page_permissions(group: Group, page: Page, actions) -> None:
    for action in actions:
        permission = _permission("wagtailcore", f"{action}_page")
        if permission:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection_permissions(group: Group, collection, perms: list[tuple[str, str]]) -> None:
    for app_label, codename in perms:
        permission = _permission(app_label, codename)
        if permission:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def source_home_pages():
    """The home pages (depth 2) of the source locale: the trees contributors write in."""
    return Page.objects.filter(depth=2, locale=Locale.get_default())


def translated_home_pages():
    """The home pages (depth 2) of every other locale: the trees translators work in."""
    return Page.objects.filter(depth=2).exclude(locale=Locale.get_default())


def translator_page_permissions_ensure(*, page: Page) -> None:
    """Give translators their permissions on one translated tree (its home page)."""
    _grant_page_permissions(role_group(TRANSLATORS), page, TRANSLATOR_PAGE_PERMISSIONS)


@transaction.atomic
def roles_ensure() -> dict[str, Group]:
    """Create the five groups, their permissions and the members-only collection."""
    groups = {key: role_group(key) for key in ROLE_GROUP_NAMES}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document_perms = [
        ("wagtaildocs", f"{action}_document") for action in ("add", "change", "delete", "choose")
    ]
    image_perms = [
        ("wagtailimages", f"{action}_image") for action in ("add", "change", "delete", "choose")
    ]

    editors = groups[EDITORS]
    _grant_model_permissions(
        editors,
        [
            ("wagtailadmin", "access_admin"),
            ("wagtail_localize", "submit_translation"),
            ("downloads", "view_downloadcount"),
            ("editorial", "change_editorialsettings"),
        ]
        + [
            ("wagtailcore", f"{action}_{model}")
            for model in ("workflow", "task")
            for action in ("add", "change")
        ]
        + [
            ("taxonomy", f"{action}_{model}")
            for model in TAXONOMY_MODELS
            for action in ("add", "change", "delete", "view")
        ],
    )
    if root_page is not None:
        _grant_page_permissions(editors, root_page, EDITOR_PAGE_PERMISSIONS)
    _grant_collection_permissions(
        editors,
        root_collection,
        document_perms
        + image_perms
        + [("wagtailcore", f"{action}_collection") for action in ("add", "change", "delete")],
    )

    contributors = groups[CONTRIBUTORS]
    _grant_model_permissions(
        contributors,
        [("wagtailadmin", "access_admin")]
        + [("taxonomy", f"view_{model}") for model in TAXONOMY_MODELS],
    )
    for home in source_home_pages():
        _grant_page_permissions(contributors, home, CONTRIBUTOR_PAGE_PERMISSIONS)
    _grant_collection_permissions(
        contributors,
        root_collection,
        [
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "choose_document"),
            ("wagtailimages", "add_image"),
            ("wagtailimages", "choose_image"),
        ],
    )

    translators = groups[TRANSLATORS]
    _grant_model_permissions(
        translators,
        [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
        + [("taxonomy", f"view_{model}") for model in TAXONOMY_MODELS],
    )
    for home in translated_home_pages():
        translator_page_permissions_ensure(page=home)
    _grant_collection_permissions(
        translators,
        root_collection,
        [("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")],
    )

    members_collection_restriction_ensure()
    return groups


def members_collection_restriction_ensure() -> CollectionViewRestriction:
    """Restrict "Kun for medlemmer" to the members-only groups."""
    collection = members_collection_get()
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.add(*members_only_groups())
    return restriction


def wagtail_default_groups_retire() -> list[str]:
    """Delete Wagtail's default groups "Moderators" and "Editors" where nothing needs them.

    A group is kept, with a warning, while a user belongs to it, a page or collection
    is restricted to it, or an active approval task asks it: deleting it then would
    take access away from someone. Returns the names of the groups deleted.
    """
    deleted = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUP_NAMES):
        if group.user_set.exists():
            logger.warning(
                "Wagtail's default group %r still has members; it is kept. Give them one "
                "of the roles and remove them from it, and the next migrate deletes it.",
                group.name,
            )
            continue
        if (
            group.pageviewrestriction_set.exists()
            or group.collectionviewrestriction_set.exists()
            or group.groupapprovaltask_set.filter(active=True).exists()
        ):
            logger.warning(
                "Wagtail's default group %r is still used by a privacy setting or an active "
                "workflow task; it is kept.",
                group.name,
            )
            continue
        group.delete()
        deleted.append(group.name)
    return deleted


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str
    changed: bool  # created, or its password or group set by this run


DEMO_USERNAMES = {
    EDITORS: "redaktor",
    CONTRIBUTORS: "bidragsyter",
    TRANSLATORS: "oversetter",
    MEMBERS: "medlem",
    ELECTED_MEMBERS: "folkevalgt",
}


@transaction.atomic
def demo_accounts_ensure(*, password: str) -> list[DemoAccount]:
    """One demo account per role, all with `password` (load_demo prints them). Idempotent."""
    roles_ensure()
    User = get_user_model()
    accounts = []
    for key, username in DEMO_USERNAMES.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": username.capitalize()},
        )
        changed = created
        if created or not user.check_password(password) or not user.is_active:
            user.set_password(password)
            user.is_active = True
            user.save()
            changed = True
        group = role_group(key)
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
            changed = True
        accounts.append(
            DemoAccount(
                username=username, role=ROLE_GROUP_NAMES[key], password=password, changed=changed
            )
        )
    return accounts


def roles_ensure_after_migrate(sender, *, plan=None, **kwargs) -> bool:
    """post_migrate receiver: create the roles once every app's permissions exist.

    Django sends post_migrate once per app with models, and creates each app's
    permissions in its own turn, so the roles are made on the last app's turn.
    Only `migrate` passes a plan; a `flush` (between transactional tests) does
    not, and an emptied database is left empty.
    """
    if plan is None:
        return False
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label != last.label:
        return False
    roles_ensure()
    return True
