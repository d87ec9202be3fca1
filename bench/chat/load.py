"""Load generators of bench/chat/run.py: separate processes, each holding many WebSocket clients in one event loop.

They take commands from a queue and answer on another, so the run can line its phases up across processes. Every
time is `time.time()`: generators and the run share the machine's clock. Clients speak Loket's chat protocol
(docs/chat-protocol.md); the baseline servers in bare.py speak the same subset.
"""

import asyncio
import bisect
import contextlib
import json
import random
import resource
import time
from collections import defaultdict
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.extensions.permessage_deflate import ClientPerMessageDeflateFactory

CONNECTING = 64  # handshakes in flight per generator


def raise_open_files() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def open_socket(port: int, path: str, cookie: str = "", deflate: bool = True) -> ClientConnection:
    """A client like a browser: Origin of the site, and (by default) the permessage-deflate offer browsers make."""
    return await connect(
        f"ws://127.0.0.1:{port}{path}",
        origin=f"http://localhost:{port}",  # type: ignore[arg-type]
        additional_headers={"Cookie": cookie} if cookie else {},
        compression=None,
        extensions=[ClientPerMessageDeflateFactory(client_max_window_bits=True)] if deflate else None,
        ping_interval=None,
        open_timeout=120,
        close_timeout=5,
        max_size=2**22,
    )


async def command(commands: Any) -> tuple[Any, ...]:
    return await asyncio.to_thread(commands.get)


async def close_all(sockets: list[ClientConnection]) -> None:
    gate = asyncio.Semaphore(256)

    async def close(socket: ClientConnection) -> None:
        async with gate:
            with contextlib.suppress(Exception):  # leaving anyway
                await asyncio.wait_for(socket.close(), 5)

    await asyncio.gather(*(close(s) for s in sockets))


# --- queue fan-out ------------------------------------------------------------------------------------------------


def queue_visitors(
    generator: int, visitors: list[tuple[int, int, str]], deflate: bool, commands: Any, answers: Any
) -> None:
    """Waiting visitors: (place in the queue, server port, token). Reports ("round", generator, r) once every one of
    its visitors still waiting has seen the position it has after r visitors were served (round 0: connected)."""
    raise_open_files()
    asyncio.run(_queue_visitors(generator, visitors, deflate, commands, answers))


async def _queue_visitors(
    generator: int, visitors: list[tuple[int, int, str]], deflate: bool, commands: Any, answers: Any
) -> None:
    places = sorted(place for place, _, _ in visitors)  # the connected ones, once connecting is over
    seen: dict[int, int] = {}  # place -> the last round it saw
    counts: dict[int, int] = defaultdict(int)
    reported: set[int] = set()
    times: list[tuple[int, int, float]] = []  # (place, round, received)
    extra = [0]
    sockets: list[ClientConnection] = []
    failed: list[int] = []
    readers: list[asyncio.Task[None]] = []

    def check(round_: int) -> None:
        if round_ not in reported and counts[round_] >= len(places) - bisect.bisect_left(places, round_):
            reported.add(round_)
            answers.put(("round", generator, round_))

    async def watch(place: int, socket: ClientConnection) -> None:
        try:
            async for raw in socket:
                received = time.time()
                frame = json.loads(raw)
                if frame["type"] != "position":
                    continue
                round_ = place + 1 - frame["position"]
                if round_ <= seen.get(place, -1):
                    extra[0] += 1
                    continue
                seen[place] = round_
                times.append((place, round_, received))
                counts[round_] += 1
                check(round_)
        except Exception:  # noqa: S110 - a lost socket shows as missing frames
            pass

    gate = asyncio.Semaphore(CONNECTING)

    async def join(place: int, port: int, token: str) -> None:
        async with gate:
            try:
                socket = await open_socket(port, "/ws/chat/nl/", deflate=deflate)
                await socket.send(json.dumps({"type": "resume", "token": token, "last_seq": 0}))
            except Exception:
                failed.append(place)
                return
            sockets.append(socket)
            readers.append(asyncio.create_task(watch(place, socket)))

    while True:
        order = await command(commands)
        if order[0] == "connect":
            started = time.time()
            await asyncio.gather(*(join(*visitor) for visitor in visitors))
            places = sorted(set(places) - set(failed))
            answers.put(("connected", generator, len(sockets), len(failed), time.time() - started))
            check(0)
        elif order[0] == "collect":
            answers.put(("times", generator, [t for t in times if t[1] > 0], extra[0], places))
        elif order[0] == "close":
            await close_all(sockets)
            for reader in readers:
                reader.cancel()
            answers.put(("closed", generator))
            return


# --- concurrent chats ---------------------------------------------------------------------------------------------


def chat_clients(
    generator: int, visitors: list[tuple[int, int, str]], consoles: list[tuple[int, int, str, str]], deflate: bool,
    commands: Any, answers: Any,
) -> None:  # fmt: skip
    """Visitors in active chats: (conversation, server port, token); agents' consoles: (agent, port, path, cookie).
    A phase sends visitor messages, either at a fixed interval per visitor (open loop) or each waiting for its
    ack before the next (closed loop); consoles note when each visitor message reaches them."""
    raise_open_files()
    asyncio.run(_chat_clients(generator, visitors, consoles, deflate, commands, answers))


async def _chat_clients(
    generator: int, visitors: list[tuple[int, int, str]], consoles: list[tuple[int, int, str, str]], deflate: bool,
    commands: Any, answers: Any,
) -> None:  # fmt: skip
    sockets: dict[int, ClientConnection] = {}
    console_sockets: list[ClientConnection] = []
    readers: list[asyncio.Task[None]] = []
    arrived: dict[str, float] = {}  # client id -> when an agent's console got it
    sent: dict[str, float] = {}
    acked: dict[str, float] = {}
    waiting: dict[str, asyncio.Future[None]] = {}
    states: dict[int, asyncio.Future[None]] = {}
    problems: list[str] = []

    async def console_reader(socket: ClientConnection) -> None:
        try:
            async for raw in socket:
                received = time.time()
                frame = json.loads(raw)
                if frame["type"] == "message" and frame.get("author") == "visitor":
                    arrived.setdefault(frame["client_id"], received)
                elif frame["type"] == "error":
                    problems.append(str(frame))
        except Exception as error:
            problems.append(f"console: {error!r}")

    async def visitor_reader(conversation: int, socket: ClientConnection) -> None:
        try:
            async for raw in socket:
                received = time.time()
                frame = json.loads(raw)
                kind = frame["type"]
                if kind == "ack":
                    acked.setdefault(frame["client_id"], received)
                    future = waiting.pop(frame["client_id"], None)
                    if future is not None and not future.done():
                        future.set_result(None)
                elif kind == "state":
                    future = states.pop(conversation, None)
                    if future is not None and not future.done():
                        future.set_result(None)
                elif kind == "error":
                    problems.append(str(frame))
        except Exception as error:
            problems.append(f"visitor: {error!r}")

    gate = asyncio.Semaphore(CONNECTING)
    loop = asyncio.get_running_loop()

    async def join(conversation: int, port: int, token: str) -> None:
        async with gate:
            socket = await open_socket(port, "/ws/chat/nl/", deflate=deflate)
            states[conversation] = loop.create_future()
            state = states[conversation]
            readers.append(asyncio.create_task(visitor_reader(conversation, socket)))
            await socket.send(json.dumps({"type": "resume", "token": token, "last_seq": 0}))
            await asyncio.wait_for(state, 60)
            sockets[conversation] = socket

    async def send(conversation: int, client_id: str) -> asyncio.Future[None]:
        future = waiting[client_id] = loop.create_future()
        sent[client_id] = time.time()
        await sockets[conversation].send(
            json.dumps({"type": "message", "text": f"Vraag {client_id}", "client_id": client_id})
        )
        return future

    async def open_loop(name: str, conversation: int, start: float, end: float, interval: float) -> None:
        next_at, number = start + random.random() * interval, 0
        while next_at < end:
            await asyncio.sleep(max(0.0, next_at - time.time()))
            try:
                await send(conversation, f"{name}-{conversation}-{number}")
            except Exception as error:
                problems.append(f"send: {error!r}")
                return
            number += 1
            next_at += interval

    async def closed_loop(name: str, conversation: int, start: float, end: float) -> None:
        await asyncio.sleep(max(0.0, start - time.time()))
        number = 0
        while time.time() < end:
            try:
                future = await send(conversation, f"{name}-{conversation}-{number}")
                await asyncio.wait_for(future, 30)
            except TimeoutError:
                problems.append(f"no ack for {name}-{conversation}-{number}")
                return
            except Exception as error:
                problems.append(f"send: {error!r}")
                return
            number += 1

    while True:
        order = await command(commands)
        if order[0] == "connect":
            started = time.time()
            for _, port, path, cookie in consoles:
                socket = await open_socket(port, path, cookie, deflate=deflate)
                console_sockets.append(socket)
                readers.append(asyncio.create_task(console_reader(socket)))
            results = await asyncio.gather(*(join(*visitor) for visitor in visitors), return_exceptions=True)
            failed = [repr(r) for r in results if isinstance(r, BaseException)]
            answers.put(("connected", generator, len(sockets), len(failed), time.time() - started, failed[:3]))
        elif order[0] == "phase":
            _, name, start, duration, interval = order
            end = start + duration
            if interval:
                jobs = [open_loop(name, c, start, end, interval) for c in sockets]
            else:
                jobs = [closed_loop(name, c, start, end) for c in sockets]
            await asyncio.gather(*jobs)
            deadline = time.time() + 30
            while any(not f.done() for f in waiting.values()) and time.time() < deadline:  # the last acks
                await asyncio.sleep(0.05)
            mine = {k: v for k, v in sent.items() if k.startswith(name + "-")}
            answers.put(("sent", generator, mine, {k: acked[k] for k in mine if k in acked}, problems[:5]))
        elif order[0] == "arrived":
            answers.put(("arrived", generator, {k: v for k, v in arrived.items() if k.startswith(order[1] + "-")}))
        elif order[0] == "close":
            await close_all([*sockets.values(), *console_sockets])
            for reader in readers:
                reader.cancel()
            answers.put(("closed", generator))
            return
