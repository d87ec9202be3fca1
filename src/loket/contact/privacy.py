"""The e-mail channel's personal data (docs/privacy.md is generated from this)."""

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from loket.contact.models import (
    Attachment,
    CannedAnswer,
    Case,
    CaseMessage,
    IncomingMail,
    Mailbox,
    OutgoingMail,
    ReferenceCounter,
    Topic,
)
from loket.privacy.registry import (
    Erasure,
    Kind,
    Person,
    Retention,
    Store,
    mentions,
    no_personal_data,
    register,
    register_store,
)

AGENTS = "agents of the case's topic, supervisors and administrators"


def cases_of(person: Person) -> "QuerySet[Case]":
    return Case.objects.filter(Q(email__iexact=person.email) | Q(reference__in=person.cases))


def closed_before(cutoff: Any) -> Q:
    return Q(status=Case.Status.CLOSED, closed_at__lt=cutoff)


register(
    Kind(
        model=Case,
        what=_("The question someone sent: e-mail address, name, subject, message, language and status."),
        why="To answer the question (the person asked for it).",
        who=AGENTS,
        find=cases_of,
        fields=(
            "reference",
            "email",
            "name",
            "topic",
            "subject",
            "message",
            "language",
            "status",
            "created_at",
            "closed_at",
        ),
        erasure=Erasure.DELETE,
        retention=Retention("LOKET_RETENTION_DAYS", _("after the case is closed"), closed_before),
        named_by="reference",
    ),
    Kind(
        model=CaseMessage,
        what=_("A case's thread: answers, the visitor's replies (with the sender's address and name), internal notes."),
        why="To answer the question and keep its history while it is open.",
        who=AGENTS,
        find=lambda person: CaseMessage.objects.filter(
            Q(case__in=cases_of(person)) | Q(sender_email__iexact=person.email)
        ),
        fields=("case", "kind", "text", "sender_email", "sender_name", "created_at"),
        erasure=Erasure.DELETE,
        retention_note=_("with its case"),
    ),
    Kind(
        model=Attachment,
        what=_("Files that came with a visitor's mail."),
        why="They are part of the question.",
        who=AGENTS,
        # Also what they attached when writing into someone else's case.
        find=lambda person: Attachment.objects.filter(
            Q(case__in=cases_of(person)) | Q(message__sender_email__iexact=person.email)
        ),
        fields=("case", "name", "content_type", "size", "file"),
        erasure=Erasure.DELETE,
        retention_note=_("with its case; the file is removed with the row"),
        files="file",
    ),
    Kind(
        model=OutgoingMail,
        what=_("Mail Loket sends: the copy to the sender, answers, chat transcripts (address, subject, text)."),
        why="To send it, and retry until the receiving server has it.",
        who="administrators (agents see the answers in the case)",
        find=lambda person: OutgoingMail.objects.filter(
            Q(case__in=cases_of(person)) | Q(to__iexact=person.email) | Q(reply_to__iexact=person.email)
        ),
        fields=("case", "kind", "to", "subject", "body", "status", "sent_at", "created_at"),
        erasure=Erasure.DELETE,
        retention=Retention(
            "LOKET_RETENTION_DAYS",
            _("after it was made, for mail without a case (transcripts); with its case otherwise"),
            lambda cutoff: Q(case__isnull=True, created_at__lt=cutoff),
        ),
    ),
    Kind(
        model=IncomingMail,
        what=_("Which mails came in (by Message-ID) and to which case, so that none is stored twice."),
        why="To store each incoming mail once.",
        who="administrators",
        find=lambda person: IncomingMail.objects.filter(case__in=cases_of(person)),
        fields=("key", "mailbox", "case", "status", "received_at"),
        erasure=Erasure.DELETE,
        retention=Retention(
            "LOKET_RETENTION_DAYS",
            _("after it came in, for mail without a case; with its case otherwise"),
            lambda cutoff: Q(case__isnull=True, received_at__lt=cutoff),
        ),
    ),
)

no_personal_data(
    [
        (Topic, "the list of topics"),
        (ReferenceCounter, "the last case number per year"),
        (CannedAnswer, "answers written by staff for everyone"),
        (Mailbox, "the service's own mailboxes: where reading got to and their health, no mail content"),
    ]
)


def outbox() -> list[Path]:
    """The mail files Django's file backend wrote (EMAIL_URL unset: a trial or development set-up)."""
    folder = getattr(settings, "EMAIL_FILE_PATH", None)
    if settings.EMAIL_BACKEND != "django.core.mail.backends.filebased.EmailBackend" or not folder:
        return []
    return [path for path in Path(folder).iterdir() if path.is_file()] if Path(folder).is_dir() else []


def purge_outbox(now: datetime.datetime) -> int:
    cutoff = (now - datetime.timedelta(days=settings.LOKET_RETENTION_DAYS)).timestamp()
    old = [path for path in outbox() if path.stat().st_mtime < cutoff]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)


OUTBOX_SEPARATOR = "-" * 79 + "\n"  # what Django's file backend writes after each mail


def erase_from_outbox(email: str) -> int:
    """The mails that name the address (in a header or the text) go; a file keeps the others it holds (one
    connection's mails share a file), and goes when none is left."""
    erased = 0
    for path in outbox():
        mails = path.read_text(encoding="utf-8", errors="replace").split(OUTBOX_SEPARATOR)
        kept = [text for text in mails if not mentions(text, email)]
        if len(kept) == len(mails):
            continue
        erased += len(mails) - len(kept)
        if any(text.strip() for text in kept):
            path.write_text(OUTBOX_SEPARATOR.join(kept), encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
    return erased


register_store(
    Store(
        name="var/outbox",
        what=_("Mail Loket would have sent, as files, when no mail server is set (`EMAIL_URL` empty): trial use."),
        why="To read the mail a trial set-up sends without sending it.",
        who="whoever can read the server's files",
        kept=_("`LOKET_RETENTION_DAYS` days after it was written; then removed by the daily purge"),
        erasure=_("the mails that name the address are removed from the files"),
        purge=purge_outbox,
        erase=erase_from_outbox,
    ),
)
