"""A bad query string is a 400 with a message in English (``message``, as Wagtail's API
gives it) and in Bokmål (``message_nb``), never a server error."""

from django.db import connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.api.v2.utils import BadRequestError

# Wagtail's own messages (limit, offset, fields, child_of, ...) exist in English only.
GENERIC = _("The query string is not valid: %(detail)s")


class QueryError(BadRequestError):
    """A bad query string: ``message`` (a lazy gettext string, English msgid) % ``params``."""

    def __init__(self, message, **params):
        with translation.override("en"):
            english = str(message) % params
        with translation.override("nb"):
            self.bokmal = str(message) % params
        super().__init__(english)


def error_body(error: BadRequestError) -> dict:
    english = str(error)
    bokmal = getattr(error, "bokmal", None)
    if bokmal is None:
        with translation.override("nb"):
            bokmal = str(GENERIC) % {"detail": english}
    return {"message": english, "message_nb": bokmal}


def parse_id(value: str, name: str) -> int:
    """A query parameter that must be an id."""
    try:
        return int(value)
    except ValueError as error:
        raise QueryError(_("%(name)s must be an id (a whole number)"), name=name) from error


def id_in_range(model, value: int) -> bool:
    """Whether the database can look `value` up as `model`'s primary key at all (an id
    beyond the column's range is not found, rather than a database error)."""
    column = model._meta.pk
    while column.is_relation:  # a page type's key is its link to the page (page_ptr)
        column = column.target_field
    low, high = connection.ops.integer_field_range(column.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)
