"""The ASGI application: Django for HTTP; WebSocket routes join here as the chat arrives."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

from channels.routing import ProtocolTypeRouter
from django.core.asgi import get_asgi_application

application = ProtocolTypeRouter({"http": get_asgi_application()})
