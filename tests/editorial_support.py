"""Helpers shared by the editorial tests (roles, workflow, review, privacy)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resourcebank.editorial import roles


def make_user(django_user_model, username, role=None):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=username
    )
    if role:
        user.groups.add(roles.role_group(role))
    return user


def translate(page, locale, *, publish=True):
    """An nn translation as wagtail-localize's "copy for translation" makes it, then published."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation.specific


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
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
