"""The only way chat actions tell connected clients about changes: after the transaction commits, so nobody hears
of a change that was rolled back. Redis carries the events between processes (one subscription per process, see
`hub.py`); without Redis, one process delivers them to itself. Losing an event loses nothing: the database is the
truth, and clients catch up from it when they reconnect."""

import hashlib
import json
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction

log = logging.getLogger(__name__)

CHANNEL = "loket:chat"

_clients: dict[str, Any] = {}  # one client (and connection pool) per Redis URL


def publish(event: dict[str, Any]) -> None:
    from loket.chat import hub

    data = json.dumps(event, separators=(",", ":"))
    if settings.REDIS_URL:
        import redis

        if hub.publish_soon(data):
            return

        try:
            client = _clients.get(settings.REDIS_URL)
            if client is None:
                client = _clients[settings.REDIS_URL] = redis.Redis.from_url(
                    settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
                )
            client.publish(CHANNEL, data)
            return
        except redis.RedisError:
            # This process's clients still hear it; the others catch up when they resume.
            log.warning("chat event not published to Redis (unavailable); delivered in this process only")
    hub.deliver_everywhere(data)


def publish_on_commit(event: dict[str, Any]) -> None:
    transaction.on_commit(lambda: publish(event))


def queue_changed(
    team_id: int, *, left: Iterable[tuple[int, int]] = (), joined: Iterable[tuple[int, int, float]] = ()
) -> None:
    """Entries that left or joined a team's queue: every process derives each waiting visitor's position from it."""
    publish_on_commit({"kind": "queue", "team": team_id, "left": list(left), "joined": list(joined)})


def to_conversation(conversation_id: int, agent_id: int | None, frame: dict[str, Any], *, now: bool = False) -> None:
    """A frame for the visitor of a conversation and the console of its agent."""
    event = {"kind": "conversation", "conversation": conversation_id, "agent": agent_id, "frame": frame}
    publish(event) if now else publish_on_commit(event)


def to_staff(conversation_id: int, agent_id: int | None, frame: dict[str, Any]) -> None:
    """A frame for the staff of a conversation only (its agent, and supervisors watching it): never its visitor."""
    publish_on_commit(
        {"kind": "conversation", "conversation": conversation_id, "agent": agent_id, "frame": frame, "staff": True}
    )


def to_agent(agent_id: int, frame: dict[str, Any]) -> None:
    publish_on_commit({"kind": "agent", "agent": agent_id, "frame": frame})


def agent_changed(agent: Any, *, by: str | None = None, reason: str = "") -> None:
    """An agent's status or capacity: their own consoles hear it as `agent`, every other console as `colleague`."""
    from loket.chat import protocol

    data = protocol.agent_data(agent)
    frame = {"type": "agent", "agent": data, "by": by, "reason": reason}
    publish_on_commit({"kind": "agent", "agent": agent.pk, "frame": frame, "colleague": data})


def case_changed(team_ids: list[int], frame: dict[str, Any]) -> None:
    """An e-mail case changed: for the consoles of these teams and of supervisors (sent after the commit already)."""
    publish({"kind": "case", "teams": team_ids, "frame": frame})


def session_mark(session_key: str) -> str:
    """A session's name in events: not the key itself, which signs people in."""
    return hashlib.sha256(session_key.encode()).hexdigest()[:24]


def console_signed_out(agent_id: int, session_key: str | None) -> None:
    """The consoles opened with that session (or, with None, every console of the agent) close: signed out."""
    mark = session_mark(session_key) if session_key else None
    to_agent(agent_id, {"type": "signed-out", "session": mark})
