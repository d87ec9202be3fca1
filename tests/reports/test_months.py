"""A long period is read from the month rollup and the days around it; recounting a day keeps the rows derived from
it (its month, its figures per day) right."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from loket.chat.models import Conversation
from loket.reports import actions, queries, tables
from loket.reports.models import ChatAgentDay, ChatAgentQuarter, ChatDay, ChatDayFigures, ChatMonth, ChatTeamMonth
from tests.reports.conftest import local, make_chat

FIRST, LAST = datetime.date(2026, 9, 29), datetime.date(2026, 11, 2)  # days, all of October, days


def answered(team, topic, agent, day: int, month: int, wait: int, length: int, language: str = "nl") -> None:
    make_chat(team, topic, local(2026, month, day, 10, 0), taken=wait, reply=wait + 5, ended=wait + length,
              ending="visitor", agent=agent, rating=4, language=language)  # fmt: skip


def shown(groups: dict[tuple[object, ...], queries.Figures]) -> dict[tuple[object, ...], list[object]]:
    return {key: [*tables.figure_cells(f), f.rating_distribution] for key, f in groups.items()}


def test_a_period_around_a_month_adds_the_month_and_its_days_up_as_its_rows_would(team, other_team, topic, agent):
    answered(team, topic, agent, 29, 9, wait=10, length=100)
    answered(team, topic, agent, 2, 10, wait=50, length=500, language="en")  # the only chat in English
    answered(team, topic, agent, 15, 10, wait=20, length=200)
    answered(other_team, topic, agent, 16, 10, wait=30, length=300)
    answered(team, topic, agent, 2, 11, wait=40, length=400)
    make_chat(team, topic, local(2026, 11, 1, 9, 0), ended=3, ending=Conversation.Ending.LEFT_QUEUE)
    actions.rebuild(first=FIRST, last=LAST)
    assert ChatMonth.objects.filter(day=datetime.date(2026, 10, 1)).count() == 3  # per team, topic and language

    # Days, a whole month, days; then October less its first two days (and the group only these held).
    for first in (FIRST, datetime.date(2026, 10, 3)):
        rows = list(ChatDay.objects.filter(day__gte=first, day__lte=LAST))
        for by in [(), ("team_id",), ("topic_id", "language")]:
            want = queries.grouped(rows, lambda row, by=by: tuple(getattr(row, column) for column in by))
            assert shown(queries.chat_figures(first, LAST, by)) == shown(want), (first, by)
    assert ("en",) not in queries.chat_figures(datetime.date(2026, 10, 3), LAST, ("language",))
    late = queries.chat_figures(datetime.date(2026, 10, 3), LAST)[()]
    assert (late.offered, late.wait_p50, late.handle_p50, late.rating_count) == (4, 30, 300, 3)
    total = queries.chat_figures(FIRST, LAST)[()]
    assert (total.offered, total.answered, total.wait_p50, total.wait_p90, total.handle_p50) == (6, 5, 30, 50, 300)
    assert queries.chat_figures(FIRST, LAST, ("agent_id",), per_agent=True)[(agent.pk,)].handle_p50 == 300
    assert queries.chat_figures(datetime.date(2026, 10, 3), LAST, ("agent_id",), per_agent=True)[
        (agent.pk,)
    ].handle_p50 == 300  # fmt: skip
    # Without the days around it, October alone: from its month row only.
    october = queries.chat_figures(datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))[()]
    assert (october.offered, october.wait_p50, october.wait_p90) == (3, 30, 50)


def test_recounting_a_day_recounts_its_month_and_its_figures(team, topic, agent):
    answered(team, topic, agent, 15, 10, wait=20, length=200)
    actions.rebuild(first=datetime.date(2026, 10, 1), last=datetime.date(2026, 10, 31))
    answered(team, topic, agent, 15, 10, wait=60, length=600)  # a chat that the first count did not hold
    answered(team, topic, agent, 20, 10, wait=90, length=900)
    actions.rebuild(first=datetime.date(2026, 10, 15), last=datetime.date(2026, 10, 15))  # as the daily task would

    month = queries.chat_figures(datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))[()]
    assert (month.offered, month.wait_p50, month.wait_p90) == (2, 20, 60)  # the 20th is not recounted yet
    day = ChatDayFigures.objects.get(day=datetime.date(2026, 10, 15), every_team=True)
    assert (day.offered, day.wait_p50, day.wait_p90, day.handle_p50) == (2, 20, 60, 200)
    assert ChatDayFigures.objects.get(day=datetime.date(2026, 10, 15), team_id=team.pk, every_team=False).offered == 2
    by_day = queries.chat_figures(datetime.date(2026, 10, 14), datetime.date(2026, 10, 15), ("day",))
    assert shown(by_day) == shown(queries.grouped(ChatDay.objects.filter(day__gte="2026-10-14"), lambda r: (r.day,)))


def covered(pieces: list[tuple[str, datetime.date, datetime.date, int]]) -> dict[datetime.date, int]:
    """How many times each day is counted by pieces() (a unit's row counts each of its days)."""
    found: dict[datetime.date, int] = {}
    for level, first, last, sign in pieces:
        if level != "day":
            last = queries.UNITS[level][1](first) - datetime.timedelta(days=1)
        for day in queries.days(first, last):
            found[day] = found.get(day, 0) + sign
    return {day: n for day, n in found.items() if n}


@given(
    first=st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)), length=st.integers(0, 400),
    levels=st.sampled_from([(), ("month",), ("quarter", "month")]),
)  # fmt: skip
def test_the_pieces_of_a_period_count_each_of_its_days_once(first, length, levels):
    last = first + datetime.timedelta(days=length)
    assert covered(queries.pieces(first, last, levels)) == dict.fromkeys(queries.days(first, last), 1)


def test_a_year_per_agent_reads_its_quarters_and_recounting_a_day_recounts_them(team, other_team, topic, agent):
    for month, day, wait in [(2, 25, 5), (3, 15, 10), (5, 10, 20), (8, 20, 30), (10, 15, 40), (10, 30, 50)]:
        answered(team if wait != 20 else other_team, topic, agent, day, month, wait=wait, length=wait * 10)
    actions.rebuild(first=datetime.date(2026, 2, 1), last=datetime.date(2026, 10, 31))
    assert ChatAgentQuarter.objects.filter(day=datetime.date(2026, 4, 1)).count() == 1  # other_team's chat
    assert ChatTeamMonth.objects.filter(day=datetime.date(2026, 5, 1)).count() == 2  # the team and every team
    later = local(2026, 11, 30, 12, 0)
    # Quarters less some months and days (and more days); a quarter whole; a period of whole quarters.
    periods = [(datetime.date(2026, 2, 20), datetime.date(2026, 10, 20)), (datetime.date(2026, 4, 1),
               datetime.date(2026, 9, 30)), (datetime.date(2026, 1, 1), datetime.date(2026, 10, 31))]  # fmt: skip
    assert any(level == "quarter" for level, *_ in queries.pieces(*periods[0], ("quarter", "month")))

    def check() -> None:
        for first, last in periods:
            for by, team_id, model, per_agent in [
                (("agent_id",), None, ChatAgentDay, True), (("team_id", "agent_id"), None, ChatAgentDay, True),
                (("agent_id",), team.pk, ChatAgentDay, True), ((), None, ChatDay, False),
                ((), other_team.pk, ChatDay, False), (("team_id",), None, ChatDay, False),
            ]:  # fmt: skip
                rows = model.objects.filter(day__gte=first, day__lte=last)
                if team_id is not None:
                    rows = rows.filter(team_id=team_id)
                want = queries.grouped(rows, lambda row, by=by: tuple(getattr(row, column) for column in by))
                got = queries.chat_figures(first, last, by, team_id=team_id, per_agent=per_agent, now=later)
                assert shown(got) == shown(want), (first, last, by, team_id)

    check()
    year = queries.chat_figures(*periods[0], ("agent_id",), per_agent=True, now=later)[(agent.pk,)]
    assert (year.offered, year.wait_p50, year.wait_p90, year.handle_p50) == (5, 20, 40, 200)
    answered(other_team, topic, agent, 10, 5, wait=90, length=900)
    actions.rebuild(first=datetime.date(2026, 5, 10), last=datetime.date(2026, 5, 10))  # as the daily task would
    assert ChatAgentQuarter.objects.get(day=datetime.date(2026, 4, 1)).offered == 2
    assert ChatTeamMonth.objects.get(day=datetime.date(2026, 5, 1), every_team=True).waits == {"20": 1, "90": 1}
    check()


def test_todays_chats_per_agent_give_the_percentiles_their_stored_rows_give_later(team, topic, agent):
    """Today is counted live and never stored: its rows' values go into the two levels in Python (levels.py)."""
    from django.core.cache import cache

    cache.clear()  # today's rows are kept a few seconds per day
    for wait in (5, 40, 70, 100, 300):  # five buckets of 32 seconds
        answered(team, topic, agent, 2, 11, wait=wait, length=wait * 3)
    day = datetime.date(2026, 11, 2)
    live = queries.chat_figures(day, day, ("agent_id",), per_agent=True, now=local(2026, 11, 2, 18, 0))
    actions.rebuild(first=day, last=day)
    stored = queries.chat_figures(day, day, ("agent_id",), per_agent=True, now=local(2026, 11, 3, 9, 0))
    assert shown(live) == shown(stored)
    figures = live[(agent.pk,)]
    assert (figures.wait_p50, figures.wait_p90, figures.handle_p50) == (70, 300, 210)
