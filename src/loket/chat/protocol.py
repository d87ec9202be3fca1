"""The chat's wire format (docs/chat-protocol.md): parsing what clients send, building what they receive."""

import json
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from loket.chat.models import Agent, Conversation, Message, Note
from loket.chat.queries import Estimate
from loket.parsing import whole_number

MAX_FRAME_BYTES = 8192
MAX_TEXT = 2000  # characters in one chat message


class ProtocolError(Exception):
    def __init__(self, code: str, detail: str, ref: str = "") -> None:
        super().__init__(detail)
        self.code, self.detail, self.ref = code, detail, ref

    def frame(self) -> dict[str, Any]:
        return error_frame(self.code, self.detail, self.ref)


def error_frame(code: str, detail: str, ref: str = "") -> dict[str, Any]:
    return {"type": "error", "code": code, "detail": detail, "ref": ref}


@dataclass(frozen=True)
class Frame:
    type: str
    data: dict[str, Any]

    def text(self) -> str:
        return _text(self.data)

    def integer(self, name: str, default: int | None = None) -> int:
        value = self.data.get(name, default)
        number = whole_number(value) if isinstance(value, int) else None  # (a number in quotes is text, not a number)
        if number is None:
            raise ProtocolError("bad-frame", _("“%(name)s” must be a whole number.") % {"name": name})
        return number

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise ProtocolError("bad-frame", _("“%(name)s” must be true or false.") % {"name": name})
        return value

    def string(self, name: str, default: str = "", limit: int = 200) -> str:
        value = self.data.get(name, default)
        if not isinstance(value, str) or not storable(value):
            raise ProtocolError("bad-frame", _("“%(name)s” must be text.") % {"name": name})
        if len(value) > limit:
            raise ProtocolError(
                "bad-frame", _("“%(name)s” must be at most %(limit)d characters.") % {"name": name, "limit": limit}
            )
        return value


def storable(text: str) -> bool:
    """Text a database keeps as it is: no NUL (PostgreSQL refuses it) and no half of a UTF-16 pair (JSON allows
    "\\ud800" alone; no encoding can store it)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def ref_of(data: dict[str, Any]) -> str:
    """The frame's `client_id`, for the `ref` of an error that answers it ("" when it has none fit to echo)."""
    client_id = data.get("client_id")
    return client_id[:64] if isinstance(client_id, str) and storable(client_id) else ""


def _text(data: dict[str, Any]) -> str:
    ref, text = ref_of(data), data.get("text")
    if not isinstance(text, str) or not storable(text):
        raise ProtocolError("bad-frame", _("“%(name)s” must be text.") % {"name": "text"}, ref)
    if not text.strip():
        raise ProtocolError("empty-message", _("Write a message first."), ref)
    if len(text) > MAX_TEXT:
        raise ProtocolError(
            "message-too-long",
            _("Keep a message under %(limit)d characters (this one has %(count)d).")
            % {"limit": MAX_TEXT, "count": len(text)},
            ref,
        )
    return text.strip()


def parse(raw: str | bytes | None, allowed: frozenset[str]) -> Frame:
    """One client frame: a JSON object with a known "type"; anything else raises ProtocolError."""
    if not isinstance(raw, str):  # a binary frame, or none
        raise ProtocolError("bad-frame", _("Send frames as JSON text."))
    if len(raw) > MAX_FRAME_BYTES or len(raw.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES:
        raise ProtocolError(
            "frame-too-large", _("That was too large to send (at most %(limit)d bytes).") % {"limit": MAX_FRAME_BYTES}
        )
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
        raise ProtocolError("invalid-json", _("That was not valid JSON.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError("bad-frame", _("A frame is a JSON object with a “type”."))
    if data["type"] not in allowed:
        raise ProtocolError(
            "unknown-type", _("Unknown frame type “%(type)s”.") % {"type": data["type"][:40]}, ref_of(data)
        )
    return Frame(data["type"], data)


VISITOR_FRAMES = frozenset({"resume", "message", "typing", "read", "leave", "rate", "transcript", "ping"})
AGENT_FRAMES = frozenset(
    {"resume", "status", "message", "typing", "read", "close", "transfer", "context", "note", "ping"}
)
SUPERVISOR_FRAMES = frozenset({"watch", "unwatch", "join", "take", "set-status"})
CONSOLE_FRAMES = AGENT_FRAMES | SUPERVISOR_FRAMES


def message_frame(message: Message) -> dict[str, Any]:
    name = message.agent.display_name if message.agent else ""
    return {
        "type": "message",
        "conversation": message.conversation_id,
        "seq": message.seq,
        "author": message.author,
        "name": name,
        "text": message.text,
        "at": message.created_at.isoformat(),
        "client_id": message.client_id,
    }


def note_frame(note: Note) -> dict[str, Any]:
    return {
        "type": "note",
        "conversation": note.conversation_id,
        "id": note.pk,
        "name": note.agent.display_name if note.agent else "",
        "text": note.text,
        "at": note.created_at.isoformat(),
        "client_id": note.client_id,
    }


def estimate_data(estimate: Estimate | None) -> dict[str, int] | None:
    return {"low": estimate.low, "high": estimate.high} if estimate else None


def position_frame(position: int, estimate: Estimate | None) -> dict[str, Any]:
    return {"type": "position", "position": position, "estimate": estimate_data(estimate)}


def position_json(position: int, estimate: Estimate | None) -> str:
    """`position_frame` as JSON, made by hand: a queue change sends thousands of them, and json.dumps was the largest
    part of the hub's own time in bench/chat's profile."""
    wait = f'{{"low":{estimate.low:d},"high":{estimate.high:d}}}' if estimate else "null"
    return f'{{"type":"position","position":{position:d},"estimate":{wait}}}'


def visitor_state(
    conversation: Conversation, position: int | None = None, estimate: Estimate | None = None
) -> dict[str, Any]:
    return {
        "type": "state",
        "status": conversation.status,
        "ending": conversation.ending,
        "position": position,
        "estimate": estimate_data(estimate),
        "agent": conversation.agent.display_name if conversation.agent else None,
        "last_seq": conversation.last_seq,
        "read_seq": conversation.agent_read_seq,
        "rated": conversation.rating is not None,
    }


def conversation_data(conversation: Conversation) -> dict[str, Any]:
    """What a console shows about a conversation."""
    return {
        "id": conversation.pk,
        "status": conversation.status,
        "ending": conversation.ending,
        "visitor_name": conversation.visitor_name,
        "visitor_email": conversation.visitor_email,
        "topic": _in_language(conversation),
        "team": conversation.team_id,
        "language": conversation.language,
        "source_url": conversation.source_url,
        "created_at": conversation.created_at.isoformat(),
        "started_at": conversation.started_at.isoformat() if conversation.started_at else None,
        "last_seq": conversation.last_seq,
        "read_seq": conversation.visitor_read_seq,
        "agent_read_seq": conversation.agent_read_seq,
        "agent": conversation.agent_id,
    }


def _in_language(conversation: Conversation) -> str:
    """The topic in the conversation's language, whoever's action sends the frame."""
    with translation.override(conversation.language):
        return str(conversation.topic)


def agent_data(agent: Agent) -> dict[str, Any]:
    return {
        "id": agent.pk,
        "name": agent.display_name,
        "status": agent.status,
        "capacity": agent.capacity,
        "since": agent.status_since.isoformat() if agent.status_since else None,
    }
