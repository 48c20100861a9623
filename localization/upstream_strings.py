"""Messages upstream code translates that its own English template lacks.

wagtailmedia's ``Media`` model has ``verbose_name_plural = _("media items")``, but its
``locale/en`` template has no "media items", so the admin catalogues (which follow the
upstream templates, ``localization/admin_catalogues``) cannot carry it and the admin
would say "media items" in English. Listing the msgid here puts it into our ``locale/``
catalogues (``make messages``), which take precedence. Nothing imports this module; it
exists for ``makemessages``.
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    gettext_noop("media items"),  # wagtailmedia.models.Media.Meta.verbose_name_plural
]
