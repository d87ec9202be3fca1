from django.urls import path

from loket.chat import views as chat_views
from loket.contact import views

app_name = "contact"

urlpatterns = [
    path("contact/email/", views.email_form, name="email"),
    path("contact/email/<str:reference>/", views.email_sent, name="email-sent"),
    path("contact/chat/", chat_views.chat, name="chat"),
    path("contact/chat/embed/", chat_views.chat_embedded, name="chat-embed"),
]
