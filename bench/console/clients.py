"""The clients that bench/console/run.py holds in its own process, written from docs/chat-protocol.md: consoles
(agents' and supervisors'), the waiting visitors who will leave the queue, and visitors joining over the API.

Every time is `time.time()` taken on receipt, before parsing, on the same machine as the servers."""

import asyncio
import contextlib
import datetime
import json
import time
import urllib.error
import urllib.request
from collections import Counter
from typing import Any

from bench.chat.load import open_socket

# What docs/chat-protocol.md shows in a `board` frame.
BOARD_FIELDS = {
    "": {"type", "at", "teams", "agents", "chats"},
    "teams": {"id", "name", "waiting", "oldest", "estimate"},
    "agents": {"id", "name", "status", "since", "connected", "open", "capacity", "teams", "today"},
    "chats": {"id", "team", "agent", "agent_name", "visitor_name", "topic", "language", "started_at", "last_agent_at",
              "last_visitor_at", "supervisors"},
}  # fmt: skip


class Console:
    """One console connection (`/ws/console/`): counts what arrives, by frame type; for a supervisor it keeps the
    board as the document says a client shows it (each `board`, with the `queues`, `colleague` and `agent` frames
    between boards applied to it), and after each of those frames when it arrived and what the board said then about
    the queues and the agents' statuses."""

    def __init__(self, agent_id: int, socket: Any) -> None:
        self.agent_id = agent_id
        self.socket = socket
        self.hello: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.first_board: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.frames: Counter[str] = Counter()
        self.bytes: Counter[str] = Counter()
        # (received, team -> waiting, agent -> status, when the server made it: a board's `at`, or None after a
        # frame between boards)
        self.boards: list[tuple[float, dict[int, int], dict[int, str], float | None]] = []
        self.waiting: dict[int, int] = {}
        self.statuses: dict[int, str] = {}
        self.errors: list[dict[str, Any]] = []
        self.odd: list[str] = []  # where a frame did not look as the document says
        self.closed: str = ""
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, agent_id: int, port: int, session: str) -> "Console":
        return cls(agent_id, await open_socket(port, "/ws/console/", f"sessionid={session}"))

    async def _read(self) -> None:
        try:
            async for raw in self.socket:
                received = time.time()
                frame = json.loads(raw)
                kind = frame.get("type", "?")
                self.frames[kind] += 1
                self.bytes[kind] += len(raw)
                if kind == "board":
                    self._board(received, frame)
                elif kind in ("queues", "colleague", "agent") and self.boards:
                    self._between(received, frame)
                elif kind == "hello" and not self.hello.done():
                    self.hello.set_result(frame)
                elif kind == "error":
                    self.errors.append(frame)
        except Exception as error:
            self.closed = repr(error)
        else:
            self.closed = f"closed by the server ({self.socket.close_code})"

    def _board(self, received: float, frame: dict[str, Any]) -> None:
        try:
            waiting = {int(team["id"]): int(team["waiting"]) for team in frame["teams"]}
            statuses = {int(agent["id"]): str(agent["status"]) for agent in frame["agents"]}
        except (KeyError, TypeError, ValueError) as error:
            if len(self.odd) < 5:
                self.odd.append(f"board without the documented teams/agents fields: {error!r} in {str(frame)[:300]}")
            return
        if not self.boards:  # the first one: is every field the document names there?
            for where, items in (("", [frame]), ("teams", frame["teams"]), ("agents", frame["agents"]),
                                 ("chats", frame.get("chats") or [{}])):  # fmt: skip
                for item in items[:1]:
                    lacking = sorted(BOARD_FIELDS[where] - set(item)) if item else []
                    if lacking:
                        self.odd.append(f"board {where or 'frame'} without {', '.join(lacking)}")
        try:
            made = datetime.datetime.fromisoformat(frame["at"]).timestamp()
        except (KeyError, TypeError, ValueError):
            made = float("nan")
        self.waiting, self.statuses = waiting, statuses
        self.boards.append((received, waiting, statuses, made))
        if not self.first_board.done():
            self.first_board.set_result(received)

    def _between(self, received: float, frame: dict[str, Any]) -> None:
        if frame["type"] == "queues":
            changed = {int(team): int(summary["waiting"]) for team, summary in frame["queues"].items()}
            self.waiting = {team: changed.get(team, waiting) for team, waiting in self.waiting.items()}
        else:
            self.statuses = {**self.statuses, int(frame["agent"]["id"]): str(frame["agent"]["status"])}
        self.boards.append((received, self.waiting, self.statuses, None))

    def reset_counts(self) -> None:
        self.frames.clear()
        self.bytes.clear()

    async def send(self, frame: dict[str, Any]) -> float:
        sent = time.time()
        await self.socket.send(json.dumps(frame))
        return sent

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.socket.close(), 5)
        self.reader.cancel()


class Leaver:
    """A waiting visitor who will leave the queue (`leave`); `left` is set when the server says it ended."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.placed = asyncio.get_running_loop().create_future()
        self.left = asyncio.get_running_loop().create_future()
        self.errors: list[dict[str, Any]] = []
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, port: int, token: str) -> "Leaver":
        socket = await open_socket(port, "/ws/chat/nl/")
        await socket.send(json.dumps({"type": "resume", "token": token, "last_seq": 0}))
        return cls(socket)

    async def _read(self) -> None:
        with contextlib.suppress(Exception):
            async for raw in self.socket:
                frame = json.loads(raw)
                if frame["type"] == "position" and not self.placed.done():
                    self.placed.set_result(frame["position"])
                elif frame["type"] == "ended" and not self.left.done():
                    self.left.set_result(time.time())
                elif frame["type"] == "error":
                    self.errors.append(frame)

    async def leave(self) -> float:
        sent = time.time()
        await self.socket.send(json.dumps({"type": "leave"}))
        return sent

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.socket.close(), 5)
        self.reader.cancel()


class Pinger:
    """A `ping`, then its `pong`, then `every` seconds of rest, over and over, on a connection of its own (a
    visitor's, before any `resume`): how long a frame waits for the server's event loop, whatever else that process
    is doing."""

    def __init__(self, socket: Any, every: float) -> None:
        self.socket, self.every = socket, every
        self.times: list[tuple[float, float]] = []  # (sent, round trip)
        self.task = asyncio.create_task(self._run())

    @classmethod
    async def open(cls, port: int, every: float = 0.2) -> "Pinger":
        return cls(await open_socket(port, "/ws/chat/nl/"), every)

    async def _run(self) -> None:
        with contextlib.suppress(Exception):
            while True:
                sent = time.time()
                await self.socket.send('{"type":"ping"}')
                while '"pong"' not in await self.socket.recv():
                    pass
                self.times.append((sent, time.time() - sent))
                await asyncio.sleep(self.every)

    def between(self, start: float, end: float) -> list[float]:
        return [delay for sent, delay in self.times if start <= sent < end]

    async def close(self) -> None:
        self.task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.socket.close(), 5)


def start_chat(port: int, topic: int, name: str) -> tuple[int, dict[str, Any]]:
    """`POST /api/chat/conversations`, as a visitor's browser does: (status, body)."""
    body = json.dumps({"topic": topic, "name": name, "language": "nl"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/chat/conversations", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.loads(error.read())
        except ValueError:
            return error.code, {}
    except Exception as error:
        return 0, {"error": repr(error)}
