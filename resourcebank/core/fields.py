"""Model fields every app declares the same way."""

from django.db import models


def optional_foreign_key(
    to, verbose_name, *, on_delete=models.SET_NULL, related_name="+", **kwargs
):
    """A link that may be empty: null and blank, emptied when its target is deleted (unless
    `on_delete` says otherwise), and no reverse accessor unless `related_name` is given."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
        **kwargs,
    )
