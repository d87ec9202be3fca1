"""Writes of the e-mail channel: the only code that creates cases and the mail about them."""

from email.utils import make_msgid

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from loket.contact import tasks
from loket.contact.models import Case, OutgoingMail, ReferenceCounter, Topic


def _next_reference() -> str:
    year = timezone.localdate().year
    ReferenceCounter.objects.get_or_create(year=year)
    ReferenceCounter.objects.filter(year=year).update(last=F("last") + 1)  # the row lock serialises numbering
    return f"{year}-{ReferenceCounter.objects.get(year=year).last:06d}"


def _mail(case: Case, kind: str, *, to: str, reply_to: str, subject: str, template: str) -> OutgoingMail:
    domain = settings.LOKET_SERVICE_EMAIL.rpartition("@")[2] or "loket.localhost"
    return OutgoingMail.objects.create(
        case=case,
        kind=kind,
        to=to,
        reply_to=reply_to,
        subject=subject,
        body=render_to_string(template, {"case": case, "service": settings.LOKET_SERVICE_EMAIL}),
        message_id=make_msgid(idstring=f"{case.reference}.{kind}", domain=domain),
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
    return case
