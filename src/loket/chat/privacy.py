"""The chat's personal data (docs/privacy.md is generated from this)."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from loket.chat.models import (
    Agent,
    Conversation,
    Message,
    Note,
    OpeningHours,
    QueueEntry,
    StatusChange,
    Team,
    new_token,
)
from loket.privacy.registry import Erasure, Kind, Person, Retention, no_personal_data, register

AGENTS = "the agent who took the chat, supervisors, and administrators"


def conversations_of(person: Person) -> "QuerySet[Conversation]":
    return Conversation.objects.filter(Q(visitor_email__iexact=person.email) | Q(token__in=person.chats))


def anonymise_conversations(rows: "QuerySet[Conversation]") -> int:
    """What says who the visitor was or what they wrote goes; team, topic, times and the rating stay for the reports.
    A new token: the visitor's old link no longer opens it."""
    count = 0
    for conversation in rows.only("pk"):
        Conversation.objects.filter(pk=conversation.pk).update(
            visitor_name="", visitor_email="", source_url="", rating_comment="", token=new_token()
        )
        count += 1
    return count


def ended_before(cutoff: Any) -> Q:
    return Q(status=Conversation.Status.ENDED, ended_at__lt=cutoff)


register(
    Kind(
        model=Conversation,
        what=_(
            "A chat: the visitor's name and (optional) e-mail address, the page they came from, times, the rating "
            "and its comment."
        ),
        why="To answer the visitor, and count the service's chats (wait, duration, rating).",
        who=AGENTS,
        find=conversations_of,
        fields=(
            "token",
            "visitor_name",
            "visitor_email",
            "language",
            "source_url",
            "status",
            "topic",
            "created_at",
            "ended_at",
            "rating",
            "rating_comment",
        ),
        erasure=Erasure.ANONYMISE,
        anonymise=anonymise_conversations,
        retention=Retention("LOKET_RETENTION_DAYS", _("after the chat ended"), ended_before),
        named_by="pk",
    ),
    Kind(
        model=Message,
        what=_("What the visitor and the agent wrote in a chat (the transcript)."),
        why="To answer the visitor; the visitor can ask for the transcript by mail.",
        who=AGENTS,
        find=lambda person: Message.objects.filter(conversation__in=conversations_of(person)),
        fields=("conversation", "seq", "author", "text", "created_at"),
        erasure=Erasure.DELETE,
        retention_note=_("with its chat"),
    ),
    Kind(
        model=Note,
        what=_("What staff noted about a chat (never shown to the visitor)."),
        why="To hand a chat over or follow it up.",
        who=AGENTS,
        find=lambda person: Note.objects.filter(conversation__in=conversations_of(person)),
        fields=("conversation", "text", "created_at"),
        erasure=Erasure.DELETE,
        retention_note=_("with its chat"),
    ),
    Kind(
        model=Agent,
        what=_("A member of staff's chat presence: status, capacity, last seen."),
        why="To hand waiting visitors to agents who are there.",
        who="supervisors and administrators",
        find=lambda person: Agent.objects.filter(user__email__iexact=person.email),
        fields=("user", "status", "capacity", "seen_at"),
        erasure=Erasure.KEEP,
        keep_reason=_("staff data: goes with the staff account (`loket staff`)"),
        retention_note=_("as long as the staff account"),
    ),
    Kind(
        model=StatusChange,
        what=_("When an agent's availability changed, by whom and why."),
        why="Supervision and the reports per agent.",
        who="supervisors and administrators",
        find=lambda person: StatusChange.objects.filter(agent__user__email__iexact=person.email),
        fields=("agent", "old", "new", "at", "reason"),
        erasure=Erasure.KEEP,
        keep_reason=_("staff data: goes with the staff account (`loket staff`)"),
        retention_note=_("as long as the staff account"),
    ),
)

no_personal_data(
    [
        (Team, "teams of agents"),
        (OpeningHours, "the chat's opening hours"),
        (
            QueueEntry,
            "a wait's team, times and outcome: about a person only through its chat, which is anonymised or deleted",
        ),
    ]
)
