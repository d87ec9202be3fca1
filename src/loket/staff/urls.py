from django.urls import include, path

from loket.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("security/", views.security, name="security"),
    path("keepalive/", views.keepalive, name="keepalive"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign-out-everywhere"),
    path("no-access/", views.no_access, name="no-access"),
    path("people/<int:pk>/", views.person, name="person"),
]

# django-allauth's pages (sign-in, password, second factors, passkeys, sessions, single sign-on) live beside them.
allauth_urlpatterns = [path("", include("allauth.urls"))]
