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
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from loket.metrics import MAIL_SENT

if TYPE_CHECKING:
    from django.db.models import QuerySet

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
    except OSError as error:  # smtplib's errors are OSErrors too
        _close()  # the connection's state is unknown after an error: start clean with the next mail
        if fresh or not (_connection_lost(error) or isinstance(error, smtplib.SMTPSenderRefused)):
            raise  # a refused recipient or message: this mail's own problem
        connection = get_connection()  # dropped while idle: one new try on a new connection
        connection.open()
        _outbox.connection = message.connection = connection
        try:
            message.send()
        except Exception:
            _close()
            raise
    _outbox.used = time.monotonic()


def _connection_lost(error: OSError) -> bool:
    """The server is gone (smtplib's own errors are OSErrors too: a refused recipient is not this)."""
    lost = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)
    return isinstance(error, lost) or not isinstance(error, smtplib.SMTPException)


def _close() -> None:
    connection = getattr(_outbox, "connection", None)
    _outbox.connection = None
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()


# After its own mail, a task sends the other due mails while the connection is open, up to BATCH of them or
# BATCH_SECONDS: a queue of mails costs one connection, a lock and an update per CHUNK, and no task claim each.
# (Their `sent_at` is when their chunk was recorded, a fraction of a second after the server took them.)
BATCH = 500
BATCH_SECONDS = 20.0
# Mails locked and marked together in one transaction: a worker killed mid-chunk sends these again (with the same
# Message-ID, so receivers see the duplicate). SQLite locks the whole database for a transaction, so there one.
CHUNK = 25
BUSY_AGAIN = datetime.timedelta(seconds=30)
FIELDS = ["attempts", "status", "last_error", "next_attempt_at", "sent_at"]


def _due() -> "QuerySet[OutgoingMail]":
    from loket.contact.models import OutgoingMail

    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    return OutgoingMail.objects.filter(due, status=OutgoingMail.Status.PENDING)


def _attempt(mail: "OutgoingMail") -> bool:
    """Send one locked, pending mail and note the outcome on it (the caller saves it); False when the server could
    not be reached, so a batch stops there."""
    from loket.contact.models import OutgoingMail

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
        # A refused recipient or message is this mail's problem; no connection (even after one new try) is everyone's.
        return not _connection_lost(error)
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
    return True


@task()
def send_outgoing_mail(mail_id: int, *more: int) -> str:
    """Send each mail unless it was sent already (a failure schedules that mail's own next attempt), then the other
    due mails while the connection is open. A new case's two mails come in one task: one row to write while the
    visitor waits, and the worker claims one task instead of two."""
    outcomes = [_send_one(one) for one in (mail_id, *more)]
    if any(reached for _, reached in outcomes) and REUSE_CONNECTION and BATCH > 0:
        _send_due()
    return ",".join(status for status, _ in outcomes)


def _send_one(mail_id: int) -> tuple[str, bool]:
    """Send one mail in a transaction of its own; its outcome, and whether the server was reached."""
    from loket.contact.models import OutgoingMail

    with transaction.atomic():
        # The lock keeps two workers from sending the same mail at once; one that finds it locked leaves it to the
        # other (on SQLite the IMMEDIATE transaction already serialises them).
        mail = OutgoingMail.objects.select_for_update(skip_locked=True).filter(id=mail_id).first()
        if mail is None:
            if not OutgoingMail.objects.filter(id=mail_id).exists():
                return "gone", False
            # Another worker has it, alone or in a chunk of its batch: look again later, so that a mail it leaves
            # unsent (its server gone mid-chunk, a crash) still has a task.
            if send_outgoing_mail.get_backend().supports_defer:
                send_outgoing_mail.using(run_after=timezone.now() + BUSY_AGAIN).enqueue(mail_id)
            return "busy", False
        if mail.status != OutgoingMail.Status.PENDING:
            return str(mail.status), False
        if mail.next_attempt_at and mail.next_attempt_at > timezone.now():
            return "later", False  # it failed in another task's batch, which queued its next attempt
        reached = _attempt(mail)
        mail.save(update_fields=FIELDS)
    return str(mail.status), reached


def _send_due() -> None:
    """The due mails, oldest first, a chunk at a time, each chunk locked so that other workers skip it."""
    from loket.contact.models import OutgoingMail

    tried, started = 0, time.monotonic()
    chunk = 1 if connection.vendor == "sqlite" else CHUNK
    while tried < BATCH and time.monotonic() - started < BATCH_SECONDS:
        with transaction.atomic():
            mails = list(_due().select_for_update(skip_locked=True).order_by("pk")[: min(chunk, BATCH - tried)])
            done: list[OutgoingMail] = []
            reached = True
            for mail in mails:
                reached = _attempt(mail)
                done.append(mail)
                if not reached:
                    break
            sent = [mail.pk for mail in done if mail.status == OutgoingMail.Status.SENT]
            # One statement for the chunk's sent mails (bulk_update's CASE per row cost more than the sending);
            # the rest, rare, one by one.
            OutgoingMail.objects.filter(pk__in=sent).update(
                status=OutgoingMail.Status.SENT,
                attempts=F("attempts") + 1,
                sent_at=timezone.now(),
                next_attempt_at=None,
            )
            for mail in done:
                if mail.status != OutgoingMail.Status.SENT:
                    mail.save(update_fields=FIELDS)
            _close_tasks([mail.pk for mail in done if mail.status != OutgoingMail.Status.PENDING])
        tried += len(done)
        if not mails or not reached:
            return


def _close_tasks(mail_ids: list[int]) -> None:
    """The queued tasks of mails a batch has dealt with have nothing left to do: marking them done here saves the
    worker a claim, a lock and an update for each (the database task backend only; elsewhere they run and find
    their mail sent). A task of several mails is closed only when all of them are among these: one whose other
    mail is still due runs (it finds the dealt-with one sent)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = send_outgoing_mail.get_backend()
    if not mail_ids or not isinstance(backend, DatabaseBackend):
        return
    queued = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=backend.alias,
        task_path=send_outgoing_mail.module_path,
        args_kwargs__args__0__in=mail_ids,
    )
    dealt_with = set(mail_ids)
    found = queued.select_for_update(skip_locked=True).values_list("pk", "args_kwargs")  # a worker's claim wins
    ids = [pk for pk, arguments in found if dealt_with.issuperset(arguments["args"])]
    DBTaskResult.objects.filter(pk__in=ids).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now(), return_value="sent with another mail"
    )


@task()
def purge_expired_cases() -> int:
    """Replaced by loket.privacy.tasks.purge_expired (every app's retention): kept for one release so that a run
    planned before the upgrade finds its task. It does nothing and plans no next run."""
    return 0
