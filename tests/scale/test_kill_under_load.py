"""A `loket web` process killed with SIGKILL while 100 chats are going on (half of the visitors on it): the visitors
reconnect to the other process and go on as docs/chat-protocol.md says (resume, send again what has no ack); every
acknowledged message is stored once, numbered without gaps, and reaches both sides."""

import asyncio
import concurrent.futures
import json
import signal
from pathlib import Path

from websockets.exceptions import ConnectionClosed

from tests.scale.clients import Client, start_chat
from tests.scale.conftest import web_processes
from tests.services import private_redis, run_python

CHATS, AGENTS, MESSAGES_EACH = 100, 10, 6

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
Team.objects.update(queue_limit=1000)
sessions = []
for number in range(AGENTS):
    user = User.objects.create_user(f"agent{number}", first_name=f"Agent {number}")
    user.groups.add(Group.objects.get(name="Agent"))
    agent = Agent.objects.create(user=user, status="away", capacity=10, seen_at=timezone.now())
    agent.teams.set(Team.objects.all())
    session = SessionStore()
    session.update({SESSION_KEY: str(user.pk), HASH_SESSION_KEY: user.get_session_auth_hash(),
                    BACKEND_SESSION_KEY: "allauth.account.auth_backends.AuthenticationBackend"})
    session.create()
    sessions.append(session.session_key)
print(Topic.objects.first().pk, *sessions)
""".replace("AGENTS", str(AGENTS))

STORED = """
import django; django.setup()
import json
from loket.chat.models import Message
rows = Message.objects.filter(conversation_id__in=IDS).order_by("conversation_id", "seq")
print(json.dumps(list(rows.values_list("conversation_id", "seq", "client_id"))))
"""


def test_killing_a_process_under_100_chats_loses_no_acknowledged_message(database, tmp_path):
    with private_redis() as redis_url:
        env = {"DATABASE_URL": database, "REDIS_URL": redis_url, "LOKET_VAR_DIR": str(tmp_path),
               "LOKET_RATE_LIMITS": "chat-start=1000/600"}  # fmt: skip
        setup = run_python(SETUP, env, tmp_path)
        assert setup.returncode == 0, setup.stderr
        topic, *sessions = setup.stdout.split()
        with (
            web_processes({**env, "LOKET_CHAT_HEARTBEAT": "1"}, "one", "two") as servers,
            concurrent.futures.ThreadPoolExecutor(1) as pool,  # (Playwright's loop may hold the main thread)
        ):
            result = pool.submit(asyncio.run, _scenario(servers, int(topic), sessions)).result()
        chats, acked, agents_saw = result
        stored = run_python(STORED.replace("IDS", json.dumps(chats)), env, Path(tmp_path))
        rows = json.loads(stored.stdout)
        for chat in chats:
            seqs = [seq for conversation, seq, _ in rows if conversation == chat]
            assert seqs == list(range(1, len(seqs) + 1)), chat  # numbered without gaps or doubles
            assert agents_saw[chat] == len(seqs), chat  # the agent's console has all of it
        client_ids = [client_id for _, _, client_id in rows if client_id]
        assert len(client_ids) == len(set(client_ids)) == CHATS * MESSAGES_EACH  # each once; none lost
        assert set(acked) == set(client_ids)


class Console(Client):
    """An agent's console that keeps what docs/chat-protocol.md says to keep: the last seq shown per chat, asking
    again (resume) when a message comes more than one above it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.last: dict[int, int] = {}

    async def run(self) -> None:
        try:
            async for raw in self.socket:
                frame = json.loads(raw)
                if frame["type"] == "started":
                    self.last.setdefault(frame["conversation"], 0)
                    await self.send({"type": "resume", "conversation": frame["conversation"], "last_seq": 0})
                elif frame["type"] == "message":
                    last = self.last.get(frame["conversation"], 0)
                    if frame["seq"] == last + 1:
                        self.last[frame["conversation"]] = frame["seq"]
                    elif frame["seq"] > last + 1:
                        await self.send({"type": "resume", "conversation": frame["conversation"], "last_seq": last})
        except ConnectionClosed:
            pass


class Visitor:
    """One visitor, written from the document: resume with the last seq shown, send again whatever has no ack."""

    def __init__(self, chat: dict, port: int) -> None:
        self.chat, self.port = chat, port
        self.last, self.top, self.acked, self.unacked = 0, 0, [], {}

    async def connect(self, port: int) -> None:
        self.port = port
        self.client = await Client(port, "/ws/chat/nl/").open()
        await self.client.send({"type": "resume", "token": self.chat["token"], "last_seq": self.last})
        for client_id, text in self.unacked.items():
            await self.client.send({"type": "message", "text": text, "client_id": client_id})

    def read(self, frame: dict) -> None:
        if frame["type"] == "message" and frame["seq"] == self.last + 1:
            self.last = frame["seq"]
        elif frame["type"] == "ack":
            self.unacked.pop(frame["client_id"], None)
            self.acked.append(frame["client_id"])
            self.top = max(self.top, frame["seq"])

    async def talk(self, killed: asyncio.Event, survivor: int) -> None:
        number = 0
        while number < MESSAGES_EACH or self.unacked:
            try:
                if number < MESSAGES_EACH:
                    client_id = f"{self.chat['conversation']}-{number}"
                    self.unacked[client_id] = f"bericht {number}"
                    await self.client.send({"type": "message", "text": f"bericht {number}", "client_id": client_id})
                    number += 1
                async with asyncio.timeout(0.3):
                    while True:
                        self.read(json.loads(await self.client.socket.recv()))
            except TimeoutError:
                pass
            except ConnectionClosed:
                await killed.wait()
                await self.connect(survivor)  # through the load balancer, to the process that is left
        async with asyncio.timeout(20):  # then until every message up to the last one is shown
            while self.last < self.top or self.unacked:
                self.read(json.loads(await self.client.socket.recv()))


async def _scenario(servers, topic, sessions):
    (one, process_one), (two, _) = servers["one"], servers["two"]
    consoles = [await Console(two, "/ws/console/", f"sessionid={session}").open() for session in sessions]
    for console in consoles:
        await console.wait_for(lambda f: f["type"] == "hello")
        await console.send({"type": "status", "status": "available", "capacity": 10})
    listening = [asyncio.create_task(console.run()) for console in consoles]
    chats = [await asyncio.to_thread(start_chat, (one, two)[n % 2], topic, f"Bezoeker {n}") for n in range(CHATS)]
    visitors = [Visitor(chat, (one, two)[n % 2]) for n, chat in enumerate(chats)]
    for visitor in visitors:
        await visitor.connect(visitor.port)
    killed = asyncio.Event()

    async def kill_soon() -> None:
        await asyncio.sleep(0.6)  # mid-conversation: some messages acknowledged, some in flight
        process_one.send_signal(signal.SIGKILL)
        await asyncio.to_thread(process_one.wait, 10)
        killed.set()

    talking = [visitor.talk(killed, two) for visitor in visitors]
    await asyncio.gather(kill_soon(), *talking)
    assert any(visitor.port == two and n % 2 == 0 for n, visitor in enumerate(visitors))  # they did move
    await asyncio.sleep(2)  # the consoles catch up (they resume on a gap)
    for console in consoles:
        await console.socket.close()
    await asyncio.gather(*listening)
    seen = {conversation: last for console in consoles for conversation, last in console.last.items()}
    acked = [client_id for visitor in visitors for client_id in visitor.acked]
    return [chat["conversation"] for chat in chats], acked, seen
