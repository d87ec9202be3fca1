from django.urls import path

from loket.chat import consumers

# Visitors' paths are not routed here: loket/asgi.py hands them to their consumer directly (no session, no user).
console_urlpatterns = [
    path("ws/console/", consumers.AgentConsumer.as_asgi()),
]
