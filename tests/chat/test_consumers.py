"""The WebSocket protocol through Channels' WebsocketCommunicator, against the real ASGI application."""

import json

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from loket.asgi import application
from loket.chat import hub as chat_hub
from loket.chat.models import Agent, Conversation, Team
from loket.contact.models import Topic
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.services import free_port

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


@pytest.fixture
def chat_topic(transactional_db):
    team = Team.objects.create(name_nl="Team A", name_en="Team A", sort_order=0)
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team.topics.add(topic)
    return topic, team


async def visitor(token: str, last_seq: int = 0, language: str = "nl") -> tuple[WebsocketCommunicator, dict]:
    socket = WebsocketCommunicator(application, f"/ws/chat/{language}/", headers=[ORIGIN])
    connected, _ = await socket.connect()
    assert connected
    await socket.send_json_to({"type": "resume", "token": token, "last_seq": last_seq})
    return socket, await socket.receive_json_from()


async def frames_until(socket: WebsocketCommunicator, kind: str, timeout: float = 3) -> list[dict]:
    seen = []
    while True:
        frame = await socket.receive_json_from(timeout=timeout)
        seen.append(frame)
        if frame["type"] == kind:
            return seen


async def agent_console(agent: Agent) -> WebsocketCommunicator:
    client = Client()
    await in_thread(client.force_login)(agent.user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    socket = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN, (b"cookie", cookie)])
    connected, _ = await socket.connect()
    assert connected
    return socket


async def test_visitor_sees_position_drop_when_the_one_ahead_is_served(hub, chat_topic):
    topic, team = chat_topic
    ann = await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    first = await in_thread(enqueue_visitor)(topic)
    second = await in_thread(enqueue_visitor)(topic)
    socket, state = await visitor(second.token)
    assert (state["type"], state["status"], state["position"]) == ("state", "waiting", 2)
    assert (await frames_until(socket, "position"))[-1]["position"] == 2
    console = await agent_console(ann)
    hello = await console.receive_json_from()
    assert hello["type"] == "hello" and hello["queues"][str(team.pk)]["waiting"] == 2
    await console.send_json_to({"type": "status", "status": "available"})
    started = (await frames_until(console, "started"))[-1]
    assert started["conversation"] == started["details"]["id"] == first.pk
    # (a new estimate for place 2 may come first: the agent's arrival changed the service rate)
    while (await frames_until(socket, "position"))[-1]["position"] != 1:
        pass
    await socket.disconnect()
    await console.disconnect()


async def test_the_chat_starts_by_itself_on_both_sides_and_messages_go_both_ways(hub, chat_topic):
    topic, team = chat_topic
    ann = await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic, "Vera")
    socket, _ = await visitor(chat.token)
    console = await agent_console(ann)
    await console.receive_json_from()  # hello
    await console.send_json_to({"type": "status", "status": "available"})
    assert (await frames_until(socket, "started"))[-1]["agent_name"] == "Ann"
    await frames_until(console, "started")
    joined = (await frames_until(console, "message"))[-1]  # after `started`: the console knows the chat by then
    assert (joined["seq"], joined["author"]) == (1, "system")

    payload = '<img src=x onerror="alert(1)">'
    await socket.send_json_to({"type": "message", "text": payload, "client_id": "m1"})
    visitor_frames = [f for f in await frames_until(socket, "ack") if f["type"] in ("ack", "message")]
    assert visitor_frames[-1] == {"type": "ack", "client_id": "m1", "seq": 2}  # 1 is "You are now talking to Ann."
    assert [f["seq"] for f in visitor_frames if f["type"] == "message"] == [1]  # the echo of 2 follows its ack
    assert (await frames_until(socket, "message"))[-1]["seq"] == 2
    message = [f for f in await frames_until(console, "message") if f["type"] == "message"][-1]
    assert (message["seq"], message["author"], message["text"]) == (2, "visitor", payload)  # as text, never markup

    await console.send_json_to({"type": "message", "conversation": chat.pk, "text": "Goeiedag Vera", "client_id": "a1"})
    reply = [f for f in await frames_until(socket, "message") if f["type"] == "message"][-1]
    assert (reply["seq"], reply["author"], reply["name"], reply["text"]) == (3, "agent", "Ann", "Goeiedag Vera")
    await socket.send_json_to({"type": "read", "seq": 3})
    read = [f for f in await frames_until(console, "read") if f["type"] == "read"][-1]
    assert (read["author"], read["seq"]) == ("visitor", 3)

    await console.send_json_to({"type": "close", "conversation": chat.pk})
    ended = await frames_until(socket, "ended")
    assert ended[-1]["ending"] == "agent"
    await socket.send_json_to({"type": "rate", "score": 5, "comment": "Top"})
    assert (await frames_until(socket, "ok"))[-1] == {"type": "ok", "for": "rate"}
    await socket.disconnect()
    await console.disconnect()


async def test_a_reconnecting_visitor_gets_what_they_missed_in_order_without_duplicates(hub, chat_topic):
    topic, team = chat_topic
    await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic, text="Eerste vraag")
    socket, _ = await visitor(chat.token)
    for number in range(2, 5):
        await socket.send_json_to({"type": "message", "text": f"bericht {number}", "client_id": f"c{number}"})
        await frames_until(socket, "ack")
    await socket.send_json_to({"type": "message", "text": "bericht 4", "client_id": "c4"})  # a resend after a drop
    assert (await frames_until(socket, "ack"))[-1]["seq"] == 4
    await socket.disconnect()

    again, state = await visitor(chat.token, last_seq=2)
    assert (state["status"], state["last_seq"], state["position"]) == ("waiting", 4, 1)
    replay = [await again.receive_json_from() for _ in range(2)]
    assert [(f["seq"], f["text"]) for f in replay] == [(3, "bericht 3"), (4, "bericht 4")]
    await again.disconnect()


async def test_bad_frames_get_an_error_and_the_connection_stays_healthy(hub, chat_topic):
    topic, team = chat_topic
    await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    socket, _ = await visitor(chat.token)
    await socket.send_to(text_data="{not json")
    assert (await frames_until(socket, "error"))[-1]["code"] == "invalid-json"
    await socket.send_json_to({"type": "shout"})
    assert (await frames_until(socket, "error"))[-1]["code"] == "unknown-type"
    await socket.send_json_to(["a list"])
    assert (await frames_until(socket, "error"))[-1]["code"] == "bad-frame"
    await socket.send_to(text_data=json.dumps({"type": "message", "text": "x" * 9000}))
    assert (await frames_until(socket, "error"))[-1]["code"] == "frame-too-large"
    await socket.send_json_to({"type": "message", "text": "x" * 2001, "client_id": "long"})
    error = (await frames_until(socket, "error"))[-1]
    assert error["code"] == "message-too-long" and error["ref"] == "long"
    assert error["detail"] == "Houd een bericht onder 2000 tekens (dit bericht heeft er 2001)."  # the visitor's Dutch
    await socket.send_json_to({"type": "ping"})
    assert (await frames_until(socket, "pong"))[-1] == {"type": "pong"}
    await socket.disconnect()


async def test_messages_are_rate_limited(hub, chat_topic, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "chat-message": (3, 60)}
    topic, team = chat_topic
    await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    socket, _ = await visitor(chat.token)
    for number in range(3):
        await socket.send_json_to({"type": "message", "text": f"m{number}", "client_id": f"m{number}"})
        assert (await frames_until(socket, "ack"))[-1]["type"] == "ack"
    await socket.send_json_to({"type": "message", "text": "one too many", "client_id": "m9"})
    assert (await frames_until(socket, "error"))[-1]["code"] == "rate-limited"
    await socket.disconnect()


async def test_an_unknown_token_reaches_nothing(hub, chat_topic):
    socket = WebsocketCommunicator(application, "/ws/chat/en/", headers=[ORIGIN])
    await socket.connect()
    await socket.send_json_to({"type": "message", "text": "hi"})
    assert (await socket.receive_json_from())["code"] == "resume-first"
    await socket.send_json_to({"type": "resume", "token": "guessed-token", "last_seq": 0})
    error = await socket.receive_json_from()
    assert error["code"] == "unknown-conversation" and "no longer exists" in error["detail"]
    assert (await socket.receive_output())["type"] == "websocket.close"


async def test_a_foreign_origin_and_a_visitor_at_the_console_are_refused(hub, chat_topic):
    foreign = WebsocketCommunicator(application, "/ws/chat/nl/", headers=[(b"origin", b"https://evil.example")])
    connected, _ = await foreign.connect()
    assert not connected
    anonymous = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN])
    connected, code = await anonymous.connect()
    assert not connected and code == 4403


async def test_an_agent_who_reconnects_finds_their_chats_again(hub, chat_topic):
    topic, team = chat_topic
    ann = await in_thread(make_agent)("ann", team)
    chat = await in_thread(enqueue_visitor)(topic, "Vera", text="Hallo")
    assert chat.status == Conversation.Status.ACTIVE
    console = await agent_console(ann)
    hello = await console.receive_json_from()
    [open_chat] = hello["conversations"]
    assert open_chat["id"] == chat.pk and open_chat["messages"][0]["text"] == "Hallo"
    await console.send_json_to({"type": "resume", "conversation": chat.pk, "last_seq": 1})
    assert (await frames_until(console, "message"))[-1]["seq"] == 2
    await console.disconnect()


async def test_the_state_and_position_frames_carry_the_estimate_from_the_recent_service_rate(hub, chat_topic):
    """12 chats taken in the last 30 minutes (0.4 a minute): the 2nd in line waits (2 ± 1.28·√2) / 0.4 minutes."""
    topic, team = chat_topic
    await in_thread(_served_lately)(topic, team, 12)
    await in_thread(enqueue_visitor)(topic)
    second = await in_thread(enqueue_visitor)(topic)
    socket, state = await visitor(second.token)
    assert (state["position"], state["estimate"]) == (2, {"low": 0, "high": 10})  # right away, not one frame later
    position = (await frames_until(socket, "position"))[-1]
    assert position == {"type": "position", "position": 2, "estimate": {"low": 0, "high": 10}}
    await socket.disconnect()


async def test_a_resent_message_is_acknowledged_again_and_a_reused_id_with_other_text_is_refused(hub, chat_topic):
    topic, team = chat_topic
    await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    socket, _ = await visitor(chat.token)
    await socket.send_json_to({"type": "message", "text": "Hallo", "client_id": "c1"})
    first = (await frames_until(socket, "ack"))[-1]
    assert (await frames_until(socket, "message"))[-1]["client_id"] == "c1"
    await socket.send_json_to({"type": "message", "text": "Hallo", "client_id": "c1"})  # the ack was lost, say
    assert (await frames_until(socket, "ack"))[-1] == first  # the same seq; nothing stored twice
    again = (await frames_until(socket, "message"))[-1]  # and passed on again, in case nobody was told
    assert (again["seq"], again["client_id"]) == (first["seq"], "c1")
    await socket.send_json_to({"type": "message", "text": "Iets anders", "client_id": "c1"})
    error = (await frames_until(socket, "error"))[-1]
    assert (error["code"], error["ref"]) == ("client-id-reused", "c1")
    await socket.send_json_to({"type": "rate", "score": 9})
    assert (await frames_until(socket, "error"))[-1]["ref"] == ""  # always there, empty without a client id
    assert await in_thread(lambda: Conversation.objects.get(pk=chat.pk).last_seq)() == 1
    await socket.send_json_to({"type": "ping"})
    assert (await frames_until(socket, "pong"))[-1] == {"type": "pong"}
    await socket.disconnect()


def _served_lately(topic, team, count):
    """`count` chats taken and ended just now, through the actions (so every process hears of them)."""
    from loket.chat import actions

    ann = make_agent("ann", team, capacity=count)
    for _ in range(count):
        chat = enqueue_visitor(topic)
        assert chat.status == Conversation.Status.ACTIVE
        actions.end_conversation(conversation_id=chat.pk, ending=Conversation.Ending.AGENT)
    actions.set_availability(agent=ann, status=Agent.Status.AWAY)


async def test_typing_reaches_the_other_side_and_is_not_stored(hub, chat_topic):
    topic, team = chat_topic
    ann = await in_thread(make_agent)("ann", team)
    chat = await in_thread(enqueue_visitor)(topic)
    socket, _ = await visitor(chat.token)
    console = await agent_console(ann)
    await console.receive_json_from()
    await socket.send_json_to({"type": "typing", "active": True})
    typing = (await frames_until(console, "typing"))[-1]
    assert (typing["conversation"], typing["author"], typing["active"]) == (chat.pk, "visitor", True)
    await console.send_json_to({"type": "typing", "conversation": chat.pk, "active": True})
    while (frame := (await frames_until(socket, "typing"))[-1])["author"] == "visitor":
        pass  # the visitor's own typing comes back too (other tabs); clients ignore it
    assert frame["author"] == "agent" and frame["active"] is True
    assert await in_thread(lambda: Conversation.objects.get(pk=chat.pk).last_seq)() == 1  # only the join
    await socket.disconnect()
    await console.disconnect()


async def test_with_redis_down_the_chat_goes_on_within_the_process(chat_topic, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    found = await chat_hub.current()
    try:
        topic, team = chat_topic
        await in_thread(make_agent)("ann", team, status=Agent.Status.AWAY)
        chat = await in_thread(enqueue_visitor)(topic)
        socket, state = await visitor(chat.token)
        assert (state["status"], state["position"]) == ("waiting", 1)
        await socket.send_json_to({"type": "message", "text": "Hallo?", "client_id": "r1"})
        frames = await frames_until(socket, "message")
        kinds = [f["type"] for f in frames]
        assert "ack" in kinds and kinds.index("ack") < kinds.index("message")  # acknowledged, then shown
        assert frames[-1]["text"] == "Hallo?"  # delivered here, not via Redis
        await socket.disconnect()
    finally:
        await found.stop()
