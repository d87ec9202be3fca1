"""The reports' personal data: counts per member of staff (docs/privacy.md). Everything else is counts."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from loket.chat.models import Agent
from loket.privacy.registry import Erasure, Kind, no_personal_data, register
from loket.reports import models

STAFF = _("staff data: the counts of a person's work")

register(
    Kind(
        model=models.ChatAgentDay,
        what=_("Per day and agent: how many chats, how long they took, their ratings."),
        why="The report per agent, for supervisors.",
        who="people with the reports role",
        find=lambda person: models.ChatAgentDay.objects.filter(
            agent_id__in=Agent.objects.filter(user__email__iexact=person.email).values("pk")
        ),
        fields=("day", "team_id", "offered", "answered", "ratings"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
    Kind(
        model=models.ChatAgentMonth,
        what=_("Per month and agent: the chat days of agents added up."),
        why="The report per agent over long periods, for supervisors.",
        who="people with the reports role",
        find=lambda person: models.ChatAgentMonth.objects.filter(
            agent_id__in=Agent.objects.filter(user__email__iexact=person.email).values("pk")
        ),
        fields=("day", "team_id", "offered", "answered", "ratings"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
    Kind(
        model=models.ChatAgentQuarter,
        what=_("Per quarter and agent: the chat months of agents added up."),
        why="The report per agent over long periods, for supervisors.",
        who="people with the reports role",
        find=lambda person: models.ChatAgentQuarter.objects.filter(
            agent_id__in=Agent.objects.filter(user__email__iexact=person.email).values("pk")
        ),
        fields=("day", "team_id", "offered", "answered", "ratings"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
    Kind(
        model=models.EmailGroupDay,
        what=_("Per day, topic, language and assignee: how many e-mail cases, how fast they were answered and closed."),
        why="The e-mail reports, by topic and by person.",
        who="people with the reports role",
        find=lambda person: models.EmailGroupDay.objects.filter(
            assignee_id__in=get_user_model().objects.filter(email__iexact=person.email).values("pk")
        ),
        fields=("day", "topic_id", "language", "received", "answered", "closed"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
    Kind(
        model=models.EmailGroupMonth,
        what=_("Per month, topic, language and assignee: the e-mail days added up."),
        why="The e-mail reports over long periods, by topic and by person.",
        who="people with the reports role",
        find=lambda person: models.EmailGroupMonth.objects.filter(
            assignee_id__in=get_user_model().objects.filter(email__iexact=person.email).values("pk")
        ),
        fields=("day", "topic_id", "language", "received", "answered", "closed"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
    Kind(
        model=models.EmailGroupQuarter,
        what=_("Per quarter, topic, language and assignee: the e-mail months added up."),
        why="The e-mail reports over long periods, by topic and by person.",
        who="people with the reports role",
        find=lambda person: models.EmailGroupQuarter.objects.filter(
            assignee_id__in=get_user_model().objects.filter(email__iexact=person.email).values("pk")
        ),
        fields=("day", "topic_id", "language", "received", "answered", "closed"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    ),
)

no_personal_data(
    [
        (models.ChatDay, "counts per day, team, topic and language"),
        (models.ChatMonth, "counts per month, team, topic and language"),
        (models.ChatTeamMonth, "counts per month and team"),
        (models.ChatDayFigures, "counts and percentiles per day and team"),
        (models.TurnedAway, "a chat refused: when, team, topic, language and why; no visitor"),
        (models.EmailDay, "counts per day"),
        (models.EmailFlow, "counts of cases per day received and day closed"),
        (models.EmailStale, "a day to count again"),
    ]
)
