"""The ASGI application: Django for HTTP, the chat's consumers for WebSockets (session auth, Origin checked)."""

import gc
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

from loket.chat.consumers import VisitorConsumer  # noqa: E402
from loket.chat.routing import console_urlpatterns  # noqa: E402
from loket.reports.routing import wallboard_urlpatterns  # noqa: E402
from loket.staff.middleware import WebsocketUser  # noqa: E402

visitor_application = VisitorConsumer.as_asgi()
staff_application = SessionMiddlewareStack(WebsocketUser(URLRouter([*console_urlpatterns, *wallboard_urlpatterns])))
STAFF_PATHS = frozenset({"/ws/console/", "/ws/wallboard/"})  # the console's and the wallboards' (reports/routing.py)

# A visitor's path -> the language of its messages ("" for the default).
VISITOR_PATHS = {"/ws/chat/": "", **{f"/ws/chat/{code}/": code for code, _ in settings.LANGUAGES}}


async def _by_path(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Staff's consoles through the session and its user (second factor checked); visitors straight to their
    consumer: they are known by the token in their `resume` frame, never by a session, and a restart's burst of
    reconnects should cost no session look-up, URL routing or copy of the scope per connection. Any other path is
    refused at the handshake."""
    language = VISITOR_PATHS.get(scope["path"])
    if scope["path"] in STAFF_PATHS:
        await staff_application(scope, receive, send)
    elif language is not None:
        scope["loket.language"] = language
        await visitor_application(scope, receive, send)
    else:
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 4404})  # before accepting: an HTTP 403 to the handshake


websocket_application = AllowedHostsOriginValidator(_by_path)


async def websocket_entry(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The server's own `send` goes along in the scope: the consumers write their frames with it directly (see
    `Connection._write` in chat/consumers.py). The scope is this connection's own, so it is added to, not copied."""
    scope["loket.send"] = send
    await websocket_application(scope, receive, send)


application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_entry})

# The garbage collector, tuned for a server that holds thousands of connections. What is loaded by now (Django,
# Wagtail and Loket: some 200,000 objects) lives as long as the process: out of its sight. And a young generation of
# 10,000 objects instead of 700: each connection holds about a hundred, and with the default every burst of connects
# set off full passes over all of them (bench/chat, a restart's 10,000 reconnects: 13 full passes of up to 2.4 s
# each per process, the event loop stopped meanwhile). Cyclic garbage is still collected, in fewer, larger passes.
gc.freeze()
gc.set_threshold(10_000, 10, 10)
