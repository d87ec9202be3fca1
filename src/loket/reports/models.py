"""What the reports keep beside the raw rows: chats turned away (they leave no conversation behind) and the daily
rollup the report pages read, so that a year's report never scans every conversation. See docs/reports.md."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from loket.reports import levels


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


class Levelled(models.Model):
    """A rollup whose durations are also kept in two levels (see levels.py), for the reports that add up many groups
    over long periods. `fill_levels` makes them from the flat histograms before the row is stored."""

    coarse = models.JSONField(default=dict)
    fine = models.JSONField(default=dict)

    LEVELLED: ClassVar[tuple[str, ...]] = ()  # the flat histograms, numbered by their place here
    SCALE: ClassVar[int] = 1  # see levels.bucket

    class Meta:
        abstract = True

    def fill_levels(self) -> None:
        self.coarse, self.fine = levels.split([getattr(self, name) for name in self.LEVELLED], self.SCALE)


class ChatAgentCounts(ChatCounts, Levelled):
    """Per team and agent (none: not answered), for the report per agent."""

    agent_id = models.IntegerField(_("agent"), null=True, blank=True)

    LEVELLED = ("waits", "first_responses", "handle_times")

    class Meta:
        abstract = True


class ChatDay(ChatCounts):
    """Per day, team, topic and language: what the months and the day figures below are added up from, and what a
    report reads for the days around whole months. Its size does not grow with the number of chats or agents (a year
    of 5 teams, 10 topics, 2 languages is at most 36,500 rows)."""

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


class ChatAgentDay(ChatAgentCounts):
    """Per day, team and agent (none: not answered), for the report per agent."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("chat day of an agent")
        verbose_name_plural = _("chat days of agents")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day} agent {self.agent_id}"


class ChatMonth(ChatCounts):
    """The ChatDay rows of one month added up (`day`: its first day), so that a long period reads a dozen rows per
    group instead of a row per day: a day's histograms hold some 400 entries, a month's hardly more."""

    wagtail_reference_index_ignore = True

    topic_id = models.IntegerField(_("topic"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)

    class Meta:
        verbose_name = _("chat month")
        verbose_name_plural = _("chat months")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} team {self.team_id}"


class ChatAgentMonth(ChatAgentCounts):
    """The ChatAgentDay rows of one month added up (`day`: its first day)."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("chat month of an agent")
        verbose_name_plural = _("chat months of agents")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} agent {self.agent_id}"


class ChatAgentQuarter(ChatAgentCounts):
    """The ChatAgentMonth rows of one quarter added up (`day`: its first day): a year of agents reads some 5 rows per
    agent instead of 12, and a quarter's histograms hold hardly more entries than a month's."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("chat quarter of an agent")
        verbose_name_plural = _("chat quarters of agents")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} agent {self.agent_id}"


class ChatTeamMonth(ChatCounts):
    """The ChatMonth rows of one month added up per team, and for every team together (`every_team`): a period's
    total (and the report by team) reads a dozen of these, not a row per topic and language."""

    wagtail_reference_index_ignore = True

    every_team = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("chat month of a team")
        verbose_name_plural = _("chat months of teams")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} {'every team' if self.every_team else f'team {self.team_id}'}"


class ChatDayFigures(models.Model):
    """A day's figures per team, and for every team together (`every_team`), with the percentiles ready: the
    reports by day, by hour of the week and the daily export read only these. Derived from ChatDay. Its histograms
    are for the days around whole months in a period's total (ChatTeamMonth); the reports by day do not read them."""

    wagtail_reference_index_ignore = True

    day = models.DateField(_("day"))
    team_id = models.IntegerField(_("team"), null=True, blank=True)
    every_team = models.BooleanField(default=False)
    offered = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    answered_in_time = models.PositiveIntegerField(default=0)
    abandoned = models.PositiveIntegerField(default=0)
    short_abandoned = models.PositiveIntegerField(default=0)
    expired = models.PositiveIntegerField(default=0)
    turned_away = models.PositiveIntegerField(default=0)
    transfers = models.PositiveIntegerField(default=0)
    ratings = models.JSONField(default=dict)
    waits = models.JSONField(default=dict)  # as ChatCounts'
    first_responses = models.JSONField(default=dict)
    handle_times = models.JSONField(default=dict)
    hours = models.JSONField(default=dict)  # as ChatDay's
    wait_p50 = models.PositiveIntegerField(null=True)
    wait_p90 = models.PositiveIntegerField(null=True)
    first_response_p50 = models.PositiveIntegerField(null=True)
    handle_p50 = models.PositiveIntegerField(null=True)

    class Meta:
        verbose_name = _("chat day's figures")
        verbose_name_plural = _("chat days' figures")
        indexes = [models.Index(fields=["day", "team_id"])]

    def __str__(self) -> str:
        return f"{self.day} {'every team' if self.every_team else f'team {self.team_id}'}"


class EmailCounts(models.Model):
    """The e-mail cases received on one day (Europe/Brussels): counted from the raw rows again whenever one of them
    changes (see EmailStale), so the figures are those of the cases as they are now, as docs/reports.md defines."""

    day = models.DateField(_("day"))
    received = models.PositiveIntegerField(default=0)
    by_form = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class EmailDay(EmailCounts):
    """One row per day, with the day's percentiles ready (hours, one decimal): the report by day reads only these."""

    wagtail_reference_index_ignore = True

    first_response_p50 = models.FloatField(null=True)
    first_response_p90 = models.FloatField(null=True)
    resolution_p50 = models.FloatField(null=True)
    resolution_p90 = models.FloatField(null=True)

    class Meta:
        verbose_name = _("e-mail day")
        verbose_name_plural = _("e-mail days")
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return str(self.day)


class EmailGroupCounts(EmailCounts, Levelled):
    """Per topic, language and assignee, for the reports by those. The durations are kept as {hours with one
    decimal: count}: the reports show percentiles in those units, and a percentile of rounded values is the rounded
    percentile (rounding keeps the order), so they stay exact over any period."""

    topic_id = models.IntegerField(_("topic"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8)
    assignee_id = models.IntegerField(_("assigned to"), null=True, blank=True)
    first_responses = models.JSONField(default=dict)
    resolutions = models.JSONField(default=dict)

    LEVELLED = ("first_responses", "resolutions")
    SCALE = 10  # tenths of an hour

    class Meta:
        abstract = True


class EmailGroupDay(EmailGroupCounts):
    """Per day: what the months and quarters are added up from, and what a report reads for the days around them."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("e-mail day per topic")
        verbose_name_plural = _("e-mail days per topic")
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.day} topic {self.topic_id}"


class EmailGroupMonth(EmailGroupCounts):
    """The EmailGroupDay rows of one month added up (`day`: its first day)."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("e-mail month per topic")
        verbose_name_plural = _("e-mail months per topic")
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} topic {self.topic_id}"


class EmailGroupQuarter(EmailGroupCounts):
    """The EmailGroupMonth rows of one quarter added up (`day`: its first day)."""

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("e-mail quarter per topic")
        verbose_name_plural = _("e-mail quarters per topic")
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m} topic {self.topic_id}"


class EmailFlow(models.Model):
    """The cases received on `day` that were closed on `closed_day` (none: open now), how many, and the sum of their
    arrival times (microseconds since 1970): the open cases at the end of any day, and their age, add up from these."""

    wagtail_reference_index_ignore = True

    day = models.DateField(_("day"))
    closed_day = models.DateField(null=True)
    count = models.PositiveIntegerField(default=0)
    received_sum = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("e-mail flow")
        verbose_name_plural = _("e-mail flows")
        indexes = [models.Index(fields=["day"]), models.Index(fields=["closed_day"])]

    def __str__(self) -> str:
        return f"{self.day} → {self.closed_day}"


class EmailStale(models.Model):
    """A day whose e-mail rollup no longer matches its cases (one was received, answered, closed, reopened, moved or
    removed): written in the transaction of that change, counted again before the next report reads the day."""

    wagtail_reference_index_ignore = True

    day = models.DateField(_("day"), db_index=True)

    class Meta:
        verbose_name = _("e-mail day to recount")
        verbose_name_plural = _("e-mail days to recount")

    def __str__(self) -> str:
        return str(self.day)
