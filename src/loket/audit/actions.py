"""Writes of the audit trail. `record` runs inside the caller's transaction: an entry exists exactly when the change
it describes was committed."""

import getpass
from typing import Any

from django.core.cache import cache
from django.db import models
from django.http import HttpRequest

from loket.audit.models import AuditEntry
from loket.security import client_address


def describe(subject: object) -> str:
    """`case:2026-000123`, `user:jan`, `conversation:17`: what an entry is about, readable after the row is gone."""
    if subject is None:
        return ""
    if isinstance(subject, str):
        return subject[:100]
    if reference := getattr(subject, "reference", None):
        return f"{subject._meta.model_name}:{reference}"  # type: ignore[attr-defined]
    if isinstance(subject, models.Model) and hasattr(subject, "get_username"):
        return f"user:{subject.get_username()}"
    assert isinstance(subject, models.Model), subject
    return f"{subject._meta.model_name}:{subject.pk}"


def record(
    event: str,
    *,
    actor: Any = None,
    subject: object = None,
    address: str = "",
    request: HttpRequest | None = None,
    **details: Any,
) -> AuditEntry:
    """One entry. With `request`, the actor (when signed in) and the address come from it."""
    if request is not None:
        if actor is None and getattr(request, "user", None) is not None and request.user.is_authenticated:
            actor = request.user
        address = address or client_address(request)
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        event=event,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        subject=describe(subject),
        address=address[:45],
        details=details,
    )


VIEW_REMEMBERED = 300  # seconds: looking at the same thing again within this is not a new entry


def record_view(event: str, *, request: HttpRequest, subject: object, **details: Any) -> AuditEntry | None:
    """That someone looked at something: at most one entry per person and object in VIEW_REMEMBERED seconds (the
    page again after each answer or note, a reload, says nothing new)."""
    key = f"audit:viewed:{event}:{getattr(request.user, 'pk', '')}:{describe(subject)}"
    if not cache.add(key, 1, timeout=VIEW_REMEMBERED):
        return None
    return record(event, request=request, subject=subject, **details)


def operator() -> dict[str, Any]:
    """Who ran a `loket` command on the server, for entries that have no signed-in actor."""
    try:
        return {"via": "command line", "system_user": getpass.getuser()}
    except (KeyError, OSError):  # no name for this uid (a container)
        return {"via": "command line"}
