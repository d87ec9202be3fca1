"""Writes of the e-mail channel: the only code that creates cases and the mail about them."""

import datetime
import hashlib
import html
import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import getaddresses, make_msgid, parseaddr
from typing import TYPE_CHECKING, Any

import nh3
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from loket.audit import actions as audit
from loket.contact import tasks
from loket.contact.models import Attachment, Case, CaseMessage, OutgoingMail, ReferenceCounter, Topic
from loket.contact.signals import case_changed

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet


def _changed(case: Case, change: str) -> None:
    """The case's place in the consoles' inboxes moves up, and they hear of it once this transaction commits."""
    case.updated_at = timezone.now()
    Case.objects.filter(pk=case.pk).update(updated_at=case.updated_at)
    transaction.on_commit(lambda: case_changed.send(sender=Case, case=case, change=change))


def _next_reference() -> str:
    year = timezone.localdate().year
    ReferenceCounter.objects.get_or_create(year=year)
    ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1)  # the row lock serialises numbering
    return f"{year}-{ReferenceCounter.objects.get(year=year).last:06d}"


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
    with translation.override(language):
        copy = _mail(
            case,
            OutgoingMail.Kind.COPY,
            to=email,
            reply_to=settings.LOKET_SERVICE_EMAIL,
            subject=_("Copy of your question [%(reference)s]: %(subject)s")
            % {"reference": case.reference, "subject": subject},
            template="contact/mail/copy.txt",
        )
    for mail in (service, copy):
        tasks.send_outgoing_mail.enqueue(mail.id)  # in this transaction: no case without its mails queued
    _changed(case, "created")
    return case


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
    """1700+2026-000123@…: a reply to it finds its case even when the subject and headers were lost."""
    local, _, domain = settings.LOKET_SERVICE_EMAIL.partition("@")
    return f"{local}+{case.reference}@{domain}"


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


def purge_expired_cases() -> int:
    """Delete the cases closed longer ago than the retention period, with everything that hangs on them."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.LOKET_RETENTION_DAYS)
    expired = Case.objects.filter(status=Case.Status.CLOSED, closed_at__lt=cutoff)
    return erase_cases(expired)


def erase_cases(cases: "QuerySet[Case]") -> int:
    """Delete cases, their thread, mail and attachment files (the files once the deletion is committed)."""
    with transaction.atomic():
        files = [(a.file.storage, a.file.name or "") for a in Attachment.objects.filter(case__in=cases)]
        count = cases.count()
        cases.delete()

        def delete_files() -> None:
            for storage, name in files:
                storage.delete(name)

        transaction.on_commit(delete_files)
    return count


def address_mark(email: str) -> str:
    """How the audit trail names a person whose data was exported or erased: not the address itself."""
    return "address:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


@transaction.atomic
def erase_contact_data(email: str, **audit_details: Any) -> int:
    """Every case of one address goes (a request to be forgotten), and the trail says so without naming them."""
    count = erase_cases(Case.objects.filter(email__iexact=email))
    audit.record("privacy.erased", subject=address_mark(email), cases=count, **audit_details)
    return count


REFERENCE = re.compile(r"\b(\d{4}-\d{6})\b")


def _find_case(message: EmailMessage) -> Case | None:
    """By the reply address, then the mail headers that thread it, then the reference in the subject."""
    for address in getaddresses(message.get_all("To", []) + message.get_all("Cc", [])):
        local = address[1].partition("@")[0]
        if "+" in local and (case := Case.objects.filter(reference=local.partition("+")[2]).first()):
            return case
    ids = re.findall(r"<[^>]+>", f"{message.get('In-Reply-To', '')} {message.get('References', '')}")
    if ids and (
        mail := OutgoingMail.objects.filter(message_id__in=ids, case__isnull=False).select_related("case").first()
    ):
        return mail.case
    found = REFERENCE.search(str(message.get("Subject", "")))
    return Case.objects.filter(reference=found.group(1)).first() if found else None


def _text_of(message: EmailMessage) -> str:
    """The plain-text part; else the HTML part with every tag removed (nh3), never rendered as HTML."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if part.get_content_subtype() == "html":
        content = html.unescape(nh3.clean(content, tags=set()))
    return content.strip()


@transaction.atomic
def receive_mail(raw: bytes) -> Case:
    """Thread an incoming mail into its case; anything else opens a new case."""
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    text = _text_of(message)[:20_000]
    message_id = str(message.get("Message-ID", "")).strip()[:250]
    case = _find_case(message)
    entry = None
    if case is None:
        sender = parseaddr(str(message.get("From", "")))
        case = Case.objects.create(
            reference=_next_reference(),
            email=sender[1][:254],
            name=sender[0][:100],
            topic=Topic.objects.get_or_create(name_en="Something else", defaults={"name_nl": "Iets anders"})[0],
            subject=str(message.get("Subject", "")).replace("\r", " ").replace("\n", " ")[:150] or "-",
            message=text,
            language=settings.LANGUAGE_CODE,
        )
    else:
        entry = CaseMessage.objects.create(case=case, kind=CaseMessage.Kind.REPLY, text=text, message_id=message_id)
        case.status = Case.Status.OPEN
        case.save(update_fields=["status"])
    _keep_attachments(case, entry, message)
    _changed(case, "reply" if entry is not None else "created")
    return case


ATTACHMENT_TYPES = {
    "application/pdf", "image/png", "image/jpeg", "text/plain", "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}  # fmt: skip
MAX_ATTACHMENT_SIZE = 5 * 1024 * 1024
MAX_ATTACHMENTS = 5


def _keep_attachments(case: Case, entry: CaseMessage | None, message: EmailMessage) -> None:
    """Files of the allowed types and sizes are kept; the thread says which were refused and why."""
    refused = []
    for number, part in enumerate(message.iter_attachments()):
        name = (part.get_filename() or f"bijlage-{number + 1}").replace("/", "_")[:200]
        content = part.get_payload(decode=True) or b""
        if part.get_content_type() not in ATTACHMENT_TYPES:
            refused.append(f"{name} ({part.get_content_type()})")
        elif len(content) > MAX_ATTACHMENT_SIZE or number >= MAX_ATTACHMENTS:
            refused.append(f"{name} ({len(content) // 1024} KB)")
        else:
            attachment = Attachment(
                case=case, message=entry, name=name, content_type=part.get_content_type(), size=len(content)
            )
            attachment.file.save(name, ContentFile(content), save=True)
    if refused:
        note = "\n\n[" + _("Attachments not kept: %(files)s") % {"files": ", ".join(refused)} + "]"
        if entry is not None:
            entry.text += note
            entry.save(update_fields=["text"])
        else:
            case.message += note
            case.save(update_fields=["message"])
