"""Writes of the reports: chats turned away, and the daily rollups (rebuilt from the raw rows for a range of days)."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from loket.chat import queries as chat_queries
from loket.reports import queries
from loket.reports.models import ChatAgentDay, ChatDay, TurnedAway

# Chats that end, are rated or transferred after midnight change the days before: the daily task recounts these.
RECOUNT_DAYS = 3


def record_turned_away(*, topic: Any, language: str, reason: str, at: datetime.datetime) -> TurnedAway:
    team = chat_queries.team_for(topic)
    return TurnedAway.objects.create(
        at=at, team_id=team.pk if team else None, topic_id=topic.pk, language=language, reason=reason
    )


@transaction.atomic
def rebuild(*, first: datetime.date, last: datetime.date) -> int:
    """Recount the rollup of every day from `first` to `last` (inclusive) from the raw rows; the rows of those days
    are replaced in one transaction, so a report never sees half a day. Returns how many rows were written."""
    ChatDay.objects.filter(day__gte=first, day__lte=last).delete()
    ChatAgentDay.objects.filter(day__gte=first, day__lte=last).delete()
    rows, agent_rows = queries.count_rollups(first, last)
    ChatDay.objects.bulk_create(rows, batch_size=1000)
    ChatAgentDay.objects.bulk_create(agent_rows, batch_size=1000)
    return len(rows) + len(agent_rows)


def rebuild_recent(*, now: datetime.datetime | None = None) -> int:
    """The daily task's part: the last few days up to yesterday (today is always counted live)."""
    today = timezone.localdate(now or timezone.now())
    return rebuild(first=today - datetime.timedelta(days=RECOUNT_DAYS), last=today - datetime.timedelta(days=1))
