"""Under ASGI, a file is streamed block by block from a worker thread: no warning, no whole file in memory."""

import asyncio
import io
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.http import FileResponse

from loket.streaming import ASGIHandler, in_a_thread


def test_a_file_response_is_sent_in_blocks_without_the_synchronous_iterator_warning():
    content = b"x" * 10_000
    response = FileResponse(io.BytesIO(content))
    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "StreamingHttpResponse must consume synchronous iterators" would fail here
        # A loop of its own in a thread of its own: the browser tests' Playwright keeps one running in this thread.
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, ASGIHandler().send_response(response, send)).result()
    bodies = [message["body"] for message in sent if message["type"] == "http.response.body" and "body" in message]
    assert b"".join(bodies) == content
    assert len(bodies) > 2  # several blocks, not one read of the whole file


@pytest.mark.django_db(transaction=True)
async def test_a_streamed_response_that_queries_gives_its_connection_back():
    """As Wagtail's CSV exports do: a queryset read while the response streams. Its pooled connection (PostgreSQL)
    goes back to the pool when the stream ends, or the pool runs dry one export at a time."""
    from django.contrib.auth.models import User

    def rows():
        for user in User.objects.all():
            yield str(user.pk).encode()
        yield b"end"

    def out() -> int:
        stats = connection.pool.get_stats() if connection.vendor == "postgresql" else {}
        return stats.get("pool_size", 0) - stats.get("pool_available", 0)

    before = out()
    for _ in range(3):
        assert [block async for block in in_a_thread(rows())][-1] == b"end"
    assert out() == before
