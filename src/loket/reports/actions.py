"""Writes of the reports: chats turned away, and the daily rollups (rebuilt from the raw rows for a range of days)."""

import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from loket.chat import queries as chat_queries
from loket.reports import queries
from loket.reports.models import (
    ChatAgentDay,
    ChatAgentMonth,
    ChatAgentQuarter,
    ChatDay,
    ChatDayFigures,
    ChatMonth,
    ChatTeamMonth,
    EmailDay,
    EmailFlow,
    EmailGroupDay,
    EmailGroupMonth,
    EmailGroupQuarter,
    EmailStale,
    Levelled,
    TurnedAway,
)

# Chats that end, are rated or transferred after midnight change the days before: the daily task recounts these.
RECOUNT_DAYS = 3
RECOUNT_LOCK = 0x4C4F4B4554  # PostgreSQL advisory lock of the rollup's recounts ("LOKET")


def _one_at_a_time() -> None:
    """A recount deletes its days', months' and quarters' rows and writes them anew. Two at once (two supervisors
    opening the e-mail report while cases change, the daily task meanwhile) would each keep the rows they wrote, and
    the report would count them twice. On PostgreSQL they take turns on a lock held until the transaction ends;
    SQLite's transactions take turns already (IMMEDIATE, settings.py)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECOUNT_LOCK])


def _store(model: type[Any], rows: list[Any]) -> None:
    if issubclass(model, Levelled):
        for row in rows:
            row.fill_levels()
    model.objects.bulk_create(rows, batch_size=1000)


def record_turned_away(*, topic: Any, language: str, reason: str, at: datetime.datetime) -> TurnedAway:
    team = chat_queries.team_for(topic)
    return TurnedAway.objects.create(
        at=at, team_id=team.pk if team else None, topic_id=topic.pk, language=language, reason=reason
    )


@transaction.atomic
def rebuild(*, first: datetime.date, last: datetime.date) -> int:
    """Recount the rollup of every day from `first` to `last` (inclusive) from the raw rows; the rows of those days
    are replaced in one transaction, so a report never sees half a day. Returns how many rows were written."""
    _one_at_a_time()
    ChatDay.objects.filter(day__gte=first, day__lte=last).delete()
    ChatAgentDay.objects.filter(day__gte=first, day__lte=last).delete()
    rows, agent_rows = queries.count_rollups(first, last)
    _store(ChatDay, rows)
    _store(ChatAgentDay, agent_rows)
    derive(first=first, last=last)
    return len(rows) + len(agent_rows)


@transaction.atomic
def derive(*, first: datetime.date, last: datetime.date) -> None:
    """Recount what is derived from the day rollup: the figures of the days from `first` to `last`, and the month
    and quarter rollups of every month and quarter they fall in (from all its stored days, also those older than the
    raw rows), finer before coarser."""
    _one_at_a_time()
    ChatDayFigures.objects.filter(day__gte=first, day__lte=last).delete()
    ChatDayFigures.objects.bulk_create(queries.day_figures_rows(first, last), batch_size=1000)
    month = first.replace(day=1)
    while month <= last:
        for model in (ChatMonth, ChatAgentMonth, ChatTeamMonth):
            model.objects.filter(day=month).delete()  # type: ignore[attr-defined]
        months, agent_months = queries.month_rows(month)
        _store(ChatMonth, months)
        _store(ChatAgentMonth, agent_months)
        _store(ChatTeamMonth, queries.team_month_rows(month))
        month = queries.next_month(month)
    quarter = queries.quarter_of(first)
    while quarter <= last:
        ChatAgentQuarter.objects.filter(day=quarter).delete()
        _store(ChatAgentQuarter, queries.agent_quarter_rows(quarter))
        quarter = queries.next_quarter(quarter)


def rebuild_recent(*, now: datetime.datetime | None = None) -> int:
    """The daily task's part: the last few days up to yesterday (today is always counted live)."""
    today = timezone.localdate(now or timezone.now())
    return rebuild(first=today - datetime.timedelta(days=RECOUNT_DAYS), last=today - datetime.timedelta(days=1))


@transaction.atomic
def rebuild_email(*, first: datetime.date, last: datetime.date) -> int:
    """Recount the e-mail rollup of the days from `first` to `last` from the raw rows, in one transaction, and the
    months and quarters they fall in."""
    _one_at_a_time()
    written = _recount_email(first, last)
    derive_email(queries.days(first, last))
    return written


def _recount_email(first: datetime.date, last: datetime.date) -> int:
    for model in (EmailDay, EmailGroupDay, EmailFlow):
        model.objects.filter(day__gte=first, day__lte=last).delete()  # type: ignore[attr-defined]
    counted = queries.count_email(first, last)
    EmailDay.objects.bulk_create(counted.days, batch_size=1000)
    _store(EmailGroupDay, counted.groups)
    EmailFlow.objects.bulk_create(counted.flows, batch_size=1000)
    return len(counted.days) + len(counted.groups) + len(counted.flows)


def derive_email(days: list[datetime.date]) -> None:
    """Add up again the e-mail groups' months, then quarters, that hold any of `days`, from all their stored days."""
    months = sorted({day.replace(day=1) for day in days})
    for month in months:
        EmailGroupMonth.objects.filter(day=month).delete()
        rows = queries.email_unit_rows(EmailGroupMonth, EmailGroupDay, month, queries.next_month(month))
        _store(EmailGroupMonth, rows)
    for quarter in sorted({queries.quarter_of(month) for month in months}):
        EmailGroupQuarter.objects.filter(day=quarter).delete()
        _store(
            EmailGroupQuarter,
            queries.email_unit_rows(EmailGroupQuarter, EmailGroupMonth, quarter, queries.next_quarter(quarter)),
        )


def mark_email_day(received_at: datetime.datetime | None) -> None:
    """A case received at `received_at` changed: its day's e-mail rollup is counted again before it is read."""
    if received_at is not None:
        EmailStale.objects.create(day=received_at.astimezone(queries.zone()).date())


def refresh_email(*, now: datetime.datetime | None = None) -> int:
    """Recount the days before today that a change marked (today is counted live), after any recount under way
    elsewhere (see _one_at_a_time): a page that finds no marks does not wait for it. Returns how many days were
    recounted."""
    current = queries.today(now)
    if not EmailStale.objects.filter(day__lt=current).exists():
        return 0
    with transaction.atomic():
        _one_at_a_time()
        marks = list(
            EmailStale.objects.select_for_update(skip_locked=True).filter(day__lt=current).values_list("pk", "day")
        )
        if not marks:
            return 0
        stale = sorted({day for _, day in marks})
        for day in stale:
            _recount_email(day, day)
        derive_email(stale)
        EmailStale.objects.filter(pk__in=[pk for pk, _ in marks]).delete()
    return len(stale)
