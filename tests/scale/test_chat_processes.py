"""Two real server processes on PostgreSQL and Redis: a visitor on one, the agent on the other; then one dies."""

import asyncio
import concurrent.futures
import json
import signal
import urllib.request
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.scale.conftest import web_processes
from tests.services import private_redis, run_python

SETUP = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from loket.chat.models import Agent, Team
from loket.contact.models import Topic
user = User.objects.create_user("ann", first_name="Ann")
user.groups.add(Group.objects.get(name="Agent"))
agent = Agent.objects.create(user=user, status="away", capacity=1, seen_at=timezone.now())
agent.teams.set(Team.objects.all())
session = SessionStore()
session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "allauth.account.auth_backends.AuthenticationBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash()})
session.create()
print(session.session_key, Topic.objects.first().pk)
"""

MESSAGES = """
import django; django.setup()
import json
from loket.chat.models import Message
print(json.dumps(list(Message.objects.filter(conversation_id={id}).order_by("seq").values_list("seq", flat=True))))
sent = Message.objects.filter(conversation_id={id}).exclude(client_id="")
print(json.dumps(list(sent.values_list("client_id", flat=True))))
"""


@pytest.fixture
def cluster(database, tmp_path):
    with private_redis() as redis_url:
        env = {"DATABASE_URL": database, "REDIS_URL": redis_url, "LOKET_VAR_DIR": str(tmp_path)}
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        session, topic = setup.stdout.split()
        with web_processes({**env, "LOKET_CHAT_HEARTBEAT": "1"}, "one", "two") as servers:
            yield {"servers": servers, "session": session, "topic": int(topic), "env": env, "folder": tmp_path}


def start_chat(port: int, topic: int, name: str) -> dict:
    body = json.dumps({"topic": topic, "name": name, "language": "nl"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/chat/conversations", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own test server
        return json.loads(response.read())


class Client:
    """A WebSocket client that keeps every frame it received, and waits for the one it needs."""

    def __init__(self, port: int, path: str, cookie: str = "") -> None:
        self.port, self.path, self.cookie = port, path, cookie
        self.frames: list[dict] = []

    async def open(self) -> "Client":
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self.socket = await connect(
            f"ws://127.0.0.1:{self.port}{self.path}", origin=f"http://localhost:{self.port}", additional_headers=headers
        )
        return self

    async def send(self, frame: dict) -> None:
        await self.socket.send(json.dumps(frame))

    async def wait_for(self, test, timeout: float = 10) -> dict:
        async with asyncio.timeout(timeout):
            while True:
                frame = json.loads(await self.socket.recv())
                self.frames.append(frame)
                if test(frame):
                    return frame

    async def position(self, expected: int) -> dict:
        return await self.wait_for(lambda f: f["type"] in ("position", "state") and f.get("position") == expected)


def test_positions_and_messages_survive_across_processes_and_the_loss_of_one(cluster):
    one, two = cluster["servers"]["one"][0], cluster["servers"]["two"][0]
    topic = cluster["topic"]
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in the main thread.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, _scenario(cluster, one, two, topic)).result()


async def _scenario(cluster, one, two, topic):
    agent = await Client(two, "/ws/console/", f"sessionid={cluster['session']}").open()
    assert (await agent.wait_for(lambda f: True))["type"] == "hello"
    chats = [start_chat(one, topic, name) for name in ("Amal", "Bert", "Cas")]
    amal = await Client(one, "/ws/chat/nl/").open()
    bert = await Client(two, "/ws/chat/nl/").open()
    cas = await Client(one, "/ws/chat/nl/").open()
    for client, chat in zip((amal, bert, cas), chats, strict=True):
        await client.send({"type": "resume", "token": chat["token"], "last_seq": 0})
    await bert.position(2)
    await cas.position(3)

    await agent.send({"type": "status", "status": "available", "capacity": 1})
    await amal.wait_for(lambda f: f["type"] == "started")
    await bert.position(1)  # on the other process than the one that served Amal
    await cas.position(2)

    acked = []
    for number in range(3):
        await amal.send({"type": "message", "text": f"vraag {number}", "client_id": f"amal-{number}"})
        acked.append((await amal.wait_for(lambda f: f["type"] == "ack"))["client_id"])
    await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-2")
    await agent.send(
        {"type": "message", "conversation": chats[0]["conversation"], "text": "Ik kijk het na", "client_id": "ann-0"}
    )
    await amal.wait_for(lambda f: f["type"] == "message" and f["text"] == "Ik kijk het na")
    last_seen = max(f["seq"] for f in amal.frames if f["type"] == "message")

    _, process_one = cluster["servers"]["one"]
    process_one.send_signal(signal.SIGKILL)  # mid-chat: Amal's and Cas's process is gone
    process_one.wait(10)
    with pytest.raises(ConnectionClosed):
        await amal.wait_for(lambda f: False, timeout=5)
    await agent.send(
        {"type": "message", "conversation": chats[0]["conversation"], "text": "Bent u er nog?", "client_id": "ann-1"}
    )
    await agent.wait_for(lambda f: f["type"] == "ack" and f["client_id"] == "ann-1")

    # The clients reconnect, through the load balancer, to the process that is left.
    amal = await Client(two, "/ws/chat/nl/").open()
    await amal.send({"type": "resume", "token": chats[0]["token"], "last_seq": last_seen})
    state = await amal.wait_for(lambda f: f["type"] == "state")
    assert state["status"] == "active"
    missed = await amal.wait_for(lambda f: f["type"] == "message")
    assert (missed["seq"], missed["text"]) == (last_seen + 1, "Bent u er nog?")
    cas = await Client(two, "/ws/chat/nl/").open()
    await cas.send({"type": "resume", "token": chats[2]["token"], "last_seq": 0})
    await cas.position(2)
    await amal.send({"type": "message", "text": "Ja, nog hier", "client_id": "amal-3"})
    acked.append((await amal.wait_for(lambda f: f["type"] == "ack"))["client_id"])
    await agent.wait_for(lambda f: f["type"] == "message" and f.get("client_id") == "amal-3")

    stored = run_python(
        MESSAGES.replace("{id}", str(chats[0]["conversation"])), cluster["env"], Path(cluster["folder"])
    )
    seqs, client_ids = (json.loads(line) for line in stored.stdout.splitlines())
    assert seqs == list(range(1, len(seqs) + 1))  # numbered without gaps or doubles
    assert set(acked) <= set(client_ids)  # nothing acknowledged was lost
    for client in (agent, amal, bert, cas):
        await client.socket.close()
