"""The reports' tables: the same rows feed the page's table, its chart, and its CSV and XLSX exports. Column keys
are stable names for programs (docs/reports.md lists them); labels are for people, in their language."""

import datetime
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from loket.chat.models import Team
from loket.contact.models import Topic
from loket.reports import queries
from loket.reports.models import ChatDay
from loket.reports.queries import Figures

# The daily chat export's columns, exactly these first and in this order (issue #11); `team_name` follows.
CHAT_CSV_HEADER = (
    "date", "team", "offered", "answered", "abandoned", "short_abandoned", "expired", "turned_away", "service_level",
    "wait_p50_s", "wait_p90_s", "first_response_p50_s", "handle_p50_s", "transfers", "ratings", "rating_avg",
)  # fmt: skip
CHAT_BREAKDOWNS = ("team", "topic", "agent", "language", "day", "hour")


@dataclass
class Column:
    key: str
    label: str


@dataclass
class Table:
    caption: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)  # the first cell of each row labels it

    @property
    def header(self) -> list[str]:
        return [column.key for column in self.columns]


def figure_cells(f: Figures) -> list[Any]:
    return [
        f.offered, f.answered, f.abandoned, f.short_abandoned, f.expired, f.turned_away, f.service_level, f.wait_p50,
        f.wait_p90, f.first_response_p50, f.handle_p50, f.transfers, f.rating_count, f.rating_average,
    ]  # fmt: skip


def figure_columns() -> list[Column]:
    return [
        Column("offered", _("Offered")),
        Column("answered", _("Answered")),
        Column("abandoned", _("Abandoned")),
        Column("short_abandoned", _("Short abandoned")),
        Column("expired", _("Expired")),
        Column("turned_away", _("Turned away")),
        Column("service_level", _("Service level (%)")),
        Column("wait_p50_s", _("Wait, median (s)")),
        Column("wait_p90_s", _("Wait, 90th percentile (s)")),
        Column("first_response_p50_s", _("First response, median (s)")),
        Column("handle_p50_s", _("Handle time, median (s)")),
        Column("transfers", _("Transfers")),
        Column("ratings", _("Ratings")),
        Column("rating_avg", _("Average rating (1-5)")),
    ]


def daily_chat_rows(first: datetime.date, last: datetime.date, team_id: int | None) -> list[list[Any]]:
    """One row per day and team (every team, even on a day without chats; no total row)."""
    by_day_team = queries.chat_figures(first, last, ("day", "team_id"), team_id=team_id)
    teams = list(Team.objects.filter(pk=team_id) if team_id is not None else Team.objects.all())
    known = {team.pk for team in teams}
    names: dict[int | None, str] = {team.pk: str(team) for team in teams}
    others = sorted({t for _, t in by_day_team if t not in known}, key=lambda t: (t is not None, t or 0))
    rows = []
    for day in queries.days(first, last):
        for team in [*(team.pk for team in teams), *others]:
            if team in known or (day, team) in by_day_team:
                f = by_day_team.get((day, team), Figures())
                rows.append([day.isoformat(), "" if team is None else team, *figure_cells(f), names.get(team, "")])
    return rows


def _labels(breakdown: str, keys: list[Hashable]) -> dict[Hashable, str]:
    ids = [k for k in keys if isinstance(k, int)]
    if breakdown == "team":
        found: dict[Hashable, str] = {t.pk: str(t) for t in Team.objects.filter(pk__in=ids)}
    elif breakdown == "topic":
        found = {t.pk: str(t) for t in Topic.objects.filter(pk__in=ids)}
    elif breakdown == "agent":
        found = {pk: name for pk, name in queries.agent_names(ids).items()}
    elif breakdown == "language":
        found = dict(settings.LANGUAGES)
    else:
        found = {}
    none = {"agent": _("Not answered"), "team": _("No team")}.get(breakdown, _("Unknown"))
    return {
        key: found.get(key)
        or (none if key is None else _("Removed (%(id)s)") % {"id": key} if isinstance(key, int) else str(key))
        for key in keys
    }


BREAKDOWN_COLUMNS = {"team": "team_id", "topic": "topic_id", "agent": "agent_id", "language": "language", "day": "day"}


def breakdown_label(breakdown: str) -> str:
    return {
        "team": _("Team"),
        "topic": _("Topic"),
        "agent": _("Agent"),
        "language": _("Language"),
        "day": _("Day"),
        "hour": _("Hour of the week"),
    }[breakdown]


def chat_groups(
    first: datetime.date, last: datetime.date, breakdown: str, team_id: int | None
) -> dict[Hashable, Figures]:
    """The chat figures of a period per team, topic, agent, language or day (the agents' from their own rollup)."""
    found = queries.chat_figures(
        first, last, (BREAKDOWN_COLUMNS[breakdown],), team_id=team_id, per_agent=breakdown == "agent"
    )
    return {key: figures for (key,), figures in found.items()}


FEW_GROUPS = 12


def chat_total(
    first: datetime.date, last: datetime.date, team_id: int | None, groups: dict[Hashable, Figures] | None
) -> Figures:
    """The period's figures: added up from its groups when these are few and hold their histograms (teams, topics,
    languages), else by the database from the rollup per team (a dozen rows for a year): per day the groups hold only
    their percentiles, and merging forty agents' histograms in Python cost more than that query."""
    if groups and len(groups) <= FEW_GROUPS and not any(figures.ready for figures in groups.values()):
        return queries.combined(groups.values())
    return queries.chat_figures(first, last, team_id=team_id).get((), Figures())


def chat_table(groups: dict[Hashable, Figures], breakdown: str, first: datetime.date, last: datetime.date) -> Table:
    """The chat figures per team, topic, agent, language or day (every day of the period, also the quiet ones)."""
    labels: dict[Hashable, str]
    if breakdown == "day":
        keys: list[Hashable] = list(queries.days(first, last))
        labels = {day: formats.date_format(day, "D j M Y") for day in keys if isinstance(day, datetime.date)}
    else:
        keys = sorted(groups, key=lambda k: (k is None, str(k) if not isinstance(k, int) else f"{k:012d}"))
        labels = _labels(breakdown, keys)
    table = Table(
        caption=_("Chats per %(breakdown)s") % {"breakdown": breakdown_label(breakdown).lower()},
        columns=[Column(breakdown, breakdown_label(breakdown)), *figure_columns()],
    )
    for key in keys:
        table.rows.append([labels[key], *figure_cells(groups.get(key, Figures()))])
    if breakdown != "day":
        table.rows.sort(key=lambda row: str(row[0]).casefold())
    return table


def chart_categories(table: Table, breakdown: str, first: datetime.date, last: datetime.date) -> list[str]:
    """The chart's labels: the table's, with days written short ("2 nov") so a month of them fits."""
    if breakdown == "day":
        return [formats.date_format(day, "j M") for day in queries.days(first, last)]
    return [str(row[0]) for row in table.rows]


def weekday_names() -> list[str]:
    # Monday first, as the reports count weekdays (date.weekday()).
    monday = datetime.date(2024, 1, 1)
    return [formats.date_format(monday + datetime.timedelta(days=n), "l") for n in range(7)]


def hour_table(rows: list[ChatDay]) -> tuple[Table, list[list[list[int]]]]:
    """Offered, answered and abandoned per weekday and hour (Europe/Brussels)."""
    grid = queries.hours_of_week(rows)
    names = weekday_names()
    table = Table(
        caption=_("Chats per hour of the week"),
        columns=[
            Column("weekday", _("Day of the week")),
            Column("hour", pgettext("hour of the day", "Hour")),
            Column("offered", _("Offered")),
            Column("answered", _("Answered")),
            Column("abandoned", _("Abandoned")),
        ],
    )
    for w, hours in enumerate(grid):
        for h, (offered, answered, abandoned) in enumerate(hours):
            table.rows.append([names[w], f"{h:02d}:00", offered, answered, abandoned])
    return table, grid


# --- E-mail ----------------------------------------------------------------------------------------------------

EMAIL_BREAKDOWNS = ("day", "topic", "language", "agent")


def email_table(first: datetime.date, last: datetime.date, breakdown: str) -> Table:
    """Cases received per day, topic, language or assignee, with first response and resolution times (hours), from
    the e-mail rollup (queries.email_days, queries.email_groups)."""
    from django.contrib.auth import get_user_model

    cells: dict[Hashable, list[Any]] = {}
    if breakdown == "day":
        for day, row in queries.email_days(first, last).items():
            cells[day] = [
                row.received, row.by_form, row.received - row.by_form, row.answered, row.first_response_p50,
                row.first_response_p90, row.closed, row.resolution_p50, row.resolution_p90,
            ]  # fmt: skip
        keys: list[Hashable] = list(queries.days(first, last))
        labels: dict[Hashable, str] = {
            k: formats.date_format(k, "D j M Y") for k in keys if isinstance(k, datetime.date)
        }
    else:
        column = {"topic": "topic_id", "language": "language", "agent": "assignee_id"}[breakdown]
        groups = queries.email_groups(first, last, column)
        for k, f in groups.items():
            cells[k] = [
                f.received, f.by_form, f.received - f.by_form, f.answered, f.first_response_p50, f.first_response_p90,
                f.closed, f.resolution_p50, f.resolution_p90,
            ]  # fmt: skip
        keys = list(groups)
        if breakdown == "agent":  # a removed user's cases are nobody's (queries.email_groups)
            users = get_user_model().objects.filter(pk__in=[k for k in keys if isinstance(k, int)])
            names = {user.pk: user.get_full_name() or user.get_username() for user in users}
            labels = {k: names.get(k, _("Nobody")) for k in keys}  # type: ignore[call-overload]
        else:
            labels = _labels(breakdown, keys)
    label = {"day": _("Day"), "topic": _("Topic"), "language": _("Language"), "agent": _("Assigned to")}[breakdown]
    table = Table(
        caption=_("E-mail cases per %(breakdown)s") % {"breakdown": label.lower()},
        columns=[
            Column(breakdown, label),
            Column("received", _("Received")),
            Column("by_form", _("By the form")),
            Column("by_mail", _("By mail")),
            Column("answered", _("Answered")),
            Column("first_response_p50_h", _("First response, median (h)")),
            Column("first_response_p90_h", _("First response, 90th percentile (h)")),
            Column("closed", _("Closed")),
            Column("resolution_p50_h", _("Resolution, median (h)")),
            Column("resolution_p90_h", _("Resolution, 90th percentile (h)")),
        ],
    )
    empty = [0, 0, 0, 0, None, None, 0, None, None]
    for k in keys:
        table.rows.append([labels[k], *cells.get(k, empty)])
    if breakdown != "day":
        table.rows.sort(key=lambda row: str(row[0]).casefold())
    return table


def backlog_table(first: datetime.date, last: datetime.date) -> Table:
    """Per day: the cases open at its end, their average age, and the cases reopened that day."""
    day_list = queries.days(first, last)
    start, end = queries.bounds(first, last)
    reopened = queries.reopened_per_day(start, end)
    table = Table(
        caption=_("Open cases at the end of each day"),
        columns=[
            Column("day", _("Day")),
            Column("open_at_end", _("Open at the end of the day")),
            Column("open_age_avg_d", _("Their average age (days)")),
            Column("reopened", _("Reopened")),
        ],
    )
    for day, (count, age) in zip(day_list, queries.email_backlog(first, last), strict=True):
        table.rows.append([formats.date_format(day, "D j M Y"), count, age, reopened[day]])
    return table


# --- Knowledge -------------------------------------------------------------------------------------------------


def feedback_table(first: datetime.date, last: datetime.date) -> Table:
    table = Table(
        caption=_("“Was this useful?” per page"),
        columns=[
            Column("page", _("Page")),
            Column("useful", _("Useful")),
            Column("not_useful", _("Not useful")),
            Column("useful_pct", _("Useful (%)")),
        ],
    )
    for _page_id, title, yes, no in queries.feedback_per_page(first, last):
        table.rows.append([title, yes, no, round(100 * yes / (yes + no), 1) if yes + no else None])
    return table


def searches_table(first: datetime.date, last: datetime.date) -> Table:
    languages = dict(settings.LANGUAGES)
    table = Table(
        caption=_("Searches without result"),
        columns=[Column("search", _("Search")), Column("language", _("Language")), Column("times", _("Times"))],
    )
    for text, language, times in queries.unanswered_searches(first, last):
        table.rows.append([text, languages.get(language, language), times])
    return table
