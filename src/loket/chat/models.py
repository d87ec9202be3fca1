"""Live chat: teams and their agents, the conversations, their messages and the queue in front of them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.i18n import content_language


class Team(models.Model):
    """A group of agents with its own queue; a topic's visitors wait in the queue of the team that has the topic."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    topics = models.ManyToManyField("contact.Topic", blank=True, related_name="teams", verbose_name=_("topics"))
    queue_limit = models.PositiveIntegerField(
        _("most visitors waiting"), default=200, help_text=_("Beyond this, new visitors are offered e-mail.")
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["sort_order", "name_nl"]

    def __str__(self) -> str:
        return self.name_en if content_language() == "en" else self.name_nl


class OpeningHours(models.Model):
    """One opening period on a weekday. Without any, the chat is always open (apart from public holidays)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Agent(models.Model):
    """A user who takes chats. Presence is a heartbeat: a console that stops beating is gone after a grace period."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Available")
        AWAY = "away", _("Away")
        OFFLINE = "offline", _("Offline")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent", verbose_name=_("user")
    )
    teams = models.ManyToManyField(Team, blank=True, related_name="agents", verbose_name=_("teams"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OFFLINE)
    capacity = models.PositiveSmallIntegerField(_("chats at once"), default=3)
    seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    status_since = models.DateTimeField(_("in this status since"), null=True, blank=True)

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.user.first_name or self.user.get_username()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Conversation(models.Model):
    """One chat, from the visitor's first wait to the rating. Its id is also its ticket: lower tickets go first."""

    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        ACTIVE = "active", _("In progress")
        ENDED = "ended", _("Ended")

    class Ending(models.TextChoices):
        VISITOR = "visitor", _("Ended by the visitor")
        AGENT = "agent", _("Ended by the agent")
        LEFT_QUEUE = "left-queue", _("Left the queue")
        GONE = "gone", _("Visitor gone")

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="conversations", verbose_name=_("team"))
    topic = models.ForeignKey("contact.Topic", on_delete=models.PROTECT, verbose_name=_("topic"))
    visitor_name = models.CharField(_("name"), max_length=100, blank=True)
    visitor_email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    source_url = models.URLField(_("came from"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    ending = models.CharField(_("ending"), max_length=12, choices=Ending.choices, blank=True)
    agent = models.ForeignKey(
        Agent, on_delete=models.SET_NULL, null=True, blank=True, related_name="conversations", verbose_name=_("agent")
    )
    supervisors = models.ManyToManyField(
        Agent, blank=True, related_name="joined_conversations", verbose_name=_("supervisors who joined")
    )
    last_seq = models.PositiveIntegerField(default=0)  # the last message's number; the next gets one more
    visitor_read_seq = models.PositiveIntegerField(default=0)
    agent_read_seq = models.PositiveIntegerField(default=0)
    visitor_seen_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("taken at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "agent"])]
        permissions = [("supervise", _("Can follow, join and take over every team's chats"))]

    def __str__(self) -> str:
        # Never the visitor's name: this is the label Wagtail's admin log keeps (docs/privacy.md).
        return f"#{self.pk}"

    @property
    def ticket(self) -> int:
        return self.pk


class Message(models.Model):
    """A line in a conversation, numbered within it; stored before anyone is told about it."""

    wagtail_reference_index_ignore = True

    class Author(models.TextChoices):
        VISITOR = "visitor", _("Visitor")
        AGENT = "agent", _("Agent")
        SYSTEM = "system", _("System")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    author = models.CharField(max_length=10, choices=Author.choices)
    agent = models.ForeignKey(Agent, on_delete=models.SET_NULL, null=True, blank=True)
    text = models.TextField()
    client_id = models.CharField(max_length=64, blank=True)  # the sender's own id: a resend is not stored twice
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="chat_message_seq_unique"),
            models.UniqueConstraint(
                fields=["conversation", "author", "client_id"],
                condition=~models.Q(client_id=""),
                name="chat_message_client_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.conversation_id}.{self.seq}"


class QueueEntry(models.Model):
    """A conversation's wait in a team's queue. A conversation that goes back (agent gone, transfer) keeps its ticket,
    so it returns near the head instead of the tail."""

    wagtail_reference_index_ignore = True

    class Outcome(models.TextChoices):
        SERVED = "served", _("Taken by an agent")
        LEFT = "left", _("Left the queue")
        MOVED = "moved", _("Moved to another team")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="queue_entries")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="queue_entries")
    ticket = models.BigIntegerField()
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("queue entry")
        verbose_name_plural = _("queue entries")
        indexes = [
            models.Index(fields=["team", "ticket"], condition=models.Q(left_at=None), name="chat_waiting_idx"),
            models.Index(fields=["team", "outcome", "left_at"], name="chat_served_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.team} #{self.ticket}"


class Note(models.Model):
    """A line in a conversation that only staff see: never sent to the visitor, never in a transcript."""

    wagtail_reference_index_ignore = True

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    agent = models.ForeignKey(Agent, on_delete=models.SET_NULL, null=True, blank=True)
    text = models.TextField()
    client_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["conversation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "agent", "client_id"],
                condition=~models.Q(client_id=""),
                name="chat_note_client_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.conversation_id} note {self.pk}"


class StatusChange(models.Model):
    """An agent's availability changed: by themselves, by a supervisor (with a reason), or by absence."""

    wagtail_reference_index_ignore = True

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="status_changes")
    old = models.CharField(_("from"), max_length=10, choices=Agent.Status.choices)
    new = models.CharField(_("to"), max_length=10, choices=Agent.Status.choices)
    at = models.DateTimeField(_("at"), db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("by")
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["agent", "at", "pk"]
        indexes = [models.Index(fields=["agent", "at"])]

    def __str__(self) -> str:
        return f"{self.agent}: {self.old} → {self.new}"
