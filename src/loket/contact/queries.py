"""Reads of the e-mail channel, for the agents' console."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.urls import reverse

from loket.contact.models import Case
from loket.parsing import whole_number


def cases(*, status: str = "", topic: str = "", assignee: str = "", search: str = "", agent: User) -> QuerySet[Case]:
    """Cases for the console list; `assignee` is "me", "none", a user id, or empty for everyone's."""
    found = Case.objects.select_related("topic", "assignee", "mentions")
    if status in Case.Status.values:  # anything else (even a NUL, which PostgreSQL cannot compare) means every status
        found = found.filter(status=status)
    if (topic_id := whole_number(topic)) is not None:
        found = found.filter(topic_id=topic_id)
    if assignee == "me":
        found = found.filter(assignee=agent)
    elif assignee == "none":
        found = found.filter(assignee__isnull=True)
    elif (assignee_id := whole_number(assignee)) is not None:
        found = found.filter(assignee_id=assignee_id)
    if search := search.replace("\x00", "").strip()[:100]:  # PostgreSQL cannot even compare text with a NUL
        found = found.filter(
            Q(reference__icontains=search) | Q(subject__icontains=search) | Q(email__icontains=search)
            | Q(message__icontains=search) | Q(messages__text__icontains=search)
        ).distinct()  # fmt: skip
    return found


def agents() -> QuerySet[User]:
    """Everyone who may work on cases."""
    may_work = Q(groups__permissions__codename="change_case") | Q(user_permissions__codename="change_case")
    return (
        get_user_model().objects.filter(Q(is_superuser=True) | may_work, is_active=True).distinct().order_by("username")
    )


def split_quoted(text: str) -> tuple[str, str]:
    """The new part of a reply and the quoted history below it (folded away in the console)."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(">") or (
            stripped.endswith(("wrote:", "schreef:")) and stripped.startswith(("On ", "Op "))
        ):
            return "\n".join(lines[:number]).rstrip(), "\n".join(lines[number:])
    return text, ""


INBOX_CASES = 200  # the open cases a console starts with; the list page has the rest


def open_cases(topic_ids: list[int] | None) -> list[Case]:
    """The most recently changed cases that are not closed: of these topics, or of every topic with None."""
    found = Case.objects.exclude(status=Case.Status.CLOSED).select_related("topic", "assignee", "mentions")
    if topic_ids is not None:
        found = found.filter(topic_id__in=topic_ids)
    return list(found.order_by("-updated_at", "-pk")[:INBOX_CASES])


def case_summary(case: Case) -> dict[str, object]:
    """A case as a console's inbox shows it (docs/chat-protocol.md, `case`)."""
    assignee = case.assignee
    return {
        "reference": case.reference,
        "subject": case.subject,
        "name": case.name,
        "status": case.status,
        "topic": str(case.topic),
        "language": case.language,
        "assignee": {"user": assignee.pk, "name": assignee.first_name or assignee.get_username()} if assignee else None,
        "created_at": case.created_at.isoformat(),
        "updated_at": case.updated_at.isoformat(),
        "url": reverse("console:case", args=[case.reference]),
        # a mail that names another case but may not join it: the inbox flags it, an agent decides
        "mentions": case.mentions.reference if case.mentions else None,
    }


def earlier_cases(email: str, *, besides: str = "", limit: int = 20) -> list[Case]:
    """Cases from the same address, newest first."""
    if not email:
        return []
    return list(Case.objects.filter(email__iexact=email).exclude(reference=besides).order_by("-created_at")[:limit])
