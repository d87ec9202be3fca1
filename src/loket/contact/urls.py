from django.urls import path

from loket.contact import views

app_name = "contact"

urlpatterns = [
    path("contact/email/", views.email_form, name="email"),
    path("contact/email/<str:reference>/", views.email_sent, name="email-sent"),
]
