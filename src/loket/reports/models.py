"""What the reports keep beside the raw rows: chats turned away (they leave no conversation behind) and the daily
rollup the report pages read, so that a year's report never scans every conversation. See docs/reports.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TurnedAway(models.Model):
    """A visitor who asked for a chat and was sent to e-mail: closed, no agent, or the queue full."""

    wagtail_reference_index_ignore = True

    at = models.DateTimeField(_("at"), db_index=True)
    # Plain ids, no constraints: the count outlives a team or topic that is later removed.
    team_id = models.IntegerField(_("team"), null=True, blank=True)
    topic_id = models.IntegerField(_("topic"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    reason = models.CharField(_("reason"), max_length=12)

    class Meta:
        verbose_name = _("chat turned away")
        verbose_name_plural = _("chats turned away")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.reason}"


class ChatCounts(models.Model):
    """The chats offered on one day (Europe/Brussels) in one team. Counts and sums add up across rows; the durations
    are kept as {whole seconds: how many}, so that percentiles over any period are exact, not averages of averages."""

    day = models.DateField(_("day"))
    team_id = models.IntegerField(_("team"), null=True, blank=True)
    offered = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_in_time = models.PositiveIntegerField(default=0)
    abandoned = models.PositiveIntegerField(default=0)
    short_abandoned = models.PositiveIntegerField(default=0)
    expired = models.PositiveIntegerField(default=0)
    turned_away = models.PositiveIntegerField(default=0)
    transfers = models.PositiveIntegerField(default=0)
    ratings = models.JSONField(default=dict)  # {"1".."5": count}
    waits = models.JSONField(default=dict)  # answered chats: {seconds: count}
    first_responses = models.JSONField(default=dict)
    handle_times = models.JSONField(default=dict)

    class Meta:
        abstract = True


class ChatDay(ChatCounts):
    """Per day, team, topic and language: what every report but the one per agent reads. Its size does not grow with
    the number of chats or agents (a year of 5 teams, 10 topics, 2 languages is at most 36,500 rows)."""

    wagtail_reference_index_ignore = True

    topic_id = models.IntegerField(_("topic"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    # Per hour of the day (0-23, local): offered, answered, abandoned, for the report by hour of the week.
    hours = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("chat day")
        verbose_name_plural = _("chat days")
        indexes = [models.Index(fields=["day", "team_id"])]
        permissions = [("view", _("Can view the reports"))]  # reports.view

    def __str__(self) -> str:
        return f"{self.day} team {self.team_id}"


class ChatAgentDay(ChatCounts):
    """Per day, team and agent (none: not answered), for the report per agent."""

    wagtail_reference_index_ignore = True

    agent_id = models.IntegerField(_("agent"), null=True, blank=True)

    class Meta:
        verbose_name = _("chat day of an agent")
        verbose_name_plural = _("chat days of agents")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day} agent {self.agent_id}"
