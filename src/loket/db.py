"""Database work from async code (the WebSocket consumers, their middleware, the chat hub)."""

from concurrent.futures import Executor
from typing import Any

from channels.db import database_sync_to_async
from django.db import close_old_connections


def in_thread(function: Any, executor: Executor | None = None) -> Any:
    """`function` off the event loop, in `executor` (the loop's default one unless given), its connection back in
    the pool before it returns. The closing happens inside the call, in the copy of the context that opened the
    connection: database_sync_to_async closes connections outside that copy, and plain sync_to_async not at all, so
    with either a pooled connection could stay checked out for good (ten of them exhausted the PostgreSQL suite's
    pool; in production it would be a console connect at a time)."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        finally:
            close_old_connections()

    return database_sync_to_async(run, thread_sensitive=False, executor=executor)
