"""Each server process's single point of contact with the chat's events (one per event loop).

It holds the process's connections and, per team, the queue as a sorted list of tickets. Every process hears every
event once (one Redis subscription, or in-process delivery without Redis) and fans it out in a plain loop over its
own connections, without going through a channel layer per connection.

A queue change is one small event (which entries left, which joined). From it each process recomputes the position
of its own waiting visitors by bisection in memory: no query per visitor, and a visitor is only sent a frame when
its position or estimate changed. Changes that arrive close together are coalesced into one pass.

Applying the same change twice, or changes out of order, gives the same queue: entries are (ticket, entry id), an
entry that left never comes back (a returning conversation gets a new entry), and departures are remembered. So a
process can subscribe first and load the queues from the database second without losing or double-counting.
"""

import asyncio
import bisect
import collections
import contextvars
import datetime
import itertools
import json
import logging
import secrets
import time
import weakref
from collections.abc import Iterable
from typing import Any, Protocol

from django.conf import settings
from django.utils import timezone

from loket.chat import actions, events, protocol, queries
from loket.db import in_thread

log = logging.getLogger(__name__)


FLUSH_DELAY = 0.02  # seconds to gather queue changes into one pass
BOARD_EVERY = 1.0  # seconds at least between two boards, when chats started, ended or moved
# ... when only queues, statuses or messages changed: the `queues` and `colleague` frames bring the first two to the
# boards at once, and messages only move "last answer" times
BOARD_QUIET_EVERY = 5.0
BOARD_CHANGES = frozenset({"started", "ended", "requeued", "removed"})  # an agent's chat's frames that change it
BOARD_MAKER = "loket:chat:board-maker"  # Redis key: which process makes the board for all of them
BOARD_MAKER_TTL = 3000  # ms the maker keeps the role without making a board; then any process with supervisors may
# Take (or keep) the maker's role in one round trip: free, or already ours.
BOARD_CLAIM = """local holder = redis.call('get', KEYS[1])
if holder == false or holder == ARGV[1] then redis.call('set', KEYS[1], ARGV[1], 'px', ARGV[2]) return 1 end
return 0"""
BOARD_RESIGN = """if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0"""
QUEUES_EVERY = 1.0  # seconds at least between two `queues` frames to agents' consoles (supervisors': every change)
RATE_TTL = 10.0  # seconds a team's service rate is reused for estimates
GONE_KEPT = 100_000  # departures remembered per team


def encode(frame: dict[str, Any]) -> str:
    return json.dumps(frame, separators=(",", ":"))


def _moment(iso: str | None) -> datetime.datetime:
    return datetime.datetime.fromisoformat(iso) if iso else datetime.datetime.min.replace(tzinfo=datetime.UTC)


class Link(Protocol):
    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        """Queue a frame for the client, in order, without waiting for it to be written; `encoded` is its JSON, made
        once for all the links it goes to."""


class VisitorLink(Link, Protocol):
    conversation_id: int
    team_id: int
    ticket: int
    shown: tuple[Any, ...] | None  # the (position, estimate) last sent


class ConsoleLink(Link, Protocol):
    agent_id: int
    user_id: int
    team_ids: frozenset[int]
    supervisor: bool
    session_key: str


class TeamQueue:
    """A team's waiting entries in ticket order, rebuilt from events."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, int]] = []  # (ticket, entry id), sorted
        self.joined_at: dict[int, float] = {}  # entry id -> when it joined
        self.gone: dict[int, None] = {}  # entries that left, oldest first (a set that keeps its order)
        # Made when first asked after a change (a restart's burst of reconnects asks thousands of times meanwhile):
        self._places: dict[int, int] | None = None  # ticket -> position
        self._summary: dict[str, Any] | None = None

    def join(self, ticket: int, entry_id: int, joined_at: float) -> None:
        if entry_id in self.gone or entry_id in self.joined_at:
            return
        bisect.insort(self.entries, (ticket, entry_id))
        self.joined_at[entry_id] = joined_at
        self._places = self._summary = None

    def leave(self, ticket: int, entry_id: int) -> None:
        self.gone[entry_id] = None
        if len(self.gone) > GONE_KEPT:  # a late "joined" only ever trails its "left" by moments
            for old in list(itertools.islice(self.gone, GONE_KEPT // 2)):
                del self.gone[old]
        if self.joined_at.pop(entry_id, None) is not None:
            index = bisect.bisect_left(self.entries, (ticket, entry_id))
            if index < len(self.entries) and self.entries[index] == (ticket, entry_id):
                del self.entries[index]
                self._places = self._summary = None

    def position(self, ticket: int) -> int | None:
        index = bisect.bisect_left(self.entries, (ticket, -1))
        return index + 1 if index < len(self.entries) and self.entries[index][0] == ticket else None

    def places(self) -> dict[int, int]:
        """Every waiting ticket's position: one pass after a change, rather than a bisection for every visitor."""
        if self._places is None:
            self._places = {}
            for position, (ticket, _) in enumerate(self.entries, 1):
                self._places.setdefault(ticket, position)  # (a ticket is unique; if not, the first, as `position`)
        return self._places

    def summary(self) -> dict[str, Any]:
        if self._summary is None:
            oldest = min((self.joined_at[pk] for _, pk in self.entries), default=None)
            self._summary = {"waiting": len(self.entries), "oldest": oldest}
        return dict(self._summary)  # the caller's to change


class Hub:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.visitors: dict[int, set[VisitorLink]] = {}  # conversation id -> its connections here
        self.watchers: dict[int, set[VisitorLink]] = {}  # team id -> visitor connections here
        self.consoles: dict[int, set[ConsoleLink]] = {}  # agent id -> console connections here
        self.monitors: dict[int, set[ConsoleLink]] = {}  # conversation id -> supervisors' consoles watching it
        self.supervisors: set[Link] = set()  # consoles here that show the board, and reports' wallboard feed
        self.followers: set[Link] = set()  # board watchers that are not consoles: `queues` and `colleague` for them too
        self.statuses: dict[int, dict[str, Any]] = {}  # agent id -> the latest status heard (a `colleague` frame's)
        self.board_changed = asyncio.Event()
        self.board_urgent = False
        self.board: dict[str, Any] | None = None  # the last board made, here or (with Redis) by another process
        self.token = secrets.token_hex(8)  # this hub, as the board maker's key names it
        self.redis: Any = None  # an asyncio Redis client, for the board maker's role and the boards it publishes
        self.redis_url = settings.REDIS_URL
        self.to_publish: list[str] = []  # events from this process's actions, published from here (publish_soon)
        self.publisher: asyncio.Task[None] | None = None
        self.queues: dict[int, TeamQueue] = {}
        self.rates: dict[int, tuple[float, float | None]] = {}
        # Per team, for the rate last used: position -> ((position, estimate), its frame, its JSON). A queue's change
        # moves thousands of visitors to positions whose frames were made for the ones ahead of them.
        self.position_frames: dict[int, tuple[float | None, dict[int, tuple[Any, dict[str, Any], str]]]] = {}
        self.dirty: set[int] = set()  # teams whose queue changed: every waiting link there is checked
        self.fresh: set[VisitorLink] = set()  # links that (re)joined: only they are checked
        self.flushing = False
        self.ready = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []
        self.summaries: dict[str, Any] = {}  # the queues as supervisors and followers last got them
        self.agents_summaries: dict[str, Any] = {}  # ... and to agents' consoles
        self.agents_summaries_at = 0.0
        self.agents_summaries_due = False
        self.loading: list[dict[str, Any]] | None = None  # queue events held back while the queues load
        # A resume reads its conversation before its connection joins (one trip to the database, not two); what the
        # hub heard meanwhile says whether that read may have missed something (see `heard_since`).
        self.events_heard = 0  # conversation events and resyncs, counted
        self.heard: dict[int, int] = {}  # conversation id -> the count at its latest event
        self.resynced = 0  # the count at the latest resync
        self.reading: collections.Counter[int] = collections.Counter()  # the marks of resumes under way

    # --- connections ---

    def add_visitor(self, link: VisitorLink) -> None:
        self.visitors.setdefault(link.conversation_id, set()).add(link)
        self.watchers.setdefault(link.team_id, set()).add(link)

    def move_visitor(self, link: VisitorLink, team_id: int) -> None:
        """Into a team's queue (or again into the same one): the link's position is sent afresh."""
        self.watchers.get(link.team_id, set()).discard(link)
        link.team_id, link.shown = team_id, None
        self.watchers.setdefault(team_id, set()).add(link)
        self.fresh.add(link)  # only this one: a visitor arriving costs nothing to the others
        self._schedule()

    def remove_visitor(self, link: VisitorLink) -> None:
        self.fresh.discard(link)
        for index, key in ((self.visitors, link.conversation_id), (self.watchers, link.team_id)):
            links = index.get(key)
            if links is not None:
                links.discard(link)
                if not links:
                    del index[key]

    def add_console(self, link: ConsoleLink) -> None:
        self.consoles.setdefault(link.agent_id, set()).add(link)
        if link.supervisor:
            self.watch_board(link, console=True)

    def remove_console(self, link: ConsoleLink) -> None:
        links = self.consoles.get(link.agent_id)
        if links is not None:
            links.discard(link)
            if not links:
                del self.consoles[link.agent_id]
        if link in self.supervisors:
            self.unwatch_board(link)
        for conversation_id in list(self.monitors):
            self.unwatch(link, conversation_id)

    def watch_board(self, link: Link, *, console: bool = False) -> None:
        """A link that gets the board: a supervisor's console, or the reports' wallboards (chat does not know them;
        reports/live.py hands it on). Between boards, consoles get every queue's and colleague's change as consoles;
        the others get those frames as followers."""
        self.supervisors.add(link)
        if not console:
            self.followers.add(link)
        if self.board is not None:
            link.push(self._up_to_date(self.board))  # the latest there is; the next comes with the next change
        self.board_wanted(now=self.board is None)

    def unwatch_board(self, link: Link) -> None:
        self.supervisors.discard(link)
        self.followers.discard(link)
        if not self.supervisors and self.redis is not None:
            self._spawn(self._resign())  # another process with supervisors takes over without waiting

    def watch(self, link: ConsoleLink, conversation_id: int) -> None:
        self.monitors.setdefault(conversation_id, set()).add(link)

    def unwatch(self, link: ConsoleLink, conversation_id: int) -> None:
        links = self.monitors.get(conversation_id)
        if links is not None:
            links.discard(link)
            if not links:
                del self.monitors[conversation_id]

    async def queue_summaries(self) -> dict[str, Any]:
        for team_id in list(self.queues):
            await self._rate(team_id)
        return {str(team): self._summary(team) for team in self.queues}

    def _summary(self, team_id: int) -> dict[str, Any]:
        """How many wait, since when, and what a visitor joining now would be told (with the rate last read)."""
        summary = self.queues[team_id].summary()
        rate = self.rates.get(team_id, (0.0, None))[1]
        summary["estimate"] = protocol.estimate_data(queries.estimate(summary["waiting"] + 1, rate))
        return summary

    # --- events ---

    def receive(self, data: str | bytes) -> None:
        self.handle(json.loads(data))

    def handle(self, event: dict[str, Any]) -> None:
        kind = event["kind"]
        if kind == "queue":
            if self.loading is not None:
                self.loading.append(event)
            else:
                self._apply(event)
        elif kind == "conversation":
            self.events_heard += 1
            self.heard[event["conversation"]] = self.events_heard
            frame = event["frame"]
            if not event.get("staff"):
                for visitor in self.visitors.get(event["conversation"], ()):
                    visitor.push(frame)
            consoles = self.consoles.get(event["agent"], set()) | self.monitors.get(event["conversation"], set())
            for console in consoles:
                console.push(frame)
            # A waiting chat (no agent) is not on the board: its queue is, which the `queues` frames show.
            if event["agent"] is not None and (
                frame["type"] in BOARD_CHANGES or (frame["type"] == "message" and frame["author"] == "system")
            ):
                self.mark_board()
            elif frame["type"] == "message":
                self.mark_board(urgent=False)
        elif kind == "agent":
            for console in self.consoles.get(event["agent"], ()):
                console.push(event["frame"])
            if "colleague" in event:
                self.statuses[event["agent"]] = event["colleague"]
                colleague = {"type": "colleague", "agent": event["colleague"]}
                encoded = encode(colleague)
                for agent_id, links in self.consoles.items():
                    if agent_id != event["agent"]:
                        for link in links:
                            link.push(colleague, encoded)
                for follower in self.followers:
                    follower.push(colleague, encoded)
                self.mark_board(urgent=False)
        elif kind == "board":
            self._show_board(event["frame"])
        elif kind == "board-wanted":
            if event.get("now"):
                self.board_last = 0.0
            self.mark_board()
        elif kind == "case":
            teams, encoded = set(event["teams"]), encode(event["frame"])
            for links in self.consoles.values():
                for link in links:
                    if link.supervisor or not teams.isdisjoint(link.team_ids):
                        link.push(event["frame"], encoded)

    def _apply(self, event: dict[str, Any]) -> None:
        queue = self.queues.setdefault(event["team"], TeamQueue())
        for ticket, entry_id in event["left"]:
            queue.leave(ticket, entry_id)
        for ticket, entry_id, joined_at in event["joined"]:
            queue.join(ticket, entry_id, joined_at)
        self._mark(event["team"])
        self.mark_board(urgent=False)

    def _spawn(self, coroutine: Any) -> None:
        task = self.loop.create_task(coroutine, context=contextvars.Context())
        self.tasks.append(task)
        task.add_done_callback(self.tasks.remove)

    def _mark(self, team_id: int) -> None:
        self.dirty.add(team_id)
        self._schedule()

    def _schedule(self) -> None:
        if not self.flushing:
            self.flushing = True
            self._spawn(self._flush())

    async def _flush(self) -> None:
        try:
            await asyncio.sleep(FLUSH_DELAY)
            await self.ready.wait()
            while self.dirty or self.fresh:
                teams, self.dirty = self.dirty, set()
                fresh, self.fresh = self.fresh, set()
                for team_id in teams:
                    await self._send_positions(team_id, self.watchers.get(team_id, ()))
                for link in fresh:
                    if link.team_id not in teams:
                        await self._send_positions(link.team_id, [link])
                await self._send_summaries()
        finally:
            self.flushing = False

    async def place(self, team_id: int, ticket: int) -> tuple[int | None, queries.Estimate | None]:
        """A waiting ticket's position and estimated wait, as this process knows them now."""
        queue = self.queues.get(team_id)
        position = queue.position(ticket) if queue else None
        return position, queries.estimate(position, await self._rate(team_id)) if position else None

    async def _send_positions(self, team_id: int, links: Iterable[VisitorLink]) -> None:
        queue = self.queues.get(team_id)
        links = list(links)
        if queue is None or not links:
            return
        rate = await self._rate(team_id)
        places = queue.places()
        cached = self.position_frames.get(team_id)
        if cached is None or cached[0] != rate:
            cached = self.position_frames[team_id] = (rate, {})
        frames = cached[1]
        for link in links:
            position = places.get(link.ticket)
            if position is None:
                link.shown = None  # served, left, or not yet in; a conversation frame tells the rest
                continue
            made = frames.get(position)
            if made is None:
                estimate = queries.estimate(position, rate)
                made = frames[position] = (
                    (position, estimate),
                    protocol.position_frame(position, estimate),
                    protocol.position_json(position, estimate),
                )
            shown, frame, encoded = made
            if link.shown is not shown and link.shown != shown:
                link.shown = shown
                link.push(frame, encoded)

    async def _send_summaries(self) -> None:
        if not self.consoles and not self.followers:
            return
        summaries = await self.queue_summaries()
        if summaries == self.summaries:
            return
        self.summaries = summaries
        frame = {"type": "queues", "queues": summaries}
        encoded = encode(frame)
        for links in self.consoles.values():
            for link in links:
                if link.supervisor:
                    link.push(frame, encoded)
        for follower in self.followers:
            follower.push(frame, encoded)
        if not self.agents_summaries_due:
            self.agents_summaries_due = True
            self._spawn(self._summaries_to_agents())

    async def _summaries_to_agents(self) -> None:
        """Agents' consoles get the queues at most every QUEUES_EVERY, the latest when it is due: their inbox shows
        counts, not the board, and with many agents and busy queues these frames are most of what consoles cost."""
        try:
            await asyncio.sleep(max(0.0, self.agents_summaries_at + QUEUES_EVERY - time.monotonic()))
        finally:
            self.agents_summaries_due = False
        self.agents_summaries_at = time.monotonic()
        if self.summaries == self.agents_summaries:
            return
        self.agents_summaries = self.summaries
        frame = {"type": "queues", "queues": self.summaries}
        encoded = encode(frame)
        for links in self.consoles.values():
            for link in links:
                if not link.supervisor:
                    link.push(frame, encoded)

    # --- the supervisors' board ---
    #
    # One board for every supervisor: with Redis, the process that holds the maker's role makes it and publishes it,
    # and each process hands it to its own supervisors; without Redis (or while Redis is away) each process makes its
    # own. Every process hears every change, so whichever makes the board knows when it is due.

    board_last = 0.0  # when the last board was due (made here, or left to the maker)

    def mark_board(self, *, urgent: bool = True) -> None:
        if self.supervisors:
            self.board_urgent = self.board_urgent or urgent
            self.board_changed.set()

    def board_wanted(self, *, now: bool = False) -> None:
        """Something only this process saw changed the board (an agent's console said hello, a supervisor came):
        the maker, wherever it is, is told."""
        self._spawn(self._everywhere({"kind": "board-wanted", "now": now}))

    async def _boards(self) -> None:
        """When something on the board changed, at most once a second; not at all without supervisors."""
        while True:
            await self.board_changed.wait()
            due = self.board_last + (BOARD_EVERY if self.board_urgent else BOARD_QUIET_EVERY)
            if time.monotonic() < due:
                await asyncio.sleep(min(due - time.monotonic(), 0.05))  # an urgent change may bring it forward
                continue
            self.board_changed.clear()
            self.board_urgent = False
            self.board_last = time.monotonic()
            if not self.supervisors or not await self._claim():
                continue
            try:
                frame = await self._board()
            except Exception:
                log.exception("supervisors' board failed; trying again at the next change")
                continue
            await self._everywhere({"kind": "board", "frame": frame})

    def _show_board(self, frame: dict[str, Any]) -> None:
        self.board = frame = self._up_to_date(frame)
        # What the boards now show of the queues, which may be a change no `queues` frame carried (a visitor taken
        # within a flush of joining): the next flush compares with this, so a board is never left showing it.
        self.summaries = {str(team): self._summary(team) for team in self.queues}
        encoded = encode(frame)
        for link in list(self.supervisors):
            link.push(frame, encoded)

    def _up_to_date(self, board: dict[str, Any]) -> dict[str, Any]:
        """The board with what this process heard since it was made. The `queues` and `colleague` frames that came
        before it may be newer than the board (made in another process, or before a status was stored): it must not
        take their changes back. Every process applies every queue event, so its queues are never behind a board it
        receives."""
        teams = [
            {**team, **self._summary(team["id"])} if team["id"] in self.queues else team for team in board["teams"]
        ]
        agents = []
        for agent in board["agents"]:
            heard = self.statuses.get(agent["id"])
            if heard is not None and _moment(heard["since"]) >= _moment(agent["since"]):
                agent = {**agent, "status": heard["status"], "since": heard["since"], "capacity": heard["capacity"]}
            agents.append(agent)
        return {**board, "teams": teams, "agents": agents}

    def _redis(self) -> Any:
        if self.redis is None:
            import redis.asyncio as redis

            self.redis = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
        return self.redis

    async def _claim(self) -> bool:
        """Whether this process makes the board now: it holds the maker's role, or took it because it was free. With
        Redis unreachable, it makes its own: its supervisors must not go without."""
        if not settings.REDIS_URL:
            return True
        try:
            return bool(await self._redis().eval(BOARD_CLAIM, 1, BOARD_MAKER, self.token, BOARD_MAKER_TTL))
        except Exception:
            log.warning("board maker's role not claimed (Redis unavailable); making the board here")
            return True

    async def _resign(self) -> None:
        try:
            await self._redis().eval(BOARD_RESIGN, 1, BOARD_MAKER, self.token)
        except Exception:
            log.info("board maker's role not given up (Redis unavailable); it runs out by itself")

    async def _everywhere(self, event: dict[str, Any]) -> None:
        """An event for every process, this one included: through Redis, or, without it, here only."""
        if settings.REDIS_URL:
            try:
                await self._redis().publish(events.CHANNEL, encode(event))
                return
            except Exception:
                log.warning("chat event not published to Redis (unavailable); handled in this process only")
        self.handle(event)

    async def _board(self) -> dict[str, Any]:
        board = await in_thread(queries.board)()
        for team in board["teams"]:
            self.queues.setdefault(team["id"], TeamQueue())
            await self._rate(team["id"])
            team.update(self._summary(team["id"]))
        return {"type": "board", "at": timezone.now().isoformat(), **board}

    async def _rate(self, team_id: int) -> float | None:
        cached = self.rates.get(team_id)
        if cached and time.monotonic() - cached[0] < RATE_TTL:
            return cached[1]
        rate = await in_thread(queries.service_rate)(team_id)
        self.rates[team_id] = (time.monotonic(), rate)
        return rate

    # --- running ---

    async def start(self) -> None:
        if settings.REDIS_URL:
            self.tasks.append(self.loop.create_task(self._listen(), context=contextvars.Context()))
        else:
            await self._load()
        self.tasks.append(self.loop.create_task(self._heartbeat(), context=contextvars.Context()))
        self.tasks.append(self.loop.create_task(self._boards(), context=contextvars.Context()))

    async def _load(self) -> None:
        """(Re)build every team's queue from the database while the subscription runs; the queue events that arrive
        meanwhile are applied on top (applying one twice changes nothing)."""
        self.loading = []
        try:
            loaded = await in_thread(_load_queues)()
        finally:
            buffered, self.loading = self.loading, None
        self.queues = {}
        for team_id, entries in loaded.items():
            queue = self.queues[team_id] = TeamQueue()
            for entry in entries:
                queue.join(*entry)
        for event in buffered:
            self._apply(event)
        for team_id in self.queues:
            self._mark(team_id)
        self.ready.set()

    def queue_publish(self, data: str) -> None:
        self.to_publish.append(data)
        if self.publisher is None or self.publisher.done():  # it starts next turn, with all that came meanwhile
            self.publisher = self.loop.create_task(self._publish(), context=contextvars.Context())

    async def _publish(self) -> None:
        """Every event handed over in a turn of the loop in one pipelined round trip, in order, one batch at a time."""
        import redis

        while self.to_publish:
            batch, self.to_publish = self.to_publish, []
            try:
                async with self._redis().pipeline(transaction=False) as pipe:
                    for data in batch:
                        pipe.publish(events.CHANNEL, data)
                    await pipe.execute()
            except (redis.RedisError, OSError):
                log.warning("chat events not published to Redis (unavailable); delivered in this process only")
                for data in batch:
                    deliver_everywhere(data)

    async def stop(self) -> None:
        _hubs.pop(self.loop, None)  # no more events handed over to publish
        if self.publisher is not None:
            await asyncio.gather(self.publisher, return_exceptions=True)
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        if self.redis is not None:
            await self._resign()
            await self.redis.aclose()
        _hubs.pop(self.loop, None)

    async def _listen(self) -> None:
        import redis.asyncio as redis

        delay = 0.5
        while True:
            client = redis.Redis.from_url(settings.REDIS_URL)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(events.CHANNEL)
                    await self._load()
                    self._tell_everyone({"type": "resync"})
                    delay = 0.5
                    async for message in pubsub.listen():
                        if message["type"] == "message":
                            self.receive(message["data"])
            except (redis.RedisError, OSError):
                log.warning("chat event subscription lost; retrying in %.1f s", delay)
                if not self.ready.is_set():  # serve this process's clients from the database meanwhile
                    try:
                        await self._load()
                    except Exception:
                        log.exception("chat queues not loaded; trying again")
            finally:
                await client.aclose()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10)

    def _tell_everyone(self, frame: dict[str, Any]) -> None:
        """After a gap in the subscription, events may have been missed: clients ask again for what they lack."""
        self.events_heard += 1
        self.resynced = self.events_heard
        encoded = encode(frame)
        for index in (self.visitors, self.consoles):
            for links in index.values():
                for link in links:
                    link.push(frame, encoded)

    async def _heartbeat(self) -> None:
        """Say which visitors and agents are still connected here, and let absences run out. Every process does
        this; expiring is idempotent, so it does not matter which one gets there first."""
        while True:
            await asyncio.sleep(settings.LOKET_CHAT_HEARTBEAT)
            self._forget_heard()
            steps = [
                lambda: in_thread(actions.touch)(conversation_ids=list(self.visitors), agent_ids=list(self.consoles)),
                lambda: in_thread(actions.expire_absent)(),
                self.check_consoles,
            ]
            if not settings.REDIS_URL:
                steps.append(self._catch_up)
            for step in steps:  # each on its own: one that fails does not hold up the others
                try:
                    await step()
                except Exception:
                    log.exception("chat heartbeat step failed; trying again at the next")

    def start_reading(self) -> int:
        """A resume is about to read its conversation: the mark to ask `heard_since` with once it has joined. Each
        mark is handed back with `done_reading`."""
        self.reading[self.events_heard] += 1
        return self.events_heard

    def done_reading(self, mark: int) -> None:
        self.reading[mark] -= 1
        if not self.reading[mark]:
            del self.reading[mark]

    def heard_since(self, conversation_id: int, mark: int) -> bool:
        """Did an event about this conversation (or a resync) come after `mark`? Then a read made meanwhile may lack
        it, and the connection, now joined, reads again."""
        return max(self.heard.get(conversation_id, 0), self.resynced) > mark

    def _forget_heard(self) -> None:
        """What no resume under way can ask about any more."""
        floor = min(self.reading, default=self.events_heard)
        self.heard = {pk: count for pk, count in self.heard.items() if count > floor}

    async def check_consoles(self) -> None:
        """Consoles whose session ended or idled out, or whose person may no longer work on cases (or gained or lost
        supervision), close. Signing out reaches them at once as an event; this catches what no event told: the idle
        timeout, and without Redis a `loket staff` command run in another process."""
        links = [link for links in self.consoles.values() for link in links]
        if links:
            checks = [(link.session_key, link.user_id, link.supervisor) for link in links]
            for link, ended in zip(links, await in_thread(queries.consoles_signed_out)(checks), strict=True):
                if ended:
                    link.push({"type": "signed-out", "session": None})

    async def _catch_up(self) -> None:
        """Without Redis, what another process changed (a `loket staff` command, a second web process) never reaches
        this one as an event: once a heartbeat the queues are compared with the database, and if they differ they are
        reloaded and every client asks again for what it lacks."""
        loaded = await in_thread(_load_queues)()
        stored = {team: [(ticket, pk) for ticket, pk, _ in entries] for team, entries in loaded.items() if entries}
        known = {team: queue.entries for team, queue in self.queues.items() if queue.entries}
        self.mark_board(urgent=False)  # statuses may have changed elsewhere too
        if stored != known:
            await self._load()
            self._tell_everyone({"type": "resync"})


def _load_queues() -> dict[int, list[tuple[int, int, float]]]:
    from loket.chat.models import Team

    return {team_id: queries.waiting_tickets(team_id) for team_id in Team.objects.values_list("pk", flat=True)}


_hubs: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub]" = weakref.WeakKeyDictionary()


async def current() -> Hub:
    """This event loop's hub, started on first use."""
    loop = asyncio.get_running_loop()
    hub = _hubs.get(loop)
    if hub is None:
        hub = _hubs[loop] = Hub(loop)
        await hub.start()
    await hub.ready.wait()
    return hub


def publish_soon(data: str) -> bool:
    """From an action's thread: hand an event to this process's hub, which publishes what it is handed in a turn of its
    event loop in one round trip, so the action's database thread does not wait for Redis. False without a running
    hub for the same Redis (a worker process, a command): then the caller publishes it itself."""
    for loop, found in list(_hubs.items()):
        if found.redis_url == settings.REDIS_URL and loop.is_running():
            try:
                loop.call_soon_threadsafe(found.queue_publish, data, context=contextvars.Context())
            except RuntimeError:  # its loop closed just now
                continue
            return True
    return False


def deliver_everywhere(data: str) -> None:
    """Without Redis: hand an event to every hub in this process, from whatever thread the action ran in."""
    for loop, hub in list(_hubs.items()):
        if not loop.is_closed():
            # A fresh context: the caller's (an action's thread) must not leak into the hub's tasks.
            loop.call_soon_threadsafe(hub.receive, data, context=contextvars.Context())
