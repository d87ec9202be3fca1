"""Messages that arrive together are stored together (actions.post_messages, behind the consumers' `_posting`):
each gets what post_message alone would have given it, and a conversation's messages keep their order."""

import asyncio

import pytest
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.utils import timezone

from loket.asgi import application
from loket.chat import actions, consumers
from loket.chat.models import Agent, Conversation, Message, Team
from loket.contact.models import Topic
from loket.db import in_thread
from tests.chat.conftest import make_agent

ORIGIN = (b"origin", b"http://localhost")


def _chats(count: int) -> tuple[list[Conversation], Agent, Agent]:
    team = Team.objects.create(name_nl="Team A", name_en="Team A", sort_order=0)
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    ann = make_agent("ann", team, status=Agent.Status.AWAY, capacity=count)
    bob = make_agent("bob", team, status=Agent.Status.AWAY)
    now, active = timezone.now(), Conversation.Status.ACTIVE
    chats = Conversation.objects.bulk_create(
        Conversation(team=team, topic=topic, language="nl", agent=ann, started_at=now, status=active)
        for _ in range(count)
    )
    return chats, ann, bob


@pytest.mark.django_db(transaction=True)
def test_a_burst_stores_each_message_as_post_message_would(monkeypatch):
    (a, b, ended, resent), ann, bob = _chats(4)
    Conversation.objects.filter(pk=ended.pk).update(status=Conversation.Status.ENDED, ended_at=timezone.now())
    first = actions.post_message(conversation_id=resent.pk, author="visitor", text="hallo", client_id="k1")
    visitor, agent = Message.Author.VISITOR, Message.Author.AGENT
    calls: list[actions.Posting] = [
        (a.pk, visitor, "a1", "a1", None),
        (b.pk, agent, "b1", "b1", ann),
        (a.pk, visitor, "a2", "a2", None),  # the same conversation again: after a1
        (ended.pk, visitor, "too late", "e1", None),
        (b.pk, agent, "not mine", "b2", bob),
        (a.pk, agent, "a3", "a3", ann),
    ]
    alone = []
    post_message = actions.post_message
    monkeypatch.setattr(actions, "post_message", lambda **call: alone.append(call["text"]) or post_message(**call))
    found = actions.post_messages(calls)
    # On PostgreSQL one statement stores the first message of each conversation it may; SQLite stores one by one.
    assert alone == (
        ["a2", "too late", "not mine", "a3"] if connection.vendor == "postgresql" else [c[2] for c in calls]
    )
    assert [(m.conversation_id, m.seq, m.text) for m in (found[0], found[1], found[2], found[5])] == [
        (a.pk, 1, "a1"), (b.pk, 1, "b1"), (a.pk, 2, "a2"), (a.pk, 3, "a3"),
    ]  # fmt: skip
    assert isinstance(found[3], actions.ChatError) and found[3].code == "ended"
    assert isinstance(found[4], actions.ChatError) and found[4].code == "not-yours"

    # A resend among new messages: the one statement fails, each then goes alone; nothing is stored twice.
    again = actions.post_messages([(b.pk, agent, "b3", "b3", ann), (resent.pk, visitor, "hallo", "k1", None)])
    assert again[0].seq == 2 and again[1].pk == first.pk  # type: ignore[union-attr]
    reused = actions.post_messages([(a.pk, visitor, "a4", "a4", None), (resent.pk, visitor, "other", "k1", None)])
    assert reused[0].seq == 4 and reused[1].code == "client-id-reused"  # type: ignore[union-attr]
    stored = {
        c: list(Message.objects.filter(conversation=c).order_by("seq").values_list("seq", "text")) for c in (a, b)
    }
    assert stored == {a: [(1, "a1"), (2, "a2"), (3, "a3"), (4, "a4")], b: [(1, "b1"), (2, "b3")]}
    assert (
        Conversation.objects.get(pk=resent.pk).last_seq == 1
        and Message.objects.filter(conversation=resent).count() == 1
    )


@pytest.mark.django_db(transaction=True)
async def test_visitors_who_write_at_once_share_trips_and_each_gets_its_ack(hub, monkeypatch):
    count = 300
    chats, _, _ = await in_thread(_chats)(count)
    trips = []
    function = consumers._posting.function
    monkeypatch.setattr(consumers._posting, "function", lambda calls: trips.append(len(calls)) or function(calls))
    sockets = [WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN]) for _ in chats]
    assert all(connected for connected, _ in await asyncio.gather(*(s.connect(timeout=60) for s in sockets)))
    await asyncio.gather(
        *(s.send_json_to({"type": "resume", "token": c.token}) for s, c in zip(sockets, chats, strict=True))
    )
    assert {(await s.receive_json_from(timeout=60))["type"] for s in sockets} == {"state"}
    for n in (1, 2):  # each visitor sends its next message only after the ack of the one before, as clients do
        messages = [{"type": "message", "text": f"{c.pk}.{n}", "client_id": f"m{n}"} for c in chats]
        await asyncio.gather(*(s.send_json_to(m) for s, m in zip(sockets, messages, strict=True)))
        for socket in sockets:
            frames = [await socket.receive_json_from(timeout=60) for _ in range(2)]
            assert frames[0] == {"type": "ack", "client_id": f"m{n}", "seq": n}
            assert frames[1]["type"] == "message" and frames[1]["seq"] == n
    assert sum(trips) == 2 * count and len(trips) < count  # shared trips, not one each
    stored = await in_thread(lambda: sorted(Message.objects.values_list("conversation_id", "seq", "text")))()
    assert stored == sorted((c.pk, n, f"{c.pk}.{n}") for c in chats for n in (1, 2))
    await asyncio.gather(*(s.disconnect() for s in sockets))


@pytest.mark.django_db(transaction=True)
def test_one_message_that_fails_is_its_senders_failure_alone(monkeypatch):
    """The others' messages are stored (and on PostgreSQL published) already: they get their messages, not its error."""
    from django.db import OperationalError

    (a, b), _, _ = _chats(2)
    post_message = actions.post_message

    def failing(**call):
        if call["text"] == "a2":
            raise OperationalError("statement timeout")
        return post_message(**call)

    monkeypatch.setattr(actions, "post_message", failing)
    visitor = Message.Author.VISITOR
    found = actions.post_messages(
        [(a.pk, visitor, "a1", "a1", None), (b.pk, visitor, "b1", "b1", None), (a.pk, visitor, "a2", "a2", None)]
    )
    assert [m.text for m in found[:2]] == ["a1", "b1"]  # type: ignore[union-attr]
    assert isinstance(found[2], OperationalError)


@pytest.mark.django_db(transaction=True)
def test_two_bursts_that_cross_the_same_conversations_at_once_both_store_everything(monkeypatch):
    """Two trips (or processes) whose statements number the same conversations in opposite orders: the rows are
    locked in the order of their ids, so one waits for the other instead of a deadlock (which PostgreSQL would break
    after a second, and the messages would go one by one)."""
    import threading

    from django.db import connection as this_connection

    alone = []
    post_message = actions.post_message
    monkeypatch.setattr(actions, "post_message", lambda **call: alone.append(call) or post_message(**call))
    chats, _, _ = _chats(400)
    visitor = Message.Author.VISITOR
    results: list[list[object]] = []

    def burst(order: list[Conversation], tag: str) -> None:
        try:
            results.append(
                actions.post_messages([(c.pk, visitor, f"{tag}{c.pk}", f"{tag}{c.pk}", None) for c in order])
            )
        finally:
            this_connection.close()

    threads = [
        threading.Thread(target=burst, args=(chats, "x")),
        threading.Thread(target=burst, args=(chats[::-1], "y")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(m, Message) for found in results for m in found) and len(results) == 2
    if connection.vendor == "postgresql":
        assert alone == []
    for chat in chats:
        assert sorted(Message.objects.filter(conversation=chat).values_list("seq", flat=True)) == [1, 2]
