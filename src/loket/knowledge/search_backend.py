"""Wagtail's database search backend, with the SQLite ranking done in one pass.

Wagtail's SQLite backend orders results by a correlated subquery that runs the full-text match once per
candidate page: 2.4 s for a common word over 10,000 pages. Here the match runs once to get every hit's
bm25 score, once more as the page filter, and the ranking of the surviving ids happens in Python. Indexing,
counting and every other database keep Wagtail's own code (PostgreSQL ranks well as it is).
"""

from typing import Any

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


# Wagtail looks up this name in a backend module.
def SearchBackend(params: dict[str, Any]) -> Any:
    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        # Imported here: the SQLite index models exist only when the database is SQLite.
        from loket.knowledge.search_sqlite import OnePassSQLiteSearchBackend

        return OnePassSQLiteSearchBackend(params)
    return backend
