"""The ASGI application: Django for HTTP, the chat's consumers for WebSockets (session auth, Origin checked)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

from channels.routing import ProtocolTypeRouter, URLRouter
from django.core.asgi import get_asgi_application

django_application = get_asgi_application()  # sets Django up before the consumers import models

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from loket.chat.routing import websocket_urlpatterns  # noqa: E402
from loket.staff.middleware import SecondFactorWebsocketGate  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(SecondFactorWebsocketGate(URLRouter(websocket_urlpatterns)))
        ),
    }
)
