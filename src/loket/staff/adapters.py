"""Where Loket's rules meet django-allauth: nobody signs up, lockout per account and address, roles from single
sign-on, and a second factor that cannot be removed while it is required."""

import datetime
import hashlib
import time
from typing import Any, NoReturn

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
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from loket.audit import actions as audit
from loket.security import client_address
from loket.staff import actions, queries


def _login(credentials: dict[str, Any]) -> str:
    return str(credentials.get("username") or credentials.get("email") or "").strip()


def _account(login: str) -> Any:
    """The account a sign-in names (for the lockout's key and the audit trail; the person is never told)."""
    return get_user_model().objects.filter(username__iexact=login).first() if login else None


def _address_limit() -> dict[str, str]:
    """Failures per address, whatever the account. Counted by Loket, with allauth's rate-limit engine under a name
    of its own: allauth clears its "login_failed" limits after every successful second factor, which would let
    anyone with one working account wipe their address's count between guesses at other accounts."""
    return {"failed": "{}/{}s/ip".format(*settings.LOKET_RATE_LIMITS["signin-address"])}


def _address_failures(request: HttpRequest, *, count: bool) -> bool:
    """Count a failure of this address (or, without `count`, only look); True while the address is within its limit."""
    usage = ratelimit.consume(request, app="loket.staff", action="failed", config=_address_limit(), dry_run=not count)
    return usage is not None


class AccountAdapter(DefaultAccountAdapter):
    # One answer whatever was wrong (and in Loket's own voice): it tells nobody which accounts exist.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": gettext_lazy("The username or the password is not right."),
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # staff accounts are made by operators (`loket staff add`) or by single sign-on

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth counts failures per account; Loket counts them per account *from one address* (the address as
        # allauth's limits see it: an IPv6 client's /64), so a stranger elsewhere who guesses a colleague's password
        # does not lock that colleague out. The account is its number, however its name is spelled.
        account = _account(_login(credentials))
        who = f"user:{account.pk}" if account is not None else f"name:{_login(credentials).lower()}"
        return f"{ratelimit.get_ip(request)}:{who}"

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        if not _address_failures(request, count=False):
            self._refuse(request, credentials, _address_limit(), "loket.staff", "failed", key=None)
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            key = self._get_login_attempts_cache_key(request, **credentials)
            self._refuse(request, credentials, None, "allauth.account", "login_failed", key=key)

    def _refuse(
        self, request: HttpRequest, credentials: dict[str, Any], config: dict[str, str] | None, app: str, action: str,
        key: str | None,
    ) -> NoReturn:  # fmt: skip
        """Locked: the same words for an account that exists or not, with the time it opens again."""
        until = _locked_until(request, app=app, action=action, config=config, key=key)
        # One audit entry per lockout, however often the locked door is tried.
        marker = "loket:lockout:" + hashlib.sha256(f"{app}:{key or ratelimit.get_ip(request)}".encode()).hexdigest()
        if cache.add(marker, 1, timeout=max(1, int((until - timezone.now()).total_seconds()))):
            audit.record("signin.locked", actor=_account(_login(credentials)), request=request, by=action)
        raise ValidationError(
            _(
                "Too many failed attempts to sign in. For your safety, signing in from here is paused until "
                "%(time)s. Try again then, or ask an administrator for help."
            )
            % {"time": formats.time_format(timezone.localtime(until), "H:i")},
            code="too_many_login_attempts",
        )

    def authenticate(self, request: HttpRequest, **credentials: Any) -> Any:
        user = super().authenticate(request, **credentials)
        if user is not None and not user.is_active:
            # A disabled account gets the answer of a wrong password: the right one confirms nothing.
            self.authentication_failed(request, **credentials)
            return None
        return user

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        _address_failures(request, count=True)
        audit.record("signin.failed", actor=_account(_login(credentials)), request=request)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Adding or removing a second factor asks for the password again, unless the person signed in moments ago
        (so that setting up the required second factor follows the password without a second prompt)."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        records = get_authentication_records(request, request.user) if request is not None else []
        return not any(time.time() - record["at"] < account_settings.REAUTHENTICATION_TIMEOUT for record in records)


def _locked_until(
    request: HttpRequest, *, app: str, action: str, config: dict[str, str] | None, key: str | None
) -> datetime.datetime:
    """When the used-up limit frees a try again (allauth's engine keeps each limit's recent attempts, newest first)."""
    free_at = timezone.now()
    for rate in ratelimit.get_rates(app=app, action=action, config=config):
        cache_key = ratelimit.get_cache_key(request, app=app, action=action, rate=rate, key=key)
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
