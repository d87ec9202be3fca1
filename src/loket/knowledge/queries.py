"""Reads: site search with highlighted snippets, and feedback."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q, QuerySet
from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet

from loket.knowledge.models import ContentPage, Feedback

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 220
VISITOR_KEY = "loket_visitor"


@dataclass(frozen=True)
class Hit:
    page: Page
    # Alternating plain text and matched text: ("before ", "match", " after", ...); the template escapes both.
    snippet: tuple[str, ...]


@dataclass
class SearchResults:
    query: str
    terms: list[str] = field(default_factory=list)
    truncated: bool = False
    some_words: bool = False  # no page had every word, so these have some of them
    page: PaginatorPage | None = None
    hits: list[Hit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count if self.page else 0


def clean_query(raw: str) -> tuple[str, list[str], bool]:
    """The query as we will show it, its search terms, and whether it was cut to the maximum length.

    Only letters and digits reach the search backend: quotes, operators and control characters mean
    something to SQLite's FTS5 and PostgreSQL's tsquery, and a visitor never intends that.
    """
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    truncated = len(text) > MAX_QUERY_LENGTH
    query = " ".join(text[:MAX_QUERY_LENGTH].split())
    terms: list[str] = []
    for word in re.findall(r"\w+", query.casefold()):
        if word not in terms and word.strip("_"):
            terms.append(word)
    return query, terms[:MAX_TERMS], truncated


def search_pages(raw_query: str, *, locale: Locale, page_number: str | int | None = 1) -> SearchResults:
    query, terms, truncated = clean_query(raw_query)
    results = SearchResults(query=query, terms=terms, truncated=truncated)
    if not terms:
        return results
    pages = Page.objects.live().public().filter(locale=locale)
    # Pages with every word first; only when there are none, pages with some of them.
    found = _search(pages, terms, operator="and", locale=locale)
    if len(terms) > 1 and not found.count():
        found = _search(pages, terms, operator="or", locale=locale)
        results.some_words = True
    results.page = Paginator(found, RESULTS_PER_PAGE).get_page(page_number)
    ids = [getattr(item, "id", item) for item in results.page.object_list]  # pages (SQLite) or their ids
    specific = pages.filter(id__in=ids).specific().in_bulk()  # one query per page type, not per hit
    for page in (specific[page_id] for page_id in ids if page_id in specific):  # (one deleted meanwhile)
        text = page.plain_text() if isinstance(page, ContentPage) else page.title
        results.hits.append(Hit(page=page, snippet=snippet(text, terms)))
    return results


def _search(pages: PageQuerySet, terms: list[str], *, operator: str, locale: Locale) -> Any:
    """The matching pages best first, as a sliceable list with a count. PostgreSQL: the stored documents in the
    pages' language (search_postgres.py); SQLite: Wagtail's search over its FTS5 index."""
    if connection.vendor == "postgresql":
        from loket.knowledge.search_postgres import RankedPages

        return RankedPages(terms, operator=operator, pages=pages, locale=locale)
    return pages.search(" ".join(terms), operator=operator)


def _stem(term: str) -> str:
    """A crude prefix stem, so "richtlijn" also marks "richtlijnen" (the backend does the real stemming)."""
    return term if len(term) <= 5 else term[: max(5, len(term) - 2)]


BLOCK_SEPARATOR = " · "


def joined_blocks(text: str) -> str:
    """Lines (blocks) on one line: a space after a block that ends a sentence, a middle dot after one that does not."""
    out = ""
    for line in (" ".join(line.split()) for line in text.splitlines()):
        if not line:
            continue
        if out:
            out += " " if out[-1] in ".!?:;…" else BLOCK_SEPARATOR
        out += line
    return out


def snippet(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> tuple[str, ...]:
    """The part of `text` around the first matching term, split into plain and matched pieces. A line of `text` is a
    block of the page (a heading, a paragraph): where one ends without a full stop, a middle dot marks the boundary,
    so "Klokkenluider" and "Wie te goeder trouw…" do not read as one sentence."""
    text = joined_blocks(text)
    if not terms:
        return (text[:length],)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(_stem(t)) for t in terms) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    window = text[start:end]
    parts: list[str] = []
    cursor = 0
    for match in pattern.finditer(window):
        parts += [window[cursor : match.start()], match.group(0)]
        cursor = match.end()
    parts.append(window[cursor:])
    if start > 0:
        parts[0] = "… " + parts[0]
    if end < len(text):
        parts[-1] += " …"
    return tuple(parts)


def feedback_of_visitor(page: Page, visitor: str | None) -> Feedback | None:
    if not visitor:
        return None
    return Feedback.objects.filter(page=page, visitor=visitor).first()


def feedback_scores() -> QuerySet[Page]:
    """Pages that received feedback, with their counts; the least useful first."""
    return (
        Page.objects.filter(feedback__isnull=False)
        .annotate(
            useful_count=Count("feedback", filter=Q(feedback__useful=True)),
            not_useful_count=Count("feedback", filter=Q(feedback__useful=False)),
            comment_count=Count("feedback", filter=~Q(feedback__comment="")),
        )
        .order_by("-not_useful_count", "title")
    )
