"""A restart during opening hours: every visitor reconnects at once. A burst of 1,000 resumes (waiting, in a chat
with messages, ended) each gets its own state and the messages it missed, and the burst shares database trips."""

import asyncio
import random

import pytest
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from loket.asgi import application
from loket.chat import consumers
from loket.chat.models import Agent, Conversation, Message, Team
from loket.contact.models import Topic
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")
WAITING, ACTIVE, ENDED = 200, 500, 300


def _history() -> list[tuple[Conversation, int]]:
    """The conversations and the last seq each visitor's client has."""
    team = Team.objects.create(name_nl="Team A", name_en="Team A", sort_order=0)
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    agent = make_agent("ann", team, status=Agent.Status.AWAY, capacity=ACTIVE)
    waiting = [enqueue_visitor(topic, f"Wacht {n}") for n in range(WAITING)]
    now, rng = timezone.now(), random.Random(7)
    others = Conversation.objects.bulk_create(
        Conversation(team=team, topic=topic, language="nl", agent=agent, last_seq=3, started_at=now,
                     status=Conversation.Status.ACTIVE if n < ACTIVE else Conversation.Status.ENDED,
                     ended_at=None if n < ACTIVE else now)
        for n in range(ACTIVE + ENDED)
    )  # fmt: skip
    Message.objects.bulk_create(
        Message(conversation=c, seq=seq, author=Message.Author.VISITOR, text=f"{c.pk}.{seq}")
        for c in others
        for seq in (1, 2, 3)
    )
    return [(c, 0) for c in waiting] + [(c, rng.randint(0, 3)) for c in others]


async def test_a_burst_of_resumes_each_gets_its_own_state(hub, monkeypatch):
    history = await in_thread(_history)()
    trips = []
    function = consumers._resuming.function
    monkeypatch.setattr(consumers._resuming, "function", lambda tokens: trips.append(len(tokens)) or function(tokens))
    sockets = [WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN]) for _ in history]
    assert all(connected for connected, _ in await asyncio.gather(*(s.connect(timeout=60) for s in sockets)))
    resumes = [{"type": "resume", "token": c.token, "last_seq": seq} for c, seq in history]
    await asyncio.gather(*(s.send_json_to(resume) for s, resume in zip(sockets, resumes, strict=True)))
    states = await asyncio.gather(*(s.receive_json_from(timeout=60) for s in sockets))
    for place, (state, (conversation, _)) in enumerate(zip(states, history, strict=True), start=1):
        assert state["type"] == "state" and state["last_seq"] == conversation.last_seq
        if place <= WAITING:
            assert state["status"] == "waiting" and state["position"] == place
        else:
            assert state["status"] == ("active" if place <= WAITING + ACTIVE else "ended") and state["agent"] == "Ann"
    for socket, (conversation, seq) in zip(sockets[WAITING:], history[WAITING:], strict=True):
        missed = [await socket.receive_json_from(timeout=10) for _ in range(conversation.last_seq - seq)]
        assert [(m["type"], m["text"]) for m in missed] == [
            ("message", f"{conversation.pk}.{n}") for n in range(seq + 1, conversation.last_seq + 1)
        ]
    assert sum(trips) == len(history) and len(trips) < len(history) / 4  # shared trips, not one each
    await asyncio.gather(*(s.disconnect() for s in sockets))


async def test_calls_that_come_while_trips_are_under_way_go_together_in_the_next(monkeypatch):
    """A lone call goes at once; while `TRIPS` trips are under way, later calls wait and then share one trip."""
    trips, release = [], asyncio.Event()

    def trip_on_hold(function):  # stands in for the database thread: a trip stays under way until released
        async def run(arguments):
            trips.append(list(arguments))
            await release.wait()
            return function(arguments)

        return run

    monkeypatch.setattr(consumers, "db", trip_on_hold)
    batched = consumers.Batched(lambda arguments: [argument * 10 for argument in arguments])
    first = asyncio.ensure_future(batched(1))
    await asyncio.sleep(0.01)
    second = asyncio.ensure_future(batched(2))
    await asyncio.sleep(0.01)
    later = [asyncio.ensure_future(batched(n)) for n in range(3, 10)]
    await asyncio.sleep(0.01)
    assert consumers.Batched.TRIPS == 2 and trips == [[1], [2]]  # the later ones wait: two trips are under way
    release.set()
    assert await asyncio.gather(first, second, *later) == [n * 10 for n in range(1, 10)]
    assert trips == [[1], [2], list(range(3, 10))]
