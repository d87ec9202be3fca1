"""WebSocket consumers: parse a frame, call an action or query, answer. The protocol is in docs/chat-protocol.md.

Frames from the hub (other people's messages, positions) and answers to this client go through one ordered outbox
per connection, so a client sees them in the order they were produced."""

import asyncio
import contextlib
import json
import logging
import weakref
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header

from loket.chat import actions, events, hub, protocol, queries
from loket.chat.actions import ChatError
from loket.chat.models import Agent, Conversation, Message, Team
from loket.chat.protocol import Frame, ProtocolError
from loket.contact import queries as contact_queries
from loket.contact.models import Case, Topic
from loket.db import in_thread
from loket.metrics import connection_open
from loket.security import client_address_of, limit_used_up, local_limit_used_up

log = logging.getLogger(__name__)
MAX_OUTBOX = 1000  # frames waiting for a client that does not read; beyond it, it reconnects and resumes


_executor: ThreadPoolExecutor | None = None


def db(function: Callable[..., Any]) -> Any:
    """The chat's database work, on threads of its own (LOKET_CHAT_DB_THREADS, at most half the PostgreSQL pool)
    rather than Channels' default of one thread per process for every consumer's calls, one after another. Each call
    gives its connection back to the pool before it returns (see `loket.db.in_thread`), so the threads never hold more
    connections than there are threads."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(settings.LOKET_CHAT_DB_THREADS, thread_name_prefix="loket-chat-db")
    return in_thread(function, _executor)


class Batched:
    """Calls of a database function share trips to a database thread: `function` takes all their arguments as one
    list and answers a list in the same order. At most `TRIPS` trips per event loop are under way; calls that come
    meanwhile wait for the next, together. So a lone call goes at once, and a restart's burst of reconnects (thousands
    of visitors at once) costs a few dozen trips of up to `LIMIT` each, not one per turn of the loop."""

    LIMIT = 200  # arguments per trip: SQLite allows a query only so many conditions
    TRIPS = 2  # trips under way at once, per event loop: the rest of the chat's database threads stay free

    class Lane:
        def __init__(self) -> None:
            self.waiting: list[tuple[Any, asyncio.Future[Any]]] = []
            self.starting = False  # a trip was started and has not taken its arguments yet
            self.running = 0

    def __init__(self, function: Callable[[list[Any]], list[Any]]) -> None:
        self.function = function
        self.lanes: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Batched.Lane] = weakref.WeakKeyDictionary()
        self.trips: set[asyncio.Task[None]] = set()  # (the loop keeps only weak references to tasks)

    async def __call__(self, argument: Any) -> Any:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        lane = self.lanes.setdefault(loop, Batched.Lane())
        lane.waiting.append((argument, future))
        self._go(loop, lane)
        return await future

    def _go(self, loop: asyncio.AbstractEventLoop, lane: "Batched.Lane") -> None:
        if lane.waiting and not lane.starting and lane.running < self.TRIPS:
            lane.starting, lane.running = True, lane.running + 1
            self.trips.add(trip := loop.create_task(self._trip(loop, lane)))
            trip.add_done_callback(self.trips.discard)

    async def _trip(self, loop: asyncio.AbstractEventLoop, lane: "Batched.Lane") -> None:
        # Started in one turn of the loop, it takes in the next what came meanwhile.
        chunk, lane.waiting, lane.starting = lane.waiting[: self.LIMIT], lane.waiting[self.LIMIT :], False
        try:
            self._go(loop, lane)  # more than one trip's worth waiting: the next goes too, if it may
            results = await db(self.function)([argument for argument, _ in chunk])
        except Exception as error:
            for _, future in chunk:
                if not future.done():
                    future.set_exception(error)
            return
        finally:
            lane.running -= 1
            self._go(loop, lane)
        for (_, future), result in zip(chunk, results, strict=True):
            if not future.done():  # a caller that went away meanwhile
                future.set_result(result)


class Connection(AsyncWebsocketConsumer):
    frames: frozenset[str] = frozenset()
    kind = ""  # in the loket_chat_connections metric

    # Defaults on the class: a waiting visitor's connection is one of thousands, and holds only what it has set.
    outbox: deque[str] | None = None  # frames as JSON waiting behind a write that waits; made when first needed
    held: list[dict[str, Any]] | None = None  # frames kept back while the client's state is read
    writer: "asyncio.Task[None] | None" = None
    hub: "hub.Hub | None" = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """As Channels' own without a channel layer (the hub carries events), minus its `await_many_dispatch`, which
        makes a task and an `asyncio.wait` for every frame received: here one coroutine waits for the next."""
        self.scope, self.base_send, self.channel_layer = scope, send, None
        # Counted around the whole life, not in connect/disconnect: an error in connect skips disconnect.
        with connection_open(self.kind), contextlib.suppress(StopConsumer):
            while True:
                await self.dispatch(await receive())

    async def dispatch(self, message: dict[str, Any]) -> None:
        """As Channels' own, without its close_old_connections() before every handler: that is a trip to the
        database thread for every frame, a ping too, queued behind everyone's database work. Every database call
        here goes through `db`, which gives its connection back itself."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        """Write a frame, or queue it behind a write that is waiting; `encoded` is its JSON when the caller made it
        once for many connections."""
        if self.held is not None:
            self.held.append(frame)
            return
        text = encoded or json.dumps(frame, separators=(",", ":"))
        if self.writer is None or self.writer.done():
            self.writer = self._send_eagerly(text)
            return
        if self.outbox is None:
            self.outbox = deque()
        self.outbox.append(text)
        if len(self.outbox) > MAX_OUTBOX:
            self.outbox.clear()
            asyncio.get_running_loop().create_task(self.close(code=1013))  # "try again later"

    def _send_eagerly(self, text: str) -> "asyncio.Task[None] | None":
        """Run the server's send at once, here: uvicorn's writes to the transport without waiting for anything, so a
        frame costs no task and no trip through the loop (a queue's fan-out pushes thousands at once). Only a send
        that has to wait goes on in a task, and frames pushed meanwhile queue behind it."""
        # The server's own send when the application was entered through loket.asgi: the middlewares' wrappers
        # around it only act on HTTP responses, and cost a look at the session for every frame.
        send = self.scope.get("loket.send") or self.base_send
        sending = send({"type": "websocket.send", "text": text})
        try:
            waiting_for = sending.send(None)
        except StopIteration:
            return None
        except Exception:  # the socket is gone; disconnect cleans up
            return None
        return asyncio.get_running_loop().create_task(self._write(sending, waiting_for))

    async def _write(self, sending: Any, waiting_for: Any) -> None:
        """Finish a send that had to wait, as a task would have, then write what queued behind it."""
        send = self.scope.get("loket.send") or self.base_send
        try:
            while True:
                if waiting_for is None:  # a bare yield: let the loop run once
                    await asyncio.sleep(0)
                else:  # a future, as a task would wait for it; its result or error goes to `sending` below
                    waiting_for._asyncio_future_blocking = False
                    await asyncio.wait([waiting_for])
                try:
                    waiting_for = sending.send(None)
                except StopIteration:
                    break
            while self.outbox:
                await send({"type": "websocket.send", "text": self.outbox.popleft()})
        except asyncio.CancelledError:
            sending.close()
            raise
        except Exception:  # the socket is gone; disconnect cleans up
            self.outbox = None

    def release(self) -> None:
        held, self.held = self.held or [], None
        for frame in held:
            self.push(frame)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """One frame. Whatever it holds and whatever handling it raises, the connection stays: a client is told with
        an error frame, and only a deliberate close ends it (so `disconnect` always runs and nobody stays a ghost)."""
        ref = ""
        try:
            frame = protocol.parse(text_data if text_data is not None else bytes_data, self.frames)
            ref = protocol.ref_of(frame.data)
            if frame.type == "ping":
                self.push({"type": "pong"})
            else:
                await self.handle(frame)
        except ProtocolError as error:
            self.push(protocol.error_frame(error.code, error.detail, error.ref or ref))
        except ChatError as error:
            self.push(protocol.error_frame(error.code, error.detail, ref))
        except Exception:
            log.exception("chat frame failed; the connection goes on")
            self.push(protocol.error_frame("server-error", _("Something went wrong on our side. Try again."), ref))

    async def handle(self, frame: Frame) -> None:
        raise NotImplementedError

    async def post(self, posting: actions.Posting, ack: dict[str, Any]) -> None:
        """Store a message and acknowledge it: the `ack` goes out before the message's own echo from the hub. The
        messages that arrive together in a process are stored together (`_posting`)."""
        self.held = []
        try:
            message = await _posting(posting)
            if isinstance(message, Exception):
                raise message
            self.held.insert(0, {"type": "ack", **ack, "seq": message.seq})
        finally:
            self.release()


def _limited(scope: str, key: str, *, here: bool = False) -> None:
    """Refuse past `scope`'s limit: counted in this process (`here`, no round trip) or shared through the cache."""
    if (local_limit_used_up if here else limit_used_up)(scope, key):
        raise ChatError("rate-limited", _("That was a lot in a short time. Wait a moment and try again."))


class VisitorConsumer(Connection):
    """One visitor's connection to their own conversation, found by its unguessable token."""

    frames = protocol.VISITOR_FRAMES
    kind = "visitor"
    conversation_id = 0
    team_id = 0
    ticket = 0
    shown: tuple[Any, ...] | None = None

    async def connect(self) -> None:
        language = self.scope.get("loket.language", "")
        translation.activate(language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.hub is not None:
            self.hub.remove_visitor(self)

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        if frame["type"] == "requeued" and self.hub is not None and frame["team"] != self.team_id:
            self.hub.move_visitor(self, frame["team"])
        super().push(frame, encoded)

    async def handle(self, frame: Frame) -> None:
        if frame.type == "resume":
            await self.resume(frame)
            return
        if not self.conversation_id:
            raise ProtocolError(
                "resume-first", _("Start with a “resume” frame that carries your conversation's token.")
            )
        conversation = self.conversation_id
        if frame.type == "message":
            text, client_id = frame.text(), frame.string("client_id", limit=64)
            _limited("chat-message", f"visitor:{conversation}", here=True)
            await self.post((conversation, Message.Author.VISITOR, text, client_id, None), {"client_id": client_id})
        elif frame.type == "typing":
            active = frame.boolean("active")
            if _signal_allowed(f"visitor:{conversation}"):
                await db(actions.signal_typing)(
                    conversation_id=conversation, author=Message.Author.VISITOR, active=active
                )
        elif frame.type == "read":
            seq = frame.integer("seq")
            if _signal_allowed(f"visitor:{conversation}"):
                await db(actions.mark_read)(conversation_id=conversation, reader=Message.Author.VISITOR, seq=seq)
        elif frame.type == "leave":
            await db(actions.end_conversation)(conversation_id=conversation, ending=Conversation.Ending.VISITOR)
        elif frame.type == "rate":
            score, comment = frame.integer("score"), frame.string("comment", limit=1000)
            await db(actions.rate)(conversation_id=conversation, score=score, comment=comment)
            self.push({"type": "ok", "for": "rate"})
        elif frame.type == "transcript":
            await db(_transcript)(conversation, frame.string("email", limit=254).strip())
            self.push({"type": "ok", "for": "transcript"})

    async def resume(self, frame: Frame) -> None:
        token, last_seq = frame.string("token", limit=64), frame.integer("last_seq", 0)
        if not token:
            raise ProtocolError("bad-frame", _("A “resume” carries the conversation's “token”."))
        hub_ = self.hub = self.hub or await hub.current()
        mark = hub_.start_reading()
        self.held = []  # what the hub delivers meanwhile (to a connection that has joined already) waits behind it
        team_id = None
        try:
            found = await _resuming((token, last_seq))
            if self.conversation_id and (found is None or found[0].pk != self.conversation_id):
                # Another (or no) chat's token on a connection that has one: refused; the connection and its chat go on.
                raise ProtocolError("bad-frame", _("This connection belongs to another chat."))
            if found is not None:
                team_id = await self._show_state(*found, last_seq=last_seq, mark=mark)
                # A requeue heard meanwhile has moved this connection already: its team, not the one read, counts.
                team_id = next((f["team"] for f in reversed(self.held or []) if f["type"] == "requeued"), team_id)
        finally:
            hub_.done_reading(mark)
            self.release()
        if team_id is not None:
            hub_.move_visitor(self, team_id)  # (re)computes position and estimate
            return
        self.push(protocol.error_frame("unknown-conversation", _("This chat no longer exists. Start a new one.")))
        if self.writer is not None:
            await self.writer  # the client reads why before the socket closes
        await self.close(code=4404)

    async def _show_state(
        self, conversation: Conversation, messages: list[Message], *, last_seq: int, mark: int
    ) -> int | None:
        """The conversation's state and the messages after `last_seq` (read before this connection joined the hub),
        ahead of whatever the hub has delivered since; the team whose queue to follow, or None when the conversation
        is gone (the retention purge, just now)."""
        translation.activate(conversation.language)
        assert self.hub is not None
        if not self.conversation_id:
            self.conversation_id, self.team_id = conversation.pk, conversation.team_id
            self.ticket = conversation.ticket
            self.hub.add_visitor(self)
        if self.hub.heard_since(conversation.pk, mark):  # it changed while it was read: read again, now joined
            state = await _states((conversation.pk, last_seq))
            if state is None:
                return None
            conversation, messages = state
        # What the hub delivered since this connection joined it and the messages read may overlap.
        shown = messages[-1].seq if messages else last_seq
        assert self.held is not None
        self.held = [f for f in self.held if f["type"] != "message" or f["seq"] > shown]
        waiting = conversation.status == Conversation.Status.WAITING
        position, estimate = (
            await self.hub.place(conversation.team_id, conversation.ticket) if waiting else (None, None)
        )
        self.held[:0] = [
            protocol.visitor_state(conversation, position, estimate),
            *map(protocol.message_frame, messages),
        ]
        return conversation.team_id


def _visitors_resuming(wanted: list[tuple[str, int]]) -> list[tuple[Conversation, list[Message]] | None]:
    """Many resuming visitors in one trip: each conversation by its token, marked present (unless ended), with the
    messages after the seq its client has; None for a token that names no conversation."""
    found = queries.conversations_for_tokens([token for token, _ in wanted])
    actions.touch(
        conversation_ids=[c.pk for c in found.values() if c.status != Conversation.Status.ENDED], agent_ids=[]
    )
    messages = queries.messages_after_each([(found[token].pk, seq) for token, seq in wanted if token in found])
    return [(found[token], messages[found[token].pk, seq]) if token in found else None for token, seq in wanted]


_resuming = Batched(_visitors_resuming)
_posting = Batched(actions.post_messages)
_states = Batched(queries.states_after)


def _signal_allowed(key: str) -> bool:
    """Typing and read marks, per conversation and side: past their limit they are dropped without a word (they are
    only worth something now, and a client that floods them loses nothing it needs)."""
    return not local_limit_used_up("chat-signal", key)


def _transcript(conversation_id: int, email: str) -> None:
    _limited("chat-transcript", str(conversation_id))
    actions.email_transcript(conversation_id=conversation_id, email=email)


class AgentConsumer(Connection):
    """An agent's console: availability, the queues, and every open chat of theirs."""

    frames = protocol.CONSOLE_FRAMES
    kind = "console"
    signed_out = False
    agent_id = 0
    user_id = 0
    agent: Agent
    team_ids: frozenset[int] = frozenset()
    supervisor = False
    address = ""
    session_key = ""
    session_mark = ""

    async def connect(self) -> None:
        _activate_staff_language(self.scope)
        user = self.scope.get("user")
        opening = await db(_console_opening)(user) if user is not None and user.is_authenticated else None
        if opening is None:
            await self.close(code=4403)
            return
        agent, self.supervisor, team_ids = opening
        self.agent, self.agent_id, self.user_id, self.team_ids = agent, agent.pk, user.pk, frozenset(team_ids)
        self.address = client_address_of(self.scope)
        self.session_key = getattr(self.scope.get("session"), "session_key", None) or ""
        self.session_mark = events.session_mark(self.session_key)
        await self.accept()
        self.held = []
        self.hub = await hub.current()
        self.hub.add_console(self)
        try:
            hello = await db(_hello)(agent.pk, self.supervisor)
            hello["queues"] = await self.hub.queue_summaries()
        except Exception:  # a console without its hello is no use: closed, so it reconnects (and leaves the hub)
            log.exception("console hello failed")
            self.held = None
            await self.close(code=1011)
            return
        self.held.insert(0, hello)
        self.release()
        self.hub.board_wanted()  # the hello marked this agent present: supervisors see it

    async def disconnect(self, code: int) -> None:
        if self.hub is not None:
            self.hub.remove_console(self)

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        if self.signed_out:
            return  # closing: one `signed-out` says it all (signing out everywhere sends one per session too)
        if frame["type"] == "signed-out":
            if frame.get("session") not in (None, self.session_mark):
                return  # another session of the same person: this console stays
            self.signed_out = True
            asyncio.get_running_loop().create_task(self._close_after_writing(4401))
        super().push(frame, encoded)

    async def _close_after_writing(self, code: int) -> None:
        if self.writer is not None:
            await self.writer  # the console reads why before the socket closes
        await self.close(code=code)

    async def handle(self, frame: Frame) -> None:
        if self.signed_out:
            return  # closing (once `signed-out` is written): nothing more is done for this session
        agent = self.agent
        if frame.type in protocol.SUPERVISOR_FRAMES:
            await self.supervise(frame)
            return
        if frame.type == "context":
            self.push(await db(_context)(agent, self.supervisor, frame))
            return
        if frame.type == "status":
            capacity = frame.integer("capacity") if "capacity" in frame.data else None
            await db(actions.set_availability)(agent=agent, status=frame.string("status", limit=20), capacity=capacity)
            return
        conversation = frame.integer("conversation")
        if frame.type == "message":
            text, client_id = frame.text(), frame.string("client_id", limit=64)
            await self.post(
                (conversation, Message.Author.AGENT, text, client_id, agent),
                {"conversation": conversation, "client_id": client_id},
            )
        elif frame.type == "note":
            text, client_id = frame.text(), frame.string("client_id", limit=64)
            supervisor = self.supervisor
            self.held = []
            try:
                note = await db(actions.add_note)(
                    conversation_id=conversation, agent=agent, text=text, client_id=client_id, supervisor=supervisor
                )
                self.held.insert(
                    0, {"type": "ack", "conversation": conversation, "client_id": client_id, "note": note.pk}
                )
            finally:
                self.release()
        elif frame.type == "resume":
            watching = self.hub is not None and self in self.hub.monitors.get(conversation, ())
            messages = await db(_agent_messages)(agent, conversation, frame.integer("last_seq", 0), watching)
            for message in messages:
                self.push(protocol.message_frame(message))
        elif frame.type == "typing":
            active = frame.boolean("active")
            if _signal_allowed(f"agent:{conversation}"):
                await db(_agent_typing)(agent, conversation, active)
        elif frame.type == "read":
            seq = frame.integer("seq")
            if _signal_allowed(f"agent:{conversation}"):
                await db(actions.mark_read)(
                    conversation_id=conversation, reader=Message.Author.AGENT, seq=seq, agent=agent
                )
        elif frame.type == "close":
            await db(actions.end_conversation)(
                conversation_id=conversation, ending=Conversation.Ending.AGENT, agent=agent, address=self.address,
                supervisor=self.supervisor,
            )  # fmt: skip
        elif frame.type == "transfer":
            to_team = frame.integer("team") if "team" in frame.data else None
            to_agent = frame.integer("agent") if "agent" in frame.data else None
            if (to_team is None) == (to_agent is None):
                raise ProtocolError("bad-frame", _("Transfer to a team or to a colleague."))
            await db(actions.transfer)(
                conversation_id=conversation, agent=agent, to_team=to_team, to_agent=to_agent, address=self.address,
                supervisor=self.supervisor,
            )  # fmt: skip

    async def supervise(self, frame: Frame) -> None:
        """Watching, joining and taking over chats, and setting colleagues' status: supervisors only (asked of the
        database each time: a role taken away in another process counts at once, even without Redis)."""
        if not self.supervisor or await db(_roles_changed)(self.agent, self.supervisor):
            raise ChatError("not-allowed", _("Only supervisors may do this."))
        agent, hub_ = self.agent, self.hub
        assert hub_ is not None
        if frame.type == "set-status":
            await db(actions.set_status_of)(
                supervisor=agent, agent_id=frame.integer("agent"), status=frame.string("status", limit=20),
                reason=frame.string("reason", limit=1000), address=self.address,
            )  # fmt: skip
            return
        conversation = frame.integer("conversation")
        if frame.type == "unwatch":
            hub_.unwatch(self, conversation)
            return
        if frame.type == "take":
            await db(actions.take_over)(supervisor=agent, conversation_id=conversation, address=self.address)
            return
        action = actions.join if frame.type == "join" else actions.watch
        # Watching starts before the chat is read, so nothing said in between is missed (a repeat is ignored).
        already = self in hub_.monitors.get(conversation, ())
        hub_.watch(self, conversation)
        self.held = []
        try:
            watched = await db(_watched)(agent, conversation, action, self.address)
            self.held.insert(0, watched)
        except Exception:
            if not already:  # a refused join leaves an earlier watch as it was
                hub_.unwatch(self, conversation)
            raise
        finally:
            self.release()


def _console_opening(user: Any) -> tuple[Agent, bool, list[int]] | None:
    """Who opens a console, in one trip: their agent, whether they supervise, their teams; None if they may not."""
    if not user.has_perm("contact.change_case"):
        return None
    agent = actions.agent_for(user)
    return agent, user.has_perm("chat.supervise"), list(agent.teams.values_list("pk", flat=True))


def _activate_staff_language(scope: dict[str, Any]) -> None:
    """Error details in the staff pages' language: the language cookie they set, else the browser's, else Dutch."""
    chosen = scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen not in dict(settings.LANGUAGES):
        header = dict(scope.get("headers", [])).get(b"accept-language", b"").decode("latin-1")
        chosen = settings.LANGUAGE_CODE
        for code, _ in parse_accept_lang_header(header):
            try:
                chosen = translation.get_supported_language_variant(code)
                break
            except LookupError:
                continue
    translation.activate(chosen)


def _roles_changed(agent: Agent, supervisor: bool) -> bool:
    """The person may no longer work on cases, or is now more or less than a supervisor: the console reopens."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=agent.user_id)  # as they are now, not as cached
    allowed = user.is_active and user.has_perm("contact.change_case")
    return not allowed or user.has_perm("chat.supervise") != supervisor


def _hello(agent_id: int, supervisor: bool) -> dict[str, Any]:
    agent = Agent.objects.select_related("user").get(pk=agent_id)
    actions.touch(conversation_ids=[], agent_ids=[agent.pk])
    teams = list(agent.teams.all())
    topic_ids = None if supervisor else list(Topic.objects.filter(teams__in=teams).values_list("pk", flat=True))
    return {
        "type": "hello",
        "agent": protocol.agent_data(agent),
        "user": agent.user_id,
        "supervisor": supervisor,
        "teams": [{"id": team.pk, "name": str(team)} for team in teams],
        "all_teams": [{"id": team.pk, "name": str(team)} for team in Team.objects.all()],
        "colleagues": [
            protocol.agent_data(a) for a in queries.present_agents().exclude(pk=agent.pk).select_related("user")
        ],
        "conversations": [_conversation_state(c) for c in queries.open_conversations(agent)],
        "cases": [contact_queries.case_summary(case) for case in contact_queries.open_cases(topic_ids)],
    }


def _conversation_state(conversation: Conversation) -> dict[str, Any]:
    return {
        **protocol.conversation_data(conversation),
        "messages": [protocol.message_frame(m) for m in queries.messages_after(conversation.pk, 0)],
        "notes": [protocol.note_frame(n) for n in conversation.notes.select_related("agent__user")],
    }


def _watched(agent: Agent, conversation_id: int, action: Callable[..., Conversation], address: str) -> dict[str, Any]:
    action(supervisor=agent, conversation_id=conversation_id, address=address)
    conversation = Conversation.objects.select_related("topic").get(pk=conversation_id)
    state = _conversation_state(conversation)
    return {
        "type": "watching",
        "conversation": conversation_id,
        "details": protocol.conversation_data(conversation),
        "messages": state["messages"],
        "notes": state["notes"],
    }


def _context(agent: Agent, supervisor: bool, frame: Frame) -> dict[str, Any]:
    """Earlier cases and chats from the same address as a chat of yours (or one you supervise) or a case."""
    conversation_id, reference, email = None, None, ""
    if "case" in frame.data:
        reference = frame.string("case", limit=20)
        case = Case.objects.filter(reference=reference).first()
        if case is None:
            raise ChatError("unknown-case", _("There is no such case."))
        email = case.email
    else:
        conversation_id = frame.integer("conversation")
        chat = Conversation.objects.filter(pk=conversation_id).first()
        if chat is None or not (supervisor or chat.agent_id == agent.pk):
            raise ChatError("not-yours", _("This chat is not yours."))
        email = chat.visitor_email
    return {
        "type": "context",
        "conversation": conversation_id,
        "case": reference,
        "email": email,
        "cases": [
            {
                "reference": c.reference, "subject": c.subject, "status": c.status,
                "created_at": c.created_at.isoformat(), "url": reverse("console:case", args=[c.reference]),
            }
            for c in contact_queries.earlier_cases(email, besides=reference or "")
        ],
        "conversations": [
            {
                "id": c.pk, "topic": str(c.topic), "status": c.status, "created_at": c.created_at.isoformat(),
                "agent": c.agent.display_name if c.agent else None,
            }
            for c in queries.earlier_conversations(email, besides=conversation_id or 0)
        ],
    }  # fmt: skip


def _agent_typing(agent: Agent, conversation_id: int, active: bool) -> None:
    actions.check_own_chat(agent=agent, conversation_id=conversation_id)
    actions.signal_typing(conversation_id=conversation_id, author=Message.Author.AGENT, active=active)


def _agent_messages(agent: Agent, conversation_id: int, last_seq: int, watching: bool) -> list[Message]:
    if not watching:
        actions.check_own_chat(agent=agent, conversation_id=conversation_id)
    return queries.messages_after(conversation_id, last_seq)
