"""Staff pages of Loket's own around django-allauth's: where to go after signing in, the security overview, staying
signed in, and signing a person out everywhere."""

from typing import Any

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.webauthn import views as webauthn_views
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.security import client_address
from loket.staff import actions, decorators, queries
from loket.staff.middleware import touch


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(queries.landing_url(request.user))


@login_required
def no_access(request: HttpRequest) -> HttpResponseBase:
    return decorators.no_access(request)


def admin_entrance(request: HttpRequest) -> HttpResponseBase:
    """Where Wagtail sends whoever may not use its admin: strangers to the sign-in, signed-in staff without the
    admin in their roles to a page that says so (Wagtail's own answer, back to its sign-in, would go round in
    circles, since the sign-in sends a signed-in person on to where they came from)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.GET.get("next", reverse("wagtailadmin_home")), reverse("account_login"))
    return decorators.no_access(request, reason="admin")


@login_required
def security(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    authenticators: dict[str, list[Authenticator]] = {kind: [] for kind in Authenticator.Type.values}
    for authenticator in Authenticator.objects.filter(user_id=user.pk).order_by("created_at"):
        authenticators[authenticator.type].append(authenticator)
    context = {
        "owes_second_factor": queries.owes_second_factor(request),
        "required": settings.LOKET_STAFF_2FA == "required",
        "via_provider": queries.signed_in_with_provider(request),
        "totp": authenticators[Authenticator.Type.TOTP],
        "passkeys": authenticators[Authenticator.Type.WEBAUTHN],
        "recovery_codes": authenticators[Authenticator.Type.RECOVERY_CODES],
        "sessions": UserSession.objects.purge_and_list(user),
        "roles": queries.roles_of(user),
        "has_password": user.has_usable_password(),
        "idle_hours": f"{settings.LOKET_STAFF_SESSION_IDLE / 3600:g}",
    }
    return render(request, "staff/security.html", context)


@login_required
@require_POST
def keepalive(request: HttpRequest) -> JsonResponse:
    """The person is active on a page that does not reload (the console): the session goes on."""
    return JsonResponse({"seconds_left": touch(request)})


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    count = actions.end_sessions(request.user, actor=request.user, request=request)
    logout(request)
    messages.success(request, _("You are signed out everywhere (%(count)s sessions).") % {"count": count})
    return redirect("account_login")


@decorators.staff_page("auth.change_user")
def person(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An administrator acts on someone else's account: sign them out everywhere, or reset their second factor."""
    someone = get_object_or_404(get_user_model(), pk=pk)
    if someone == request.user:  # one's own are on one's security page, where removing them asks for proof
        return redirect("staff:security")
    if someone.is_superuser and not request.user.is_superuser:
        return decorators.no_access(request, reason="superuser")
    if request.method == "POST":
        address = client_address(request)
        if request.POST.get("action") == "sign-out":
            count = actions.end_sessions(someone, actor=request.user, address=address)
            messages.success(
                request,
                _("%(name)s is signed out everywhere (%(count)s sessions).") % {"name": someone, "count": count},
            )
        elif request.POST.get("action") == "reset-2fa":
            actions.reset_second_factor(someone, actor=request.user, address=address)
            messages.success(
                request, _("The second factor of %(name)s is reset; they set up a new one at their next sign-in.")
                % {"name": someone},
            )  # fmt: skip
        return redirect("staff:person", pk=someone.pk)
    context = {
        "someone": someone,
        "sessions": UserSession.objects.purge_and_list(someone),
        "authenticators": Authenticator.objects.filter(user_id=someone.pk).order_by("created_at"),
        "roles": queries.roles_of(someone),
    }
    return render(request, "staff/person.html", context)


@login_required
def remove_passkey(request: HttpRequest, pk: int) -> HttpResponse:
    """allauth's removal of a passkey, except the last second factor while one is required (allauth's own view does
    not ask the adapter, as its removal of an app does)."""
    passkey = get_object_or_404(Authenticator, pk=pk, user_id=request.user.pk, type=Authenticator.Type.WEBAUTHN)
    if not get_mfa_adapter().can_delete_authenticator(passkey):
        messages.error(request, _("Add another passkey or an authenticator app first: a second factor is required."))
        return redirect("mfa_list_webauthn")
    return webauthn_views.remove_webauthn(request, pk=pk)
