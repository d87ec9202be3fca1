"""Chat histories made by hand: every timestamp is set, as the raw rows would hold it after the fact."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.chat.models import Agent, Conversation, Message, QueueEntry, Team
from loket.contact.models import Topic

BRUSSELS = ZoneInfo("Europe/Brussels")


def local(*args: int) -> datetime.datetime:
    """A moment on the service's clock (Europe/Brussels)."""
    return datetime.datetime(*args, tzinfo=BRUSSELS)


def after(moment: datetime.datetime, seconds: float) -> datetime.datetime:
    """In UTC: wall-clock arithmetic would be an hour off across a change of summer time."""
    return moment.astimezone(datetime.UTC) + datetime.timedelta(seconds=seconds)


@pytest.fixture
def team(db):
    return Team.objects.create(name_nl="Team A", name_en="Team A")


@pytest.fixture
def other_team(db):
    return Team.objects.create(name_nl="Team B", name_en="Team B", sort_order=1)


@pytest.fixture
def topic(team):
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    return topic


def make_user(name: str, group: str) -> User:
    user = User.objects.create_user(name, password="a-long-password-123", first_name=name.title())
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def agent(team):
    agent = Agent.objects.create(user=make_user("ann", "Agent"), status=Agent.Status.OFFLINE)
    agent.teams.set([team])
    return agent


def make_chat(
    team: Team, topic: Topic, joined: datetime.datetime, *, taken: float | None = None, ended: float | None = None,
    ending: str = "", reply: float | None = None, rating: int | None = None, agent: Agent | None = None,
    language: str = "nl", requeued: float | None = None, taken_again: float | None = None,
    to_team: Team | None = None, transfers: int = 0,
) -> Conversation:  # fmt: skip
    """A chat that joined `team`'s queue at `joined`; the other moments are seconds after it. `requeued` sends it back
    to a queue (`to_team`, else the same) and `taken_again` takes it from there; `transfers` writes audit entries."""
    status = Conversation.Status.ENDED if ended is not None else Conversation.Status.WAITING
    if taken is not None and ended is None and (requeued is None or taken_again is not None):
        status = Conversation.Status.ACTIVE
    conversation = Conversation.objects.create(
        team=to_team or team, topic=topic, language=language, status=status, ending=ending,
        agent=agent if taken is not None and (requeued is None or taken_again is not None) else None,
        rating=rating, ended_at=after(joined, ended) if ended is not None else None,
        started_at=after(joined, taken_again if taken_again is not None else taken) if taken is not None else None,
    )  # fmt: skip
    Conversation.objects.filter(pk=conversation.pk).update(created_at=joined)
    first = QueueEntry.objects.create(conversation=conversation, team=team, ticket=conversation.pk)
    if taken is not None:
        first_left, first_outcome = after(joined, taken), QueueEntry.Outcome.SERVED
    elif ended is not None:
        first_left, first_outcome = after(joined, ended), QueueEntry.Outcome.LEFT
    else:
        first_left, first_outcome = None, ""
    QueueEntry.objects.filter(pk=first.pk).update(joined_at=joined, left_at=first_left, outcome=first_outcome)
    if requeued is not None:
        second = QueueEntry.objects.create(conversation=conversation, team=to_team or team, ticket=conversation.pk)
        left = taken_again if taken_again is not None else ended
        QueueEntry.objects.filter(pk=second.pk).update(
            joined_at=after(joined, requeued),
            left_at=after(joined, left) if left is not None else None,
            outcome=QueueEntry.Outcome.SERVED if taken_again is not None else QueueEntry.Outcome.LEFT if left else "",
        )
    seq = 0
    if reply is not None:
        seq += 1
        message = Message.objects.create(
            conversation=conversation, seq=seq, author=Message.Author.AGENT, agent=agent, text="Goedendag"
        )
        Message.objects.filter(pk=message.pk).update(created_at=after(joined, reply))
    for n in range(transfers):
        AuditEntry.objects.create(
            event="chat.transferred", subject=f"conversation:{conversation.pk}", at=after(joined, (taken or 0) + n + 1)
        )
    Conversation.objects.filter(pk=conversation.pk).update(last_seq=seq)
    return conversation


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def other_topic(other_team):
    topic = Topic.objects.create(name_nl="Afval", name_en="Waste")
    other_team.topics.add(topic)
    return topic
