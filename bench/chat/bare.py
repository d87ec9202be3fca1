"""The baseline servers of bench/chat/run.py: the same WebSocket work as Loket's chat, with nothing else.

    BENCH_REDIS_URL=redis://127.0.0.1:6379/0 python -m uvicorn bench.chat.bare:app --port 8001 --lifespan off

A plain ASGI app (no Django, no database, no Channels), run by the same uvicorn with the same defaults as
`loket web`. Every process holds one Redis subscription, as Loket's hub does, and speaks just enough of Loket's
chat protocol for the same load generators:

- queue fan-out: a visitor's token is its place in the queue (0 is first). A PUBLISH of `{"served": n}` on
  `bench:queue` makes each process send every one of its visitors its new position, in a plain loop.
- relay: a visitor's token is "conversation:agent", a console connects to /ws/console/?agent=ID. A visitor's
  `message` frame is published on `bench:relay`; the process that holds the agent's console sends it on, and the
  visitor gets an `ack`.
"""

import asyncio
import contextlib
import json
import os
from typing import Any
from urllib.parse import parse_qs

import redis.asyncio as redis

QUEUE, RELAY = "bench:queue", "bench:relay"

visitors: dict[int, Any] = {}  # place in the queue -> the socket's ASGI send
consoles: dict[int, Any] = {}  # agent id -> the console socket's ASGI send
served = 0
listener: asyncio.Task[None] | None = None
publisher: redis.Redis | None = None


def dumps(frame: dict[str, Any]) -> str:
    return json.dumps(frame, separators=(",", ":"))


async def text(send: Any, data: str) -> None:
    with contextlib.suppress(Exception):  # the socket went away; its own handler cleans up
        await send({"type": "websocket.send", "text": data})


def position(place: int) -> str:
    return dumps({"type": "position", "position": place + 1 - served, "estimate": None})


async def listen() -> None:
    global served
    client = redis.Redis.from_url(os.environ["BENCH_REDIS_URL"])
    async with client.pubsub() as pubsub:
        await pubsub.subscribe(QUEUE, RELAY)
        async for message in pubsub.listen():
            if message["type"] != "message":
                continue
            if message["channel"] == QUEUE.encode():
                served = json.loads(message["data"])["served"]
                for place, send in list(visitors.items()):
                    if place >= served:
                        await text(send, position(place))
                    elif place == served - 1:
                        await text(send, dumps({"type": "started"}))
            else:
                agent, _, frame = message["data"].partition(b"|")
                send = consoles.get(int(agent))
                if send is not None:
                    await text(send, frame.decode())


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    global listener, publisher
    if scope["type"] == "http":
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    if scope["type"] != "websocket":
        return
    await receive()  # websocket.connect
    await send({"type": "websocket.accept"})
    if listener is None:
        # A few connections shared by all sockets; a send waits for a free one rather than failing.
        pool = redis.BlockingConnectionPool.from_url(os.environ["BENCH_REDIS_URL"], max_connections=16, timeout=None)
        publisher = redis.Redis(connection_pool=pool)
        listener = asyncio.get_running_loop().create_task(listen())
    place = agent = conversation = None
    seq = 0
    if scope["path"].startswith("/ws/console/"):
        agent = int(parse_qs(scope["query_string"].decode())["agent"][0])
        consoles[agent] = send
        await text(send, dumps({"type": "hello", "agent": {"id": agent}}))
    try:
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                return
            frame = json.loads(message.get("text") or message.get("bytes") or "{}")
            kind = frame.get("type")
            if kind == "resume":
                token = frame["token"]
                if ":" in token:
                    conversation, agent_of = (int(part) for part in token.split(":"))
                    await text(send, dumps({"type": "state", "status": "active", "position": None}))
                else:
                    place = int(token)
                    visitors[place] = send
                    await text(send, dumps({"type": "state", "status": "waiting", "position": place + 1 - served}))
                    await text(send, position(place))
            elif kind == "message" and conversation is not None:
                seq += 1
                relayed = {
                    "type": "message", "conversation": conversation, "seq": seq, "author": "visitor",
                    "text": frame["text"], "client_id": frame["client_id"],
                }  # fmt: skip
                assert publisher is not None
                await publisher.publish(RELAY, f"{agent_of}|{dumps(relayed)}")
                await text(send, dumps({"type": "ack", "client_id": frame["client_id"], "seq": seq}))
            elif kind == "ping":
                await text(send, dumps({"type": "pong"}))
    finally:
        if place is not None and visitors.get(place) is send:
            del visitors[place]
        if agent is not None and consoles.get(agent) is send:
            del consoles[agent]
