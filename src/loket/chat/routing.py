from django.urls import path

from loket.chat import consumers

# Visitors are known by the token in their `resume` frame, never by a session: their routes go without the session
# and auth middleware, whose user lookup is a trip to Channels' single database thread for every connection (a
# restart's 10,000 reconnects queued there one by one).
visitor_urlpatterns = [
    path("ws/chat/", consumers.VisitorConsumer.as_asgi()),
    path("ws/chat/<str:language>/", consumers.VisitorConsumer.as_asgi()),
]
console_urlpatterns = [
    path("ws/console/", consumers.AgentConsumer.as_asgi()),
]
