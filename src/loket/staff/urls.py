from django.urls import include, path
from django.views.generic import RedirectView

from loket.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.home, name="home"),
    path("security/", views.security, name="security"),
    path("keepalive/", views.keepalive, name="keepalive"),
    path("sign-out-everywhere/", views.sign_out_everywhere, name="sign-out-everywhere"),
    path("no-access/", views.no_access, name="no-access"),
    path("admin/", views.admin_entrance, name="admin-entrance"),
    path("people/<int:pk>/", views.person, name="person"),
    # In front of allauth's own views at the same addresses (allauth's URL names still lead here):
    path("2fa/webauthn/keys/<int:pk>/remove/", views.remove_passkey, name="remove-passkey"),
    # staff's e-mail addresses are kept by administrators (they receive password resets), not changed by the person
    path("email/", RedirectView.as_view(pattern_name="staff:security"), name="email"),
]

# django-allauth's pages (sign-in, password, second factors, passkeys, sessions, single sign-on) live beside them.
allauth_urlpatterns = [path("", include("allauth.urls"))]
