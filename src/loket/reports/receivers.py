"""What the reports hear from other apps."""

from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from loket.chat.signals import turned_away
from loket.contact.models import Case, OutgoingMail
from loket.reports import actions


@receiver(turned_away)
def count_turned_away(sender: Any, *, topic: Any, language: str, reason: str, at: Any, **kwargs: Any) -> None:
    actions.record_turned_away(topic=topic, language=language, reason=reason, at=at)


# The e-mail rollup follows the cases through the model signals: every change of a case (received, assigned, closed,
# reopened, moved, removed) and of its service and answer mails is a save or a delete, in the transaction of the
# change. The mark is written there too, so it is never lost nor left behind by a rollback.
@receiver(post_save, sender=Case)
@receiver(post_delete, sender=Case)
def case_changed(sender: Any, instance: Case, created: bool = False, **kwargs: Any) -> None:
    actions.mark_email_day(instance.created_at)
    if created and connection.in_atomic_block:
        _MarkedNew(instance)


class _MarkedNew:
    """A case whose day was marked as it was created, until its transaction commits: the form's service mail, made
    with it in that transaction, needs no second mark (one INSERT fewer per submission). A rollback takes the case
    and its mark away together, so no mail can be saved for it afterwards."""

    def __init__(self, case: Case) -> None:
        self.received_at, self.open = case.created_at, True
        case._reports_marked_new = self  # type: ignore[attr-defined]
        transaction.on_commit(self.close)

    def close(self) -> None:
        self.open = False

    @classmethod
    def covers(cls, case: Case) -> bool:
        marked = getattr(case, "_reports_marked_new", None)
        return isinstance(marked, cls) and marked.open and marked.received_at == case.created_at


@receiver(post_save, sender=OutgoingMail)
@receiver(post_delete, sender=OutgoingMail)
def case_mail_changed(sender: Any, instance: OutgoingMail, created: bool = True, **kwargs: Any) -> None:
    """A service mail makes its case one received by the form; an answer counts once it was sent (the outbox's
    failed attempts change nothing)."""
    # A service mail counts by being there: its sending (the worker's save) changes no figure, so it marks nothing.
    counts = (instance.kind == OutgoingMail.Kind.SERVICE and created) or (
        instance.kind == OutgoingMail.Kind.ANSWER and instance.sent_at is not None
    )
    if instance.case_id is not None and counts and (created or instance.sent_at is not None):
        if OutgoingMail.case.is_cached(instance):  # type: ignore[attr-defined]  # as when the mail was just made
            if not (created and _MarkedNew.covers(instance.case)):  # type: ignore[arg-type]
                actions.mark_email_day(instance.case.created_at)  # type: ignore[union-attr]
        else:
            received = Case.objects.filter(pk=instance.case_id).values_list("created_at", flat=True).first()
            actions.mark_email_day(received)
