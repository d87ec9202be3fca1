"""Writes of the chat: the only code that changes conversations, the queue and agents' availability.

Each change commits before anyone is told (events.py). Assignment runs whenever room may have appeared (a visitor
arrives, an agent becomes available, a chat ends or is handed back), never on a polling timer."""

import datetime
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, DataError, IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.audit import actions as audit
from loket.chat import events, protocol, queries, signals
from loket.chat.models import Agent, Conversation, Message, Note, QueueEntry, StatusChange, Team
from loket.contact.models import Topic
from loket.metrics import chat_taken_on_commit, message_stored_on_commit


class ChatError(Exception):
    """A request the chat refuses, with a code for programs and a message for people."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


def _not_yours() -> ChatError:
    return ChatError("not-yours", _("This chat is not yours."))


def _takes_part(conversation: Conversation, agent: Agent) -> bool:
    """The chat's agent, or a supervisor who joined it."""
    return conversation.agent_id == agent.pk or conversation.supervisors.filter(pk=agent.pk).exists()


def check_own_chat(*, agent: Agent, conversation_id: int) -> None:
    """For what an agent may only do in their own chats and that changes nothing (typing, reading back)."""
    if not Conversation.objects.filter(pk=conversation_id, agent=agent).exists():
        raise _not_yours()


class ChatUnavailable(ChatError):
    MESSAGES = {
        "closed": gettext_lazy("The chat is closed right now."),
        "no-agent": gettext_lazy("No agent is available for the chat right now."),
        "queue-full": gettext_lazy("The queue for the chat is full right now."),
    }

    def __init__(self, reason: str) -> None:
        super().__init__(reason, str(self.MESSAGES[reason]))  # in the language active where it is raised


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or timezone.now()


# --- Visitors --------------------------------------------------------------------------------------------------


def start_conversation(
    *, topic: Topic, visitor_name: str = "", visitor_email: str = "", language: str, source_url: str = "",
    text: str = "", now: datetime.datetime | None = None,
) -> Conversation:  # fmt: skip
    """A new conversation joins the queue of the topic's team; an agent with room takes it at once."""
    try:
        conversation = _open_conversation(
            topic=topic, visitor_name=visitor_name, visitor_email=visitor_email, language=language,
            source_url=source_url, text=text, now=_now(now),
        )  # fmt: skip
    except ChatUnavailable as refusal:  # leaves no conversation behind, so the reports are told
        signals.turned_away.send(sender=Conversation, topic=topic, language=language, reason=refusal.code, at=_now(now))
        raise
    dispatch(now=now)
    conversation.refresh_from_db()
    return conversation


@transaction.atomic
def _open_conversation(
    *, topic: Topic, visitor_name: str, visitor_email: str, language: str, source_url: str, text: str,
    now: datetime.datetime,
) -> Conversation:  # fmt: skip
    team = queries.team_for(topic)
    if reason := queries.unavailable_reason(team, now):
        raise ChatUnavailable(reason)
    assert team is not None
    conversation = Conversation.objects.create(
        team=team, topic=topic, visitor_name=visitor_name, visitor_email=visitor_email, language=language,
        source_url=source_url, visitor_seen_at=now,
    )  # fmt: skip
    _join_queue(conversation, team)
    if text:
        _store(conversation, Message.Author.VISITOR, text)
    return conversation


def _join_queue(conversation: Conversation, team: Team) -> None:
    # The ticket is the conversation's id: one that comes back (agent gone, transfer) goes in near the head.
    entry = QueueEntry.objects.create(conversation=conversation, team=team, ticket=conversation.pk)
    events.queue_changed(team.pk, joined=[(entry.ticket, entry.pk, entry.joined_at.timestamp())])


def _leave_queue(conversation: Conversation, outcome: str, now: datetime.datetime) -> None:
    # An entry locked by an assignment is skipped, not waited for (that would deadlock: the assigner holds the
    # entry and waits for this conversation's row); the assigner sees the conversation ended and lets it go.
    waiting = queries.waiting(conversation.team_id).filter(conversation=conversation)
    for entry in waiting.select_for_update(skip_locked=True):
        QueueEntry.objects.filter(pk=entry.pk).update(left_at=now, outcome=outcome)
        events.queue_changed(entry.team_id, left=[(entry.ticket, entry.pk)])


def _store(
    conversation: Conversation, author: str, text: str, *, agent: Agent | None = None, client_id: str = ""
) -> Message:
    """The next message of a conversation whose row is locked (or was just created)."""
    conversation.last_seq += 1
    Conversation.objects.filter(pk=conversation.pk).update(last_seq=conversation.last_seq)
    message = Message.objects.create(
        conversation=conversation, seq=conversation.last_seq, author=author, agent=agent, text=text,
        client_id=client_id,
    )  # fmt: skip
    events.to_conversation(conversation.pk, conversation.agent_id, protocol.message_frame(message))
    message_stored_on_commit(author)
    return message


def _system(conversation: Conversation, text: str) -> Message:
    return _store(conversation, Message.Author.SYSTEM, text)


def _locked(conversation_id: int) -> Conversation:
    conversation = Conversation.objects.select_for_update().filter(pk=conversation_id).first()
    if conversation is None:  # a number someone made up, or a chat the retention purge removed
        raise _not_yours()
    return conversation


def post_message(
    *, conversation_id: int, author: str, text: str, client_id: str = "", agent: Agent | None = None
) -> Message:
    """Store a message with the conversation's next number; a resend (same client id, same text) returns the first."""
    message = _store_at_once(conversation_id, author, text, client_id, agent)
    if message is None:
        message = _post_message_locked(conversation_id, author, text, client_id, agent)
    return message


# On PostgreSQL, the common case in one statement and one round trip: the number (UPDATE … RETURNING, which holds
# the conversation's row until the statement ends) and the insert. A resend breaks the (conversation, author,
# client_id) constraint, so the whole statement, number included, is undone; it, and an ended chat or one that is not
# the agent's, take the locked path below, which tells them apart. The supervisors' table is the M2M's own.
_AT_ONCE = """
WITH numbered AS (
    UPDATE chat_conversation SET last_seq = last_seq + 1
    WHERE id = %(conversation)s AND status <> 'ended' AND (
        %(author)s <> 'agent' OR agent_id = %(agent)s OR EXISTS (
            SELECT 1 FROM chat_conversation_supervisors s
            WHERE s.conversation_id = %(conversation)s AND s.agent_id = %(agent)s))
    RETURNING id, last_seq, agent_id
), stored AS (
    INSERT INTO chat_message (conversation_id, seq, author, agent_id, text, client_id, created_at)
    SELECT id, last_seq, %(author)s, %(agent)s, %(text)s, %(client_id)s, %(now)s FROM numbered
    RETURNING id, seq
)
SELECT stored.id, stored.seq, numbered.agent_id FROM stored, numbered
"""


def _store_at_once(conversation_id: int, author: str, text: str, client_id: str, agent: Agent | None) -> Message | None:
    """The message stored and committed in one statement, or None when the locked path must decide."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None  # SQLite has no UPDATE in WITH; inside a caller's transaction a failed statement would end it
    now = timezone.now()
    parameters: dict[str, Any] = {
        "conversation": conversation_id, "author": author, "agent": agent.pk if agent else None, "text": text,
        "client_id": client_id, "now": now,
    }  # fmt: skip
    try:
        with connection.cursor() as cursor:
            cursor.execute(_AT_ONCE, parameters)
            row = cursor.fetchone()
    except IntegrityError:  # a resend of a stored message
        return None
    if row is None:
        return None
    pk, seq, conversation_agent_id = row
    return _announce_stored(Message(
        pk=pk, conversation_id=conversation_id, seq=seq, author=author, agent=agent, text=text, client_id=client_id,
        created_at=now,
    ), conversation_agent_id)  # fmt: skip


def _announce_stored(message: Message, conversation_agent_id: int | None) -> Message:
    """A message that a statement stored and committed by itself: to the conversation's two sides, and counted."""
    events.to_conversation(message.conversation_id, conversation_agent_id, protocol.message_frame(message))
    message_stored_on_commit(message.author)
    return message


# Several messages of different conversations in one statement: as _AT_ONCE, with the messages as rows of a JSON
# parameter. A conversation's row can be numbered once per statement, so each statement holds at most one message
# of a conversation. The rows are locked in the order of their ids first: two such statements at once (two trips,
# two processes) wait for each other rather than deadlock.
_MANY_AT_ONCE = """
WITH input AS (
    SELECT * FROM jsonb_to_recordset(CAST(%(input)s AS jsonb))
        AS x(i integer, conversation integer, author text, agent integer, text text, client_id text)
), locked AS MATERIALIZED (
    SELECT c.id FROM chat_conversation c WHERE c.id IN (SELECT conversation FROM input) ORDER BY c.id FOR UPDATE OF c
), numbered AS (
    UPDATE chat_conversation c SET last_seq = c.last_seq + 1
    FROM input JOIN locked ON locked.id = input.conversation
    WHERE c.id = input.conversation AND c.status <> 'ended' AND (
        input.author <> 'agent' OR c.agent_id = input.agent OR EXISTS (
            SELECT 1 FROM chat_conversation_supervisors s
            WHERE s.conversation_id = c.id AND s.agent_id = input.agent))
    RETURNING input.i, c.id, c.last_seq, c.agent_id, input.author, input.agent, input.text, input.client_id
), stored AS (
    INSERT INTO chat_message (conversation_id, seq, author, agent_id, text, client_id, created_at)
    SELECT id, last_seq, author, agent, text, client_id, %(now)s FROM numbered
    RETURNING id, conversation_id
)
SELECT numbered.i, stored.id, numbered.last_seq, numbered.agent_id
FROM stored JOIN numbered ON numbered.id = stored.conversation_id
"""

Posting = tuple[int, str, str, str, Agent | None]  # post_message's conversation_id, author, text, client_id, agent


def post_messages(calls: list[Posting]) -> list[Message | Exception]:
    """post_message for messages that arrived together (the chat's consumers gather them: one statement and one
    commit for a burst instead of one each). Each answer is the message, or what post_message raised for it: one
    message's failure is its sender's alone, never that of the others, whose messages may be stored already.
    What the one statement does not store (a resend, an ended chat or one that is not the agent's, a second message
    of the same conversation, or all of them when the statement fails) goes through post_message one by one, in the
    order it came, after the statement: a conversation's messages keep their order."""
    found: list[Message | Exception | None] = [None] * len(calls)
    if connection.vendor == "postgresql" and not connection.in_atomic_block and len(calls) > 1:
        first: dict[int, int] = {}
        for i, (conversation_id, *_rest) in enumerate(calls):
            first.setdefault(conversation_id, i)
        now, rows = timezone.now(), []
        for i in first.values():
            conversation_id, author, text, client_id, agent = calls[i]
            rows.append({"i": i, "conversation": conversation_id, "author": author,
                         "agent": agent.pk if agent else None, "text": text, "client_id": client_id})  # fmt: skip
        try:
            with connection.cursor() as cursor:
                cursor.execute(_MANY_AT_ONCE, {"input": json.dumps(rows), "now": now})
                stored = cursor.fetchall()
        except DatabaseError as error:
            # A resend among them (the constraint), text PostgreSQL refuses, or a deadlock after all: nothing was
            # stored, and each alone decides. Anything else (the database gone) is everyone's, as it was before.
            deadlock = getattr(error.__cause__, "sqlstate", "") == "40P01"
            if not (isinstance(error, IntegrityError | DataError) or deadlock):
                raise
            stored = []
        for i, pk, seq, conversation_agent_id in stored:
            conversation_id, author, text, client_id, agent = calls[i]
            found[i] = _announce_stored(Message(
                pk=pk, conversation_id=conversation_id, seq=seq, author=author, agent=agent, text=text,
                client_id=client_id, created_at=now,
            ), conversation_agent_id)  # fmt: skip
    for i, (conversation_id, author, text, client_id, agent) in enumerate(calls):
        if found[i] is None:
            try:
                found[i] = post_message(
                    conversation_id=conversation_id, author=author, text=text, client_id=client_id, agent=agent
                )
            except Exception as error:  # handed to its own sender (see above)
                found[i] = error
    return found  # type: ignore[return-value]


@transaction.atomic
def _post_message_locked(conversation_id: int, author: str, text: str, client_id: str, agent: Agent | None) -> Message:
    conversation = _locked(conversation_id)
    if author == Message.Author.AGENT and (agent is None or not _takes_part(conversation, agent)):
        raise _not_yours()
    if client_id and (
        existing := conversation.messages.filter(author=author, client_id=client_id)
        .select_related("agent__user")
        .first()
    ):
        if existing.text != text:  # a client that reuses an id would otherwise lose this text without a word
            raise ChatError("client-id-reused", _("This message has the id of an earlier one with other text."))
        # Passed on again: a process that died between storing it and publishing it told nobody (clients ignore
        # a seq they already showed).
        events.to_conversation(conversation.pk, conversation.agent_id, protocol.message_frame(existing))
        return existing
    if conversation.status == Conversation.Status.ENDED:
        raise ChatError("ended", _("This chat has ended."))
    return _store(conversation, author, text, agent=agent, client_id=client_id)


@transaction.atomic
def mark_read(*, conversation_id: int, reader: str, seq: int, agent: Agent | None = None) -> None:
    """The reader has seen everything up to `seq`; the other side is told (the "read" mark)."""
    field = "visitor_read_seq" if reader == Message.Author.VISITOR else "agent_read_seq"
    conversation = _locked(conversation_id)
    if reader == Message.Author.AGENT and (agent is None or conversation.agent_id != agent.pk):
        raise _not_yours()
    seq = min(seq, conversation.last_seq)
    if seq <= getattr(conversation, field):
        return
    Conversation.objects.filter(pk=conversation_id).update(**{field: seq})
    frame = {"type": "read", "conversation": conversation_id, "author": reader, "seq": seq}
    events.to_conversation(conversation_id, conversation.agent_id, frame)


def signal_typing(*, conversation_id: int, author: str, active: bool) -> None:
    """Typing is not stored: it is only worth something now."""
    agent_id = Conversation.objects.filter(pk=conversation_id).values_list("agent_id", flat=True).first()
    frame = {"type": "typing", "conversation": conversation_id, "author": author, "active": active}
    events.to_conversation(conversation_id, agent_id, frame, now=True)


def end_conversation(
    *, conversation_id: int, ending: str, agent: Agent | None = None, now: datetime.datetime | None = None,
    address: str = "", supervisor: bool = False,
) -> Conversation:  # fmt: skip
    conversation = _end(
        conversation_id=conversation_id, ending=ending, agent=agent, now=_now(now), address=address,
        supervisor=supervisor,
    )  # fmt: skip
    dispatch(now=now)  # the agent has room again
    return conversation


@transaction.atomic
def _end(
    *, conversation_id: int, ending: str, agent: Agent | None, now: datetime.datetime, address: str = "",
    supervisor: bool = False,
) -> Conversation:  # fmt: skip
    conversation = _locked(conversation_id)
    if agent is not None and conversation.agent_id != agent.pk and not supervisor:
        raise _not_yours()
    if conversation.status == Conversation.Status.ENDED:
        return conversation
    if conversation.status == Conversation.Status.WAITING:
        _leave_queue(conversation, QueueEntry.Outcome.LEFT, now)
        if ending == Conversation.Ending.VISITOR:
            ending = Conversation.Ending.LEFT_QUEUE
    conversation.status, conversation.ending, conversation.ended_at = Conversation.Status.ENDED, ending, now
    conversation.save(update_fields=["status", "ending", "ended_at"])
    with translation.override(conversation.language):
        _system(conversation, _("The chat has ended."))
    frame = {"type": "ended", "conversation": conversation.pk, "ending": ending}
    events.to_conversation(conversation.pk, conversation.agent_id, frame)
    if agent is not None:
        audit.record("chat.closed", actor=agent.user, subject=conversation, address=address)
    return conversation


@transaction.atomic
def rate(*, conversation_id: int, score: int, comment: str = "") -> None:
    if not 1 <= score <= 5:
        raise ChatError("bad-rating", _("Choose a rating from 1 to 5."))
    conversation = _locked(conversation_id)
    if conversation.status != Conversation.Status.ENDED:
        raise ChatError("not-ended", _("You can rate the chat once it has ended."))
    if conversation.rating is not None:
        raise ChatError("rated", _("You rated this chat already. Thank you!"))
    conversation.rating, conversation.rating_comment = score, comment.strip()[:1000]
    conversation.save(update_fields=["rating", "rating_comment"])


def email_transcript(*, conversation_id: int, email: str) -> None:
    """The conversation so far, through the durable outbox: it arrives even if SMTP is down for a while."""
    from loket.contact.actions import queue_mail

    try:
        validate_email(email)
    except ValidationError:
        raise ChatError("bad-email", _("This is not a valid e-mail address, for example name@example.org.")) from None
    conversation = Conversation.objects.select_related("topic").get(pk=conversation_id)
    if conversation.started_at is None:  # nothing said yet but the visitor's own words: no mail to anyone
        raise ChatError("not-started", _("The conversation can be mailed once an agent has joined it."))
    if not conversation.visitor_email:  # the chat is now theirs by this address: access and erasure must find it
        Conversation.objects.filter(pk=conversation.pk, visitor_email="").update(visitor_email=email)
    messages = conversation.messages.select_related("agent__user").order_by("seq")
    with translation.override(conversation.language):
        queue_mail(
            to=email,
            subject=_("Your chat with the information service"),
            body=render_to_string("chat/transcript.txt", {"conversation": conversation, "messages": messages}),
            key=f"chat-{conversation.pk}-{conversation.last_seq}",
        )


# --- Agents ----------------------------------------------------------------------------------------------------


def agent_for(user: Any) -> Agent:
    """Every user who may work on cases can take chats; the first time, they join every team."""
    agent, created = Agent.objects.select_related("user").get_or_create(user=user)
    if created:
        agent.teams.set(Team.objects.all())
    return agent


def set_availability(
    *, agent: Agent, status: str, capacity: int | None = None, now: datetime.datetime | None = None
) -> Agent:
    """Available, away or offline; open chats stay open either way. Available, room may appear, so the queue moves
    (away or offline, nobody gains room)."""
    if status not in Agent.Status.values:
        raise ChatError("bad-status", _("Choose available, away or offline."))
    if capacity is not None and not 1 <= capacity <= 10:
        raise ChatError("bad-capacity", _("Take between 1 and 10 chats at once."))
    now = _now(now)
    with transaction.atomic():
        agent = Agent.objects.select_for_update(of=("self",)).select_related("user").get(pk=agent.pk)
        if status == Agent.Status.AVAILABLE and not agent.user.is_active:  # disabled while their console was open
            raise ChatError("not-allowed", _("Your account is disabled."))
        _change_status(agent, status, now=now)
        agent.capacity = capacity or agent.capacity
        agent.seen_at = now
        agent.save(update_fields=["status", "status_since", "capacity", "seen_at"])
        events.agent_changed(agent)
    if agent.status == Agent.Status.AVAILABLE:
        dispatch(now=now)
    return agent


def _change_status(agent: Agent, status: str, *, now: datetime.datetime, by: Any = None, reason: str = "") -> None:
    """The status history keeps every change (who, from, to, when, and why when someone else made it)."""
    if agent.status != status:
        StatusChange.objects.create(agent=agent, old=agent.status, new=status, at=now, by=by, reason=reason)
        agent.status, agent.status_since = status, now


# --- Supervision -------------------------------------------------------------------------------------------------


def set_status_of(
    *, supervisor: Agent, agent_id: int, status: str, reason: str, address: str = "",
    now: datetime.datetime | None = None,
) -> Agent:  # fmt: skip
    """A supervisor sets an agent who left without signing out away or offline. Offline, their chats go back to the
    front of the queue, as when their console has been gone past the grace period."""
    if status not in (Agent.Status.AWAY, Agent.Status.OFFLINE):
        raise ChatError("bad-status", _("Set a colleague away or offline."))
    reason = reason.strip()
    if not 1 <= len(reason) <= 200:
        raise ChatError("bad-reason", _("Say why, in at most 200 characters."))
    now = _now(now)
    with transaction.atomic():
        agent = Agent.objects.select_for_update(of=("self",)).select_related("user").filter(pk=agent_id).first()
        if agent is None:
            raise ChatError("unknown-agent", _("There is no such agent."))
        old = agent.status
        if old == status:  # nothing changes: nobody is told, nothing is recorded
            return agent
        _change_status(agent, status, now=now, by=supervisor.user, reason=reason)
        agent.save(update_fields=["status", "status_since"])
        events.agent_changed(agent, by=supervisor.display_name, reason=reason)
        if status == Agent.Status.OFFLINE:
            for conversation in queries.open_conversations(agent):
                _requeue(_locked(conversation.pk), conversation.team)
        audit.record(
            "agent.status-set", actor=supervisor.user, subject=agent.user, address=address, old=old, new=status,
            reason=reason,
        )  # fmt: skip
    dispatch(now=now)
    return agent


def _supervised(conversation_id: int) -> Conversation:
    """An ongoing chat, for a supervisor: waiting or active, not ended."""
    conversation = _locked(conversation_id)
    if conversation.status == Conversation.Status.ENDED:
        raise ChatError("ended", _("This chat has ended."))
    return conversation


@transaction.atomic
def watch(*, supervisor: Agent, conversation_id: int, address: str = "") -> Conversation:
    """Follow a chat read-only. The visitor is not told (monitoring); the audit trail keeps who watched what."""
    conversation = _supervised(conversation_id)
    audit.record("chat.monitored", actor=supervisor.user, subject=conversation, address=address)
    return conversation


@transaction.atomic
def join(*, supervisor: Agent, conversation_id: int, address: str = "") -> Conversation:
    """Take part in someone's chat: the visitor and the agent see that a second person joined."""
    conversation = _supervised(conversation_id)
    if conversation.status != Conversation.Status.ACTIVE:
        raise ChatError("not-started", _("A chat can be joined once an agent has taken it."))
    if conversation.agent_id == supervisor.pk or conversation.supervisors.filter(pk=supervisor.pk).exists():
        return conversation
    conversation.supervisors.add(supervisor)
    with translation.override(conversation.language):
        _system(conversation, _("%(name)s (supervisor) joined the conversation.") % {"name": supervisor.display_name})
    audit.record("chat.joined", actor=supervisor.user, subject=conversation, address=address)
    return conversation


def take_over(
    *, supervisor: Agent, conversation_id: int, address: str = "", now: datetime.datetime | None = None
) -> Conversation:
    """The supervisor becomes the chat's agent, whatever their capacity; the agent it was with loses it."""
    with transaction.atomic():
        conversation = _supervised(conversation_id)
        if conversation.status != Conversation.Status.ACTIVE:
            raise ChatError("not-started", _("A chat can be taken over once an agent has taken it."))
        if conversation.agent_id == supervisor.pk:
            return conversation
        previous = conversation.agent
        _removed(conversation)
        conversation.agent = supervisor
        conversation.save(update_fields=["agent"])
        conversation.supervisors.remove(supervisor)
        _announce(conversation, supervisor)
        audit.record(
            "chat.taken-over", actor=supervisor.user, subject=conversation, address=address,
            from_agent=previous.user.get_username() if previous else None,
        )  # fmt: skip
    dispatch(now=now)  # the agent it was with has room again
    return conversation


@transaction.atomic
def add_note(*, conversation_id: int, agent: Agent, text: str, client_id: str = "", supervisor: bool = False) -> Note:
    """A note only staff see. A resend (same client id, same text) returns the first."""
    conversation = _locked(conversation_id)
    if not supervisor and conversation.agent_id != agent.pk:
        raise _not_yours()
    if client_id and (existing := conversation.notes.filter(agent=agent, client_id=client_id).first()):
        if existing.text != text:
            raise ChatError("client-id-reused", _("This message has the id of an earlier one with other text."))
        return existing
    note = Note.objects.create(conversation=conversation, agent=agent, text=text, client_id=client_id)
    note.agent = agent
    events.to_staff(conversation.pk, conversation.agent_id, protocol.note_frame(note))
    return note


def dispatch(*, now: datetime.datetime | None = None) -> list[Conversation]:
    """Give waiting visitors to agents with room until nobody waits or nobody has room.

    One visitor per agent per round, the least busy agent first, so a newly available agent does not take the
    whole queue while a colleague sits idle."""
    started: list[Conversation] = []
    while True:
        candidates = (
            queries.present_agents(now=now)
            .annotate(open=Count("conversations", filter=Q(conversations__status=Conversation.Status.ACTIVE)))
            .order_by("open", "pk")
            .values_list("pk", "open", "capacity")
        )
        round_started = [
            conversation
            for pk, open_count, capacity in candidates
            if open_count < capacity and (conversation := assign_next_visitor(agent_id=pk, now=now))
        ]
        if not round_started:
            return started
        started += round_started


@transaction.atomic
def assign_next_visitor(*, agent_id: int, now: datetime.datetime | None = None) -> Conversation | None:
    """The longest-waiting visitor in the agent's teams, if the agent has room. Exactly one agent gets each visitor:
    the agent's row is locked (capacity), the entry is locked and skipped by concurrent assigners (SKIP LOCKED)."""
    now = _now(now)
    agent = (
        queries.present_agents(now=now)
        .select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=agent_id)
        .first()
    )
    if agent is None or queries.open_conversations(agent).count() >= agent.capacity:
        return None
    team_ids = list(agent.teams.values_list("pk", flat=True))
    while True:
        entry = (
            QueueEntry.objects.select_for_update(skip_locked=True)
            .filter(team_id__in=team_ids, left_at=None)
            .order_by("ticket", "pk")
            .first()
        )
        if entry is None:
            return None
        events.queue_changed(entry.team_id, left=[(entry.ticket, entry.pk)])
        conversation = _locked(entry.conversation_id)
        if conversation.status == Conversation.Status.WAITING:
            QueueEntry.objects.filter(pk=entry.pk).update(left_at=now, outcome=QueueEntry.Outcome.SERVED)
            break
        # Ended while we held its entry (see _leave_queue): it leaves the queue, and the next one is served.
        QueueEntry.objects.filter(pk=entry.pk).update(left_at=now, outcome=QueueEntry.Outcome.LEFT)
    conversation.status, conversation.agent, conversation.started_at = Conversation.Status.ACTIVE, agent, now
    conversation.team_id = entry.team_id
    conversation.save(update_fields=["status", "agent", "started_at", "team"])
    _announce(conversation, agent)
    audit.record("chat.taken", actor=agent.user, subject=conversation, team=entry.team_id)
    chat_taken_on_commit(team_id=entry.team_id, waited=now - entry.joined_at)
    return conversation


def _announce(conversation: Conversation, agent: Agent) -> None:
    """`started` to both sides, then the system line: a console knows the chat before its first message arrives."""
    frame = {
        "type": "started",
        "conversation": conversation.pk,
        "agent_name": agent.display_name,
        "details": protocol.conversation_data(conversation),
    }
    events.to_conversation(conversation.pk, agent.pk, frame)
    with translation.override(conversation.language):
        _system(conversation, _("You are now talking to %(name)s.") % {"name": agent.display_name})


def transfer(
    *, conversation_id: int, agent: Agent, to_team: int | None = None, to_agent: int | None = None,
    now: datetime.datetime | None = None, address: str = "", supervisor: bool = False,
) -> Conversation:  # fmt: skip
    """Hand a chat to a present colleague with room, or back to the head of a team's queue. A supervisor may move
    anyone's chat."""
    conversation = _transfer(
        conversation_id=conversation_id, agent=agent, to_team=to_team, to_agent=to_agent, now=_now(now),
        address=address, supervisor=supervisor,
    )  # fmt: skip
    dispatch(now=now)
    return conversation


@transaction.atomic
def _transfer(
    *, conversation_id: int, agent: Agent, to_team: int | None, to_agent: int | None, now: datetime.datetime,
    address: str, supervisor: bool,
) -> Conversation:  # fmt: skip
    conversation = _locked(conversation_id)
    mine = conversation.agent_id == agent.pk or supervisor
    if not mine or conversation.status != Conversation.Status.ACTIVE:
        raise _not_yours()
    if to_agent is not None:
        colleague = (
            queries.present_agents(now=now)
            .select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=to_agent)
            .first()
        )
        if colleague is None or colleague.pk == conversation.agent_id:
            raise ChatError("colleague-unavailable", _("That colleague is not available."))
        if queries.open_conversations(colleague).count() >= colleague.capacity:
            raise ChatError("colleague-full", _("That colleague has no room for another chat."))
        _removed(conversation)
        conversation.agent = colleague
        conversation.save(update_fields=["agent"])
        _announce(conversation, colleague)
        audit.record(
            "chat.transferred",
            actor=agent.user,
            subject=conversation,
            address=address,
            to_agent=colleague.user.username,
        )
        return conversation
    team = Team.objects.filter(pk=to_team).first() if to_team is not None else None
    if team is None:
        raise ChatError("unknown-team", _("There is no such team."))
    _requeue(conversation, team)
    audit.record("chat.transferred", actor=agent.user, subject=conversation, address=address, to_team=team.pk)
    return conversation


def _removed(conversation: Conversation) -> None:
    """The chat's agent loses it (to a colleague, a queue, or a supervisor who takes it over)."""
    if conversation.agent_id is not None:
        events.to_agent(conversation.agent_id, {"type": "removed", "conversation": conversation.pk})


def _requeue(conversation: Conversation, team: Team) -> None:
    """Back in a queue with its old ticket, so ahead of everyone who came later."""
    previous_agent = conversation.agent_id
    conversation.status, conversation.agent, conversation.team = Conversation.Status.WAITING, None, team
    conversation.save(update_fields=["status", "agent", "team"])
    _join_queue(conversation, team)
    with translation.override(conversation.language):
        _system(conversation, _("We are connecting you with another agent. You keep your place at the front."))
    frame = {"type": "requeued", "conversation": conversation.pk, "team": team.pk}
    events.to_conversation(conversation.pk, previous_agent, frame)


# --- Presence --------------------------------------------------------------------------------------------------


def touch(*, conversation_ids: list[int], agent_ids: list[int], now: datetime.datetime | None = None) -> None:
    """The heartbeat of every connection in one process: two updates, however many connections."""
    now = _now(now)
    if conversation_ids:
        Conversation.objects.filter(pk__in=conversation_ids).exclude(status=Conversation.Status.ENDED).update(
            visitor_seen_at=now
        )
    if agent_ids:
        Agent.objects.filter(pk__in=agent_ids).update(seen_at=now)


def expire_absent(*, now: datetime.datetime | None = None) -> None:
    """After the grace period: a visitor who has not come back leaves; an agent who has not come back goes offline
    and their chats return to the head of the queue."""
    now = _now(now)
    visitor_gone = now - datetime.timedelta(seconds=settings.LOKET_CHAT_VISITOR_GRACE)
    open_statuses = [Conversation.Status.WAITING, Conversation.Status.ACTIVE]
    for pk in Conversation.objects.filter(status__in=open_statuses, visitor_seen_at__lt=visitor_gone).values_list(
        "pk", flat=True
    ):
        _end(conversation_id=pk, ending=Conversation.Ending.GONE, agent=None, now=now)
    agent_gone = now - datetime.timedelta(seconds=settings.LOKET_CHAT_AGENT_GRACE)
    for pk in Agent.objects.filter(~Q(status=Agent.Status.OFFLINE), seen_at__lt=agent_gone).values_list(
        "pk", flat=True
    ):
        _agent_gone(agent_id=pk, since=agent_gone)
    dispatch(now=now)


@transaction.atomic
def _agent_gone(*, agent_id: int, since: datetime.datetime) -> None:
    agent = Agent.objects.select_for_update(of=("self",)).filter(pk=agent_id, seen_at__lt=since).first()
    if agent is not None:  # (else: came back meanwhile)
        _take_offline(agent)


def withdraw_agent(*, agent_id: int) -> None:
    """Someone who may no longer take chats (role gone, account disabled): offline at once, and their open chats go
    back to the front of the queue."""
    with transaction.atomic():
        _take_offline(Agent.objects.select_for_update(of=("self",)).get(pk=agent_id))
    dispatch()


def _take_offline(agent: Agent) -> None:
    _change_status(agent, Agent.Status.OFFLINE, now=timezone.now())
    agent.save(update_fields=["status", "status_since"])
    events.agent_changed(agent)
    for conversation in queries.open_conversations(agent):
        _requeue(_locked(conversation.pk), conversation.team)
