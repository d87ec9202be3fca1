"""PostgreSQL search: each page's words in one stored `tsvector` (`SearchDocument`), stemmed in the page's language,
kept with Wagtail's index; the site search matches and ranks that column. Wagtail's own entries (title and body
vectors, one language for all) stay for the admin's search, ranked in one pass (see search_backend.py).

The site search ranks a bounded set: the pages with a word of the search in their title. Those outrank every page
that has the words only in its text (a title weighs ten times more), so the first pages of results are exact
without ranking the thousands of pages a common word occurs on; the rest are ranked only when a visitor pages
past the title matches.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import QuerySet
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.index import SearchField
from wagtail.models import Locale, Page, PageViewRestriction

from loket.knowledge.models import SearchDocument
from loket.knowledge.search_backend import OnePassResults

# PostgreSQL's text search configuration per page language; another language is only split into words.
CONFIGS = {"nl": "dutch", "en": "english"}
FALLBACK_CONFIG = "simple"
# How many title matches one statement ranks: ten pages of results.
CANDIDATES = 100
WEIGHTS = "ABCD"


def config_for(language_code: str) -> str:
    return CONFIGS.get(language_code.split("-")[0], FALLBACK_CONFIG)


def _texts_by_weight(page: Page) -> tuple[str, dict[str, str]]:
    """The page's title text, and all its searchable text by weight (the title's boost makes it A, the rest D)."""
    indexer = _Indexer(page)
    texts: dict[str, list[str]] = {weight: [] for weight in WEIGHTS}
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(page, field):
            if isinstance(current, SearchField) and value.strip():
                texts[weight].append(value.strip())
    return indexer.title_text, {weight: " ".join(parts) for weight, parts in texts.items()}


class _Indexer(ObjectIndexer):
    """Wagtail's extraction of a page's searchable text, without the backend it needs only for building vectors."""

    def __init__(self, obj: Any) -> None:
        self.obj = obj
        self.search_fields = obj.get_search_fields()


def store_documents(pages: Iterable[Page]) -> None:
    """Insert or replace the documents of these (specific) pages, in one statement."""
    pages = list(pages)
    if not pages:
        return
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    rows, params = [], []
    for page in pages:
        title, texts = _texts_by_weight(page)
        rows.append("(%s, %s, %s, %s, %s, %s, %s, %s, %s)")
        config = config_for(languages.get(page.locale_id, ""))
        params += [page.pk, page.locale_id, page.live, config, title, *(texts[w] for w in WEIGHTS)]
    vector = " || ".join(f"setweight(to_tsvector(v.config::regconfig, v.{w.lower()}), '{w}')" for w in WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO knowledge_searchdocument (page_id, locale_id, live, title, document)
            SELECT v.page_id, v.locale_id, v.live, to_tsvector(v.config::regconfig, v.title), {vector}
            FROM (VALUES {", ".join(rows)}) AS v(page_id, locale_id, live, config, title, a, b, c, d)
            ON CONFLICT (page_id) DO UPDATE SET locale_id = EXCLUDED.locale_id, live = EXCLUDED.live,
                title = EXCLUDED.title, document = EXCLUDED.document
            """,  # noqa: S608 - only placeholders and fixed weights are formatted in
            params,
        )


def page_live_changed(page: Page) -> None:
    """Publishing and unpublishing reach the search at once, before the background task re-indexes the page."""
    SearchDocument.objects.filter(page_id=page.pk).update(live=page.live)


@contextmanager
def _matching_through_the_index() -> Iterator[Any]:
    """A cursor on which the planner finds the matches through the GIN index. It estimates a text match far cheaper
    than it is, so for a word on a quarter of the pages it read the whole table and matched each row instead
    (150 ms against 40 ms over 100,000 pages)."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            yield cursor
        except DatabaseError:
            if connection.in_atomic_block:
                raise  # the transaction's rollback undoes the SET too; a RESET would fail in it and hide the error
            cursor.execute("RESET enable_seqscan")
            raise
        cursor.execute("RESET enable_seqscan")


class RankedPages(Sequence[int]):
    """The ids of the pages that match, best first, for Django's Paginator: its count and the first pages of
    results come from one statement; only a page of results past the title matches needs a second one."""

    def __init__(self, terms: list[str], *, operator: str, pages: QuerySet[Page], locale: Locale) -> None:
        config = config_for(locale.language_code)
        joiner = " && " if operator == "and" else " || "
        self._query = "(" + joiner.join(["plainto_tsquery(%s::regconfig, %s)"] * len(terms)) + ")"
        self._any = "(" + " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(terms)) + ")"
        self._query_params = [p for term in terms for p in (config, term)]
        # The document's own copy of the page's language and live flag: no page table to join for the count. Only
        # where pages are restricted to some visitors does the page filter join in (Wagtail's `public()`).
        self._filter, self._filter_params = "d.locale_id = %s AND d.live", [locale.pk]
        if PageViewRestriction.objects.exists():
            # Without the page tree's order: the pages are a filter here, and ordering them read all in path order.
            pages_sql, pages_params = pages.order_by().values("pk").query.sql_with_params()
            self._filter += f" AND d.page_id IN ({pages_sql})"
            self._filter_params += pages_params
        self._weights = get_sql_weights()
        self.total, self._titled, self._first = self._count_and_rank_first()

    def _match(self) -> tuple[str, list[Any]]:
        return f"d.document @@ {self._query} AND {self._filter}", [*self._query_params, *self._filter_params]

    def _count_and_rank_first(self) -> tuple[int, int, list[int]]:
        """The matches (the GIN index finds them; which have a word in their title rides along), counted; then the
        documents of the best title matches, ranked."""
        match, params = self._match()
        sql = f"""
            WITH hits AS MATERIALIZED (
                SELECT d.page_id, d.title @@ {self._any} AS titled FROM knowledge_searchdocument d WHERE {match}
            )
            SELECT counts.total, counts.titled, best.page_id
            FROM (SELECT count(*) AS total, count(*) FILTER (WHERE titled) AS titled FROM hits) AS counts
            LEFT JOIN LATERAL (
                SELECT d.page_id FROM knowledge_searchdocument d
                WHERE d.title @@ {self._any} AND d.page_id IN (SELECT page_id FROM hits WHERE titled)
                ORDER BY ts_rank(%s::float4[], d.document, {self._query}) DESC, d.page_id DESC
                LIMIT %s
            ) AS best ON true
        """  # noqa: S608 - the SQL of a queryset and placeholders only
        with _matching_through_the_index() as cursor:
            cursor.execute(
                sql,
                [*self._query_params, *params, *self._query_params, self._weights, *self._query_params, CANDIDATES],
            )
            rows = cursor.fetchall()
        return rows[0][0], rows[0][1], [row[2] for row in rows if row[2] is not None]

    def _ranked(self, *, titled: bool, start: int, stop: int) -> list[int]:
        if titled and stop <= len(self._first):
            return self._first[start:stop]
        match, params = self._match()
        sql = f"""
            SELECT d.page_id FROM knowledge_searchdocument d
            WHERE {match} AND {"" if titled else "NOT "}(d.title @@ {self._any})
            ORDER BY ts_rank(%s::float4[], d.document, {self._query}) DESC, d.page_id DESC
            LIMIT %s OFFSET %s
        """  # noqa: S608 - the SQL of a queryset and placeholders only
        with _matching_through_the_index() as cursor:
            cursor.execute(sql, [*params, *self._query_params, self._weights, *self._query_params, stop - start, start])
            return [row[0] for row in cursor.fetchall()]

    def count(self) -> int:  # type: ignore[override]  # the Paginator asks for count(), not len()
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(self.total if index.stop is None else index.stop, self.total)
        ids: list[int] = []
        if start < self._titled:
            ids += self._ranked(titled=True, start=start, stop=min(stop, self._titled))
        if stop > self._titled:
            ids += self._ranked(titled=False, start=max(start - self._titled, 0), stop=stop - self._titled)
        return ids


class DocumentIndex(PostgresIndex):
    """Wagtail's index, and each page's `SearchDocument` written in the same call."""

    def add_items(self, model: Any, objs: Any) -> None:
        super().add_items(model, objs)
        if issubclass(model, Page) and model.get_search_fields():
            store_documents(objs)

    def delete_item(self, item: Any) -> None:
        super().delete_item(item)
        if isinstance(item, Page):
            SearchDocument.objects.filter(page_id=item.pk).delete()

    def reset(self) -> None:
        super().reset()
        SearchDocument.objects.all().delete()


class OnePassPostgresResults(OnePassResults, PostgresSearchResults):
    def _rank_all(self) -> list[Any]:
        compiler = self.query_compiler
        ranked = compiler.search(compiler.get_config(self.backend), None, None, backend=self.backend)
        return list(ranked.values_list("pk", flat=True))


class OnePassPostgresSearchBackend(PostgresSearchBackend):
    results_class = OnePassPostgresResults
    index_class = DocumentIndex
