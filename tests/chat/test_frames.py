"""No frame kills a connection: frames made by hypothesis (valid and broken JSON, deep nesting, huge numbers, lone
surrogates, NUL, unknown ids, wrong types, binary) go to a visitor's and an agent's socket; after each one the socket
still answers a ping, and a connection that ends leaves nothing behind."""

import asyncio
import datetime
import json
import time

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.asgi import application
from loket.chat import actions, protocol, queries
from loket.chat import hub as chat_hub
from loket.chat.models import Agent, Conversation, Team
from loket.contact.models import Topic
from loket.db import in_thread
from tests.chat.conftest import enqueue_visitor, make_agent, make_supervisor

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")
TYPES = sorted(protocol.VISITOR_FRAMES | protocol.CONSOLE_FRAMES)

odd_text = st.text(alphabet=st.characters(codec=None, min_codepoint=0), max_size=40)  # surrogates and NUL included
odd_number = st.one_of(
    st.integers(), st.integers(min_value=2**31, max_value=10**40), st.floats(allow_nan=False), st.booleans()
)
scalar = st.one_of(st.none(), odd_text, odd_number)
json_value = st.recursive(
    scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4)
)
field = st.sampled_from(["text", "client_id", "seq", "last_seq", "token", "conversation", "team", "agent", "status",
                         "capacity", "score", "comment", "email", "active", "case", "reason"])  # fmt: skip
frame_object = st.fixed_dictionaries({"type": st.sampled_from(TYPES)}, optional={}).flatmap(
    lambda base: st.dictionaries(field, json_value, max_size=5).map(lambda extra: {**extra, **base})
)


def _encode(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)  # lone surrogates travel as \\ud800, as a client may send them


raw_frame = st.one_of(
    frame_object.map(_encode),
    json_value.map(_encode),
    odd_text,
    st.integers(min_value=1000, max_value=5000).map(lambda depth: "[" * depth + "]" * depth),
    st.builds(lambda n: _encode({"type": "message", "text": "x", "client_id": "c", "seq": n}), odd_number),
    st.binary(max_size=40),
)


def _topic() -> Topic:
    """A topic with its team (a transactional test starts on an empty database)."""
    team, _ = Team.objects.get_or_create(name_nl="Team F", defaults={"name_en": "Team F"})
    topic, _ = Topic.objects.get_or_create(name_nl="Fuzz", defaults={"name_en": "Fuzz"})
    team.topics.add(topic)
    return topic


async def still_answers(socket: WebsocketCommunicator) -> None:
    await socket.send_json_to({"type": "ping"})
    async with asyncio.timeout(5):
        while (await socket.receive_json_from(timeout=5))["type"] != "pong":
            pass


async def send(socket: WebsocketCommunicator, raw: str | bytes) -> None:
    """As the server hands a frame to the application (an empty one too, which the test client's own helper refuses)."""
    await socket.send_input(
        {"type": "websocket.receive", **({"bytes": raw} if isinstance(raw, bytes) else {"text": raw})}
    )


async def _visitor_round(frames: list[str | bytes], token: str) -> None:
    hub = await chat_hub.current()
    socket = WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN])
    assert (await socket.connect())[0]
    await socket.send_json_to({"type": "resume", "token": token, "last_seq": 0})
    for raw in frames:
        await send(socket, raw)
        await still_answers(socket)
    await socket.disconnect()
    assert not hub.visitors and not any(hub.watchers.values())  # nothing of the connection left behind
    await hub.stop()


async def _console_round(frames: list[str | bytes], cookie: bytes) -> None:
    hub = await chat_hub.current()
    socket = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN, (b"cookie", cookie)])
    assert (await socket.connect())[0]
    for raw in frames:
        await send(socket, raw)
        await still_answers(socket)
    await socket.disconnect()
    assert not hub.consoles and not hub.monitors and not hub.supervisors
    await hub.stop()


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(frames=st.lists(raw_frame, min_size=20, max_size=20))
def test_a_visitors_socket_survives_every_frame_and_leaves_nothing_behind(frames):
    topic = _topic()
    make_agent(f"ann{Agent.objects.count()}", *topic.teams.all(), status=Agent.Status.AWAY)
    chat = enqueue_visitor(topic)
    asyncio.run(_visitor_round(frames, chat.token))
    later = timezone.now() + datetime.timedelta(seconds=600)
    actions.expire_absent(now=later)  # without a connection, presence ends after the grace period
    chat.refresh_from_db()
    assert chat.status == Conversation.Status.ENDED


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(frames=st.lists(raw_frame, min_size=20, max_size=20))
def test_an_agents_console_survives_every_frame_and_leaves_nothing_behind(frames):
    topic = _topic()
    agent = make_agent(f"bob{Agent.objects.count()}", *topic.teams.all(), status=Agent.Status.AVAILABLE, capacity=2)
    enqueue_visitor(topic)  # one real chat of theirs, beside the made-up ids
    client = Client()
    client.force_login(agent.user)
    asyncio.run(_console_round(frames, f"sessionid={client.cookies['sessionid'].value}".encode()))
    agent.refresh_from_db()
    assert agent.status in Agent.Status.values


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(frames=st.lists(raw_frame, min_size=20, max_size=20))
def test_a_supervisors_console_survives_every_frame_and_leaves_nothing_behind(frames):
    topic = _topic()
    make_agent(f"ann{Agent.objects.count()}", *topic.teams.all(), capacity=2)
    enqueue_visitor(topic)  # someone's chat to watch, join and take over beside the made-up ids
    supervisor = make_supervisor(f"sam{Agent.objects.count()}", *topic.teams.all())
    client = Client()
    client.force_login(supervisor.user)
    asyncio.run(_console_round(frames, f"sessionid={client.cookies['sessionid'].value}".encode()))


async def test_an_agent_naming_a_chat_that_does_not_exist_gets_an_error_and_stays(hub):
    topic = await in_thread(_topic)()
    teams = await in_thread(lambda: list(topic.teams.all()))()
    agent = await in_thread(make_agent)("ann", *teams, status=Agent.Status.AVAILABLE)
    client = Client()
    await in_thread(client.force_login)(agent.user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    socket = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN, (b"cookie", cookie)])
    assert (await socket.connect())[0]
    for kind in ("read", "message", "close", "transfer"):
        frame = {"type": kind, "conversation": 987654, "seq": 1, "text": "x", "client_id": "c", "team": 1}
        await socket.send_json_to(frame)
        while (answer := await socket.receive_json_from(timeout=3))["type"] != "error":
            pass
        assert answer["code"] == "not-yours", kind
    await still_answers(socket)
    await socket.disconnect()


async def test_a_flood_of_typing_marks_is_cut_off_quietly(hub):
    topic = await in_thread(_topic)()
    teams = await in_thread(lambda: list(topic.teams.all()))()
    agent = await in_thread(make_agent)("ann", *teams, status=Agent.Status.AVAILABLE)
    chat = await in_thread(enqueue_visitor)(topic)
    client = Client()
    await in_thread(client.force_login)(agent.user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    console = WebsocketCommunicator(application, "/ws/console/", headers=[ORIGIN, (b"cookie", cookie)])
    assert (await console.connect())[0]
    visitor = WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN])
    assert (await visitor.connect())[0]
    await visitor.send_json_to({"type": "resume", "token": chat.token, "last_seq": 0})
    started = time.monotonic()
    for number in range(200):
        await visitor.send_json_to({"type": "typing", "active": number % 2 == 0})
    await still_answers(visitor)  # no error frames for them: the visitor is not told, the rest is dropped
    refilled = (time.monotonic() - started) * 120 / 60  # the budget (120 a minute) fills up again as time passes
    await asyncio.sleep(0.3)
    typing = 0
    while not await console.receive_nothing(timeout=0.2):
        typing += (await console.receive_json_from())["type"] == "typing"
    assert 0 < typing <= 120 + refilled
    await visitor.disconnect()
    await console.disconnect()


async def test_a_chat_that_has_not_started_cannot_be_mailed(hub):
    topic = await in_thread(_topic)()
    teams = await in_thread(lambda: list(topic.teams.all()))()
    await in_thread(make_agent)("ann", *teams, status=Agent.Status.AWAY)
    chat = await in_thread(enqueue_visitor)(topic)
    visitor = WebsocketCommunicator(application, "/ws/chat/nl/", headers=[ORIGIN])
    assert (await visitor.connect())[0]
    await visitor.send_json_to({"type": "resume", "token": chat.token, "last_seq": 0})
    await visitor.send_json_to({"type": "transcript", "email": "someone@example.org"})
    while (answer := await visitor.receive_json_from(timeout=3))["type"] != "error":
        pass
    assert answer["code"] == "not-started"
    await visitor.send_to(bytes_data=b'{"type": "ping"}')
    while (answer := await visitor.receive_json_from(timeout=3))["type"] != "error":
        pass
    assert answer["code"] == "bad-frame"  # binary frames are refused, and say so
    await visitor.disconnect()


@given(position=st.integers(1, 10**9), low=st.integers(0, 10**6), span=st.integers(0, 10**6), known=st.booleans())
def test_a_position_frame_made_by_hand_is_the_same_json(position, low, span, known):
    estimate = queries.Estimate(low=low, high=low + span) if known else None
    by_hand = protocol.position_json(position, estimate)
    assert by_hand == json.dumps(protocol.position_frame(position, estimate), separators=(",", ":"))
