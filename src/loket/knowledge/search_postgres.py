"""PostgreSQL search ranked in one pass; see search_backend.py."""

from typing import Any

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchResults

from loket.knowledge.search_backend import OnePassResults


class OnePassPostgresResults(OnePassResults, PostgresSearchResults):
    def _rank_all(self) -> list[Any]:
        compiler = self.query_compiler
        ranked = compiler.search(compiler.get_config(self.backend), None, None, backend=self.backend)
        return list(ranked.values_list("pk", flat=True))


class OnePassPostgresSearchBackend(PostgresSearchBackend):
    results_class = OnePassPostgresResults
