"""The permission model, cell by cell: each role tries each action on each object type
over HTTP (the admin URL of the action, or the page or file itself), in both written
standards, and it answers as ``roles.PERMISSION_MODEL`` says."""

from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction

import pytest
from wagtailmedia.models import Media

from resourcebank.accounts.models import MemberProfile
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_image
from tests.editorial_support import login_verified, make_user, publish, translate

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonymous"
PAGE_FACTORIES = {  # page type -> (factory, the page type of its parent)
    "core.infopage": (factories.InfoPageFactory, "core.homepage"),
    "campaigns.campaignindexpage": (factories.CampaignIndexPageFactory, "core.homepage"),
    "campaigns.campaignpackpage": (
        factories.CampaignPackPageFactory,
        "campaigns.campaignindexpage",
    ),
    "stories.storyindexpage": (factories.StoryIndexPageFactory, "core.homepage"),
    "stories.successstorypage": (factories.SuccessStoryPageFactory, "stories.storyindexpage"),
    "training.trainingcatalogpage": (factories.TrainingCatalogPageFactory, "core.homepage"),
    "training.trainingpackagepage": (
        factories.TrainingPackagePageFactory,
        "training.trainingcatalogpage",
    ),
    "handbooks.handbookindexpage": (factories.HandbookIndexPageFactory, "core.homepage"),
    "handbooks.handbookpage": (factories.HandbookPageFactory, "handbooks.handbookindexpage"),
    "handbooks.handbookchapterpage": (
        factories.HandbookChapterPageFactory,
        "handbooks.handbookpage",
    ),
}


@pytest.fixture
def bank(editorial_setup, home_page, nn_locale, django_user_model):
    """One object of every type in the model; every page type in Bokmål and Nynorsk."""
    pages = {"nb": {"core.homepage": home_page}}
    for page_type, (factory, parent_type) in PAGE_FACTORIES.items():
        pages["nb"][page_type] = publish(factory(parent=pages["nb"][parent_type]))
    pages["nn"] = {}
    for page_type, page in pages["nb"].items():
        pages["nn"][page_type] = translate(page, nn_locale)  # made or updated, and live
    owner = make_user(django_user_model, "opplaster", roles.EDITORS)
    terms = {}
    for model in roles.TAXONOMY_MODELS:
        factory = {
            "audience": factories.AudienceFactory,
            "topic": factories.TopicFactory,
            "commemorationday": factories.CommemorationDayFactory,
            "county": factories.CountyFactory,
            "localbranch": factories.LocalBranchFactory,
        }[model]
        term = factory()
        terms[f"taxonomy.{model}"] = {"nb": term, "nn": term.copy_for_translation(nn_locale)}
        terms[f"taxonomy.{model}"]["nn"].save()
    member = make_user(django_user_model, "medlem-modell", roles.MEMBERS)
    objects = {
        "training.trainingevent": factories.TrainingEventFactory(
            package=pages["nb"]["training.trainingpackagepage"]
        ),
        "accounts.memberprofile": MemberProfile.objects.create(user=member),
        "wagtaildocs.document": get_document_model().objects.create(
            title="Vedtekter", file=ContentFile(b"tekst", name="vedtekter.txt")
        ),
        "wagtailimages.image": make_image("Plakat"),
        "wagtailmedia.media": Media.objects.create(
            title="Podkast",
            file=ContentFile(b"ID3" + b"\x00" * 32, name="podkast.mp3"),
            type="audio",
            uploaded_by_user=owner,
        ),
        "wagtailredirects.redirect": Redirect.objects.create(
            old_path="/gammel", redirect_link="/nb/"
        ),
    }
    objects["wagtailimages.image"].uploaded_by_user = owner
    objects["wagtailimages.image"].save()
    query = Query.get("valgkamp")
    SearchPromotion.objects.create(query=query, page=home_page, sort_order=0)
    objects["wagtailsearchpromotions.searchpromotion"] = query
    restricted = {}
    for key, groups, collection in (
        ("restricted.members", roles.members_only_groups(), roles.members_collection_get()),
        ("restricted.elected", roles.elected_only_groups(), roles.elected_collection_get()),
    ):
        page = publish(factories.InfoPageFactory(parent=home_page))
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)
        document = get_document_model().objects.create(
            title=key, file=ContentFile(b"hemmelig", name="hemmelig.txt"), collection=collection
        )
        restricted[key] = (page, document)
    return {"pages": pages, "terms": terms, "objects": objects, "restricted": restricted}


def _ok(client, url) -> bool:
    return client.get(url).status_code == 200


def page_allowed(client, page, action, parent) -> bool:
    if action == roles.VIEW:
        return _ok(client, reverse("wagtailadmin_explore", args=[page.pk]))
    if action == roles.ADD:
        meta = page.specific_class._meta
        url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])
        return _ok(client, url)
    if action == roles.CHANGE:
        return _ok(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if action == roles.DELETE:
        return _ok(client, reverse("wagtailadmin_pages:delete", args=[page.pk]))
    if action == roles.PUBLISH:
        return _ok(client, reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    if action == roles.SET_PRIVACY:
        return _ok(client, reverse("wagtailadmin_pages:set_privacy", args=[page.pk]))
    if action == roles.TRANSLATE:
        return _ok(client, reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
    return False  # choosing is not an action on pages


def snippet_allowed(client, object_type, action, instance, translated=None) -> bool:
    app_label, model = object_type.split(".")
    name = f"wagtailsnippets_{app_label}_{model}"
    if action == roles.VIEW:
        return _ok(client, reverse(f"{name}:list"))
    if action == roles.ADD:
        return _ok(client, reverse(f"{name}:add"))
    if action == roles.CHANGE:
        return _ok(client, reverse(f"{name}:edit", args=[instance.pk]))
    if action == roles.DELETE:
        return _ok(client, reverse(f"{name}:delete", args=[instance.pk]))
    if action == roles.TRANSLATE and translated is not None:
        return _ok(client, reverse(f"{name}:edit", args=[translated.pk]))
    return False


FILE_URLS = {
    "wagtaildocs.document": ("wagtaildocs", "wagtaildocs_chooser:choose"),
    "wagtailimages.image": ("wagtailimages", "wagtailimages_chooser:choose"),
}


def file_allowed(client, object_type, action, instance) -> bool:
    if object_type == "wagtailmedia.media":
        urls = {
            roles.VIEW: reverse("wagtailmedia:index"),
            roles.ADD: reverse("wagtailmedia:add", args=["audio"]),
            roles.CHANGE: reverse("wagtailmedia:edit", args=[instance.pk]),
            roles.DELETE: reverse("wagtailmedia:delete", args=[instance.pk]),
            roles.CHOOSE: reverse("wagtailmedia:media_chosen", args=[instance.pk]),
        }
    else:
        namespace, chooser = FILE_URLS[object_type]
        urls = {
            roles.VIEW: reverse(f"{namespace}:index"),
            roles.ADD: reverse(
                f"{namespace}:add" if namespace == "wagtaildocs" else "wagtailimages:add"
            ),
            roles.CHANGE: reverse(f"{namespace}:edit", args=[instance.pk]),
            roles.DELETE: reverse(f"{namespace}:delete", args=[instance.pk]),
            roles.CHOOSE: reverse(chooser),
        }
    return action in urls and _ok(client, urls[action])


def other_allowed(client, object_type, action, instance) -> bool:
    namespace = object_type.split(".")[0]
    urls = {
        roles.VIEW: reverse(f"{namespace}:index"),
        roles.ADD: reverse(f"{namespace}:add"),
        roles.CHANGE: reverse(f"{namespace}:edit", args=[instance.pk]),
        roles.DELETE: reverse(f"{namespace}:delete", args=[instance.pk]),
    }
    return action in urls and _ok(client, urls[action])


REPORT_URLS = {
    "report.review": "review_report:index",
    "report.missing_nynorsk": "missing_nynorsk_report:index",
    "report.most_downloaded": "most_downloaded_report:index",
    "report.training_attendance": "training_attendance_report:index",
}


def restricted_allowed(client, pair) -> bool:
    page, document = pair
    return _ok(client, Page.objects.get(pk=page.pk).url) and _ok(client, document.url)


def _source(locale: str) -> bool:
    return locale == Locale.get_default().language_code


@pytest.mark.parametrize("role", [*roles.ROLE_GROUP_NAMES, ANONYMOUS])
def test_every_cell_of_the_permission_model_answers_over_http(
    client, bank, role, django_user_model
):
    if role != ANONYMOUS:
        login_verified(client, make_user(django_user_model, f"prøver-{role}", role))
    actual, expected = {}, {}

    def record(cell, allowed, wanted):
        actual[cell], expected[cell] = allowed, wanted

    for locale in ("nb", "nn"):
        pages = bank["pages"][locale]
        for page_type in roles.PAGE_TYPES:
            parent_type = PAGE_FACTORIES.get(page_type, (None, None))[1]
            parent = pages[parent_type] if parent_type else Page.get_first_root_node()
            for action in roles.ACTIONS:
                if action == roles.CHOOSE:
                    continue
                wanted = role_may(role, page_type, action, source_locale=_source(locale))
                allowed = page_allowed(client, pages[page_type], action, parent)
                record((locale, page_type, action), allowed, wanted)
    for object_type, terms in bank["terms"].items():
        for action in (roles.VIEW, roles.ADD, roles.CHANGE, roles.DELETE, roles.TRANSLATE):
            allowed = snippet_allowed(client, object_type, action, terms["nb"], terms["nn"])
            record((object_type, action), allowed, role_may(role, object_type, action))
    for object_type in roles.SNIPPET_TYPES:
        instance = bank["objects"][object_type]
        for action in (roles.VIEW, roles.ADD, roles.CHANGE, roles.DELETE):
            allowed = snippet_allowed(client, object_type, action, instance)
            record((object_type, action), allowed, role_may(role, object_type, action))
    for object_type in roles.FILE_TYPES:
        instance = bank["objects"][object_type]
        for action in (roles.VIEW, roles.ADD, roles.CHANGE, roles.DELETE, roles.CHOOSE):
            allowed = file_allowed(client, object_type, action, instance)
            record((object_type, action), allowed, role_may(role, object_type, action))
    for object_type in roles.OTHER_TYPES:
        instance = bank["objects"][object_type]
        for action in (roles.VIEW, roles.ADD, roles.CHANGE, roles.DELETE):
            allowed = other_allowed(client, object_type, action, instance)
            record((object_type, action), allowed, role_may(role, object_type, action))
    for report, url_name in REPORT_URLS.items():
        record((report, roles.VIEW), _ok(client, reverse(url_name)), role_may(role, report, "view"))
    for key, pair in bank["restricted"].items():
        record((key, roles.VIEW), restricted_allowed(client, pair), role_may(role, key, "view"))

    wrong = {cell: actual[cell] for cell in actual if actual[cell] != expected[cell]}
    assert not wrong, f"{role}: cells that answer otherwise than the model says: {wrong}"


def role_may(role, object_type, action, *, source_locale=True) -> bool:
    if role == ANONYMOUS:
        return False
    return roles.role_may(role, object_type, action, source_locale=source_locale)
