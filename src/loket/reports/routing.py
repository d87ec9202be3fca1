from django.urls import path

from loket.reports import consumers

wallboard_urlpatterns = [
    path("ws/wallboard/", consumers.WallboardConsumer.as_asgi()),
]
