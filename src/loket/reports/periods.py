"""The period and breakdown a report asks for, read from the query string through loket.parsing. Anything that is
not understood is a BadParameter with a message for people (a 400, never a 500)."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from loket.parsing import iso_date, whole_number
from loket.reports import queries

PERIODS = ("today", "7d", "month", "range")


class BadParameter(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Period:
    name: str
    first: datetime.date
    last: datetime.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _range(first_text: object, last_text: object, *, current: datetime.date) -> tuple[datetime.date, datetime.date]:
    first, last = iso_date(first_text), iso_date(last_text)
    if first is None or last is None:
        raise BadParameter(_("Give the days as YYYY-MM-DD, for example %(day)s.") % {"day": current.isoformat()})
    if last < first:
        raise BadParameter(_("The first day must not come after the last."))
    if first < queries.EARLIEST or last > current:
        raise BadParameter(_("Choose days from 2000 up to today."))
    if (last - first).days >= queries.MAX_DAYS:
        raise BadParameter(_("Choose a period of at most %(days)d days.") % {"days": queries.MAX_DAYS})
    return first, last


def period_from(query: Mapping[str, str], *, current: datetime.date | None = None) -> Period:
    """`period` = today, 7d (the last seven days, today included), month (the last calendar month) or range (with
    `from` and `to`); `from` and `to` alone mean a range too. Default: the last seven days."""
    current = current or queries.today()
    name = query.get("period") or ("range" if "from" in query or "to" in query else "7d")
    if name not in PERIODS:
        raise BadParameter(_("Choose the period today, 7d, month or range."))
    if name == "today":
        return Period(name, current, current)
    if name == "7d":
        return Period(name, current - datetime.timedelta(days=6), current)
    if name == "month":
        last = current.replace(day=1) - datetime.timedelta(days=1)
        return Period(name, last.replace(day=1), last)
    first, last = _range(query.get("from"), query.get("to"), current=current)
    return Period(name, first, last)


def choice_from(query: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = query.get(name) or default
    if value not in choices:
        raise BadParameter(_("Choose %(name)s from: %(choices)s.") % {"name": name, "choices": ", ".join(choices)})
    return value


def team_from(query: Mapping[str, str]) -> int | None:
    """An optional team id (a plain number of an existing team)."""
    from loket.chat.models import Team

    text = query.get("team") or ""
    if not text:
        return None
    team = whole_number(text)
    if team is None or not Team.objects.filter(pk=team).exists():
        raise BadParameter(_("There is no team with the number %(team)s.") % {"team": text[:20]})
    return team
