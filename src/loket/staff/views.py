"""Staff pages of Loket's own around django-allauth's: where to go after signing in, the security overview, staying
signed in, and signing a person out everywhere."""

from typing import Any

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.security import client_address
from loket.staff import actions, queries
from loket.staff.middleware import touch


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(queries.landing_url(request.user))


@login_required
def no_access(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/no_access.html", status=403)


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


@login_required
@permission_required("auth.change_user", raise_exception=True)
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator acts on someone else's account: sign them out everywhere, or reset their second factor."""
    someone = get_object_or_404(get_user_model(), pk=pk)
    if someone.is_superuser and not request.user.is_superuser:
        return render(request, "staff/no_access.html", status=403)
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
