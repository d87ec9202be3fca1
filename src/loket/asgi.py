"""The ASGI application: Django for HTTP, the chat's consumers for WebSockets (session auth, Origin checked)."""

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django
from channels.routing import ProtocolTypeRouter, URLRouter
from django.conf import settings

django.setup(set_prefix=False)  # as django.core.asgi.get_asgi_application does, before the consumers import models

from loket.streaming import ASGIHandler  # noqa: E402

django_application = ASGIHandler()  # Django's, with files streamed from a thread (loket/streaming.py)

from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from channels.sessions import SessionMiddlewareStack  # noqa: E402

from loket.chat.routing import console_urlpatterns, visitor_urlpatterns  # noqa: E402
from loket.reports.routing import wallboard_urlpatterns  # noqa: E402
from loket.staff.middleware import WebsocketUser  # noqa: E402

visitor_application = URLRouter(visitor_urlpatterns)
staff_application = SessionMiddlewareStack(WebsocketUser(URLRouter([*console_urlpatterns, *wallboard_urlpatterns])))
STAFF_PATHS = frozenset({"/ws/console/", "/ws/wallboard/"})  # the console's and the wallboards' (reports/routing.py)


VISITOR_PATHS = frozenset({"/ws/chat/", *(f"/ws/chat/{code}/" for code, _ in settings.LANGUAGES)})


async def _by_path(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Staff's consoles through the session and its user (second factor checked); visitors without (chat/routing.py);
    any other path is refused at the handshake."""
    if scope["path"] in STAFF_PATHS:
        await staff_application(scope, receive, send)
    elif scope["path"] in VISITOR_PATHS:
        await visitor_application(scope, receive, send)
    else:
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 4404})  # before accepting: an HTTP 403 to the handshake


websocket_application = AllowedHostsOriginValidator(_by_path)


async def websocket_entry(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The server's own `send` goes along in the scope: the consumers write their frames with it directly (see
    `Connection._write` in chat/consumers.py)."""
    await websocket_application({**scope, "loket.send": send}, receive, send)


application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_entry})
