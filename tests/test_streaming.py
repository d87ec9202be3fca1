"""Under ASGI, a file is streamed block by block from a worker thread: no warning, no whole file in memory."""

import asyncio
import io
import warnings
from concurrent.futures import ThreadPoolExecutor

from django.http import FileResponse

from loket.streaming import ASGIHandler


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
