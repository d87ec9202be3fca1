"""Background work of the e-mail channel: sending the outbox, with retries and backoff."""

import datetime
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from loket import daily

# Waits between attempts; after the last one the mail is marked failed and shows up for a person to act on.
BACKOFF = [datetime.timedelta(seconds=s) for s in (10, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600)]


@task()
def send_outgoing_mail(mail_id: int) -> str:
    """Send one mail unless it was sent already; a failure schedules the next attempt."""
    from loket.contact.models import OutgoingMail

    with transaction.atomic():
        # The lock keeps two workers from sending the same mail at once.
        mail = OutgoingMail.objects.select_for_update().get(id=mail_id)
        if mail.status != OutgoingMail.Status.PENDING:
            return str(mail.status)
        message = EmailMessage(
            subject=mail.subject,
            body=mail.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[mail.to],
            reply_to=[mail.reply_to] if mail.reply_to else None,
            headers={
                "Message-ID": mail.message_id,
                **({"X-Loket-Reference": mail.case.reference} if mail.case else {}),
                **({"In-Reply-To": mail.in_reply_to, "References": mail.in_reply_to} if mail.in_reply_to else {}),
            },
        )
        mail.attempts += 1
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            mail.last_error = f"{error.__class__.__name__}: {error}"[:1000]
            if mail.attempts > len(BACKOFF):
                mail.status = OutgoingMail.Status.FAILED
            else:
                mail.next_attempt_at = timezone.now() + BACKOFF[mail.attempts - 1]
                if send_outgoing_mail.get_backend().supports_defer:
                    send_outgoing_mail.using(run_after=mail.next_attempt_at).enqueue(mail.id)
        else:
            mail.status = OutgoingMail.Status.SENT
            mail.sent_at = timezone.now()
            mail.next_attempt_at = None
        mail.save()
        return str(mail.status)


@task()
def purge_expired_cases() -> int:
    """Daily: delete what the retention period no longer allows to keep, then plan the next run."""
    from loket.chat.actions import purge_expired_conversations
    from loket.contact import actions

    count = actions.purge_expired_cases()
    purge_expired_conversations()
    daily.plan_next(purge_expired_cases)
    return count
