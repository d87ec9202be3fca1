"""The wallboard's WebSocket (/ws/wallboard/, docs/chat-protocol.md): today's figures as they change, for whoever may
see the reports. It takes no frames; a screen that reads slowly gets only the latest figures."""

import asyncio
import contextvars
import json
from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from loket.db import in_thread
from loket.reports import live

PERMISSION = "reports.view"  # as the report pages (reports/views.py)


class WallboardConsumer(AsyncWebsocketConsumer):
    feed: live.Feed | None = None
    writer: "asyncio.Task[None] | None" = None
    session_key = ""
    user_id = 0
    latest = ""  # the frame to write next: only the newest counts on a wall
    closing = False

    async def connect(self) -> None:
        # Not the console's socket: that one makes its person an agent who is present while it is open, which a
        # screen on the wall must not do, and administrators (who see the reports) do not work on cases.
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not await in_thread(user.has_perm)(PERMISSION):
            await self.close(code=4403)
            return
        self.user_id = user.pk
        self.session_key = getattr(self.scope.get("session"), "session_key", None) or ""
        await self.accept()
        self.wanted = asyncio.Event()
        loop = asyncio.get_running_loop()
        self.writer = loop.create_task(self._write(), context=contextvars.Context())
        self.feed = live.feed()
        await self.feed.add(self)

    async def disconnect(self, code: int) -> None:
        if self.feed is not None:
            self.feed.remove(self)
        if self.writer is not None:
            self.writer.cancel()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Nothing is asked of a wallboard's socket: what comes is ignored, and it stays open."""

    def push(self, frame: dict[str, Any], encoded: str | None = None) -> None:
        if self.closing:
            return
        self.latest = encoded or json.dumps(frame, separators=(",", ":"))
        self.closing = frame["type"] == "signed-out"
        self.wanted.set()

    async def _write(self) -> None:
        while True:
            await self.wanted.wait()
            self.wanted.clear()
            await self.send(text_data=self.latest)
            if self.closing:  # the session ended or the person may no longer see the reports: the page reloads
                await self.close(code=4401)
                return
