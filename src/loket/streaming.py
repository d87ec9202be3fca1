"""Streaming responses under ASGI. Static files (WhiteNoise), documents and attachments are `FileResponse`s that read
their file with a synchronous iterator; sent asynchronously, Django would read the whole file into memory first and
warn "StreamingHttpResponse must consume synchronous iterators". Loket's ASGI handler gives such a response an
asynchronous iterator that reads the same blocks in a worker thread, one at a time, so a large file stays streamed.
Under WSGI and in the test client nothing changes."""

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler as DjangoASGIHandler
from django.db import close_old_connections
from django.http.response import HttpResponseBase

_END = object()


def _next_block(blocks: Iterator[bytes]) -> object:
    return next(blocks, _END)


async def in_a_thread(content: Iterable[bytes]) -> AsyncIterator[bytes]:
    """The blocks of a synchronous iterator, each read in a worker thread."""
    blocks = iter(content)
    read = sync_to_async(_next_block, thread_sensitive=False)
    try:
        while (block := await read(blocks)) is not _END:
            yield block  # type: ignore[misc]
    finally:
        # A block that queried the database (a streamed CSV export) left its connection in this context, where asgiref
        # carries it from call to call: a call from the same context gives it back to the pool.
        await sync_to_async(close_old_connections, thread_sensitive=False)()


class ASGIHandler(DjangoASGIHandler):
    async def send_response(self, response: HttpResponseBase, send: Any) -> None:
        if response.streaming and not response.is_async:  # type: ignore[attr-defined]
            response.streaming_content = in_a_thread(response.streaming_content)  # type: ignore[attr-defined]
        await super().send_response(response, send)
