"""Which page types are search results, and where their facet values live in the database."""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType

from wagtail.models import get_page_models


@cache
def result_page_models() -> tuple:
    """Page types that are search results: every page type with a summary to show."""
    return tuple(
        model
        for model in get_page_models()
        if any(f.name == "summary" for f in model._meta.get_fields())
    )


def models_with_field(name: str) -> list:
    return [m for m in result_page_models() if any(f.name == name for f in m._meta.get_fields())]


def content_type_ids(models) -> list[int]:
    return sorted(ct.pk for ct in ContentType.objects.get_for_models(*models).values())


@dataclass(frozen=True)
class TermSource:
    """A table joining pages to taxonomy terms: page_column -> term_column -> term table."""

    table: str
    page_column: str
    term_column: str
    term_table: str


@cache
def m2m_sources(field_name: str) -> tuple[TermSource, ...]:
    """The through tables of every result page type's ``field_name`` (audiences, topics)."""
    sources = []
    for model in models_with_field(field_name):
        m2m = model._meta.get_field(field_name)
        through = m2m.remote_field.through
        sources.append(
            TermSource(
                table=through._meta.db_table,
                page_column=through._meta.get_field(m2m.m2m_field_name()).column,
                term_column=through._meta.get_field(m2m.m2m_reverse_field_name()).column,
                term_table=m2m.related_model._meta.db_table,
            )
        )
    return tuple(sources)


@cache
def day_sources() -> tuple[TermSource, ...]:
    """The tables of every result page type with a commemoration day."""
    sources = []
    for model in models_with_field("commemoration_day"):
        fk = model._meta.get_field("commemoration_day")
        sources.append(
            TermSource(
                table=model._meta.db_table,
                page_column=model._meta.pk.column,
                term_column=fk.column,
                term_table=fk.related_model._meta.db_table,
            )
        )
    return tuple(sources)
