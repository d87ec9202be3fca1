"""A connection writes each frame at once, in the server's send, and only when a send has to wait does a task finish
it, with the frames pushed meanwhile behind it in order."""

import asyncio
import json

from loket.chat.consumers import Connection


def connection_with(send) -> Connection:
    connection = Connection()
    connection.scope = {"loket.send": send}
    return connection


async def test_a_send_that_does_not_wait_writes_at_once_without_a_task():
    written = []

    async def send(message):
        written.append(json.loads(message["text"])["n"])

    connection = connection_with(send)
    for n in range(3):
        connection.push({"n": n})
    assert written == [0, 1, 2] and connection.writer is None


async def test_frames_pushed_while_a_send_waits_follow_it_in_order():
    written, gate = [], asyncio.Event()

    async def send(message):
        n = json.loads(message["text"])["n"]
        if n in (1, 3):
            await gate.wait()  # a future: the loop must run before the write goes on
            await asyncio.sleep(0)  # a bare yield
        written.append(n)

    connection = connection_with(send)
    for n in range(5):
        connection.push({"n": n})
    assert written == [0]
    gate.set()
    await connection.writer
    assert written == [0, 1, 2, 3, 4]
    connection.push({"n": 5})
    assert written[-1] == 5


async def test_a_send_that_fails_while_waiting_drops_the_queue_and_later_frames_are_tried_again():
    written, gate = [], asyncio.get_running_loop().create_future()

    async def send(message):
        n = json.loads(message["text"])["n"]
        if n == 1:
            await gate  # the socket goes while this write waits
        written.append(n)

    connection = connection_with(send)
    for n in range(4):
        connection.push({"n": n})
    gate.set_exception(ConnectionResetError())
    await connection.writer
    assert written == [0]  # 2 and 3 were behind the failed write
    connection.push({"n": 4})
    assert written == [0, 4]
