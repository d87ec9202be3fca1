"""The reports' personal data: counts per member of staff (docs/privacy.md). Everything else is counts."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from loket.chat.models import Agent
from loket.privacy.registry import Erasure, Kind, no_personal_data, register
from loket.reports import models

STAFF = _("staff data: the counts of a person's work")


def _counts_of_staff(model: Any, what: Any, why: str, find: Callable[[Any], Any]) -> Kind:
    return Kind(
        model=model,
        what=what,
        why=why,
        who="people with the reports role",
        find=find,
        fields=("day", "team_id", "offered", "answered", "ratings")
        if hasattr(model, "agent_id")
        else ("day", "topic_id", "language", "received", "answered", "closed"),
        erasure=Erasure.KEEP,
        keep_reason=STAFF,
        retention_note=_("no limit yet (counts only)"),
    )


def _of_agent(model: Any) -> Callable[[Any], Any]:
    return lambda person: model.objects.filter(
        agent_id__in=Agent.objects.filter(user__email__iexact=person.email).values("pk")
    )


def _of_assignee(model: Any) -> Callable[[Any], Any]:
    return lambda person: model.objects.filter(
        assignee_id__in=get_user_model().objects.filter(email__iexact=person.email).values("pk")
    )


LONG = "The report per agent over long periods, for supervisors."
LONG_EMAIL = "The e-mail reports over long periods, by topic and by person."
register(
    _counts_of_staff(
        models.ChatAgentDay, _("Per day and agent: how many chats, how long they took, their ratings."),
        "The report per agent, for supervisors.", _of_agent(models.ChatAgentDay),
    ),
    _counts_of_staff(
        models.ChatAgentMonth, _("Per month and agent: the chat days of agents added up."), LONG,
        _of_agent(models.ChatAgentMonth),
    ),
    _counts_of_staff(
        models.ChatAgentQuarter, _("Per quarter and agent: the chat months of agents added up."), LONG,
        _of_agent(models.ChatAgentQuarter),
    ),
    _counts_of_staff(
        models.EmailGroupDay,
        _("Per day, topic, language and assignee: how many e-mail cases, how fast they were answered and closed."),
        "The e-mail reports, by topic and by person.", _of_assignee(models.EmailGroupDay),
    ),
    _counts_of_staff(
        models.EmailGroupMonth, _("Per month, topic, language and assignee: the e-mail days added up."), LONG_EMAIL,
        _of_assignee(models.EmailGroupMonth),
    ),
    _counts_of_staff(
        models.EmailGroupQuarter, _("Per quarter, topic, language and assignee: the e-mail months added up."),
        LONG_EMAIL, _of_assignee(models.EmailGroupQuarter),
    ),
)  # fmt: skip

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
