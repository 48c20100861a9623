# ruff: noqa: S608 - table and column names come from the models; every value is a parameter
"""The search page on SQLite and PostgreSQL: hits, total and facets in one statement.

Both database backends store each page's analyzed keys in modelsearch's
``IndexEntry`` (SQLite mirrors it into an FTS5 table, PostgreSQL keeps tsvectors
with GIN indexes). The vendor supplies the ``matched`` part: pages whose keys match
the query, with a score where lower is better. Everything after is the same SQL:

- ``matched``: live pages of the result types, outside the subtrees this reader
  may not see, passing the filters, whose text (or their other version's) matches;
- ``shown``: one row per page (``translation_key``): the reader's version where
  it matched, else the source language's, else any (a window function);
- one ``UNION ALL`` of the page of hits, the total and each facet's counts,
  grouped in SQL.

No Python pass over hit lists: Python only reads back about a hundred rows.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router

from wagtail.models import Locale, Page

from search.documents import source_language
from search.facets import day_sources, m2m_sources
from search.pagesearch import AUTOCOMPLETE_CANDIDATES, PageQuery, PageResult

PAGE = Page._meta.db_table
LOCALE = Locale._meta.db_table

# Matching versions up to which every one is ranked; past it, the versions with every
# query word in the title are ranked first (ranking costs a few µs a row).
RANK_ALL = 2000


def _is_specific_page(obj) -> bool:
    """A page in its own class (update_index also indexes pages as plain Page objects)."""
    return isinstance(obj, Page) and type(obj) is obj.specific_class


def meta_tokens(document) -> str:
    """Tokens the search page filters by: the readers' languages it is shown to, its own."""
    tokens = [f"show{token_code(lang)}" for lang in document.show_for]
    tokens.append(f"lang{token_code(document.lang)}")
    return " ".join(tokens)


def token_code(language: str) -> str:
    return "".join(c for c in language.lower() if c.isalnum())


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _m2m_filter(field_name: str, slugs: list[str]) -> tuple[str, list]:
    selects, params = [], []
    for source in m2m_sources(field_name):
        selects.append(
            f"SELECT t.{source.page_column} FROM {source.table} t "
            f"JOIN {source.term_table} term ON term.id = t.{source.term_column} "
            f"WHERE term.slug IN ({_placeholders(slugs)})"
        )
        params.extend(slugs)
    if not selects:
        return "1 = 0", []
    return f"p.id IN ({' UNION ALL '.join(selects)})", params


def _day_filter(keys: list[str]) -> tuple[str, list]:
    days = []
    for key in keys:
        month, day = key.split("-")
        days.append((int(month), int(day)))
    condition = " OR ".join(["(d.month = %s AND d.day = %s)"] * len(days))
    selects, params = [], []
    for source in day_sources():
        selects.append(
            f"SELECT x.{source.page_column} FROM {source.table} x "
            f"JOIN {source.term_table} d ON d.id = x.{source.term_column} WHERE {condition}"
        )
        params.extend(v for pair in days for v in pair)
    if not selects:
        return "1 = 0", []
    return f"p.id IN ({' UNION ALL '.join(selects)})", params


def page_filters(query: PageQuery, alias: str = "p") -> tuple[str, list]:
    """The WHERE conditions every search and autocomplete shares: privacy first."""
    conditions = [f"{alias}.live = %s"]
    params: list = [True]
    if query.content_type_ids:
        conditions.append(f"{alias}.content_type_id IN ({_placeholders(query.content_type_ids)})")
        params.extend(query.content_type_ids)
    else:
        conditions.append("1 = 0")
    if query.hidden_paths:
        hidden = " OR ".join([f"{alias}.path LIKE %s"] * len(query.hidden_paths))
        conditions.append(f"NOT ({hidden})")
        params.extend(f"{path}%" for path in query.hidden_paths)
    if query.langs:
        conditions.append(
            f"{alias}.locale_id IN (SELECT id FROM {LOCALE} "
            f"WHERE language_code IN ({_placeholders(query.langs)}))"
        )
        params.extend(query.langs)
    for field_name, slugs in (("audiences", query.audience), ("topics", query.topic)):
        if slugs:
            sql, more = _m2m_filter(field_name, slugs)
            conditions.append(sql)
            params.extend(more)
    if query.day:
        sql, more = _day_filter(query.day)
        conditions.append(sql)
        params.extend(more)
    return " AND ".join(conditions), params


def _m2m_facet(name: str, field_name: str) -> str:
    selects = [
        f"SELECT {s.page_column} AS page_id, {s.term_column} AS term_id FROM {s.table}"
        for s in m2m_sources(field_name)
    ]
    if not selects:
        return ""
    term_table = m2m_sources(field_name)[0].term_table
    return (
        f" UNION ALL SELECT '{name}', term.slug, COUNT(DISTINCT s.id) FROM shown s "
        f"JOIN ({' UNION ALL '.join(selects)}) t ON t.page_id = s.id "
        f"JOIN {term_table} term ON term.id = t.term_id GROUP BY term.slug"
    )


def _day_facet() -> str:
    selects = [
        f"SELECT {s.page_column} AS page_id, {s.term_column} AS day_id FROM {s.table}"
        for s in day_sources()
    ]
    if not selects:
        return ""
    day_table = day_sources()[0].term_table
    return (
        " UNION ALL SELECT 'day', CAST(d.month * 100 + d.day AS TEXT), "
        f"COUNT(DISTINCT s.id) FROM shown s JOIN ({' UNION ALL '.join(selects)}) x "
        f"ON x.page_id = s.id JOIN {day_table} d ON d.id = x.day_id GROUP BY d.month, d.day"
    )


def counts_sql(
    query: PageQuery,
    *,
    body: str,
    where: str,
    where_params: list,
    shown: str,
    matched: str,
    shown_flag: tuple[str, list] | None = None,
) -> tuple[str, list]:
    """The SQL (and its parameters) that counts a search's results and, when the query
    asks for facets, each facet value's results: type, audience, topic, day, and written
    standard. `body` is the engine's FROM … WHERE <match %s>, `shown` the match for the
    results (one version per page), `matched` for every matching version: the written
    standards count versions, in one pass grouped by locale (not one pass per language).

    `shown_flag`, where the engine can tell cheaply from a matching row whether it is
    the version shown (PostgreSQL: one more ``@@`` on the row in hand), is that SQL
    condition and its parameters: every matching version is then read once and the
    results are those flagged, instead of a second scan and join for the languages.
    """
    one_pass = query.facets and shown_flag is not None
    if one_pass:
        flag, flag_params = shown_flag
        sql = (
            "WITH matched AS MATERIALIZED (SELECT p.id AS id, p.content_type_id AS ct, "
            f"p.locale_id AS locale_id, {flag} AS shown {body} AND {where}), "
            "shown AS MATERIALIZED (SELECT id, ct FROM matched WHERE shown) "
        )
        params = [*flag_params, matched, *where_params]
    else:
        sql = (
            "WITH shown AS MATERIALIZED "
            f"(SELECT p.id AS id, p.content_type_id AS ct {body} AND {where}) "
        )
        params = [shown, *where_params]
    sql += "SELECT 'total', '', COUNT(*) FROM shown"
    if query.facets:
        sql += " UNION ALL SELECT 'type', CAST(ct AS TEXT), COUNT(*) FROM shown GROUP BY ct"
        sql += _m2m_facet("audience", "audiences") + _m2m_facet("topic", "topics")
        sql += _day_facet()
        versions = "matched" if one_pass else f"(SELECT p.locale_id {body} AND {where})"
        sql += (
            f" UNION ALL SELECT 'lang', l.language_code, COUNT(*) FROM {versions} v "
            f"JOIN {LOCALE} l ON l.id = v.locale_id GROUP BY l.language_code"
        )
        if not one_pass:
            params.extend([matched, *where_params])
    return sql, params


class SQLPageSearchMixin:
    """``search_pages`` and ``autocomplete_pages`` for a database backend."""

    def matched_sql(self, query: PageQuery, where: str) -> tuple[str, list]:
        """SELECT id, tk, locale_id, ct, score of the pages matching (vendor-specific)."""
        raise NotImplementedError

    def autocomplete_sql(self, prefixes: list[str], where: str) -> tuple[str, list]:
        """SELECT id, tk, locale_id, score of the pages whose title words start so."""
        raise NotImplementedError

    def _connection(self):
        return connections[router.db_for_read(Page)]

    def search_pages(self, query: PageQuery) -> PageResult:
        where, where_params = page_filters(query)
        matched, params = self.matched_sql(query, where)
        params = [*params, *where_params]
        if query.one_version_each:
            shown = (
                "SELECT id, ct, score FROM (SELECT id, ct, score, ROW_NUMBER() OVER ("
                "PARTITION BY tk ORDER BY CASE WHEN locale_id = "
                f"(SELECT id FROM {LOCALE} WHERE language_code = %s) THEN 0 WHEN locale_id = "
                f"(SELECT id FROM {LOCALE} WHERE language_code = %s) THEN 1 ELSE 2 END, "
                "score, id) AS version_rank FROM matched) versions WHERE version_rank = 1"
            )
            params.extend([query.reader_lang, source_language()])
        else:
            shown = "SELECT id, ct, score FROM matched"
        sql = (
            f"WITH matched AS MATERIALIZED ({matched}), shown AS MATERIALIZED ({shown}) "
            "SELECT * FROM (SELECT 'hit' AS kind, CAST(id AS TEXT) AS value, score AS n "
            "FROM shown ORDER BY score, id LIMIT %s OFFSET %s) hits "
            "UNION ALL SELECT 'total', '', COUNT(*) FROM shown"
        )
        params.extend([query.limit, query.offset])
        if query.facets:
            sql += (
                " UNION ALL SELECT 'type', CAST(ct AS TEXT), COUNT(*) FROM shown GROUP BY ct"
                " UNION ALL SELECT 'lang', l.language_code, COUNT(*) FROM matched m "
                f"JOIN {LOCALE} l ON l.id = m.locale_id GROUP BY l.language_code"
            )
            sql += _m2m_facet("audience", "audiences") + _m2m_facet("topic", "topics")
            sql += _day_facet()
        return self._read_counts(sql, params)

    def best_hits(
        self, candidates: str, params: list, query: PageQuery, where: str, where_params: list
    ) -> list[tuple[int, float]]:
        """The page of hits (``offset``, ``limit``): the best matches that pass the page filters.

        ``candidates`` (``SELECT id, score FROM <index> WHERE <match>``) scores matches
        in the index alone. Only the best few (twice what the page needs, and ten) are
        checked against the page table (live, type, view restrictions, filters), in one
        query by primary key, instead of joining every match before sorting. If too few
        of those pass (many hidden or unpublished pages among the best), every match is
        ranked with the join, as the order must not depend on this shortcut.
        """
        wanted = query.offset + query.limit
        size = 2 * wanted + 10
        rows = self._fetch(f"{candidates} ORDER BY score, id LIMIT %s", [*params, size])
        if not rows:
            return []
        ids = [int(pk) for pk, _score in rows]
        visible = {
            int(pk)
            for (pk,) in self._fetch(
                f"SELECT p.id FROM {PAGE} p WHERE p.id IN ({_placeholders(ids)}) AND {where}",
                [*ids, *where_params],
            )
        }
        passing = [(int(pk), float(score)) for pk, score in rows if int(pk) in visible]
        if len(passing) >= wanted or len(rows) < size:
            return passing[query.offset : wanted]
        rows = self._fetch(
            f"SELECT c.id, c.score FROM ({candidates}) c JOIN {PAGE} p ON p.id = c.id "
            f"WHERE {where} ORDER BY c.score, c.id LIMIT %s OFFSET %s",
            [*params, *where_params, query.limit, query.offset],
        )
        return [(int(pk), float(score)) for pk, score in rows]

    def _fetch(self, sql: str, params: list) -> list:
        with self._connection().cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _read_counts(self, sql: str, params: list) -> PageResult:
        """A PageResult from rows of (kind, value, number): hits, total and facet counts."""
        rows = self._fetch(sql, params)
        result = PageResult()
        facets: dict[str, dict[str, int]] = {}
        for kind, value, number in rows:
            if kind == "hit":
                result.hits.append((int(value), float(number)))
            elif kind == "total":
                result.total = int(number)
            elif kind == "type":
                model = ContentType.objects.get_for_id(int(value)).model_class()
                facets.setdefault("type", {})[model._meta.model_name] = int(number)
            elif kind == "day":
                key = f"{int(value) // 100:02d}-{int(value) % 100:02d}"
                facets.setdefault("day", {})[key] = int(number)
            else:
                facets.setdefault(kind, {})[value] = int(number)
        result.facets = facets
        return result

    def autocomplete_pages(self, query: PageQuery, prefixes: list[str]) -> list[tuple]:
        """(page id, translation_key, language) of the best title matches, several per page."""
        where, where_params = page_filters(query)
        matched, params = self.autocomplete_sql(prefixes, where)
        sql = (
            f"SELECT m.id, m.tk, l.language_code FROM ({matched}) m "
            f"JOIN {LOCALE} l ON l.id = m.locale_id ORDER BY m.score, m.id LIMIT %s"
        )
        with self._connection().cursor() as cursor:
            cursor.execute(sql, [*params, *where_params, query.limit * AUTOCOMPLETE_CANDIDATES])
            return [(int(pk), str(tk), lang) for pk, tk, lang in cursor.fetchall()]


class FilteredListing(SQLPageSearchMixin):
    """The search page without words: every page the filters cover, newest first.

    A taxonomy term found by a search leads here (``?tema=klima``): its listing across
    every resource type. Filters need no text search, so this runs on the database
    whichever backend searches, with the same filters, privacy, one version per page
    and facet counts as a search.
    """

    def matched_sql(self, query: PageQuery, where: str) -> tuple[str, list]:
        return (
            "SELECT p.id AS id, p.translation_key AS tk, p.locale_id AS locale_id, "
            "p.content_type_id AS ct, "
            "ROW_NUMBER() OVER (ORDER BY p.last_published_at DESC NULLS LAST, p.id) AS score "
            f"FROM {PAGE} p WHERE {where}",
            [],
        )
