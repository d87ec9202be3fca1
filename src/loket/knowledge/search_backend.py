"""Wagtail's database search backend, ranking every match once per search.

Wagtail pages and counts a search with separate queries, and on SQLite ranks through a correlated subquery
that runs the full-text match once per candidate page (2.4 s for a common word over 10,000 pages). Here
each search ranks all its matches in one pass; the page of results and the count are cut from that list,
which every slice of one result shares. Indexing stays Wagtail's own.
"""

from typing import Any

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


class OnePassResults:
    """Mixed into a backend's results class; `_rank_all` returns every allowed match's primary key, best first."""

    query_compiler: Any
    start: int
    stop: int | None
    _score_field: str | None

    def _rank_all(self) -> list[Any]:
        raise NotImplementedError

    def _one_pass(self) -> bool:
        return bool(self.query_compiler.order_by_relevance and not self._score_field)

    def _ranked_pks(self) -> list[Any]:
        compiler = self.query_compiler
        if not hasattr(compiler, "loket_ranked_pks"):
            compiler.loket_ranked_pks = self._rank_all()
        return compiler.loket_ranked_pks

    def _do_search(self) -> list[Any]:
        if not self._one_pass():
            return super()._do_search()  # type: ignore[misc]
        ranked = self._ranked_pks()[self.start : self.stop]
        objects = self.query_compiler.queryset.in_bulk(ranked)
        return [objects[pk] for pk in ranked]

    def _do_count(self) -> int:
        if not self._one_pass():
            return super()._do_count()  # type: ignore[misc]
        return len(self._ranked_pks()[self.start : self.stop])


# Wagtail looks up this name in a backend module.
def SearchBackend(params: dict[str, Any]) -> Any:
    backend = database_backend(params)
    # Imported here: each module needs the index models of its own database.
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        from loket.knowledge.search_sqlite import OnePassSQLiteSearchBackend

        return OnePassSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from loket.knowledge.search_postgres import OnePassPostgresSearchBackend

        return OnePassPostgresSearchBackend(params)
    return backend
