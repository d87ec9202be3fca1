"""Background work of the e-mail channel: sending the outbox, with retries and backoff."""

import contextlib
import datetime
import smtplib
import threading
import time
from email.errors import MessageError
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from loket import daily
from loket.metrics import MAIL_SENT

if TYPE_CHECKING:
    from loket.contact.models import OutgoingMail

# Waits between attempts; after the last one the mail is marked failed and shows up for a person to act on.
BACKOFF = [datetime.timedelta(seconds=s) for s in (10, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600)]


AUTO_SUBMITTED = {"copy": "auto-replied", "service": "auto-generated"}


def build_message(mail: "OutgoingMail") -> EmailMessage:
    """The mail to send. Serialising it (in `send`) raises when it cannot be built: a header with a line break."""
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
            # RFC 3834: auto-responders do not answer these, so two automatic systems cannot loop.
            **({"Auto-Submitted": AUTO_SUBMITTED[mail.kind]} if mail.kind in AUTO_SUBMITTED else {}),
        },
    )
    return message


REUSE_CONNECTION = True  # bench/contact/outbox.py turns it off for the baseline: a connection per mail
IDLE_CLOSE_SECONDS = 30.0  # an SMTP connection unused this long is closed before the server times it out
_outbox = threading.local()  # per worker thread: the open connection and when it was last used


def _send(message: EmailMessage) -> None:
    """Send over this thread's open connection, so mails sent in a row share one; a connection the server has
    dropped meanwhile is replaced once, transparently."""
    if not REUSE_CONNECTION:
        message.send()
        return
    connection = getattr(_outbox, "connection", None)
    server = (settings.EMAIL_BACKEND, getattr(settings, "EMAIL_HOST", ""), getattr(settings, "EMAIL_PORT", 0))
    if connection is not None and (time.monotonic() - _outbox.used > IDLE_CLOSE_SECONDS or _outbox.server != server):
        _close()
        connection = None
    fresh = connection is None
    if fresh:
        connection = get_connection()
        connection.open()
        _outbox.connection, _outbox.server, _outbox.used = connection, server, time.monotonic()
    try:
        message.connection = connection
        message.send()
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPSenderRefused, OSError):
        _close()
        if fresh:
            raise
        connection = get_connection()  # dropped while idle: one new try on a new connection
        connection.open()
        _outbox.connection = message.connection = connection
        try:
            message.send()
        except Exception:
            _close()
            raise
    except smtplib.SMTPException:
        _close()  # the connection's state is unknown after an error: start clean with the next mail
        raise
    _outbox.used = time.monotonic()


def _close() -> None:
    connection = getattr(_outbox, "connection", None)
    _outbox.connection = None
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()


@task()
def send_outgoing_mail(mail_id: int) -> str:
    """Send one mail unless it was sent already; a failure schedules the next attempt."""
    from loket.contact.models import OutgoingMail

    with transaction.atomic():
        # The lock keeps two workers from sending the same mail at once; one that finds it locked leaves it to the
        # other (on SQLite the IMMEDIATE transaction already serialises them).
        mail = OutgoingMail.objects.select_for_update(skip_locked=True).filter(id=mail_id).first()
        if mail is None:
            return "busy" if OutgoingMail.objects.filter(id=mail_id).exists() else "gone"
        if mail.status != OutgoingMail.Status.PENDING:
            return str(mail.status)
        mail.attempts += 1
        try:
            _send(build_message(mail))
        except (smtplib.SMTPException, OSError) as error:
            mail.last_error = f"{error.__class__.__name__}: {error}"[:1000]
            if mail.attempts > len(BACKOFF):
                mail.status = OutgoingMail.Status.FAILED
            else:
                mail.next_attempt_at = timezone.now() + BACKOFF[mail.attempts - 1]
                if send_outgoing_mail.get_backend().supports_defer:
                    send_outgoing_mail.using(run_after=mail.next_attempt_at).enqueue(mail.id)
        except (ValueError, TypeError, LookupError, MessageError) as error:  # it cannot be built (a header with a
            # line break, an unknown charset): no retry changes that, so a person must see it
            mail.status = OutgoingMail.Status.FAILED
            mail.last_error = f"Could not be built: {error.__class__.__name__}: {error}"[:1000]
            mail.next_attempt_at = None
        else:
            mail.status = OutgoingMail.Status.SENT
            mail.sent_at = timezone.now()
            mail.next_attempt_at = None
            MAIL_SENT.inc()  # the server has it, whatever happens to this transaction
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
