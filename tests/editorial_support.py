"""Helpers shared by the editorial tests (roles, workflow, review, privacy)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resourcebank.editorial import roles
from resourcebank.stories import services as story_services
from tests import factories

PASSWORD = "pw"  # noqa: S105 - every test user's (make_user)


def make_user(django_user_model, username, role=None):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username
    )
    if role:
        user.groups.add(roles.role_group(role))
    return user


def post_form(client, url, data):
    """Open a form's page as a browser does (CSRF cookie and token) and send the form."""
    form = client.get(url)
    assert form.status_code == 200
    return client.post(url, {**data, "csrfmiddlewaretoken": str(form.context["csrf_token"])})


def translate(page, locale, *, publish=True):
    """An nn translation as wagtail-localize's "copy for translation" makes it (or the one
    that exists), with a new revision, then published unless `publish` is False."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    elif translation.alias_of_id:  # a page not yet translated: make it one of its own
        translation.alias_of_id = None
        translation.save(update_fields=["alias_of_id"], clean=False)
    translation = translation.specific
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation.specific


def publish(page, user=None):
    """Publish `page`. A Bokmål campaign pack goes live only with its Nynorsk version, so
    one without gets a Nynorsk draft first (``publish_pack``)."""
    if _needs_nynorsk(page):
        return publish_pack(page, user=user)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def request_approval(page, user):
    """A new revision of `page` by `user`, sent into its workflow ("Send til godkjenning")."""
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def send_story(story_index, user, **fields):
    """A success story sent in by `user` as the public form sends it: "Vi vervet tjue"
    in a new county, without photos, unless `fields` say otherwise."""
    values = {
        "title": "Vi vervet tjue",
        "local_branch": None,
        "what_was_done": "Ringte alle.",
        "result": "Tjue nye.",
        "how": "Sammen.",
        "images": [],
        **fields,
    }
    if "county" not in values:
        values["county"] = factories.CountyFactory()
    return story_services.success_story_submit(user=user, story_index=story_index, **values)


def _needs_nynorsk(page) -> bool:
    from wagtail.models import Locale

    from resourcebank.campaigns.models import CampaignPackPage

    nn = Locale.objects.filter(language_code="nn").first()
    return (
        isinstance(page.specific, CampaignPackPage)
        and page.locale.language_code == "nb"
        and nn is not None
        and page.get_translation_or_none(nn) is None
    )


def publish_pack(page, user=None):
    """A live Bokmål campaign pack: its revision, a Nynorsk translation made after it (a
    draft), then the revision published (the both-standards rule lets it go live)."""
    from wagtail.models import Locale

    revision = page.save_revision(user=user)
    nn = Locale.objects.get(language_code="nn")
    if page.get_translation_or_none(nn) is None:
        translate(page, nn, publish=False)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def _blocks(stream_value):
    """(type, value) pairs as the form posts them: an empty optional field is left out."""
    return [
        (block.block_type, {k: v for k, v in block.value.items() if v is not None})
        for block in stream_value
    ]


def campaign_pack_form_data(page, **overrides):
    """The admin edit form's POST data for a campaign pack, as the editor sends it."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "message": page.message,
            "body": streamfield([]),
            "materials": inline_formset([]),
            "poster_templates": inline_formset([]),
            "suggested_events": streamfield(_blocks(page.suggested_events)),
            "member_activities": streamfield(_blocks(page.member_activities)),
            "elected_kit": streamfield(_blocks(page.elected_kit)),
            "summary": page.summary,
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    data.update(overrides)
    return data


# A second factor with a known key, so tests (and the browser journeys) can make its codes.
TEST_TOTP_KEY = "3132333435363738393031323334353637383930"


def give_second_factor(user):
    """A confirmed authenticator-app device for `user`, with ``TEST_TOTP_KEY``."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "test", "key": TEST_TOTP_KEY}
    )
    return device


def totp_code(key: str = TEST_TOTP_KEY) -> str:
    """The code an authenticator app with `key` shows now."""
    from binascii import unhexlify

    from django_otp.oath import totp

    return f"{totp(unhexlify(key)):06d}"


def login_verified(client, user):
    """Log `user` in as ``client.force_login`` does, with a second factor proved in the
    session (staff need one for the admin; for members it changes nothing)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    client.force_login(user)
    device = give_second_factor(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
