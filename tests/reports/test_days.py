"""A report's day is the service's day in Brussels: across midnight and across the changes to and from summer time."""

import datetime

from loket.chat.models import Conversation
from loket.reports import actions, definitions, queries
from loket.reports.models import ChatDay
from tests.reports.conftest import BRUSSELS, local, make_chat


def test_a_chat_is_counted_on_the_day_it_joined_the_queue_even_when_taken_after_midnight(team, topic, agent):
    make_chat(team, topic, local(2026, 11, 2, 23, 59, 50), taken=40, reply=45, ended=100, ending="visitor", agent=agent)
    actions.rebuild(first=datetime.date(2026, 11, 2), last=datetime.date(2026, 11, 3))
    monday, tuesday = (ChatDay.objects.filter(day=datetime.date(2026, 11, d)) for d in (2, 3))
    assert queries.figures(monday).waits == {40: 1}
    assert queries.figures(tuesday).offered == 0
    assert monday.get().hours == {"23": [1, 1, 0]}


def test_the_short_spring_day_has_23_hours_and_keeps_its_early_chats(team, topic):
    spring = datetime.date(2026, 3, 29)  # 02:00 CET becomes 03:00 CEST
    start, end = queries.bounds(spring, spring)
    assert definitions.seconds(start, end) == 23 * 3600
    # 23:30 UTC on the 28th is 00:30 in Brussels on the 29th; 01:30 UTC is 03:30 CEST.
    for utc in (datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC),
                datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC),
                datetime.datetime(2026, 3, 28, 22, 59, tzinfo=datetime.UTC)):  # fmt: skip
        make_chat(team, topic, utc, ended=3, ending=Conversation.Ending.LEFT_QUEUE)
    actions.rebuild(first=datetime.date(2026, 3, 28), last=spring)
    sunday = ChatDay.objects.get(day=spring)
    assert (sunday.offered, sunday.hours) == (2, {"0": [1, 0, 1], "3": [1, 0, 1]})
    assert ChatDay.objects.get(day=datetime.date(2026, 3, 28)).hours == {"23": [1, 0, 1]}


def test_the_long_autumn_day_has_25_hours_and_both_half_past_twos(team, topic):
    autumn = datetime.date(2026, 10, 25)  # 03:00 CEST becomes 02:00 CET
    start, end = queries.bounds(autumn, autumn)
    assert definitions.seconds(start, end) == 25 * 3600
    first = datetime.datetime(2026, 10, 25, 2, 30, tzinfo=BRUSSELS, fold=0)  # summer time, 00:30 UTC
    second = datetime.datetime(2026, 10, 25, 2, 30, tzinfo=BRUSSELS, fold=1)  # winter time, 01:30 UTC
    assert definitions.seconds(first, second) == 3600
    late = local(2026, 10, 25, 23, 59, 59)
    for moment in (first, second, late):
        make_chat(team, topic, moment, ended=3, ending=Conversation.Ending.LEFT_QUEUE)
    actions.rebuild(first=autumn, last=autumn)
    day = ChatDay.objects.get(day=autumn)
    assert (day.offered, day.hours) == (3, {"2": [2, 0, 2], "23": [1, 0, 1]})


def test_a_period_of_days_is_read_from_the_rollup_and_today_counted_live(team, topic, now):
    make_chat(team, topic, local(2026, 11, 2, 12, 0), ended=3, ending=Conversation.Ending.LEFT_QUEUE)
    make_chat(team, topic, now - datetime.timedelta(seconds=5))  # waiting now
    today = queries.today()
    first = datetime.date(2026, 11, 1)
    assert queries.figures(queries.chat_days(first, today)).offered == 1  # today's live; the 2nd not rolled up yet
    actions.rebuild_recent(now=datetime.datetime(2026, 11, 4, 6, 0, tzinfo=BRUSSELS))
    assert queries.figures(queries.chat_days(first, today)).offered == 2
    assert queries.today(datetime.datetime(2026, 11, 2, 23, 30, tzinfo=datetime.UTC)) == datetime.date(2026, 11, 3)
