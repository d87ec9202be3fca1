"""The audit trail's personal data. Declared here, not in the audit app: privacy writes to the trail (every export and
erasure), so the trail is the one app below this one and must not import it."""

import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from loket.audit.models import AuditEntry
from loket.privacy.actions import address_mark
from loket.privacy.registry import Erasure, Kind, Person, Retention, Store, register, register_store


def entries_about(person: Person) -> "QuerySet[AuditEntry]":
    """What staff did with this person's cases and chats (the trail names them by reference and number)."""
    from django.apps import apps  # by name, as the registry is read: the apps that hold them import privacy

    Case = apps.get_model("contact", "Case")
    Conversation = apps.get_model("chat", "Conversation")
    cases = Case.objects.filter(Q(email__iexact=person.email) | Q(reference__in=person.cases))
    chats = Conversation.objects.filter(Q(visitor_email__iexact=person.email) | Q(token__in=person.chats))
    subjects = [f"case:{r}" for r in cases.values_list("reference", flat=True)]
    subjects += [f"conversation:{pk}" for pk in chats.values_list("pk", flat=True)]
    return AuditEntry.objects.filter(Q(subject__in=subjects) | Q(subject=address_mark(person.email)))


register(
    Kind(
        model=AuditEntry,
        what=_("Who among staff did what with personal data and access, when, and from which network address."),
        why="Accountability: to show who saw or changed personal data (GDPR Article 5(2)), and to find misuse.",
        who="administrators",
        find=entries_about,
        fields=("at", "event", "actor_name", "subject"),
        erasure=Erasure.KEEP,
        keep_reason=_(
            "the trail must show what was done, the erasure included; it names cases by reference, never the address"
        ),
        retention=Retention("LOKET_AUDIT_RETENTION_DAYS", _("after the event"), lambda cutoff: Q(at__lt=cutoff)),
    ),
)


def purge_sessions(now: datetime.datetime) -> int:
    """Expired sessions (Django leaves them in the table until someone runs `clearsessions`), and allauth's record of
    a staff sign-in (IP address, browser) once its session is gone."""
    from allauth.usersessions.models import UserSession
    from django.contrib.sessions.models import Session

    sessions, _by_model = Session.objects.filter(expire_date__lt=now).delete()
    signed_in, _by_model = UserSession.objects.exclude(session_key__in=Session.objects.values("session_key")).delete()
    return sessions + signed_in


register_store(
    Store(
        name="wagtailcore.modellogentry",
        what=_(
            "Wagtail's admin log: who among staff created, changed or deleted which object, when, with the object's "
            "label at that time."
        ),
        why="So that editors and administrators see an object's history in the admin.",
        who="staff who may see the object, and administrators",
        kept=_(
            "as long as Wagtail keeps it (no limit); labels name cases by reference and chats by number, never a "
            "visitor's name or subject"
        ),
        erasure=_(
            "the entries of erased or anonymised rows (also by the retention purge) keep who did what when; their "
            "label becomes the model and number and their data is emptied"
        ),
    ),
    Store(
        name="sessions.session",
        what=_(
            "Browser sessions (Django's): a staff member's sign-in, a visitor's progress in the trainer; by a "
            "random key, without an address."
        ),
        why="To keep someone signed in, and a visitor's progress in the trainer.",
        who="nobody in the admin (the server reads it for the browser that holds the key)",
        kept=_("until the session expires (two weeks at most, `SESSION_COOKIE_AGE`); expired ones go every day"),
        erasure=_("not found by address (a session holds none); it expires by itself"),
        purge=purge_sessions,
    ),
    Store(
        name="usersessions.usersession",
        what=_("A staff member's signed-in sessions (allauth): IP address, browser, when last seen."),
        why="So staff see and end their own sessions elsewhere (security).",
        who="the staff member, and administrators",
        kept=_("while its session lasts; removed by the daily purge once the session is gone"),
        erasure=_("staff data: goes with the staff account (`loket staff`)"),
    ),
)
