"""Shared taxonomy: translatable snippets used by every section."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class NamedTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term with a name and a slug, the slug unique per locale (it is in addresses)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_%(class)s_slug_locale")
        ]

    def __str__(self):
        return self.name


class Term(NamedTerm):
    """A named term with a description: an audience or a topic."""

    description = models.TextField(_("description"), blank=True)

    panels = NamedTerm.panels + [FieldPanel("description")]
    translatable_fields = NamedTerm.translatable_fields + [TranslatableField("description")]

    class Meta(NamedTerm.Meta):
        abstract = True


class Audience(Term):
    """Who a resource is for: trustees, elected members, new members, ..."""

    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Topic(Term):
    """What a resource is about."""

    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class CommemorationDay(TranslatableMixin, index.Indexed, models.Model):
    """A day the party marks every year (8 March, 1 May, ...)."""

    name = models.CharField(_("name"), max_length=100)
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("month"),
        FieldPanel("day"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("month"),
        SynchronizedField("day"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["month", "day"]
        verbose_name = _("commemoration day")
        verbose_name_plural = _("commemoration days")

    def __str__(self):
        return f"{self.name} ({self.day}.{self.month}.)"

    def clean(self):
        super().clean()
        try:
            # 2024 is a leap year, so 29 February is accepted.
            datetime.date(2024, self.month or 0, self.day or 0)
        except (TypeError, ValueError):
            raise ValidationError(
                {"day": _("This is not a date in the year. Check the day and the month.")}
            ) from None


class County(NamedTerm):
    """A county branch (fylkeslag)."""

    class Meta(NamedTerm.Meta):
        verbose_name = _("county")
        verbose_name_plural = _("counties")


class LocalBranch(NamedTerm):
    """A local branch (lokallag): the party in one municipality or city district."""

    county = models.ForeignKey(
        County,
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        related_name="local_branches",
    )
    member_count = models.PositiveIntegerField(
        _("approximate number of members"), null=True, blank=True
    )

    panels = NamedTerm.panels + [FieldPanel("county"), FieldPanel("member_count")]
    translatable_fields = NamedTerm.translatable_fields + [
        TranslatableField("county"),  # points at the county in the same language
        SynchronizedField("member_count"),
    ]

    class Meta(NamedTerm.Meta):
        verbose_name = _("local branch")
        verbose_name_plural = _("local branches")
