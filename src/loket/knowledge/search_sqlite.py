"""SQLite search ranked in one pass; see search_backend.py. Imported only when the database is SQLite."""

import math
from typing import Any

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchBackend, SQLiteSearchResults
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassSQLiteResults(SQLiteSearchResults):
    def _do_search(self) -> list[Any]:
        compiler = self.query_compiler
        query = normalize(compiler.query)
        if not compiler.order_by_relevance or self._score_field or isinstance(query, (MatchAll, Not)):
            return super()._do_search()
        model = compiler.queryset.model
        hits = (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query))
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
            .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), None))
        )
        scores: dict[Any, float] = {}
        for object_id, score in hits.values_list("index_entry__object_id", "score"):
            pk = model._meta.pk.to_python(object_id)
            scores[pk] = min(score, scores.get(pk, math.inf))  # bm25: lower is better
        allowed = compiler.queryset.filter(pk__in=hits.values("index_entry__object_id")).values_list("pk", flat=True)
        ranked = sorted(allowed, key=lambda pk: (scores[pk], -pk))[self.start : self.stop]
        objects = compiler.queryset.in_bulk(ranked)
        return [objects[pk] for pk in ranked]


class OnePassSQLiteSearchBackend(SQLiteSearchBackend):
    results_class = OnePassSQLiteResults
