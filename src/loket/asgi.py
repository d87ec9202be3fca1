"""The ASGI application: Django for HTTP, the chat's consumers for WebSockets (session auth, Origin checked)."""

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django
from channels.routing import ProtocolTypeRouter, URLRouter

django.setup(set_prefix=False)  # as django.core.asgi.get_asgi_application does, before the consumers import models

from loket.streaming import ASGIHandler  # noqa: E402

django_application = ASGIHandler()  # Django's, with files streamed from a thread (loket/streaming.py)

from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from channels.sessions import SessionMiddlewareStack  # noqa: E402

from loket.chat.routing import console_urlpatterns, visitor_urlpatterns  # noqa: E402
from loket.staff.middleware import WebsocketUser  # noqa: E402

visitor_application = URLRouter(visitor_urlpatterns)
staff_application = SessionMiddlewareStack(WebsocketUser(URLRouter(console_urlpatterns)))


async def _by_path(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Staff's consoles through the session and its user (second factor checked); visitors without (chat/routing.py)."""
    routes = staff_application if scope["path"].startswith("/ws/console/") else visitor_application
    await routes(scope, receive, send)


websocket_application = AllowedHostsOriginValidator(_by_path)


async def websocket_entry(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The server's own `send` goes along in the scope: the consumers write their frames with it directly (see
    `Connection._write` in chat/consumers.py)."""
    await websocket_application({**scope, "loket.send": send}, receive, send)


application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_entry})
