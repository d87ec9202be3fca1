"""The chat's pages, beside the e-mail form under /contact/ and in its `contact` namespace (page blocks store the route
names `contact:chat`); loket/urls.py joins the two, so that contact needs nothing from chat."""

from django.urls import path

from loket.chat import views

urlpatterns = [
    path("contact/chat/", views.chat, name="chat"),
    path("contact/chat/embed/", views.chat_embedded, name="chat-embed"),
]
