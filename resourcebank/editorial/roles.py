"""Roles of the resource bank and what each may do, created by code and never by hand.

Each role has a stable English key used in code; the group's name is its
Norwegian display name (data, shown in the admin). ``roles_ensure`` is
idempotent: it runs after every ``migrate`` (see ``resourcebank.apps``) and
from ``load_demo``. Wagtail's own default groups ("Moderators", "Editors") are
deleted once nothing uses them (``wagtail_default_groups_retire``, run by
``services.editorial_workflow_ensure`` after Wagtail's default workflow is retired).

``PERMISSION_MODEL`` is the one statement of what each role may do: role × object
type × action. ``roles_ensure`` grants it, and
``resourcebank/editorial/tests/test_permission_model.py`` tries every cell over
HTTP as that role, in both written standards. In short:

- editors curate everything the bank holds: every page type in both written
  standards (publish, privacy, translate), taxonomy, training events, member
  counties, documents, images, audio and video, editor's picks, redirects and
  every report.
- contributors add and edit pages in the Bokmål (source) tree and submit them
  for moderation; they add documents, images and recordings and choose them.
  They never publish, unpublish, move, delete or change privacy.
- translators translate pages and taxonomy terms into the other written
  standard (wagtail-localize's editor and the Nynorsk trees) and submit them;
  they never publish and never change source (Bokmål) text or terms.
- members read members-only pages and files; elected members also read what is
  restricted to elected members. Neither has admin access.

Page actions follow these roles through ``resourcebank.core.permissions``.
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
    ELECTED_MEMBERS: "Folkevalgte",
}
STAFF_ROLES = (EDITORS, CONTRIBUTORS, TRANSLATORS)
# Everyone who may read members-only pages and documents.
MEMBERS_ONLY_ROLES = (EDITORS, CONTRIBUTORS, TRANSLATORS, MEMBERS, ELECTED_MEMBERS)
# Everyone who may read what is only for elected members (staff work on it too).
ELECTED_ONLY_ROLES = (EDITORS, CONTRIBUTORS, TRANSLATORS, ELECTED_MEMBERS)
# Who sees photos sent in with success stories before an editor has approved them.
SUBMISSIONS_ROLES = (EDITORS,)

MEMBERS_COLLECTION_NAME = "Kun for medlemmer"
ELECTED_COLLECTION_NAME = "Kun for folkevalgte"
SUBMISSIONS_COLLECTION_NAME = "Innsendte bilder"

# --- The permission model: role × object type × action ---------------------------------

TAXONOMY_MODELS = ("audience", "topic", "commemorationday", "county", "localbranch")

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"
PUBLISH = "publish"
TRANSLATE = "translate"
CHOOSE = "choose"
SET_PRIVACY = "set_privacy"
ACTIONS = (VIEW, ADD, CHANGE, DELETE, PUBLISH, TRANSLATE, CHOOSE, SET_PRIVACY)

PAGE_TYPES = (
    "core.homepage",
    "core.infopage",
    "campaigns.campaignindexpage",
    "campaigns.campaignpackpage",
    "stories.storyindexpage",
    "stories.successstorypage",
    "training.trainingcatalogpage",
    "training.trainingpackagepage",
    "handbooks.handbookindexpage",
    "handbooks.handbookpage",
    "handbooks.handbookchapterpage",
)
TAXONOMY_TYPES = tuple(f"taxonomy.{model}" for model in TAXONOMY_MODELS)
# Snippets other than taxonomy (poster templates are part of a campaign pack page).
SNIPPET_TYPES = ("training.trainingevent", "accounts.memberprofile")
# Files kept in collections, with Wagtail's collection permissions.
FILE_TYPES = ("wagtaildocs.document", "wagtailimages.image", "wagtailmedia.media")
OTHER_TYPES = ("wagtailsearchpromotions.searchpromotion", "wagtailredirects.redirect")
REPORT_TYPES = (
    "report.review",
    "report.missing_nynorsk",
    "report.most_downloaded",
    "report.training_attendance",
)
# Reading restricted material on the site: pages and files for members, and for
# elected members only.
RESTRICTED_TYPES = ("restricted.members", "restricted.elected")

_PAGE_EDITOR = frozenset({VIEW, ADD, CHANGE, DELETE, PUBLISH, TRANSLATE, SET_PRIVACY})
_MANAGE = frozenset({VIEW, ADD, CHANGE, DELETE})
_FILES_EDITOR = frozenset({VIEW, ADD, CHANGE, DELETE, CHOOSE})
_READ_RESTRICTED = {"restricted.members": frozenset({VIEW})}

# role -> object type -> what the role may do. Page actions hold in both written
# standards unless the role is named in PAGE_LOCALES. "translate" on a page is
# submitting it for translation and editing its translation; on a taxonomy term it
# is editing the term in the other written standard (never the Bokmål one).
PERMISSION_MODEL: dict[str, dict[str, frozenset[str]]] = {
    EDITORS: {
        **{page_type: _PAGE_EDITOR for page_type in PAGE_TYPES},
        **{term: _MANAGE | {TRANSLATE} for term in TAXONOMY_TYPES},
        **{snippet: _MANAGE for snippet in SNIPPET_TYPES},
        **{file_type: _FILES_EDITOR for file_type in FILE_TYPES},
        **{other: _MANAGE for other in OTHER_TYPES},
        **{report: frozenset({VIEW}) for report in REPORT_TYPES},
        "restricted.members": frozenset({VIEW}),
        "restricted.elected": frozenset({VIEW}),
    },
    CONTRIBUTORS: {
        **{page_type: frozenset({VIEW, ADD, CHANGE}) for page_type in PAGE_TYPES},
        # The home page is where contributors write, not something they add.
        "core.homepage": frozenset({VIEW, CHANGE}),
        **{term: frozenset({VIEW}) for term in TAXONOMY_TYPES},
        # The library lists (and offers for choosing) what a contributor uploaded.
        "wagtaildocs.document": frozenset({VIEW, ADD, CHOOSE}),
        "wagtailimages.image": frozenset({VIEW, ADD, CHOOSE}),
        # wagtailmedia has no "choose" permission: a contributor chooses the
        # recordings they uploaded themselves.
        "wagtailmedia.media": frozenset({VIEW, ADD}),
        "report.missing_nynorsk": frozenset({VIEW}),
        "restricted.members": frozenset({VIEW}),
        "restricted.elected": frozenset({VIEW}),
    },
    TRANSLATORS: {
        **{page_type: frozenset({VIEW, CHANGE, TRANSLATE}) for page_type in PAGE_TYPES},
        **{term: frozenset({VIEW, TRANSLATE}) for term in TAXONOMY_TYPES},
        "wagtaildocs.document": frozenset({CHOOSE}),
        "wagtailimages.image": frozenset({CHOOSE}),
        "report.missing_nynorsk": frozenset({VIEW}),
        "restricted.members": frozenset({VIEW}),
        "restricted.elected": frozenset({VIEW}),
    },
    MEMBERS: dict(_READ_RESTRICTED),
    ELECTED_MEMBERS: {**_READ_RESTRICTED, "restricted.elected": frozenset({VIEW})},
}
# Roles whose page actions hold only in one kind of tree: contributors work in the
# source (Bokmål) tree; translators change pages only in the translated (Nynorsk)
# trees and, in the source tree, only submit pages for translation.
PAGE_SCOPE: dict[str, dict[str, frozenset[str]]] = {
    CONTRIBUTORS: {"source": frozenset(ACTIONS), "translated": frozenset()},
    TRANSLATORS: {
        "source": frozenset({TRANSLATE}),
        "translated": frozenset({VIEW, CHANGE, TRANSLATE}),
    },
}


def role_may(role: str, object_type: str, action: str, *, source_locale: bool = True) -> bool:
    """What the permission model says: may `role` do `action` on `object_type`?

    For pages, `source_locale` says whether the page is in the source (Bokmål) tree.
    """
    allowed = PERMISSION_MODEL.get(role, {}).get(object_type, frozenset())
    scope = PAGE_SCOPE.get(role)
    if scope is not None and object_type in PAGE_TYPES:
        allowed = allowed & scope["source" if source_locale else "translated"]
    return action in allowed


# How an action on a model maps to Django's model permissions.
_MODEL_CODENAMES = {VIEW: "view", ADD: "add", CHANGE: "change", DELETE: "delete"}
_FILE_CODENAMES = {ADD: "add", CHANGE: "change", DELETE: "delete", CHOOSE: "choose"}


def model_permissions_for(role: str) -> list[tuple[str, str]]:
    """The Django model permissions (app label, codename) the model gives `role`."""
    perms = []
    for object_type in TAXONOMY_TYPES + SNIPPET_TYPES + OTHER_TYPES:
        app_label, model = object_type.split(".")
        for action in PERMISSION_MODEL.get(role, {}).get(object_type, ()):
            if action in _MODEL_CODENAMES:
                perms.append((app_label, f"{_MODEL_CODENAMES[action]}_{model}"))
    if any(role_may(role, "wagtailsearchpromotions.searchpromotion", a) for a in (ADD, CHANGE)):
        # Editor's picks are kept per search term (Query).
        perms += [("wagtailsearchpromotions", f"{a}_query") for a in ("add", "change", "view")]
    return perms


def file_permissions_for(role: str) -> list[tuple[str, str]]:
    """The collection permissions (app label, codename) the model gives `role`."""
    perms = []
    for object_type in FILE_TYPES:
        app_label, model = object_type.split(".")
        for action in PERMISSION_MODEL.get(role, {}).get(object_type, ()):
            if action in _FILE_CODENAMES and not (model == "media" and action == CHOOSE):
                perms.append((app_label, f"{_FILE_CODENAMES[action]}_{model}"))
    return perms


# The groups Wagtail's own first migration creates; the five roles replace them.
WAGTAIL_DEFAULT_GROUP_NAMES = ("Moderators", "Editors")

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
    """Create the five groups, grant them the permission model, and restrict the
    collections for members, for elected members and for submitted photos."""
    groups = {key: role_group(key) for key in ROLE_GROUP_NAMES}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")

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
        + model_permissions_for(EDITORS),
    )
    if root_page is not None:
        _grant_page_permissions(editors, root_page, EDITOR_PAGE_PERMISSIONS)
    _grant_collection_permissions(
        editors,
        root_collection,
        file_permissions_for(EDITORS)
        + [("wagtailcore", f"{action}_collection") for action in ("add", "change", "delete")],
    )

    contributors = groups[CONTRIBUTORS]
    _grant_model_permissions(
        contributors, [("wagtailadmin", "access_admin")] + model_permissions_for(CONTRIBUTORS)
    )
    for home in source_home_pages():
        _grant_page_permissions(contributors, home, CONTRIBUTOR_PAGE_PERMISSIONS)
    _grant_collection_permissions(contributors, root_collection, file_permissions_for(CONTRIBUTORS))

    translators = groups[TRANSLATORS]
    # Translating a taxonomy term is wagtail-localize's submit_translation together
    # with the taxonomy's permission policy, which lets it change terms only in the
    # translated written standards (resourcebank.core.permissions).
    _grant_model_permissions(
        translators,
        [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
        + model_permissions_for(TRANSLATORS),
    )
    for home in translated_home_pages():
        translator_page_permissions_ensure(page=home)
    _grant_collection_permissions(translators, root_collection, file_permissions_for(TRANSLATORS))

    members_collection_restriction_ensure()
    restricted_collection_ensure(name=ELECTED_COLLECTION_NAME, roles=ELECTED_ONLY_ROLES)
    restricted_collection_ensure(name=SUBMISSIONS_COLLECTION_NAME, roles=SUBMISSIONS_ROLES)
    return groups


def elected_only_groups() -> list[Group]:
    """The groups material for elected members only is restricted to."""
    return [role_group(key) for key in ELECTED_ONLY_ROLES]


def elected_collection_get() -> Collection:
    """The private collection "Kun for folkevalgte"."""
    return collection_ensure(name=ELECTED_COLLECTION_NAME)


def restricted_collection_ensure(*, name: str, roles) -> CollectionViewRestriction:
    """The collection `name`, restricted to the groups of `roles` (and only them)."""
    collection = collection_ensure(name=name)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction(collection=collection)
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([role_group(key) for key in roles])
    return restriction


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
