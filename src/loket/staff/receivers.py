"""Audit entries for what django-allauth and Django announce: sign-in, sign-out and second factors."""

from typing import Any

from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.signals import password_changed, password_reset, password_set, user_logged_in
from allauth.core import context
from allauth.mfa import signals as mfa
from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_out
from django.db.models.signals import post_delete, post_save
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


@receiver(post_save, sender=Authenticator)
def authenticator_added(sender: Any, instance: Authenticator, created: bool, **kwargs: Any) -> None:
    """In the same transaction as the new app, passkey or set of recovery codes (allauth's own signal comes later)."""
    if created:
        audit.record("mfa.added", subject=instance.user, request=context.request, type=instance.type)


@receiver(post_delete, sender=Authenticator)
def authenticator_removed(sender: Any, instance: Authenticator, **kwargs: Any) -> None:
    audit.record("mfa.removed", subject=instance.user, request=context.request, type=instance.type)


MFA_EVENTS = [
    (mfa.authenticator_reset, "mfa.renewed"),  # new recovery codes
    (mfa.authenticator_used, "mfa.used"),
    (mfa.authentication_failed, "mfa.failed"),
]
for _signal, _event in MFA_EVENTS:
    _signal.connect(_authenticator_event(_event), weak=False, dispatch_uid=f"loket-audit-{_event}")
