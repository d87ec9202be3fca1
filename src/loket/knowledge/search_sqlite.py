"""SQLite search ranked in one pass; see search_backend.py. Imported only when the database is SQLite."""

import math
from typing import Any

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchBackend, SQLiteSearchResults
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from loket.knowledge.search_backend import OnePassResults


class OnePassSQLiteResults(OnePassResults, SQLiteSearchResults):
    def _one_pass(self) -> bool:
        return super()._one_pass() and not isinstance(normalize(self.query_compiler.query), (MatchAll, Not))

    def _rank_all(self) -> list[Any]:
        """The match runs once for the scores and once as the page filter; bm25 ranks lower as better."""
        compiler = self.query_compiler
        model = compiler.queryset.model
        hits = (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query))
                )
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
            .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), None))
        )
        scores: dict[Any, float] = {}
        for object_id, score in hits.values_list("index_entry__object_id", "score"):
            pk = model._meta.pk.to_python(object_id)
            scores[pk] = min(score, scores.get(pk, math.inf))
        allowed = compiler.queryset.filter(pk__in=hits.values("index_entry__object_id")).values_list("pk", flat=True)
        # A page indexed between the two reads has no score yet: it waits for the next search (no KeyError).
        return sorted((pk for pk in allowed if pk in scores), key=lambda pk: (scores[pk], -pk))


class OnePassSQLiteSearchBackend(SQLiteSearchBackend):
    results_class = OnePassSQLiteResults
