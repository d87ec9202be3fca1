"""E-mail contact: the questions people send (`Case`) and the mail that goes out about them (`OutgoingMail`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.i18n import content_language


class Topic(models.Model):
    """What a question is about; editors keep the list."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    active = models.BooleanField(_("shown on the form"), default=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name_nl"]

    def __str__(self) -> str:
        return self.name_en if content_language() == "en" else self.name_nl


class ReferenceCounter(models.Model):
    """The last case number handed out per year: references read 2026-000123."""

    wagtail_reference_index_ignore = True  # no page content here: no reference-index task per save

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class Case(models.Model):
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        WAITING = "waiting", _("Waiting for the visitor")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=100, blank=True)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, verbose_name=_("topic"))
    subject = models.CharField(_("subject"), max_length=150)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("assigned to")
    )
    # A mail that names this case but may not join its thread (a stranger's "Re: 2026-000123"): an agent decides.
    mentions = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("mentions case")
    )
    undeliverable = models.BooleanField(_("address undeliverable"), default=False)  # a bounce came back
    created_at = models.DateTimeField(_("received at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # Not the subject, which may name someone: this is the label Wagtail's admin log keeps (docs/privacy.md).
        return self.reference

    @property
    def flagged(self) -> bool:
        return self.mentions_id is not None


class CaseMessage(models.Model):
    """One entry in a case's thread after the question itself: an answer, a visitor's reply, an internal note."""

    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        ANSWER = "answer", _("Answer")
        REPLY = "reply", _("Reply from the visitor")
        NOTE = "note", _("Internal note")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    text = models.TextField()
    message_id = models.CharField(max_length=250, blank=True, db_index=True)  # of the mail that carried it
    # Who sent a reply, and whether that was the case's own address (else it came through the tokened reply address).
    sender_email = models.CharField(max_length=254, blank=True)
    sender_name = models.CharField(max_length=100, blank=True)
    from_case_address = models.BooleanField(null=True)
    automatic = models.BooleanField(default=False)  # an auto-reply or a bounce: kept, never answered automatically
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("case message")
        verbose_name_plural = _("case messages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case.reference} {self.kind}"


class OutgoingMail(models.Model):
    """A mail recorded in the same transaction as what caused it, and sent by the worker until it is accepted."""

    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        SERVICE = "service", _("To the service")
        COPY = "copy", _("Copy to the sender")
        ANSWER = "answer", _("Answer to the visitor")
        TRANSCRIPT = "transcript", _("Chat transcript")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Given up")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="mails", null=True, blank=True, verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    # Stable across retries, so a receiving server (and the thread) recognises a mail sent twice after a crash.
    message_id = models.CharField(max_length=250, unique=True)
    in_reply_to = models.CharField(max_length=250, blank=True)  # keeps an answer in the visitor's mail thread
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case.reference if self.case else f'#{self.pk}'}"  # not the address


class CannedAnswer(models.Model):
    """A ready answer an agent starts from, often pointing to a knowledge page."""

    title = models.CharField(_("title"), max_length=120)
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("knowledge page")
    )

    class Meta:
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def text_for(self, language: str) -> str:
        """The answer in the case's language, with the page's address (in that language) at the end."""
        text = self.text_en if language.startswith("en") else self.text_nl
        if self.page is not None:
            from wagtail.models import Locale

            locale = Locale.objects.filter(language_code=language[:2]).first()
            page = (self.page.get_translation_or_none(locale) if locale else None) or self.page
            text = f"{text}\n\n{page.full_url or page.url}"
        return text


class Attachment(models.Model):
    """A file that came with an incoming mail; kept only within the type and size limits."""

    wagtail_reference_index_ignore = True

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        CaseMessage, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to="attachments/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class Mailbox(models.Model):
    """An IMAP mailbox Loket reads: where it got to, and how it is doing (for /healthz and the metrics)."""

    wagtail_reference_index_ignore = True

    name = models.CharField(_("mailbox"), max_length=300, unique=True)  # user@host/folder, never the password
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)  # the highest UID stored under this UIDVALIDITY
    connected = models.BooleanField(_("connected"), default=False)
    last_check_at = models.DateTimeField(_("last successful check"), null=True, blank=True)
    waiting = models.PositiveIntegerField(_("mails waiting"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class IncomingMail(models.Model):
    """Each incoming mail once, by its Message-ID: a mail seen again (a crash before it was moved, a UIDVALIDITY reset,
    the same mail in two mailboxes, an SMTP retry) is not stored again."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        STORED = "stored", _("Stored")
        OWN = "own", _("Loket's own mail")
        AUTOMATIC = "automatic", _("Automatic mail, no case")
        FAILED = "failed", _("Could not be stored")

    key = models.CharField(max_length=250, unique=True)  # the Message-ID, or a hash of a mail without one
    mailbox = models.CharField(_("mailbox"), max_length=300, blank=True)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    tries = models.PositiveIntegerField(_("tries"), default=0)
    error = models.TextField(_("reason"), blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("incoming mail")
        verbose_name_plural = _("incoming mail")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.key} ({self.status})"
