"""The chat's HTTP side: starting a conversation (everything after that happens over the WebSocket)."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from ninja import Router, Schema, Status
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from loket.chat import actions, queries
from loket.chat.protocol import storable
from loket.contact.models import Topic
from loket.problems import EVERY_OPERATION, NOT_STORABLE, Problem, request_language
from loket.security import client_address, rate_limited, retry_after

router = Router(tags=["chat"])


class Unavailable(Problem):
    email_url: str  # the e-mail form, in the visitor's language: where to go instead


class AvailabilityOut(Schema):
    open: bool
    reason: Literal["", "closed", "no-agent", "queue-full"]
    detail: str


class TopicOut(Schema):
    id: int
    name: str
    team: int | None
    open: bool
    reason: Literal["", "closed", "no-agent", "queue-full"]


class StartIn(Schema):
    topic: int = Field(strict=True)  # a number, not text that looks like one
    name: str = Field("", max_length=100)
    email: str = Field("", max_length=254)
    message: str = Field("", max_length=2000)
    source_url: str = Field("", max_length=500)
    language: Literal["nl", "en"] | None = None  # without it: the query's `language`, else Dutch

    @field_validator("name", "email", "message", "source_url")
    @classmethod
    def _storable(cls, value: str) -> str:
        # Refused here, as the WebSocket refuses it, rather than by the database: PostgreSQL fails on a NUL.
        if not storable(value):
            raise PydanticCustomError(NOT_STORABLE, "text that cannot be stored")
        return value


class StartOut(Schema):
    conversation: int
    token: str
    status: str
    websocket: str


def _valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def _email_url(language: str) -> str:
    with translation.override(language):
        return reverse("contact:email")


def _refused(code: str, field: str, detail: str) -> Status:
    """A 422 for one field that fits the description but is refused: `detail` is also that field's message."""
    return Status(422, {"code": code, "detail": detail, "errors": [{"field": field, "message": detail}]})


def _unknown_topic() -> Status:
    return _refused("unknown-topic", "topic", translation.gettext("Choose a topic from the list."))


@router.get(
    "/topics",
    response={200: list[TopicOut], **EVERY_OPERATION},
    summary="The topics a chat can be about, and whether it can start now",
)
def topics(request: HttpRequest, language: Literal["nl", "en"] = "nl") -> Status:
    listed = []
    with translation.override(language):
        for topic in Topic.objects.filter(active=True):
            team = queries.team_for(topic)
            reason = queries.unavailable_reason(team)
            listed.append(
                {"id": topic.pk, "name": str(topic), "team": team.pk if team else None, "open": not reason,
                 "reason": reason}
            )  # fmt: skip
    return Status(200, listed)


@router.get(
    "/availability", response={200: AvailabilityOut, **EVERY_OPERATION}, summary="Can a chat start now for this topic?"
)
def availability(request: HttpRequest, topic: int, language: Literal["nl", "en"] = "nl") -> Status:
    with translation.override(language):
        found = Topic.objects.filter(pk=topic, active=True).first()
        if found is None:
            return _unknown_topic()
        reason = queries.unavailable_reason(queries.team_for(found))
        detail = str(actions.ChatUnavailable.MESSAGES[reason]) if reason else ""
    return Status(200, {"open": not reason, "reason": reason, "detail": detail})


@router.post(
    "/conversations",
    response={201: StartOut, 409: Unavailable, 429: Problem, **EVERY_OPERATION},
    summary="Start a chat: join the queue of the topic's team",
)
def start(request: HttpRequest, response: HttpResponse, payload: StartIn) -> Status:
    language = request_language(request)  # the body's `language`, else the query's: as for every error answer
    with translation.override(language):
        if rate_limited(request, "chat-start"):
            response["Retry-After"] = str(retry_after("chat-start", client_address(request)))
            detail = translation.gettext("You started many chats in a short time. Please try again later.")
            return Status(429, {"code": "rate-limited", "detail": detail})
        topic = Topic.objects.filter(pk=payload.topic, active=True).first()
        if topic is None:
            return _unknown_topic()
        if "\n" in payload.name or "\r" in payload.name:
            return _refused("bad-name", "name", translation.gettext("Write this on one line."))
        email = payload.email.strip()
        if email and not _valid_email(email):
            detail = translation.gettext("This is not a valid e-mail address, for example name@example.org.")
            return _refused("bad-email", "email", detail)
        try:
            conversation = actions.start_conversation(
                topic=topic, visitor_name=payload.name.strip(), visitor_email=email, language=language,
                source_url=payload.source_url if payload.source_url.startswith(("https://", "http://")) else "",
                text=payload.message.strip(),
            )  # fmt: skip
        except actions.ChatUnavailable as error:
            return Status(409, {"code": error.code, "detail": str(error.detail), "email_url": _email_url(language)})
    return Status(
        201,
        {
            "conversation": conversation.pk,
            "token": conversation.token,
            "status": conversation.status,
            "websocket": f"/ws/chat/{language}/",
        },
    )
