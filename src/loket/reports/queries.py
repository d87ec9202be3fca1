"""Reads of the reports: chat histories from the raw rows, the daily rollup counted from them, and the figures the
pages, exports and wallboard show. Past days come from the rollup (ChatDay); today is always counted live."""

import datetime
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BigIntegerField, F, Func, OuterRef, Subquery
from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.chat import queries as chat_queries
from loket.chat.models import Agent, Conversation, Message, QueueEntry
from loket.reports import definitions as d
from loket.reports import levels
from loket.reports.models import (
    ChatAgentDay,
    ChatAgentMonth,
    ChatAgentQuarter,
    ChatCounts,
    ChatDay,
    ChatDayFigures,
    ChatMonth,
    ChatTeamMonth,
    EmailDay,
    EmailFlow,
    EmailGroupDay,
    EmailGroupMonth,
    EmailGroupQuarter,
    TurnedAway,
)

MAX_DAYS = 366  # the longest period a report or export covers
EARLIEST = datetime.date(2000, 1, 1)


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)  # Europe/Brussels: a report's day is the service's day


def today(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(zone()).date()


def bounds(first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From local midnight before `first` to local midnight after `last` (a day has 23 or 25 hours at DST changes)."""
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone())
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone())
    return start, end


class _Microseconds(Func):
    """A moment as whole microseconds since 1970, exactly (PostgreSQL's EXTRACT gives a numeric). psycopg reads
    ten thousand of these in a few milliseconds; Django's reader of times with a zone took some 15-20 µs each, most
    of today's live recount (bench/reports)."""

    template = "CAST(EXTRACT(EPOCH FROM %(expressions)s) * 1000000 AS bigint)"
    output_field = BigIntegerField()


def histories(start: datetime.datetime, end: datetime.datetime) -> list[d.ChatHistory]:
    """Every chat offered from `start` to `end`: the conversation's creation is when it joined its first queue."""
    postgres = connection.vendor == "postgresql"

    def read(expression: Any) -> Any:
        return _Microseconds(expression) if postgres else expression

    def moment(value: Any) -> datetime.datetime | None:
        return d.EPOCH + datetime.timedelta(microseconds=value) if postgres and value is not None else value

    entries = QueueEntry.objects.filter(conversation=OuterRef("pk"))
    rows = (
        Conversation.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()  # any order; and no filter on first_team (below): it would run its subquery a second time
        .annotate(
            first_team=Subquery(entries.order_by("joined_at", "pk").values("team_id")[:1]),
            joined=read(F("created_at")),
            taken=read(
                Subquery(
                    entries.filter(outcome=QueueEntry.Outcome.SERVED).order_by("left_at", "pk").values("left_at")[:1]
                )
            ),
            ended=read(F("ended_at")),
            first_reply=read(
                Subquery(
                    Message.objects.filter(conversation=OuterRef("pk"), author=Message.Author.AGENT)
                    .order_by("seq")
                    .values("created_at")[:1]
                )
            ),
        )
        .values_list(
            "pk",
            "joined",
            "first_team",
            "topic_id",
            "agent_id",
            "language",
            "taken",
            "ended",
            "ending",
            "first_reply",
            "rating",
        )
    )
    # Transfers (to a colleague or to a team's queue) are in the audit trail, the one place that tells them apart
    # from a chat that went back to the queue because its agent's console was gone.
    transfers = Counter(
        AuditEntry.objects.filter(event="chat.transferred", at__gte=start).values_list("subject", flat=True)
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if postgres:
            # The estimate of three subqueries per chat passes PostgreSQL's threshold for compiling the query (JIT)
            # at a few thousand chats: the compilation took 56 ms of today's 260 ms recount, and saves nothing here.
            cursor.execute("SET LOCAL jit = off")
        found = list(rows)
    last_agents = _last_agents([pk for pk, _, _, _, agent_id, _, taken, *_ in found if taken and agent_id is None])
    return [
        d.ChatHistory(
            joined_at=moment(joined),  # type: ignore[arg-type]
            team_id=team_id,
            topic_id=topic_id,
            agent_id=(agent_id or last_agents.get(pk)) if taken else None,
            language=language,
            taken_at=moment(taken),
            ended_at=moment(ended),
            ending=ending,
            first_reply_at=moment(first_reply),
            transfers=transfers[f"conversation:{pk}"],
            rating=rating,
        )
        for pk, joined, team_id, topic_id, agent_id, language, taken, ended, ending, first_reply, rating in found
        if team_id is not None  # no first queue (or its team): not offered
    ]


def _last_agents(conversations: list[int]) -> dict[int, int]:
    """The agent who last had each of these chats, which were taken but have no agent now: they went back to a
    queue (a transfer to a team, or the console gone) and ended there. Their agent is the one who took them last (or
    took them over), from the audit trail; rare, so a query only when there are any."""
    if not conversations:
        return {}
    subjects = {f"conversation:{pk}": pk for pk in conversations}
    takers: dict[int, int] = {}
    for subject, user_id in (
        AuditEntry.objects.filter(event__in=("chat.taken", "chat.taken-over"), subject__in=list(subjects))
        .order_by("at", "pk")
        .values_list("subject", "actor_id")
    ):
        takers[subjects[subject]] = user_id  # the last one stays
    agents = dict(Agent.objects.filter(user_id__in=set(takers.values())).values_list("user_id", "pk"))
    return {pk: agents[user_id] for pk, user_id in takers.items() if user_id in agents}


def _bump(counts: dict[str, Any], value: int | None) -> None:
    if value is not None:
        counts[str(value)] = counts.get(str(value), 0) + 1


def count_rollups(first: datetime.date, last: datetime.date) -> tuple[list[ChatDay], list[ChatAgentDay]]:
    """The rollup rows (not saved) of the days from `first` to `last`, counted from the raw rows in one pass: per
    team, topic and language, and per team and agent."""
    start, end = bounds(first, last)
    rows: dict[tuple[Any, ...], ChatDay] = {}
    agent_rows: dict[tuple[Any, ...], ChatAgentDay] = {}

    def row(day: datetime.date, team: int | None, topic: int | None, language: str) -> ChatDay:
        key = (day, team, topic, language)
        if key not in rows:
            rows[key] = ChatDay(
                day=day, team_id=team, topic_id=topic, language=language, ratings={}, waits={}, first_responses={},
                handle_times={}, hours={},
            )  # fmt: skip
        return rows[key]

    def agent_row(day: datetime.date, team: int | None, agent: int | None) -> ChatAgentDay:
        key = (day, team, agent)
        if key not in agent_rows:
            agent_rows[key] = ChatAgentDay(
                day=day, team_id=team, agent_id=agent, ratings={}, waits={}, first_responses={}, handle_times={}
            )
        return agent_rows[key]

    service_zone = zone()
    for chat in histories(start, end):
        local = chat.joined_at.astimezone(service_zone)
        kind = d.outcome(chat)
        # Each figure once per chat (not once per row it is added to): today's live recount is this loop.
        short, in_time, wait = d.is_short_abandon(chat), d.answered_in_time(chat), d.wait_seconds(chat)
        first_response, handle = d.first_response_seconds(chat), d.handle_seconds(chat)
        target = row(local.date(), chat.team_id, chat.topic_id, chat.language)
        for counts in (target, agent_row(local.date(), chat.team_id, chat.agent_id)):
            counts.offered += 1
            counts.answered += kind == d.ANSWERED
            counts.abandoned += kind == d.ABANDONED
            counts.expired += kind == d.EXPIRED
            counts.short_abandoned += short
            counts.answered_in_time += in_time
            counts.transfers += chat.transfers
            _bump(counts.ratings, chat.rating)
            if kind == d.ANSWERED:
                _bump(counts.waits, wait)
            _bump(counts.first_responses, first_response)
            _bump(counts.handle_times, handle)
        hour = target.hours.setdefault(str(local.hour), [0, 0, 0])
        hour[0] += 1
        hour[1] += kind == d.ANSWERED
        hour[2] += kind == d.ABANDONED
    for at, team_id, topic_id, language in TurnedAway.objects.filter(at__gte=start, at__lt=end).values_list(
        "at", "team_id", "topic_id", "language"
    ):
        day = at.astimezone(zone()).date()
        row(day, team_id, topic_id, language).turned_away += 1
        agent_row(day, team_id, None).turned_away += 1
    return list(rows.values()), list(agent_rows.values())


TODAY_FRESH_SECONDS = 5


def todays_rollups(current: datetime.date) -> tuple[list[ChatDay], list[ChatAgentDay]]:
    """Today's rows, counted from the raw rows at most every few seconds: with a year of history a recount costs
    about as much as the rest of a report, and several managers open reports at once."""
    found = cache.get_or_set(
        f"loket:reports:today:{current}", lambda: count_rollups(current, current), TODAY_FRESH_SECONDS
    )
    assert found is not None
    return found  # type: ignore[no-any-return]


def count_days(first: datetime.date, last: datetime.date) -> list[ChatDay]:
    return count_rollups(first, last)[0]


def chat_days(
    first: datetime.date, last: datetime.date, *, team_id: int | None = None, now: datetime.datetime | None = None,
    per_agent: bool = False,
) -> list[ChatCounts]:  # fmt: skip
    """The rollup rows of a period (per topic and language, or `per_agent`): stored ones for the days before today,
    today's counted now."""
    current = today(now)
    model: type[ChatCounts] = ChatAgentDay if per_agent else ChatDay
    stored = model.objects.filter(day__gte=first, day__lte=min(last, current - datetime.timedelta(days=1)))  # type: ignore[attr-defined]
    if team_id is not None:
        stored = stored.filter(team_id=team_id)
    if not per_agent:
        stored = stored.defer("hours")  # only the report by hour of the week reads them (see hour_days)
    found: list[ChatCounts] = list(stored)
    if first <= current <= last:
        live = todays_rollups(current)[1 if per_agent else 0]
        found += [row for row in live if team_id is None or row.team_id == team_id]
    return found


def hour_days(first: datetime.date, last: datetime.date, *, team_id: int | None = None) -> list[Any]:
    """Only the days and hours (of ChatDayFigures, a row per day), for the report by hour of the week."""
    current = today()
    stored = ChatDayFigures.objects.filter(
        day__gte=first, day__lte=min(last, current - datetime.timedelta(days=1)), every_team=team_id is None
    )
    if team_id is not None:
        stored = stored.filter(team_id=team_id)
    found: list[Any] = list(stored.only("day", "hours"))
    if first <= current <= last:
        found += [row for row in todays_rollups(current)[0] if team_id is None or row.team_id == team_id]
    return found


@dataclass
class Figures:
    """The chat figures of any set of rollup rows (a day, a team, a period)."""

    offered: int = 0
    answered: int = 0
    answered_in_time: int = 0
    abandoned: int = 0
    short_abandoned: int = 0
    expired: int = 0
    turned_away: int = 0
    transfers: int = 0
    ratings: dict[int, int] = field(default_factory=dict)
    waits: dict[int, int] = field(default_factory=dict)
    first_responses: dict[int, int] = field(default_factory=dict)
    handle_times: dict[int, int] = field(default_factory=dict)
    # The percentiles as stored (ChatDayFigures), whose histograms are not kept: such figures cannot be added to.
    ready: dict[str, int | None] = field(default_factory=dict)

    COUNTS = (
        "offered", "answered", "answered_in_time", "abandoned", "short_abandoned", "expired", "turned_away",
        "transfers",
    )  # fmt: skip
    HISTOGRAMS = ("ratings", "waits", "first_responses", "handle_times")
    PERCENTILES = ("wait_p50", "wait_p90", "first_response_p50", "handle_p50")

    def add(self, row: ChatCounts, histograms: tuple[str, ...] = HISTOGRAMS) -> None:
        assert not self.ready
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(row, name))
        for name in histograms:
            mine = getattr(self, name)
            for value, count in getattr(row, name).items():
                mine[int(value)] = mine.get(int(value), 0) + count

    def merge(self, other: "Figures", sign: int = 1) -> None:
        """Add another set's figures (cheaper than adding its rows again: a few groups, not thousands of rows), or
        take them away (`sign` -1: a month's figures less some of its days)."""
        assert not self.ready and not other.ready
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + sign * getattr(other, name))
        for name in self.HISTOGRAMS:
            mine = getattr(self, name)
            for value, count in getattr(other, name).items():
                mine[value] = mine.get(value, 0) + sign * count
                if not mine[value]:
                    del mine[value]

    @property
    def service_level(self) -> float | None:
        return d.service_level(
            offered=self.offered, short_abandoned=self.short_abandoned, answered_in_time=self.answered_in_time
        )

    @property
    def wait_p50(self) -> int | None:
        return self.ready["wait_p50"] if self.ready else d.percentile(self.waits, 50)

    @property
    def wait_p90(self) -> int | None:
        return self.ready["wait_p90"] if self.ready else d.percentile(self.waits, 90)

    @property
    def first_response_p50(self) -> int | None:
        return self.ready["first_response_p50"] if self.ready else d.percentile(self.first_responses, 50)

    @property
    def handle_p50(self) -> int | None:
        return self.ready["handle_p50"] if self.ready else d.percentile(self.handle_times, 50)

    @property
    def rating_count(self) -> int:
        return sum(self.ratings.values())

    @property
    def rating_average(self) -> float | None:
        return d.rating_average(self.ratings)

    @property
    def response_rate(self) -> float | None:
        return d.response_rate(ratings=self.rating_count, answered=self.answered)

    @property
    def rating_distribution(self) -> list[tuple[int, int]]:
        return [(score, self.ratings.get(score, 0)) for score in range(1, 6)]


def figures(rows: Iterable[ChatCounts]) -> Figures:
    total = Figures()
    for row in rows:
        total.add(row)
    return total


K = TypeVar("K", bound=Hashable)


def combined(groups: Iterable[Figures]) -> Figures:
    total = Figures()
    for group in groups:
        total.merge(group)
    return total


def grouped(rows: Iterable[Any], key: Callable[[Any], K]) -> dict[K, Figures]:
    found: dict[K, Figures] = {}
    for row in rows:
        found.setdefault(key(row), Figures()).add(row)
    return found


def days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


CHAT_COLUMNS = ("day", "team_id", "topic_id", "language", "agent_id")  # what chat_figures may group by


Ranges = list[tuple[datetime.date, datetime.date]]


def _where(ranges: Ranges, team_id: int | None, every_team: bool | None) -> tuple[str, list[Any]]:
    """SQL over a rollup row `r`: its day in one of the ranges, of the team, of every team together or not."""
    where = "(" + " OR ".join("(r.day >= %s AND r.day <= %s)" for _ in ranges) + ")"
    params: list[Any] = [day for pair in ranges for day in pair]
    if team_id is not None:
        where, params = where + " AND r.team_id = %s", [*params, team_id]
    if every_team is not None:
        where, params = where + " AND r.every_team = %s", [*params, every_team]
    return where, params


def _merged_chat(
    parts: list[tuple[type[Any], Ranges, int]], by: tuple[str, ...], team_id: int | None,
    every_team: bool | None = None, histograms: tuple[str, ...] = Figures.HISTOGRAMS,
) -> dict[tuple[Any, ...], Figures]:  # fmt: skip
    """The figures per group of stored rows: of each part (model, day ranges, sign: 1 to add, -1 to take away) the
    rows whose day is in one of its ranges (and, for the models per team, that are or are not those of every team
    together). Counts are summed per part; the histograms of all parts are merged by one query, so that their
    entries (a year of day rows holds some 1.4 million) are never decoded and added in Python (docs/benchmarks.md)."""
    from django.db.models import Q, Sum

    assert all(column in CHAT_COLUMNS for column in by)  # names, never input
    found: dict[tuple[Any, ...], Figures] = {}
    selects: list[str] = []
    params: list[Any] = []
    each = "jsonb_each_text" if connection.vendor == "postgresql" else "json_each"
    columns = "".join(f"r.{column} AS {column}, " for column in by)
    for model, ranges, sign in parts:
        if not ranges:
            continue
        stored = model.objects.filter(Q.create([Q(day__gte=a, day__lte=b) for a, b in ranges], connector=Q.OR))
        if team_id is not None:
            stored = stored.filter(team_id=team_id)
        if every_team is not None:
            stored = stored.filter(every_team=every_team)
        where, where_params = _where(ranges, team_id, every_team)
        sums = stored.values(*by).annotate(**{name: Sum(name) for name in Figures.COUNTS}) if by else [
            stored.aggregate(**{name: Sum(name) for name in Figures.COUNTS})
        ]  # fmt: skip
        for row in sums:
            if row["offered"] is not None:  # an aggregate over no rows
                figures = found.setdefault(tuple(row[c] for c in by), Figures())
                for name in Figures.COUNTS:
                    setattr(figures, name, getattr(figures, name) + sign * row[name])
        for name in histograms:  # numbers and values as integers: cheaper to group
            number = Figures.HISTOGRAMS.index(name)
            selects.append(
                f"SELECT {columns}{number} AS name, CAST(h.key AS integer) AS value, "  # noqa: S608
                f"{int(sign)} * CAST(h.value AS integer) AS n FROM {model._meta.db_table} r, {each}(r.{name}) h "
                f"WHERE {where}"
            )
            params += where_params
    if not selects:
        return found
    outer = "".join(f"{column}, " for column in by)
    sql = (
        f"SELECT {outer}name, value, SUM(n) FROM ({' UNION ALL '.join(selects)}) parts "  # noqa: S608
        f"GROUP BY {outer}name, value HAVING SUM(n) <> 0"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for *key, name, value, count in cursor.fetchall():
            if by and by[0] == "day" and isinstance(key[0], str):  # SQLite's raw rows give dates as text
                key[0] = datetime.date.fromisoformat(key[0])
            getattr(found[tuple(key)], Figures.HISTOGRAMS[name])[value] = count
    return found


def next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def quarter_of(day: datetime.date) -> datetime.date:
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)


def next_quarter(day: datetime.date) -> datetime.date:
    return next_month(next_month(next_month(quarter_of(day))))


# A coarser unit: where it begins (for a day in it) and where the next one begins.
UNITS: dict[str, tuple[Callable[[datetime.date], datetime.date], Callable[[datetime.date], datetime.date]]] = {
    "quarter": (quarter_of, next_quarter),
    "month": (lambda day: day.replace(day=1), next_month),
}


def pieces(
    first: datetime.date, last: datetime.date, levels: tuple[str, ...]
) -> list[tuple[str, datetime.date, datetime.date, int]]:
    """How to add a period up from rows of the `levels` (coarsest first, then "day"): (level, first, last, sign).
    A unit mostly in the period is read whole, less its days outside it (exact: counts add and take away; those days
    themselves from the finer levels); a unit mostly outside is split into the finer ones. A unit's row holds every
    stored day of it, so a unit "up to yesterday" is its row alone."""
    if not levels:
        return [("day", first, last, 1)] if first <= last else []
    start_of, following = UNITS[levels[0]]
    found: list[tuple[str, datetime.date, datetime.date, int]] = []
    unit = start_of(first)
    while unit <= last:
        end = following(unit) - datetime.timedelta(days=1)
        inside = (max(first, unit), min(last, end))
        outside = [(unit, inside[0] - datetime.timedelta(days=1)), (inside[1] + datetime.timedelta(days=1), end)]
        outside = [(a, b) for a, b in outside if a <= b]
        if sum((b - a).days + 1 for a, b in outside) < (inside[1] - inside[0]).days + 1:
            found.append((levels[0], unit, unit, 1))
            for a, b in outside:
                found += [(level, x, y, -sign) for level, x, y, sign in pieces(a, b, levels[1:])]
        else:
            found += pieces(*inside, levels[1:])
        unit = following(unit)
    return found


# The rollups a period is added up from, coarsest first: per topic and language; per agent; per team.
CHAT_LEVELS: dict[str, dict[str, type[Any]]] = {
    "topic": {"month": ChatMonth, "day": ChatDay},
    "agent": {"quarter": ChatAgentQuarter, "month": ChatAgentMonth, "day": ChatAgentDay},
    "team": {"month": ChatTeamMonth, "day": ChatDayFigures},
}


def _period_parts(
    models: dict[str, type[Any]], first: datetime.date, last: datetime.date
) -> list[tuple[type[Any], Ranges, int]]:
    """The rows (model, day ranges, sign) that add up to a period, coarsest first (see pieces())."""
    ranges: dict[tuple[str, int], Ranges] = {}
    for level, a, b, sign in pieces(first, last, tuple(models)[:-1]):
        ranges.setdefault((level, sign), []).append((a, b))
    return [(models[level], spans, sign) for (level, sign), spans in ranges.items()]


def _merged_period(
    rollup: str, by: tuple[str, ...], first: datetime.date, last: datetime.date, team_id: int | None
) -> dict[tuple[Any, ...], Figures]:
    """The figures of a period from the coarsest rows that add up to it, the histograms of all of them added up by
    one query. The rollup per team holds rows per team and for every team together: a total without a team reads
    the latter."""
    every_team = (by == () and team_id is None) if rollup == "team" else None
    found = _merged_chat(_period_parts(CHAT_LEVELS[rollup], first, last), by, team_id, every_team)
    return {key: f for key, f in found.items() if any(getattr(f, name) for name in Figures.COUNTS)}


# The percentiles of the agents' rollup, by the number of its histogram in ChatAgentCounts.LEVELLED.
AGENT_PERCENTILES = {"wait_p50": (0, 50), "wait_p90": (0, 90), "first_response_p50": (1, 50), "handle_p50": (2, 50)}


def _agent_figures(
    by: tuple[str, ...], first: datetime.date, last: datetime.date, team_id: int | None, live: list[ChatAgentDay]
) -> dict[tuple[Any, ...], Figures]:
    """Per agent (or team and agent): counts and ratings as _merged_period's, the percentiles from the two-level
    histograms (levels.py), so that a year of forty agents adds up some 10,000 buckets instead of 290,000 values.
    `live`: today's rows. The figures come with their percentiles ready."""
    parts = _period_parts(CHAT_LEVELS["agent"], first, last)
    found = _merged_chat(parts, by, team_id, histograms=("ratings",))
    for row in live:
        found.setdefault(tuple(getattr(row, column) for column in by), Figures()).add(row, histograms=("ratings",))
    wanted: dict[int, list[float]] = {}
    for number, p in AGENT_PERCENTILES.values():
        wanted.setdefault(number, []).append(p)
    ready = levels.percentiles(
        [levels.Part(model._meta.db_table, *_where(ranges, team_id, None), sign) for model, ranges, sign in parts],
        [(f"r.{column}", "varchar(8)" if column == "language" else "integer") for column in by],
        wanted,
        scale=ChatAgentDay.SCALE,
        value=int,
        live=[
            (tuple(getattr(row, column) for column in by), [getattr(row, name) for name in ChatAgentDay.LEVELLED])
            for row in live
        ],
    )
    for key, f in found.items():
        mine = ready.get(key, {})
        f.ready = {name: mine.get(number, {}).get(p) for name, (number, p) in AGENT_PERCENTILES.items()}
    return {key: f for key, f in found.items() if any(getattr(f, name) for name in Figures.COUNTS)}


def _day_figures(
    by: tuple[str, ...], first: datetime.date, last: datetime.date, team_id: int | None
) -> dict[tuple[Any, ...], Figures]:
    """Per day, or per day and team: the stored ChatDayFigures, percentiles ready."""
    assert by in (("day",), ("day", "team_id"))
    stored = ChatDayFigures.objects.filter(day__gte=first, day__lte=last, every_team=by == ("day",) and team_id is None)
    if team_id is not None:
        stored = stored.filter(team_id=team_id)
    return {
        tuple(getattr(row, column) for column in by): Figures(
            **{name: getattr(row, name) for name in Figures.COUNTS},
            ratings={int(score): count for score, count in row.ratings.items()},
            ready={name: getattr(row, name) for name in Figures.PERCENTILES},
        )
        for row in stored.defer("hours", "waits", "first_responses", "handle_times")
    }


def chat_figures(
    first: datetime.date, last: datetime.date, by: tuple[str, ...] = (), *, team_id: int | None = None,
    per_agent: bool = False, now: datetime.datetime | None = None,
) -> dict[tuple[Any, ...], Figures]:  # fmt: skip
    """The chat figures of a period per group (`by`: columns of CHAT_COLUMNS; none: one group, the whole period,
    keyed by ()), today's counted now. Per day (and team) from ChatDayFigures; else from the coarsest rollup rows
    that add up to the period (CHAT_LEVELS: the total and per team from ChatTeamMonth and ChatDayFigures, per agent
    from ChatAgentQuarter, ChatAgentMonth and ChatAgentDay with their percentiles from two levels, else ChatMonth
    and ChatDay), histograms merged by the database. The same figures as chat_days' rows grouped in Python, without
    reading a histogram into Python."""
    current = today(now)
    stored_last = min(last, current - datetime.timedelta(days=1))
    live = [
        row
        for row in (todays_rollups(current)[1 if per_agent else 0] if first <= current <= last else [])
        if team_id is None or row.team_id == team_id
    ]
    if "day" in by:
        found = _day_figures(by, first, stored_last, team_id)
    elif per_agent:
        return _agent_figures(by, first, stored_last, team_id, live)  # type: ignore[arg-type]
    else:
        found = _merged_period("team" if by in ((), ("team_id",)) else "topic", by, first, stored_last, team_id)
    for row in live:
        found.setdefault(tuple(getattr(row, column) for column in by), Figures()).add(row)
    return found


def day_figures_rows(first: datetime.date, last: datetime.date) -> list[ChatDayFigures]:
    """The figures (not saved) of the days from `first` to `last` per team and for every team, from ChatDay."""
    hours: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    for day, team_id, row_hours in ChatDay.objects.filter(day__gte=first, day__lte=last).values_list(
        "day", "team_id", "hours"
    ):
        for key in ((day, team_id, False), (day, None, True)):
            target = hours.setdefault(key, {})
            for hour, counts in row_hours.items():
                cell = target.setdefault(hour, [0, 0, 0])
                for i in range(3):
                    cell[i] += counts[i]
    found = []
    for by, every_team in ((("day", "team_id"), False), (("day",), True)):
        for key, f in _merged_chat([(ChatDay, [(first, last)], 1)], by, None).items():
            day, team_id = key[0], None if every_team else key[1]
            found.append(ChatDayFigures(
                day=day, team_id=team_id, every_team=every_team, hours=hours.get((day, team_id, every_team), {}),
                **{name: getattr(f, name) for name in (*Figures.COUNTS, *Figures.PERCENTILES)},
                **_histograms(f),
            ))  # fmt: skip
    return found


def _histograms(f: Figures) -> dict[str, dict[str, int]]:
    return {name: {str(k): v for k, v in getattr(f, name).items()} for name in Figures.HISTOGRAMS}


def _added_up(model: type[Any], source: type[Any], by: tuple[str, ...], ranges: Ranges, **fixed: Any) -> list[Any]:
    """Rows of `model` (not saved) for the unit that begins on ranges[0][0], added up from `source`'s rows."""
    return [
        model(day=ranges[0][0], **dict(zip(by, key, strict=True)), **fixed,
              **{name: getattr(f, name) for name in Figures.COUNTS}, **_histograms(f))
        for key, f in _merged_chat([(source, ranges, 1)], by, None).items()
    ]  # fmt: skip


def month_rows(month: datetime.date) -> tuple[list[ChatMonth], list[ChatAgentMonth]]:
    """The month rollup (not saved) of the month that begins on `month`, added up from its stored day rows."""
    days = [(month, next_month(month) - datetime.timedelta(days=1))]
    return _added_up(ChatMonth, ChatDay, ("team_id", "topic_id", "language"), days), _added_up(
        ChatAgentMonth, ChatAgentDay, ("team_id", "agent_id"), days
    )


def team_month_rows(month: datetime.date) -> list[ChatTeamMonth]:
    """The month's rows per team and for every team (not saved), added up from its stored ChatMonth rows."""
    return _added_up(ChatTeamMonth, ChatMonth, ("team_id",), [(month, month)], every_team=False) + _added_up(
        ChatTeamMonth, ChatMonth, (), [(month, month)], every_team=True
    )


def agent_quarter_rows(quarter: datetime.date) -> list[ChatAgentQuarter]:
    """The quarter's rows per team and agent (not saved), added up from its stored ChatAgentMonth rows."""
    months = [(quarter, next_month(next_month(quarter)))]
    return _added_up(ChatAgentQuarter, ChatAgentMonth, ("team_id", "agent_id"), months)


def hours_of_week(rows: Iterable[ChatDay]) -> list[list[list[int]]]:
    """[weekday 0-6][hour 0-23] = [offered, answered, abandoned]."""
    grid = [[[0, 0, 0] for _ in range(24)] for _ in range(7)]
    for row in rows:
        for hour, counts in row.hours.items():
            cell = grid[row.day.weekday()][int(hour)]
            for i in range(3):
                cell[i] += counts[i]
    return grid


def wallboard(now: datetime.datetime | None = None) -> dict[str, Any]:
    """Today's figures for the screen on the wall: offered, answered, abandoned, service level, the longest wait now
    (seconds, or None when nobody waits) and the agents available now."""
    now = now or timezone.now()
    total = figures(todays_rollups(today(now))[0])
    oldest = QueueEntry.objects.filter(left_at=None).order_by("joined_at").values_list("joined_at", flat=True).first()
    return {
        "offered": total.offered,
        "answered": total.answered,
        "abandoned": total.abandoned,
        "service_level": total.service_level,
        "longest_wait": d.seconds(oldest, now) if oldest else None,
        "agents_available": chat_queries.present_agents(now=now).count(),
    }


def agent_names(ids: Iterable[int | None]) -> dict[int, str]:
    return {
        agent.pk: agent.display_name
        for agent in Agent.objects.filter(pk__in=[i for i in ids if i is not None]).select_related("user")
    }


# --- E-mail (counted from the raw rows: far fewer than chat messages) ------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    received_at: datetime.datetime
    by_form: bool  # the contact form (it mails the service and a copy); else a mail that opened the case
    topic_id: int
    language: str
    assignee_id: int | None
    first_answer_at: datetime.datetime | None  # the first answer's mail was sent
    closed_at: datetime.datetime | None


def case_facts(start: datetime.datetime, end: datetime.datetime) -> list[CaseFacts]:
    """Three plain queries rather than one with a subquery and an aggregate per case: on a year of cases the joined
    form took seconds."""
    from django.db.models import Min

    from loket.contact.models import Case, OutgoingMail

    in_period = {"case__created_at__gte": start, "case__created_at__lt": end}
    by_form = set(
        OutgoingMail.objects.filter(kind=OutgoingMail.Kind.SERVICE, **in_period).values_list("case_id", flat=True)
    )
    answered = dict(
        OutgoingMail.objects.filter(kind=OutgoingMail.Kind.ANSWER, sent_at__isnull=False, **in_period)
        .values("case_id")
        .annotate(first=Min("sent_at"))
        .values_list("case_id", "first")
    )
    rows = Case.objects.filter(created_at__gte=start, created_at__lt=end).values_list(
        "pk", "created_at", "topic_id", "language", "assignee_id", "closed_at"
    )
    return [
        CaseFacts(created, pk in by_form, topic_id, language, assignee_id, answered.get(pk), closed)
        for pk, created, topic_id, language, assignee_id, closed in rows.iterator(chunk_size=10_000)
    ]


@dataclass
class EmailRollup:
    """The e-mail rollup rows of some days (not saved): per day, per day and group, and the flows of the backlog."""

    days: list[EmailDay]
    groups: list[EmailGroupDay]
    flows: list[EmailFlow]


def count_email(first: datetime.date, last: datetime.date) -> EmailRollup:
    """The e-mail rollup of the days from `first` to `last`, counted from the raw rows (case_facts) in one pass."""
    start, end = bounds(first, last)
    days: dict[datetime.date, tuple[EmailDay, Counter[float], Counter[float]]] = {}
    groups: dict[tuple[Any, ...], EmailGroupDay] = {}
    flows: dict[tuple[datetime.date, datetime.date | None], EmailFlow] = {}
    for case in case_facts(start, end):
        day = case.received_at.astimezone(zone()).date()
        if day not in days:
            days[day] = (EmailDay(day=day), Counter(), Counter())
        whole, responses, resolutions = days[day]
        key = (day, case.topic_id, case.language, case.assignee_id)
        if key not in groups:
            groups[key] = EmailGroupDay(
                day=day, topic_id=case.topic_id, language=case.language, assignee_id=case.assignee_id,
                first_responses={}, resolutions={},
            )  # fmt: skip
        group = groups[key]
        for row in (whole, group):
            row.received += 1
            row.by_form += case.by_form
            row.answered += case.first_answer_at is not None
            row.closed += case.closed_at is not None
        if case.first_answer_at is not None:
            response = d.hours(d.seconds(case.received_at, case.first_answer_at))
            responses[response] += 1
            _bump(group.first_responses, response)  # type: ignore[arg-type]
        if case.closed_at is not None:
            resolution = d.hours(d.seconds(case.received_at, case.closed_at))
            resolutions[resolution] += 1
            _bump(group.resolutions, resolution)  # type: ignore[arg-type]
        closed_day = case.closed_at.astimezone(zone()).date() if case.closed_at is not None else None
        flow = flows.setdefault((day, closed_day), EmailFlow(day=day, closed_day=closed_day))
        flow.count += 1
        flow.received_sum += d.microseconds(case.received_at)
    for whole, responses, resolutions in days.values():
        whole.first_response_p50, whole.first_response_p90 = d.percentile(responses, 50), d.percentile(responses, 90)
        whole.resolution_p50, whole.resolution_p90 = d.percentile(resolutions, 50), d.percentile(resolutions, 90)
    return EmailRollup([row for row, _, _ in days.values()], list(groups.values()), list(flows.values()))


def todays_email(current: datetime.date) -> EmailRollup:
    """Today's e-mail rollup, counted from the raw rows at most every few seconds (as todays_rollups for chat)."""
    found = cache.get_or_set(
        f"loket:reports:email-today:{current}", lambda: count_email(current, current), TODAY_FRESH_SECONDS
    )
    assert found is not None
    return found  # type: ignore[no-any-return]


def _until_yesterday(first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date, bool]:
    """The stored days of a period (up to yesterday), and whether today is in it (counted live)."""
    current = today()
    return first, min(last, current - datetime.timedelta(days=1)), first <= current <= last


def email_days(first: datetime.date, last: datetime.date) -> dict[datetime.date, EmailDay]:
    """The e-mail figures of each day of a period that received cases."""
    first, stored_last, live = _until_yesterday(first, last)
    found = {row.day: row for row in EmailDay.objects.filter(day__gte=first, day__lte=stored_last)}
    if live:
        found.update((row.day, row) for row in todays_email(today()).days)
    return found


@dataclass
class EmailFigures:
    """The e-mail figures of a group of cases (a topic, a language, an assignee) over a period (hours)."""

    received: int = 0
    by_form: int = 0
    answered: int = 0
    closed: int = 0
    first_response_p50: float | None = None
    first_response_p90: float | None = None
    resolution_p50: float | None = None
    resolution_p90: float | None = None


EMAIL_GROUPS = ("topic_id", "language", "assignee_id")
EMAIL_COUNTS = ("received", "by_form", "answered", "closed")
EMAIL_LEVELS: dict[str, type[Any]] = {"quarter": EmailGroupQuarter, "month": EmailGroupMonth, "day": EmailGroupDay}
# The percentiles, by the number of their histogram in EmailGroupCounts.LEVELLED.
EMAIL_PERCENTILES = {
    "first_response_p50": (0, 50), "first_response_p90": (0, 90), "resolution_p50": (1, 50), "resolution_p90": (1, 90),
}  # fmt: skip


def _email_group(column: str) -> tuple[str, str]:
    """The SQL (over a rollup row `r`) and type of a group: an assignee who was removed is nobody, as the raw rows
    say once the user is gone."""
    from django.contrib.auth import get_user_model

    assert column in EMAIL_GROUPS  # names, never input
    if column == "language":
        return "r.language", "varchar(8)"
    if column == "assignee_id":
        users = get_user_model()._meta
        known = f"SELECT {users.pk.column} FROM {users.db_table}"  # noqa: S608 - names of the model, never input
        return f"CASE WHEN r.assignee_id IN ({known}) THEN r.assignee_id END", "integer"
    return f"r.{column}", "integer"


def email_groups(first: datetime.date, last: datetime.date, column: str) -> dict[Any, EmailFigures]:
    """The e-mail figures of a period per topic_id, language or assignee_id of the rollup rows: from the coarsest
    rows that add up to the period (quarters, months, days), the percentiles from their two-level histograms."""
    from django.contrib.auth import get_user_model

    first, stored_last, live = _until_yesterday(first, last)
    expression, kind = _email_group(column)
    parts = [
        levels.Part(model._meta.db_table, *_where(ranges, None, None), sign)
        for model, ranges, sign in _period_parts(EMAIL_LEVELS, first, stored_last)
    ]
    found: dict[Any, EmailFigures] = {}
    if parts:
        selects = [
            f"SELECT {expression} AS g, "  # noqa: S608
            + ", ".join(f"{int(part.sign)} * r.{name} AS {name}" for name in EMAIL_COUNTS)
            + f" FROM {part.table} r WHERE {part.where}"
            for part in parts
        ]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT g, {', '.join(f'SUM({name})' for name in EMAIL_COUNTS)} "  # noqa: S608
                f"FROM ({' UNION ALL '.join(selects)}) parts GROUP BY g",
                [v for part in parts for v in part.params],
            )
            for key, *counts in cursor.fetchall():
                found[key] = EmailFigures(*(int(c) for c in counts))
    live_rows = [(getattr(row, column), row) for row in (todays_email(today()).groups if live else [])]
    if column == "assignee_id":
        users = set(get_user_model().objects.filter(pk__in={key for key, _ in live_rows}).values_list("pk", flat=True))
        live_rows = [(key if key in users else None, row) for key, row in live_rows]
    for key, row in live_rows:
        figures = found.setdefault(key, EmailFigures())
        for name in EMAIL_COUNTS:
            setattr(figures, name, getattr(figures, name) + getattr(row, name))
    wanted: dict[int, list[float]] = {}
    for number, p in EMAIL_PERCENTILES.values():
        wanted.setdefault(number, []).append(p)
    ready = levels.percentiles(
        parts, [(expression, kind)], wanted, scale=EmailGroupDay.SCALE, value=float,
        live=[((key,), [getattr(row, name) for name in EmailGroupDay.LEVELLED]) for key, row in live_rows],
    )  # fmt: skip
    for key, figures in found.items():
        mine = ready.get((key,), {})
        for name, (number, p) in EMAIL_PERCENTILES.items():
            setattr(figures, name, mine.get(number, {}).get(p))
    return {key: f for key, f in found.items() if f.received}


def email_unit_rows(model: type[Any], source: type[Any], start: datetime.date, following: datetime.date) -> list[Any]:
    """Rows of `model` (not saved) for the unit from `start` to the day before `following`, added up per topic,
    language and assignee from `source`'s rows (a month: some 300 rows of 60 values each; adding them up here is
    cheaper than expanding them in the database)."""
    found: dict[tuple[Any, ...], Any] = {}
    for row in source.objects.filter(day__gte=start, day__lt=following).defer("coarse", "fine"):
        key = (row.topic_id, row.language, row.assignee_id)
        if key not in found:
            found[key] = model(day=start, topic_id=row.topic_id, language=row.language, assignee_id=row.assignee_id,
                               first_responses={}, resolutions={})  # fmt: skip
        unit = found[key]
        for name in EMAIL_COUNTS:
            setattr(unit, name, getattr(unit, name) + getattr(row, name))
        for name in unit.LEVELLED:
            mine = getattr(unit, name)
            for value, count in getattr(row, name).items():
                mine[value] = mine.get(value, 0) + count
    return list(found.values())


def email_backlog(first: datetime.date, last: datetime.date) -> list[tuple[int, float | None]]:
    """Per day of the period: the cases open at its end and their average age (as open_cases_at, from the flows)."""
    from django.db.models import Q

    current = today()
    stored = EmailFlow.objects.filter(Q(closed_day=None) | Q(closed_day__gte=first), day__lte=last)
    flows = list(stored.filter(day__lt=current).values_list("day", "closed_day", "count", "received_sum"))
    if last >= current:
        flows += [(f.day, f.closed_day, f.count, f.received_sum) for f in todays_email(current).flows]
    arrived: Counter[datetime.date] = Counter()
    arrived_sum: Counter[datetime.date] = Counter()
    gone: Counter[datetime.date] = Counter()
    gone_sum: Counter[datetime.date] = Counter()
    for day, closed_day, count, total in flows:
        arrived[max(day, first)] += count
        arrived_sum[max(day, first)] += total
        if closed_day is not None:
            gone[max(closed_day, first)] += count
            gone_sum[max(closed_day, first)] += total
    found = []
    count = total = 0
    for day in days(first, last):
        count += arrived[day] - gone[day]
        total += arrived_sum[day] - gone_sum[day]
        found.append((count, d.average_age_days(count=count, at=bounds(day, day)[1], arrivals=total)))
    return found


def open_cases_at(moments: list[datetime.datetime]) -> list[tuple[int, float | None]]:
    """Per moment (the end of a day): the cases received before it and not closed by then, and their average age in
    days, counted from the raw rows (the reports read email_backlog(), which adds up the same from the rollup). A
    case reopened after closing counts as open from its reopening only (closed_at is cleared then)."""
    from bisect import bisect_left
    from itertools import accumulate

    from django.db.models import Q

    from loket.contact.models import Case

    if not moments:
        return []
    rows = Case.objects.filter(Q(closed_at=None) | Q(closed_at__gte=min(moments)), created_at__lt=max(moments))
    created: list[int] = []
    closed: list[tuple[int, int]] = []  # (closed, created) of the cases closed within the period
    for arrival, closing in rows.values_list("created_at", "closed_at").iterator(chunk_size=10_000):
        created.append(d.microseconds(arrival))
        if closing is not None:
            closed.append((d.microseconds(closing), d.microseconds(arrival)))
    created.sort()
    closed.sort()
    created_sums = [0, *accumulate(created)]
    closed_at = [c for c, _ in closed]
    closed_sums = [0, *accumulate(r for _, r in closed)]
    found = []
    for moment in moments:
        m = d.microseconds(moment)
        received, gone = bisect_left(created, m), bisect_left(closed_at, m)
        count = received - gone
        arrivals = created_sums[received] - closed_sums[gone]
        found.append((count, d.average_age_days(count=count, at=moment, arrivals=arrivals)))
    return found


def reopened_per_day(start: datetime.datetime, end: datetime.datetime) -> Counter[datetime.date]:
    """Cases set from closed to another status by staff (audit `case.updated`), per local day."""
    found: Counter[datetime.date] = Counter()
    # Only the entries of a reopening are read: every change of status or assignee is one, a year holds many.
    entries = AuditEntry.objects.filter(
        event="case.updated", at__gte=start, at__lt=end, details__changes__status__0="closed"
    )
    for at, details in entries.values_list("at", "details"):
        status = (details or {}).get("changes", {}).get("status")
        if isinstance(status, list) and status and status[0] == "closed":
            found[at.astimezone(zone()).date()] += 1
    return found


# --- Knowledge -----------------------------------------------------------------------------------------------------


def feedback_per_page(first: datetime.date, last: datetime.date) -> list[tuple[int, str, int, int]]:
    """(page id, title, useful, not useful) for every page answered in the period, most "not useful" first."""
    from django.db.models import Count, Q

    from loket.knowledge.models import Feedback

    start, end = bounds(first, last)
    rows = (
        Feedback.objects.filter(created_at__gte=start, created_at__lt=end)
        .values("page_id", "page__title")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by("-no", "page__title")
    )
    return [(row["page_id"], row["page__title"], row["yes"], row["no"]) for row in rows]


def unanswered_searches(first: datetime.date, last: datetime.date, limit: int = 500) -> list[tuple[str, str, int]]:
    """(text, language, times) of the searches that found nothing in the period, most frequent first."""
    from django.db.models import Sum

    from loket.knowledge.models import UnansweredSearch

    rows = (
        UnansweredSearch.objects.filter(day__gte=first, day__lte=last)
        .values("text", "language")
        .annotate(times=Sum("count"))
        .order_by("-times", "text")[:limit]
    )
    return [(row["text"], row["language"], row["times"]) for row in rows]


# --- The wallboards' live feed (reports/live.py) ---------------------------------------------------------------------


def todays_counts(now: datetime.datetime | None = None) -> dict[str, Any]:
    """Today's offered, answered, abandoned and service level, counted afresh: the live feed decides how often (the
    cached `todays_rollups` may be seconds behind the change that a board just announced)."""
    current = today(now)
    total = figures(count_rollups(current, current)[0])
    return {
        "offered": total.offered,
        "answered": total.answered,
        "abandoned": total.abandoned,
        "service_level": total.service_level,
    }


def screens_signed_out(screens: list[tuple[str, int]]) -> list[bool]:
    """For each wallboard's socket (its session key, its person): must it close? Its session ended or idled out, or
    its person may no longer see the reports (the consoles' rules, for `reports.view`)."""
    from django.contrib.auth import get_user_model

    from loket.security import sessions_signed_in

    ids = {user_id for _, user_id in screens}
    allowed = set(
        get_user_model().objects.with_perm("reports.view").filter(pk__in=ids).values_list("pk", flat=True)  # type: ignore[attr-defined]
    )
    return [
        not (ok and user_id in allowed) for ok, (_, user_id) in zip(sessions_signed_in(screens), screens, strict=True)
    ]
