"""The wallboards' live figures: one feed per server process (per event loop), whatever the number of screens.

The feed watches the chat hub's board as supervisors' consoles do (chat/hub.py makes it when something changed, in one
process, and hands it to every process), with the queues' and agents' changes that come between boards. From it the feed
takes the longest wait and the agents available; it adds today's offered, answered, abandoned and service level, counted
afresh when a board came, at most every COUNT_EVERY seconds (a count costs about 100 ms on a year of data), and once
more after a pause if boards came meanwhile, so the last change is always in. Chat knows nothing of the reports: the
feed is just a link that watches the board (`Hub.watch_board`)."""

import asyncio
import contextvars
import datetime
import json
import logging
import time
import weakref
from typing import Any, Protocol

from django.conf import settings
from django.utils import timezone

from loket.chat import hub as chat_hub
from loket.db import in_thread
from loket.reports import queries

log = logging.getLogger(__name__)

COUNT_EVERY = 5.0  # seconds at least between two counts of today's figures in a process


class Screen(Protocol):
    """A wallboard's socket (reports/consumers.py)."""

    session_key: str
    user_id: int

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None: ...


def from_board(board: dict[str, Any], now: float | None = None) -> dict[str, Any]:
    """The longest wait now (whole seconds, None when nobody waits) and the agents available (connected and available,
    as `chat.queries.present_agents` counts them), from a supervisors' board."""
    oldest = min((team["oldest"] for team in board["teams"] if team.get("oldest") is not None), default=None)
    available = [agent for agent in board["agents"] if agent["status"] == "available" and agent["connected"]]
    return {
        "longest_wait": None if oldest is None else max(0, int((now or time.time()) - oldest)),
        "agents_available": len(available),
    }


class Feed:
    def __init__(self) -> None:
        self.screens: set[Screen] = set()
        self.hub: chat_hub.Hub | None = None
        self.board: dict[str, Any] | None = None
        self.counts: dict[str, Any] | None = None
        self.frame: dict[str, Any] | None = None  # the last `wallboard` frame sent
        self.recount = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []

    async def add(self, screen: Screen) -> None:
        found = await chat_hub.current()
        self.screens.add(screen)
        if self.frame is not None:
            screen.push(self.caught_up(self.frame))
        if self.hub is None:  # the first screen here: the board comes (the latest at once, a new one within a second)
            self.hub = found
            self.tasks = [
                asyncio.get_running_loop().create_task(task, context=contextvars.Context())
                for task in (self._count(), self._check())
            ]
            found.watch_board(self)

    @staticmethod
    def caught_up(frame: dict[str, Any]) -> dict[str, Any]:
        """The latest frame for a screen that comes now: with nothing changed since, it may be minutes old, and its
        longest wait has grown meanwhile."""
        now = timezone.now()
        waited = frame["longest_wait"]
        if waited is not None:
            waited += int((now - datetime.datetime.fromisoformat(frame["at"])).total_seconds())
        return {**frame, "at": now.isoformat(), "longest_wait": waited}

    def remove(self, screen: Screen) -> None:
        self.screens.discard(screen)
        if not self.screens and self.hub is not None:  # nobody to show it to: no boards, no counts
            self.hub.unwatch_board(self)
            self.hub = None
            for task in self.tasks:
                task.cancel()
            self.tasks, self.board, self.counts, self.frame = [], None, None, None

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        """From the hub: a new board, or between boards a queue's or an agent's change (as consoles get them)."""
        kind = frame.get("type")
        if kind == "board":
            self.board = frame
            self.recount.set()
        elif self.board is None:
            return
        elif kind == "queues":
            queues = frame["queues"]
            teams = [{**team, **queues.get(str(team["id"]), {})} for team in self.board["teams"]]
            self.board = {**self.board, "teams": teams}
        elif kind == "colleague":
            changed = frame["agent"]
            agents = [{**agent, **changed} if agent["id"] == changed["id"] else agent for agent in self.board["agents"]]
            self.board = {**self.board, "agents": agents}
        self._show()

    def _show(self) -> None:
        if self.board is None or self.counts is None:
            return
        figures = {**self.counts, **from_board(self.board)}
        if self.frame is not None and all(self.frame[key] == value for key, value in figures.items()):
            return
        self.frame = {"type": "wallboard", "at": timezone.now().isoformat(), **figures}
        encoded = json.dumps(self.frame, separators=(",", ":"))
        for screen in list(self.screens):
            screen.push(self.frame, encoded)

    async def _count(self) -> None:
        while True:
            await self.recount.wait()
            self.recount.clear()
            try:
                self.counts = await in_thread(queries.todays_counts)()
            except Exception:
                log.exception("wallboard's counts failed; trying again at the next board")
            else:
                self._show()
            await asyncio.sleep(COUNT_EVERY)  # a board meanwhile brings the next count right after

    async def _check(self) -> None:
        while True:
            await asyncio.sleep(settings.LOKET_CHAT_HEARTBEAT)
            try:
                await self.check_screens()
            except Exception:
                log.exception("wallboards' sessions not checked; trying again at the next heartbeat")

    async def check_screens(self) -> None:
        """Screens whose session ended or idled out, or whose person may no longer see the reports, close (with
        `signed-out`, as consoles do), at every heartbeat."""
        screens = list(self.screens)
        if screens:
            checks = [(screen.session_key, screen.user_id) for screen in screens]
            for screen, ended in zip(screens, await in_thread(queries.screens_signed_out)(checks), strict=True):
                if ended:
                    screen.push({"type": "signed-out"})


_feeds: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Feed]" = weakref.WeakKeyDictionary()


def feed() -> Feed:
    """This event loop's feed."""
    loop = asyncio.get_running_loop()
    found = _feeds.get(loop)
    if found is None:
        found = _feeds[loop] = Feed()
    return found
