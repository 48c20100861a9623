"""Wagtail's moderation e-mail strings that Wagtail's own Bokmål catalogue lacks.

Wagtail renders its moderation e-mails (``wagtailadmin/notifications/``) in the
recipient's language, but its ``nb`` catalogue misses these sentences and it
has no ``nn`` catalogue. Listing the exact msgids here puts them into our
``locale/`` catalogues (``makemessages``), which take precedence over Wagtail's,
so the e-mails read Norwegian once the catalogues are translated. Nothing
imports this module; it exists for ``makemessages``.
"""

from django.utils.translation import gettext_noop

MODERATION_EMAIL_STRINGS = [
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" '
        "by %(requester)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" '
        "by %(rejector)s."
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The following comment was left: "%(comment)s"'),
]
