"""What the multi-process tests share: a database with an agent and a session, chats started over HTTP, and a
WebSocket client written from docs/chat-protocol.md that keeps every frame it received."""

import asyncio
import json
import urllib.request

from websockets.asyncio.client import connect

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
