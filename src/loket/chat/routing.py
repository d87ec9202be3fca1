from django.urls import path

from loket.chat import consumers

websocket_urlpatterns = [
    path("ws/chat/", consumers.VisitorConsumer.as_asgi()),
    path("ws/chat/<str:language>/", consumers.VisitorConsumer.as_asgi()),
    path("ws/console/", consumers.AgentConsumer.as_asgi()),
]
