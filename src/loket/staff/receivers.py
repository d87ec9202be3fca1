"""Audit entries for what django-allauth and Django announce: sign-in, sign-out and second factors."""

from typing import Any

from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.signals import password_changed, password_reset, password_set, user_logged_in
from allauth.mfa import signals as mfa
from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from loket.audit import actions as audit
from loket.staff import actions


@receiver(user_logged_in)
def signed_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    methods = [record.get("type") or record.get("method") for record in get_authentication_records(request, user)]
    audit.record("signin", actor=user, request=request, methods=list(dict.fromkeys(methods)))


@receiver(user_logged_out)
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None or request is None:
        return
    audit.record("signout", actor=user, request=request)
    if request.session.session_key:
        actions.console_signed_out(user, request.session.session_key)


@receiver(password_changed)
@receiver(password_set)
@receiver(password_reset)
def password_chosen(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    audit.record("staff.password-changed", actor=user, subject=user, request=request)


def _authenticator_event(event: str) -> Any:
    def record(sender: Any, request: HttpRequest, user: Any, authenticator: Any, **kwargs: Any) -> None:
        audit.record(event, actor=user, subject=user, request=request, type=authenticator.type)

    return record


MFA_EVENTS = [
    (mfa.authenticator_added, "mfa.added"),
    (mfa.authenticator_removed, "mfa.removed"),
    (mfa.authenticator_reset, "mfa.renewed"),  # new recovery codes
    (mfa.authenticator_used, "mfa.used"),
    (mfa.authentication_failed, "mfa.failed"),
]
for _signal, _event in MFA_EVENTS:
    _signal.connect(_authenticator_event(_event), weak=False, dispatch_uid=f"loket-audit-{_event}")
