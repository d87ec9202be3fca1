"""Writes of the e-mail channel: the only code that creates cases and the mail about them."""

import datetime
import hashlib
import logging
import uuid
from email.utils import make_msgid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from loket.audit import actions as audit
from loket.contact import incoming, tasks
from loket.contact.models import Attachment, Case, CaseMessage, IncomingMail, OutgoingMail, ReferenceCounter, Topic
from loket.contact.signals import case_changed
from loket.metrics import mail_received_on_commit

if TYPE_CHECKING:
    from django.contrib.auth.models import User

logger = logging.getLogger(__name__)


def _changed(case: Case, change: str) -> None:
    """The case's place in the consoles' inboxes moves up, and they hear of it once this transaction commits."""
    case.updated_at = timezone.now()
    Case.objects.filter(pk=case.pk).update(updated_at=case.updated_at)
    transaction.on_commit(lambda: case_changed.send(sender=Case, case=case, change=change))


def _next_reference() -> str:
    """One statement a case (it used to take three): the update's row lock serialises numbering, and RETURNING
    (PostgreSQL, SQLite 3.35+) hands back the number; only a year's first case creates the counter."""
    year = timezone.localdate().year
    table = ReferenceCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE year = %s RETURNING last", [year])  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        ReferenceCounter.objects.get_or_create(year=year)
        return _next_reference()
    return f"{year}-{row[0]:06d}"


def _mail(
    case: Case,
    kind: str,
    *,
    to: str,
    reply_to: str,
    subject: str,
    template: str,
    extra: dict[str, Any] | None = None,
    thread_of: str = "",
) -> OutgoingMail:
    domain = settings.LOKET_SERVICE_EMAIL.rpartition("@")[2] or "loket.localhost"
    return OutgoingMail.objects.create(
        case=case,
        kind=kind,
        to=to,
        reply_to=reply_to,
        subject=subject,
        body=render_to_string(template, {"case": case, "service": settings.LOKET_SERVICE_EMAIL, **(extra or {})}),
        message_id=make_msgid(idstring=f"{case.reference}.{kind}", domain=domain),
        in_reply_to=thread_of,
    )


@transaction.atomic
def submit_email_question(*, email: str, name: str, topic: Topic, subject: str, message: str, language: str) -> Case:
    """The case and both mails are stored together; the worker sends the mails, retrying until accepted."""
    case = Case.objects.create(
        reference=_next_reference(),
        email=email,
        name=name,
        topic=topic,
        subject=subject,
        message=message,
        language=language,
    )
    with translation.override(settings.LANGUAGE_CODE):  # the service reads Dutch
        service = _mail(
            case,
            OutgoingMail.Kind.SERVICE,
            to=settings.LOKET_SERVICE_EMAIL,
            reply_to=email,
            subject=f"[{case.reference}] {subject}",
            template="contact/mail/service.txt",
        )
    mails = [service]
    if _automatic_mails_this_hour(email) < settings.LOKET_AUTOMATIC_MAILS_PER_HOUR:
        with translation.override(language):
            mails.append(
                _mail(
                    case,
                    OutgoingMail.Kind.COPY,
                    to=email,
                    reply_to=settings.LOKET_SERVICE_EMAIL,
                    subject=_("Copy of your question [%(reference)s]: %(subject)s")
                    % {"reference": case.reference, "subject": subject},
                    template="contact/mail/copy.txt",
                )
            )
    # In this transaction: no case without its mails queued. One task for both (one row fewer while the visitor
    # waits); a mail that fails gets its own retries (`tasks._attempt`).
    tasks.send_outgoing_mail.enqueue(*(mail.id for mail in mails))
    # A new case's `updated_at` is already now: the consoles only need to hear of it (no UPDATE, as `_changed`).
    transaction.on_commit(lambda: case_changed.send(sender=Case, case=case, change="created"))
    return case


def _automatic_mails_this_hour(address: str) -> int:
    """The copies one address got in the last hour: a form filled in by a robot with someone else's address, or
    an auto-responder, gets a few and then no more."""
    since = timezone.now() - datetime.timedelta(hours=1)
    # A copy is stored with its case: the case's indexed `created_at` finds the last hour's, where the mail's own
    # (not indexed) made every submission read the whole outbox.
    return OutgoingMail.objects.filter(
        kind=OutgoingMail.Kind.COPY, to__iexact=address, case__created_at__gte=since
    ).count()


def queue_mail(*, to: str, subject: str, body: str, key: str) -> OutgoingMail:
    """A mail outside any case (a chat transcript), sent through the same durable outbox."""
    domain = settings.LOKET_SERVICE_EMAIL.rpartition("@")[2] or "loket.localhost"
    with transaction.atomic():
        mail = OutgoingMail.objects.create(
            kind=OutgoingMail.Kind.TRANSCRIPT, to=to, reply_to=settings.LOKET_SERVICE_EMAIL, subject=subject,
            body=body, message_id=make_msgid(idstring=key, domain=domain),
        )  # fmt: skip
        tasks.send_outgoing_mail.enqueue(mail.id)
    return mail


def reply_address(case: Case) -> str:
    """1700+2026-000123.token@…: a reply to it finds its case even when the subject and headers were lost, and the
    token (an HMAC of the reference) keeps strangers, who can guess references, out of the thread."""
    local, _, domain = settings.LOKET_SERVICE_EMAIL.partition("@")
    return f"{local}+{case.reference}.{incoming.reply_token(case.reference)}@{domain}"


@transaction.atomic
def answer_case(*, case: Case, agent: "User", text: str, address: str = "") -> CaseMessage:
    """The answer joins the thread and is mailed to the visitor; the case then waits for them."""
    entry = CaseMessage.objects.create(case=case, kind=CaseMessage.Kind.ANSWER, author=agent, text=text)
    copy = case.mails.filter(kind=OutgoingMail.Kind.COPY).first()
    with translation.override(case.language):
        answer = _mail(
            case,
            OutgoingMail.Kind.ANSWER,
            to=case.email,
            reply_to=reply_address(case),
            subject=_("Answer to your question [%(reference)s]: %(subject)s")
            % {"reference": case.reference, "subject": case.subject},
            template="contact/mail/answer.txt",
            extra={"answer": text},
            thread_of=copy.message_id if copy else "",
        )
    entry.message_id = answer.message_id
    entry.save(update_fields=["message_id"])
    tasks.send_outgoing_mail.enqueue(answer.id)
    case.status = Case.Status.WAITING
    case.assignee = case.assignee or agent
    case.save(update_fields=["status", "assignee"])
    _changed(case, "answered")
    audit.record(
        "case.answered", actor=agent, subject=case, address=address, message=entry.pk, status=case.status,
        assignee=case.assignee.get_username(),
    )  # fmt: skip
    return entry


@transaction.atomic
def add_note(*, case: Case, agent: "User", text: str, address: str = "") -> CaseMessage:
    note = CaseMessage.objects.create(case=case, kind=CaseMessage.Kind.NOTE, author=agent, text=text)
    audit.record("case.noted", actor=agent, subject=case, address=address, message=note.pk)
    _changed(case, "note")
    return note


@transaction.atomic
def update_case(
    *, case: Case, status: str, assignee: "User | None", agent: "User | None" = None, address: str = ""
) -> Case:
    def name(user: "User | None") -> str | None:
        return user.get_username() if user else None

    changes = {
        field: [before, after]
        for field, before, after in (("status", case.status, status), ("assignee", name(case.assignee), name(assignee)))
        if before != after
    }
    if status == Case.Status.CLOSED and case.status != Case.Status.CLOSED:
        case.closed_at = timezone.now()  # the retention period counts from here
    elif status != Case.Status.CLOSED:
        case.closed_at = None
    case.status = status
    case.assignee = assignee
    case.save(update_fields=["status", "assignee", "closed_at"])
    if changes:
        audit.record("case.updated", actor=agent, subject=case, address=address, changes=changes)
        _changed(case, "updated")
    return case


def _find_case(mail: incoming.Incoming) -> tuple[Case | None, bool]:
    """The case a mail names, and whether it may join its thread: only through the tokened reply address or when
    it comes from the case's own address. The bare reference (subject, reply address) or thread headers only name it."""
    named = None
    for address in mail.recipients:
        reference, proven = incoming.token_reference(address)
        if reference and (case := Case.objects.filter(reference=reference).first()):
            if proven:
                return case, True
            named = named or case
    if named is None and mail.thread_ids:
        sent = OutgoingMail.objects.filter(message_id__in=mail.thread_ids, case__isnull=False).select_related("case")
        named = next((m.case for m in sent), None)
    if named is None and (found := incoming.REFERENCE.search(mail.subject)):
        named = Case.objects.filter(reference=found.group(1)).first()
    if named is None:
        return None, False
    return named, bool(mail.sender_email) and mail.sender_email.lower() == named.email.lower()


def receive_mail(
    raw: bytes,
    *,
    recipients: "list[str] | None" = None,
    envelope_sender: str | None = None,
    mailbox: str = "",
    headers_only: bool = False,
) -> IncomingMail:
    """Thread an incoming mail into its case, or open a new one; each mail once (by Message-ID). Loket's own mail
    coming back is recognised and left alone; automatic mail (auto-replies, bounces, lists) opens no case.

    Attachment files are written once the rows are committed, so a mail that is refused leaves nothing on disk.
    `headers_only`: `raw` is only the headers of a mail too large to take in; it is kept like a too complex one."""
    mail = incoming.read(raw, envelope_sender=envelope_sender, headers_only=headers_only)
    mail.recipients = [*(recipients or []), *mail.recipients]
    key = mail.message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    try:
        return _receive_once(mail, key, mailbox)
    except IntegrityError:  # the same mail, stored this very moment from another mailbox: that one counts
        found = IncomingMail.objects.filter(key=key).first()
        if found is None:
            raise
        return found


def _receive_once(mail: incoming.Incoming, key: str, mailbox: str) -> IncomingMail:
    with transaction.atomic():
        seen = IncomingMail.objects.select_for_update().filter(key=key).first()
        if seen is not None and seen.status != IncomingMail.Status.FAILED:
            return seen
        record = seen or IncomingMail(key=key, mailbox=mailbox[:300])
        record.case, record.error = _store(mail), ""
        if record.case is not None:
            record.status = IncomingMail.Status.STORED
            mail_received_on_commit()
        elif mail.message_id and OutgoingMail.objects.filter(message_id=mail.message_id).exists():
            record.status = IncomingMail.Status.OWN
        else:
            record.status = IncomingMail.Status.AUTOMATIC
        record.save()
    return record


@transaction.atomic
def note_failed_mail(raw: bytes, *, mailbox: str, error: str) -> IncomingMail:
    """A mail that could not be stored: counted, so that the mailbox worker gives up on it after a few tries."""
    message_id = incoming.read_message_id(raw)
    key = message_id or "sha256:" + hashlib.sha256(raw).hexdigest()
    record, _created = IncomingMail.objects.select_for_update().get_or_create(
        key=key, defaults={"mailbox": mailbox[:300], "status": IncomingMail.Status.FAILED}
    )
    record.tries += 1
    record.error = error[:2000]
    record.save(update_fields=["tries", "error"])
    return record


def _store(mail: incoming.Incoming) -> Case | None:
    if mail.message_id and OutgoingMail.objects.filter(message_id=mail.message_id).exists():
        return None  # the service's copy of a new case, back through the very mailbox Loket reads
    case, threads = _find_case(mail)
    if mail.bounce:
        bounced = OutgoingMail.objects.filter(message_id__in=mail.quoted_ids, case__isnull=False).first()
        if bounced is not None and bounced.case is not None:
            case, threads = bounced.case, True
            Case.objects.filter(pk=case.pk).update(undeliverable=True)
    if mail.automatic and not (case is not None and threads):
        return None  # an auto-reply or bounce that answers no case of ours: no case, and certainly no answer
    with translation.override(settings.LANGUAGE_CODE):  # notes in the thread are for the service: Dutch
        text = mail.text
        if mail.too_complex:
            text = "[" + _("This mail is too large or too complex to read (too many or too deeply nested parts); "
                           "only its sender and subject were kept.") + "]"  # fmt: skip
        entry = None
        if case is not None and threads:
            entry = CaseMessage.objects.create(
                case=case, kind=CaseMessage.Kind.REPLY, text=text, message_id=mail.message_id,
                sender_email=mail.sender_email, sender_name=mail.sender_name,
                from_case_address=mail.sender_email.lower() == case.email.lower(), automatic=mail.automatic,
            )  # fmt: skip
            if not mail.automatic:  # an out-of-office note does not reopen the case
                case.status = Case.Status.OPEN
                case.save(update_fields=["status"])
        else:
            case = Case.objects.create(
                reference=_next_reference(),
                email=mail.sender_email,
                name=mail.sender_name,
                topic=Topic.objects.get_or_create(name_en="Something else", defaults={"name_nl": "Iets anders"})[0],
                subject=mail.subject or "-",
                message=text,
                language=settings.LANGUAGE_CODE,
                mentions=case,
            )
        _keep_attachments(case, entry, mail.attachments)
    _changed(case, "reply" if entry is not None else "created")
    return case


ATTACHMENT_TYPES = {
    "application/pdf", "image/png", "image/jpeg", "text/plain", "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}  # fmt: skip
MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024
MAX_ATTACHMENTS = 5


def _keep_attachments(case: Case, entry: CaseMessage | None, parts: list[incoming.Part]) -> None:
    """Files of the allowed types and sizes are kept; the thread says which were refused and why.

    The rows are stored now and the files written after the commit: a rollback leaves no file behind."""
    refused, to_write = [], []
    for number, part in enumerate(parts):
        if part.content_type not in ATTACHMENT_TYPES:
            refused.append(f"{part.name} ({part.content_type})")
        elif len(part.content) > MAX_ATTACHMENT_SIZE or number >= MAX_ATTACHMENTS:
            refused.append(f"{part.name} ({len(part.content) // 1024} KB)")
        else:
            path = f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{incoming.storage_name(part.name)}"
            attachment = Attachment(
                case=case, message=entry, name=part.name, content_type=part.content_type, size=len(part.content)
            )
            attachment.file.name = path
            attachment.save()
            to_write.append((attachment, part.content))
    if to_write:
        transaction.on_commit(lambda: _write_attachments(to_write))
    if refused:
        note = "\n\n[" + _("Attachments not kept: %(files)s") % {"files": ", ".join(refused)} + "]"
        if entry is not None:
            entry.text += note
            entry.save(update_fields=["text"])
        else:
            case.message += note
            case.save(update_fields=["message"])


def _write_attachments(files: list[tuple[Attachment, bytes]]) -> None:
    for attachment, content in files:
        try:
            stored = attachment.file.storage.save(attachment.file.name or "", ContentFile(content))
        except OSError:  # a full disk: the row goes too, so nothing points to a file that is not there
            logger.exception("attachment %s of case %s could not be written", attachment.pk, attachment.case_id)
            Attachment.objects.filter(pk=attachment.pk).delete()
            continue
        if stored != attachment.file.name:
            Attachment.objects.filter(pk=attachment.pk).update(file=stored)
