"""Where Loket's rules meet django-allauth: nobody signs up, lockout per account and address, roles from single
sign-on, and a second factor that cannot be removed while it is required."""

import datetime
import hashlib
import time
from typing import Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.internal import ratelimit
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.audit import actions as audit
from loket.security import client_address
from loket.staff import actions, queries


def _login(credentials: dict[str, Any]) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


class AccountAdapter(DefaultAccountAdapter):
    # One answer whatever was wrong (and in Loket's own voice): it tells nobody which accounts exist.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": gettext_lazy("The username, e-mail address or password is not right."),
        "email_password_mismatch": gettext_lazy("The username, e-mail address or password is not right."),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # staff accounts are made by operators (`loket staff add`) or by single sign-on

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth counts failures per account; with the address in the key, a stranger elsewhere who guesses a
        # colleague's password does not lock that colleague out.
        return f"{client_address(request)}:{_login(credentials)}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            until = _locked_until(request, key)
            # One entry per lockout, however often the locked door is tried.
            marker = "loket:lockout:" + hashlib.sha256(key.encode()).hexdigest()
            if cache.add(marker, 1, timeout=max(1, int((until - timezone.now()).total_seconds()))):
                audit.record("signin.locked", actor=_account(_login(credentials)), request=request)
            raise ValidationError(
                _(
                    "Too many failed attempts to sign in. For your safety, signing in from here is paused until "
                    "%(time)s. Try again then, or ask an administrator for help."
                )
                % {"time": formats.time_format(timezone.localtime(until), "H:i")},
                code="too_many_login_attempts",
            ) from None

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        audit.record("signin.failed", actor=_account(_login(credentials)), request=request)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Adding or removing a second factor asks for the password again, unless the person signed in moments ago
        (so that setting up the required second factor follows the password without a second prompt)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        records = get_authentication_records(request, request.user) if request is not None else []
        return not any(time.time() - record["at"] < account_settings.REAUTHENTICATION_TIMEOUT for record in records)


def _account(login: str) -> Any:
    """The account a failed attempt was meant for, for the audit trail only (the person is never told)."""
    if not login:
        return None
    return get_user_model().objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).first()


def _locked_until(request: HttpRequest, key: str) -> datetime.datetime:
    """When the first of the used-up failure limits frees a try again (allauth keeps each limit's recent failures)."""
    free_at = timezone.now()
    for rate in ratelimit.get_rates(app="allauth.account", action="login_failed"):
        cache_key = ratelimit.get_cache_key(request, app="allauth.account", action="login_failed", rate=rate, key=key)
        history = cache.get(cache_key, [])
        if len(history) >= rate.amount:
            free_at = max(free_at, datetime.datetime.fromtimestamp(history[-1] + rate.duration, tz=datetime.UTC))
    return free_at


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on: the provider's roles decide, at every sign-in; nobody without a Loket role gets an account."""

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        roles = queries.roles_from_claims(sociallogin.account.extra_data)
        if not roles:
            audit.record(
                "signin.no-role", actor=sociallogin.user if sociallogin.is_existing else None, request=request,
                provider_subject=sociallogin.account.uid[:100],
            )  # fmt: skip
            raise ImmediateHttpResponse(render(request, "staff/no_access.html", status=403))
        sociallogin.state["loket_roles"] = roles
        if sociallogin.is_existing:
            actions.set_roles(sociallogin.user, roles, actor=None, request=request, reason="single sign-on")

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return bool(sociallogin.state.get("loket_roles"))

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> Any:
        user = super().save_user(request, sociallogin, form)
        audit.record("staff.added", subject=user, request=request, via="single sign-on")
        actions.set_roles(user, sociallogin.state["loket_roles"], actor=None, request=request, reason="single sign-on")
        return user


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """While a second factor is required, the last app or passkey stays until another one is added."""
        if settings.LOKET_STAFF_2FA != "required" or authenticator.type == Authenticator.Type.RECOVERY_CODES:
            return True
        others = Authenticator.objects.filter(user_id=authenticator.user_id, type__in=queries.SECOND_FACTORS).exclude(
            pk=authenticator.pk
        )
        return others.exists()
