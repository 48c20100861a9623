"""The search page's question to a backend, and its answer.

Every backend in ``search.engines`` answers a ``PageQuery`` with a ``PageResult`` in
one round trip where it can: the ranked page of hits (one per page, in the
reader's written standard where that version exists), the exact total, and the
facet counts, all computed by the engine (grouped SQL on SQLite and PostgreSQL,
aggregations on OpenSearch and Elasticsearch).

The query's words are analyzed once (``search.analysis.analyze_query``); each
backend compiles the same expression tree into its own syntax with the helpers
below.
"""

from dataclasses import dataclass, field

from modelsearch.query import And, Or, PlainText

from search.analysis import QueryWord, analyze_query

FACETS = ("type", "audience", "topic", "day", "lang")

TITLE_WEIGHT = 4.0
AUTOCOMPLETE_CANDIDATES = 5  # hits fetched per suggestion wanted, before one per page


@dataclass
class PageQuery:
    words: list[QueryWord]
    operator: str = "and"  # every word ("and") or any word ("or")
    reader_lang: str = "nb"
    content_type_ids: list[int] = field(default_factory=list)  # result page types allowed
    hidden_paths: list[str] = field(default_factory=list)  # subtrees this reader may not see
    langs: list[str] = field(default_factory=list)  # filter: written standards
    audience: list[str] = field(default_factory=list)  # filter: audience slugs
    topic: list[str] = field(default_factory=list)  # filter: topic slugs
    day: list[str] = field(default_factory=list)  # filter: "MM-DD"
    offset: int = 0
    limit: int = 10
    facets: bool = True

    @property
    def one_version_each(self) -> bool:
        """Whether the reader's-version rule picks one version per page.

        With a filter on one written standard, only that standard's versions can
        match, so there is one per page already.
        """
        return len(set(self.langs)) != 1

    def expression(self):
        parts = [word.expression for word in self.words]
        if len(parts) == 1:
            return parts[0]
        return (self.operator, tuple(parts))


@dataclass
class PageResult:
    total: int = 0
    hits: list[tuple[int, float]] = field(default_factory=list)  # (page id, score), best first
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> count


# --- Compilers --------------------------------------------------------------------------------


def fts5_match(expression) -> str:
    """An FTS5 MATCH string (keys are word characters only, so quoting is plain)."""
    kind = expression[0]
    if kind == "term":
        return f'"{expression[1]}"'
    joiner = " AND " if kind == "and" else " OR "
    return "(" + joiner.join(fts5_match(child) for child in expression[1]) + ")"


def tsquery(expression) -> str:
    """A PostgreSQL tsquery in its text form."""
    kind = expression[0]
    if kind == "term":
        return "'" + expression[1].replace("'", "''") + "'"
    joiner = " & " if kind == "and" else " | "
    return "(" + joiner.join(tsquery(child) for child in expression[1]) + ")"


def engine_query(expression, title_field: str, body_field: str, title_boost: float) -> dict:
    """An Elasticsearch/OpenSearch bool query over pre-analyzed key fields."""
    kind = expression[0]
    if kind == "term":
        key = expression[1]
        return {
            "bool": {
                "should": [
                    {"term": {title_field: {"value": key, "boost": title_boost}}},
                    {"term": {body_field: {"value": key}}},
                ],
                "minimum_should_match": 1,
            }
        }
    children = [engine_query(c, title_field, body_field, title_boost) for c in expression[1]]
    if kind == "and":
        return {"bool": {"must": children}}
    return {"bool": {"should": children, "minimum_should_match": 1}}


def modelsearch_query(text: str, operator: str):
    """modelsearch's query tree for analyzed text: And/Or of PlainText keys."""

    def convert(expression):
        kind = expression[0]
        if kind == "term":
            return PlainText(expression[1])
        children = [convert(child) for child in expression[1]]
        return And(children) if kind == "and" else Or(children)

    query_words = analyze_query(text)
    if not query_words:
        return None
    parts = [convert(word.expression) for word in query_words]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def mark_analyzed(query):
    if isinstance(query, PlainText):
        query._analyzed = True
    for child in getattr(query, "subqueries", ()):
        mark_analyzed(child)
