"""Issue 18: the admin speaks Norwegian to every role, all of it, in both standards.

Each staff role (editor, contributor, translator; never a superuser) logs in with a
second factor, in Bokmål and in Nynorsk, and visits every admin screen its journeys
use. While it does, every gettext lookup is watched: a message that the catalogues of
the active language (nb or nn) do not have is recorded, and the test fails on any.
The admin's JavaScript strings are checked against the catalogue ``/admin/jsi18n/``
serves to the same user, and against ``locale-admin/<lang>/djangojs.po``.

A lookup is watched at ``DjangoTranslation`` (the ``django`` domain), under every
gettext function (``gettext``, ``ngettext``, ``pgettext``, ``npgettext``, their lazy
forms and the template tags all end there). A Nynorsk catalogue falls back to the
Bokmål one, so "found" means found in the catalogue of the language itself: a Nynorsk
admin showing a Bokmål string counts as a gap.
"""

import json
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext, trans_real

from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

import polib
import pytest
from wagtailmedia.models import Media

from localization import services as localization_services
from localization.admin_catalogues import installed_catalogues
from resourcebank.editorial import roles
from tests import factories
from tests.downloads_support import make_image
from tests.editorial_support import login_verified, publish, request_approval, send_story, translate

pytestmark = pytest.mark.django_db

LANGUAGES = ("nb", "nn")
CONTEXT_SEPARATOR = "\x04"
PLACEHOLDERS = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}|<[^<>]*>")
LETTERS = re.compile(r"[^\W\d_]{2,}")

# Messages that read the same in Norwegian as in English ("ID", "URL") are in the
# catalogues with that msgstr, so they are found and never recorded: nothing needs to be
# allowed here. Add one only if a catalogue cannot carry it, and say why.
SAME_IN_NORWEGIAN: frozenset[str] = frozenset()
# Messages looked up whose translation is never shown. django-filter's
# ``verbose_lookup_expr`` calls ``_(lookup)`` as the default of
# ``VERBOSE_LOOKUPS.get(lookup, ...)`` and shows VERBOSE_LOOKUPS["exact"] (empty).
NEVER_SHOWN = frozenset({"exact"})

# The admin's JavaScript runs the catalogues of these apps (Django's own admin site at
# /django-admin/ is no staff journey; its djangojs is Django's, complete in nb and nn).
JS_APPS_LEFT_OUT = ("django.contrib.admin",)


class Missed:
    """The gettext lookups the active nb or nn catalogue could not answer."""

    def __init__(self):
        self.where = ""
        self.found: dict[tuple[str, str], set[str]] = {}

    def add(self, language: str, message: str) -> None:
        context, _, msgid = message.rpartition(CONTEXT_SEPARATOR)
        if msgid in SAME_IN_NORWEGIAN | NEVER_SHOWN or not LETTERS.search(
            PLACEHOLDERS.sub("", msgid)
        ):
            return
        shown = f"{context} | {msgid}" if context else msgid
        self.found.setdefault((language, shown), set()).add(self.where)

    def report(self) -> str:
        return "\n".join(
            f"  [{language}] {message!r}  at {', '.join(sorted(where)[:3])}"
            + (f" and {len(where) - 3} more" if len(where) > 3 else "")
            for (language, message), where in sorted(self.found.items())
        )


@pytest.fixture
def missed(monkeypatch):
    """Watch every lookup in the ``django`` domain while the test runs."""
    found = Missed()
    cls = trans_real.DjangoTranslation
    gettext, ngettext = cls.gettext, cls.ngettext

    def watched(translation) -> str | None:
        language = translation.language()
        return language if translation.domain == "django" and language in LANGUAGES else None

    def watched_gettext(self, message):
        language = watched(self)
        if language and message and message not in self._catalog:
            # GNUTranslations also answers a singular lookup from a plural entry.
            if (message, self.plural(1)) not in self._catalog:
                found.add(language, message)
        return gettext(self, message)

    def watched_ngettext(self, msgid1, msgid2, n):
        language = watched(self)
        if language and msgid1:
            try:
                self._catalog.plural(msgid1, n)
            except KeyError:
                found.add(language, msgid1)
        return ngettext(self, msgid1, msgid2, n)

    monkeypatch.setattr(cls, "gettext", watched_gettext)
    monkeypatch.setattr(cls, "ngettext", watched_ngettext)
    return found


@pytest.fixture
def admin_bank(role_users, home_page, nn_locale, campaign_index, story_index, training_catalog):
    """Something on every screen: pages in both standards and in moderation, a
    wagtail-localize translation of a page and of a term, files, snippets, a story."""
    contributor = role_users[roles.CONTRIBUTORS]
    translate(home_page, nn_locale)
    translate(campaign_index, nn_locale)
    info = publish(factories.InfoPageFactory(parent=home_page, title="Om lokallaget"))
    page_translation = localization_services.translation_prepare(
        instance=info, target_locale=nn_locale
    )
    page_translation.save_target(user=None, publish=False)
    pack = publish(factories.CampaignPackPageFactory(parent=campaign_index))
    draft = factories.InfoPageFactory(parent=home_page, title="Vervekveld", live=False)
    request_approval(draft, contributor)
    send_story(story_index, role_users[roles.MEMBERS])
    topic = factories.TopicFactory(name="Likestilling")
    term_translation = localization_services.translation_prepare(
        instance=topic, target_locale=nn_locale
    )
    term_translation.save_target(user=None, publish=True)
    package = factories.TrainingPackagePageFactory(parent=training_catalog)
    event = factories.TrainingEventFactory(package=publish(package))
    image = make_image("Plakat")
    image.uploaded_by_user = contributor
    image.save()
    document = get_document_model().objects.create(
        title="Vedtekter",
        file=ContentFile(b"tekst", name="vedtekter.txt"),
        uploaded_by_user=contributor,
    )
    media = Media.objects.create(
        title="Podkast",
        file=ContentFile(b"ID3" + b"\x00" * 32, name="podkast.mp3"),
        type="audio",
        uploaded_by_user=contributor,
    )
    return {
        "info": info,
        "info_nn": page_translation.get_target_instance(),
        "pack": pack,
        "draft": draft,
        "topic": topic,
        "topic_nn": term_translation.get_target_instance(),
        "event": event,
        "image": image,
        "document": document,
        "media": media,
    }


def _snippet(model: str, action: str = "list", *args) -> str:
    return reverse(f"wagtailsnippets_{model.replace('.', '_')}:{action}", args=args)


# Wagtail's own reports: a role sees those it has the permissions for.
WAGTAIL_REPORTS = (
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:locked_pages",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:page_types_usage",
)
# Our own reports and the permission-model key that says who sees each.
OUR_REPORTS = {
    "review_report:index": "report.review",
    "approvals_report:index": "report.approvals",
    "story_submissions_report:index": "report.story_submissions",
    "missing_nynorsk_report:index": "report.missing_nynorsk",
    "most_downloaded_report:index": "report.most_downloaded",
    "training_attendance_report:index": "report.training_attendance",
}


def screens(role: str, bank: dict) -> list[str]:
    """The admin screens the role's journeys use (each must answer 200)."""
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_pages:search") + "?q=lokallaget",
        reverse("wagtailadmin_javascript_catalog"),
        _snippet("taxonomy.topic"),
        _snippet("taxonomy.county"),
        _snippet("taxonomy.audience"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailadmin_choose_page"),
    ]
    if role in (roles.EDITORS, roles.CONTRIBUTORS):  # the Bokmål (source) tree
        meta = bank["info"]._meta
        urls += [
            reverse("wagtailadmin_explore", args=[bank["info"].get_parent().pk]),
            reverse("wagtailadmin_pages:history", args=[bank["info"].pk]),
            reverse("wagtailadmin_pages:workflow_history", args=[bank["draft"].pk]),
            reverse("wagtailadmin_pages:edit", args=[bank["info"].pk]),
            reverse("wagtailadmin_pages:edit", args=[bank["pack"].pk]),
            reverse("wagtailadmin_pages:edit", args=[bank["draft"].pk]),
            reverse(
                "wagtailadmin_pages:add",
                args=[meta.app_label, meta.model_name, bank["info"].get_parent().pk],
            ),
            reverse("wagtailadmin_pages:add_subpage", args=[bank["info"].get_parent().pk]),
            reverse("wagtailimages:index"),
            reverse("wagtailimages:add_multiple"),
            reverse("wagtaildocs:index"),
            reverse("wagtaildocs:add_multiple"),
            reverse("wagtailmedia:index"),
            reverse("wagtailmedia:add", args=["audio"]),
        ]
    if role in (roles.EDITORS, roles.TRANSLATORS):  # the Nynorsk trees
        urls += [
            reverse("wagtailadmin_explore", args=[bank["info_nn"].get_parent().pk]),
            # wagtail-localize's translation editor: the Nynorsk page and the term.
            reverse("wagtailadmin_pages:edit", args=[bank["info_nn"].pk]),
            _snippet("taxonomy.topic", "edit", bank["topic_nn"].pk),
            reverse("wagtail_localize:submit_page_translation", args=[bank["pack"].pk]),
        ]
    if role == roles.EDITORS:
        urls += [
            reverse("wagtailadmin_explore_root"),  # both trees side by side
            reverse("wagtailimages:edit", args=[bank["image"].pk]),
            reverse("wagtaildocs:edit", args=[bank["document"].pk]),
            reverse("wagtailmedia:edit", args=[bank["media"].pk]),
            _snippet("taxonomy.topic", "edit", bank["topic"].pk),
            _snippet("taxonomy.topic", "add"),
            _snippet("training.trainingevent"),
            _snippet("training.trainingevent", "edit", bank["event"].pk),
            _snippet("training.trainingevent", "add"),
            reverse("wagtailadmin_pages:move", args=[bank["info"].pk]),
            reverse("wagtailadmin_pages:set_privacy", args=[bank["info"].pk]),
            reverse("wagtailadmin_pages:unpublish", args=[bank["info"].pk]),
            reverse("wagtailadmin_pages:delete", args=[bank["info"].pk]),
        ]
    for url_name, report in OUR_REPORTS.items():
        if roles.role_may(role, report, roles.VIEW):
            urls.append(reverse(url_name))
    return urls


def _visit(client, url: str, missed: Missed) -> int:
    missed.where = url
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def _js_messages() -> dict[str, str]:
    """What the admin's JavaScript asks gettext for: every msgid of the upstream English
    djangojs templates of the installed apps, as ``/admin/jsi18n/`` keys them."""
    wanted = {}
    for catalogue in installed_catalogues():
        if catalogue.domain != "djangojs" or catalogue.app in JS_APPS_LEFT_OUT:
            continue
        for entry in catalogue.template():
            js_key = (
                f"{entry.msgctxt}{CONTEXT_SEPARATOR}{entry.msgid}" if entry.msgctxt else entry.msgid
            )
            wanted[js_key] = catalogue.name
    return wanted


def _served_catalogue(client) -> dict:
    js = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});\n", js, re.DOTALL)
    assert found, "no catalogue in /admin/jsi18n/"
    return json.loads(found.group(1))


def _own_js_catalogue(language: str) -> dict[str, polib.POEntry]:
    path = settings.BASE_DIR / "locale-admin" / language / "LC_MESSAGES" / "djangojs.po"
    return {
        (f"{e.msgctxt}{CONTEXT_SEPARATOR}{e.msgid}" if e.msgctxt else e.msgid): e
        for e in polib.pofile(str(path))
        if e.translated()
    }


def _untranslated_js(client, language: str) -> list[str]:
    served = _served_catalogue(client)
    own = _own_js_catalogue(language)
    gaps = []
    for js_key, catalogue in sorted(_js_messages().items()):
        msgid = js_key.rpartition(CONTEXT_SEPARATOR)[2]
        if msgid in SAME_IN_NORWEGIAN | NEVER_SHOWN or not LETTERS.search(
            PLACEHOLDERS.sub("", msgid)
        ):
            continue
        value = served.get(js_key)
        texts = value if isinstance(value, list) else [value]
        if value is None or not all(texts) or js_key not in own:
            gaps.append(f"  [{language}] {js_key!r} ({catalogue})")
    return gaps


def test_the_watch_records_what_the_active_catalogue_lacks(missed, monkeypatch):
    """What the acceptance test relies on: a message no catalogue has is recorded, one
    only the Bokmål has is recorded for Nynorsk (which falls back to it), a translated one
    and one the catalogues translate as itself ("URL") are not."""
    bokmal_only = "A message only the Bokmål catalogue has"
    bokmal = trans_real.translation("nb")
    monkeypatch.setitem(bokmal._catalog._catalogs[0], bokmal_only, "Bare på bokmål")
    for language in LANGUAGES:
        with translation.override(language):
            assert gettext("Save") != "Save"
            assert gettext("URL") == "URL"
            assert gettext("No catalogue has this message") == "No catalogue has this message"
            assert gettext(bokmal_only) == "Bare på bokmål"
            assert pgettext("test", "No catalogue has this either") == (
                "No catalogue has this either"
            )
            ngettext("%(count)s missing thing", "%(count)s missing things", 2)
    assert set(missed.found) == {
        ("nb", "No catalogue has this message"),
        ("nn", "No catalogue has this message"),
        ("nn", bokmal_only),
        ("nb", "test | No catalogue has this either"),
        ("nn", "test | No catalogue has this either"),
        ("nb", "%(count)s missing thing"),
        ("nn", "%(count)s missing thing"),
    }


STAFF = (roles.EDITORS, roles.CONTRIBUTORS, roles.TRANSLATORS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", STAFF)
def test_every_admin_string_a_role_meets_is_norwegian(
    client, role_users, admin_bank, missed, role, language
):
    user = role_users[role]
    assert not user.is_superuser
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    login_verified(client, user)

    visited = screens(role, admin_bank)
    refused = {url: status for url in visited if (status := _visit(client, url, missed)) != 200}
    for url_name in WAGTAIL_REPORTS:
        if _visit(client, reverse(url_name), missed) == 200:  # the role may see it
            visited.append(reverse(url_name))
    assert f'<html lang="{language}"' in client.get(reverse("wagtailadmin_home")).content.decode()

    gaps = missed.report()
    js_gaps = _untranslated_js(client, language)
    assert not refused, f"{role}: screens of its journeys that do not answer 200: {refused}"
    assert not gaps and not js_gaps, (
        f"{role} in {language}: {len(missed.found)} untranslated lookup(s) on "
        f"{len(visited)} screens:\n{gaps}\nJavaScript strings without a translation:\n"
        + "\n".join(js_gaps)
    )


@pytest.mark.parametrize(
    ("language", "heading", "more_actions"),
    [
        ("nb", "Oversettelse fra {source} til {target}", "Flere handlinger"),
        ("nn", "Omsetjing frå {source} til {target}", "Fleire handlingar"),
    ],
)
def test_the_translation_editor_gets_what_wagtail_localize_writes_in_english(
    client, role_users, admin_bank, language, heading, more_actions
):
    """wagtail-localize's React editor writes its heading ("<source> to <target>
    translation") and "More actions" without gettext: the admin's script (see
    localization/static/localization/translation-editor-strings.js) gets ours."""
    user = role_users[roles.TRANSLATORS]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    login_verified(client, user)
    url = reverse("wagtailadmin_pages:edit", args=[admin_bank["info_nn"].pk])
    html = client.get(url).content.decode()
    assert "js-translation-editor" in html
    assert "localization/translation-editor-strings" in html
    assert f'data-heading="{heading}"' in html
    assert f'data-more-actions="{more_actions}"' in html
