"""The rollup the pages read agrees with a plain recount from the raw rows, whatever the history (hypothesis)."""

import datetime
import math
from collections import Counter, defaultdict
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loket.audit.models import AuditEntry
from loket.chat.models import Conversation
from loket.reports import actions, queries, tables
from loket.reports.models import ChatAgentDay, ChatDay, EmailStale, TurnedAway
from tests.reports.conftest import BRUSSELS, after, local, make_chat

START = local(2026, 10, 24, 0, 0)  # three days around the end of summer time (25 October 2026)
FIRST, LAST = datetime.date(2026, 10, 24), datetime.date(2026, 10, 26)

chats = st.lists(
    st.fixed_dictionaries({
        "joined": st.integers(0, 3 * 86400 - 1),
        "team": st.integers(0, 1),
        "kind": st.sampled_from(["waiting", "abandoned", "expired", "answered", "requeued", "moved-and-left"]),
        "wait": st.integers(0, 200),
        "reply": st.one_of(st.none(), st.integers(0, 120)),
        "length": st.integers(1, 3600),
        "rating": st.one_of(st.none(), st.integers(1, 5)),
        "transfers": st.integers(0, 2),
        "language": st.sampled_from(["nl", "en"]),
    }),
    max_size=12,
)  # fmt: skip
refusals = st.lists(st.tuples(st.integers(0, 3 * 86400 - 1), st.integers(0, 1)), max_size=4)


def floor_seconds(start: datetime.datetime, end: datetime.datetime) -> int:
    return math.floor((end - start).total_seconds())


def recount(teams: list[int]) -> dict[tuple[datetime.date, int | None], dict[str, object]]:
    """Straight from the definitions in docs/reports.md, one conversation at a time."""
    found: dict[tuple[datetime.date, int | None], dict[str, object]] = defaultdict(
        lambda: {"counts": Counter(), "waits": [], "first": [], "handle": [], "ratings": []}
    )
    for conversation in Conversation.objects.prefetch_related("queue_entries", "messages"):
        entries = sorted(conversation.queue_entries.all(), key=lambda e: (e.joined_at, e.pk))
        joined = conversation.created_at
        day = joined.astimezone(BRUSSELS).date()
        if not FIRST <= day <= LAST:
            continue
        row = found[(day, entries[0].team_id)]
        counts = row["counts"]
        counts["offered"] += 1
        served = sorted(e.left_at for e in entries if e.outcome == "served")
        if served:
            counts["answered"] += 1
            wait = floor_seconds(joined, served[0])
            row["waits"].append(wait)
            counts["in_time"] += wait <= 60
            replies = sorted(m.created_at for m in conversation.messages.all() if m.author == "agent")
            if replies:
                row["first"].append(floor_seconds(served[0], replies[0]))
            if conversation.ended_at:
                row["handle"].append(floor_seconds(served[0], conversation.ended_at))
        elif conversation.ended_at and conversation.ending == "gone":
            counts["expired"] += 1
        elif conversation.ended_at:
            counts["abandoned"] += 1
            counts["short"] += floor_seconds(joined, conversation.ended_at) < 10
        counts["transfers"] += AuditEntry.objects.filter(
            event="chat.transferred", subject=f"conversation:{conversation.pk}"
        ).count()
        if conversation.rating:
            row["ratings"].append(conversation.rating)
    for refusal in TurnedAway.objects.all():
        found[(refusal.at.astimezone(BRUSSELS).date(), refusal.team_id)]["counts"]["turned_away"] += 1
    return found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=chats, turned_away=refusals)
def test_the_rollup_agrees_with_a_recount_from_the_raw_rows(team, other_team, topic, agent, history, turned_away):
    Conversation.objects.all().delete()
    AuditEntry.objects.filter(event="chat.transferred").delete()
    TurnedAway.objects.all().delete()
    teams = [team, other_team]
    for chat in history:
        joined = after(START, chat["joined"])
        wait, length, kind = chat["wait"], chat["length"], chat["kind"]
        common = {"language": chat["language"], "rating": chat["rating"]}
        if kind == "waiting":
            make_chat(teams[chat["team"]], topic, joined, language=chat["language"])
        elif kind in ("abandoned", "expired"):
            ending = "gone" if kind == "expired" else "left-queue"
            make_chat(teams[chat["team"]], topic, joined, ended=wait, ending=ending, **common)
        else:
            reply = wait + chat["reply"] if chat["reply"] is not None else None
            extra = {}
            if kind == "requeued":
                extra = {"requeued": wait + 5, "taken_again": wait + 20, "to_team": teams[1 - chat["team"]]}
            if kind == "moved-and-left":  # taken, back in a queue, and the visitor left there: still answered
                extra = {"requeued": wait + 5}
            make_chat(
                teams[chat["team"]], topic, joined, taken=wait, reply=reply, ended=wait + 30 + length,
                ending="visitor", agent=agent, transfers=chat["transfers"], **extra, **common,
            )  # fmt: skip
    for offset, team_index in turned_away:
        TurnedAway.objects.create(at=after(START, offset), team_id=teams[team_index].pk, language="nl", reason="closed")

    actions.rebuild(first=FIRST, last=LAST)

    expected = recount([t.pk for t in teams])
    stored = queries.grouped(ChatDay.objects.all(), lambda row: (row.day, row.team_id))
    assert set(stored) == set(expected)
    for key, want in expected.items():
        got = stored[key]
        counts = want["counts"]
        assert (got.offered, got.answered, got.abandoned, got.short_abandoned, got.expired) == (
            counts["offered"], counts["answered"], counts["abandoned"], counts["short"], counts["expired"],
        ), key  # fmt: skip
        assert (got.answered_in_time, got.transfers, got.turned_away) == (
            counts["in_time"], counts["transfers"], counts["turned_away"],
        ), key  # fmt: skip
        assert got.waits == Counter(want["waits"])
        assert got.first_responses == Counter(want["first"])
        assert got.handle_times == Counter(want["handle"])
        assert got.ratings == Counter(want["ratings"])
    # The rollup per agent holds the same chats, only cut differently.
    per_agent = queries.grouped(ChatAgentDay.objects.all(), lambda row: (row.day, row.team_id))
    assert {key: vars(figures) for key, figures in per_agent.items()} == {
        key: vars(figures) for key, figures in stored.items()
    }
    # What the pages read (histograms merged by the database; whole months from the month rollup, days from
    # ChatDayFigures) shows the same figures as the stored rows grouped here, over the days or around whole months.
    rows, agent_rows = list(ChatDay.objects.all()), list(ChatAgentDay.objects.all())
    # The last one reads the quarter of the agents (less October's first days, as October's month row less its
    # days not in them) and is only possible with "today" later than it.
    periods = [
        (FIRST, LAST), (datetime.date(2026, 10, 25), LAST), (datetime.date(2026, 9, 30), NOV_2),
        (FIRST, datetime.date(2026, 12, 20)),
    ]  # fmt: skip
    for first, last in periods:  # days only; some of them; a whole month (test_months: with days around it)
        for by, team_id, source in [
            (("day", "team_id"), None, rows), (("day",), None, rows), (("day",), teams[0].pk, rows),
            (("team_id",), None, rows), (("topic_id", "language"), teams[1].pk, rows), ((), None, rows),
            ((), teams[1].pk, rows), (("agent_id",), None, agent_rows), (("team_id",), None, agent_rows),
        ]:  # fmt: skip
            want = queries.grouped(
                [row for row in source if first <= row.day <= last and team_id in (None, row.team_id)],
                lambda row, by=by: tuple(getattr(row, column) for column in by),
            )
            got = queries.chat_figures(first, last, by, team_id=team_id, per_agent=source is agent_rows, now=LATER)
            assert shown(got) == shown(want), (first, by, team_id)
        for team_id in (None, teams[1].pk):
            assert queries.hours_of_week(queries.hour_days(first, last, team_id=team_id)) == queries.hours_of_week(
                row for row in rows if first <= row.day <= last and team_id in (None, row.team_id)
            )


NOV_2 = datetime.date(2026, 11, 2)
LATER = local(2027, 1, 5, 12, 0)  # "now" for the pages read in the test: every period is before today


def shown(groups: dict[tuple[object, ...], queries.Figures]) -> dict[tuple[object, ...], list[object]]:
    return {key: [*tables.figure_cells(f), f.rating_distribution] for key, f in groups.items()}


# --- E-mail --------------------------------------------------------------------------------------------------------

EMAIL_FIRST = FIRST - datetime.timedelta(days=2)  # cases received before the period make the backlog's start

cases = st.lists(
    st.fixed_dictionaries({
        "received": st.integers(-2 * 86400, 3 * 86400 - 1),
        "by_form": st.booleans(),
        "answers": st.lists(st.integers(0, 3 * 86400), max_size=2),  # seconds after receipt; the first one counts
        "unsent_answer": st.booleans(),
        "closed": st.one_of(st.none(), st.integers(0, 4 * 86400)),
        "topic": st.integers(0, 1),
        "language": st.sampled_from(["nl", "en"]),
        "assignee": st.one_of(st.none(), st.integers(0, 1)),
    }),
    max_size=12,
)  # fmt: skip


def nearest_rank_hours(values: list[int], p: int) -> float | None:
    """The p-th percentile of seconds, written out again: the smallest value at least p % do not exceed, in hours."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[math.ceil(p * len(ordered) / 100) - 1] / 3600, 1)


def email_recount() -> list[dict[str, object]]:
    """Every case with what docs/reports.md says of it, straight from the raw rows."""
    from loket.contact.models import Case, OutgoingMail

    found = []
    for case in Case.objects.prefetch_related("mails"):
        sent = sorted(m.sent_at for m in case.mails.all() if m.kind == OutgoingMail.Kind.ANSWER and m.sent_at)
        found.append({
            "day": case.created_at.astimezone(BRUSSELS).date(), "topic_id": case.topic_id, "language": case.language,
            "assignee_id": case.assignee_id, "created": case.created_at, "closed_at": case.closed_at,
            "by_form": any(m.kind == OutgoingMail.Kind.SERVICE for m in case.mails.all()),
            "response": floor_seconds(case.created_at, sent[0]) if sent else None,
            "resolution": floor_seconds(case.created_at, case.closed_at) if case.closed_at else None,
        })  # fmt: skip
    return found


def expected_figures(group: list[dict[str, object]]) -> tuple[object, ...]:
    responses = [c["response"] for c in group if c["response"] is not None]
    resolutions = [c["resolution"] for c in group if c["resolution"] is not None]
    return (
        len(group), sum(bool(c["by_form"]) for c in group), len(responses), len(resolutions),
        nearest_rank_hours(responses, 50), nearest_rank_hours(responses, 90),  # type: ignore[arg-type]
        nearest_rank_hours(resolutions, 50), nearest_rank_hours(resolutions, 90),  # type: ignore[arg-type]
    )  # fmt: skip


def make_cases(history: list[dict[str, Any]], start: datetime.datetime, topics: list[Any], users: list[Any]) -> None:
    from loket.contact.models import Case, OutgoingMail

    Case.objects.all().delete()
    for n, spec in enumerate(history):
        received = after(start, spec["received"])
        case = Case.objects.create(
            reference=f"2026-{n:06d}", email="x@example.org", topic=topics[spec["topic"]], subject="s", message="m",
            language=spec["language"], assignee=users[spec["assignee"]] if spec["assignee"] is not None else None,
        )  # fmt: skip
        closed = after(received, spec["closed"]) if spec["closed"] is not None else None
        Case.objects.filter(pk=case.pk).update(created_at=received, closed_at=closed)
        mails = [(OutgoingMail.Kind.SERVICE, received)] if spec["by_form"] else []
        mails += [(OutgoingMail.Kind.ANSWER, after(received, seconds)) for seconds in spec["answers"]]
        mails += [(OutgoingMail.Kind.ANSWER, None)] if spec["unsent_answer"] else []  # still in the outbox
        for m, (kind, sent) in enumerate(mails):
            OutgoingMail.objects.create(case=case, kind=kind, to="x@example.org", subject="s", body="b",
                                        message_id=f"{n}-{m}@test", sent_at=sent)  # fmt: skip


def agrees_per_group(first: datetime.date, last: datetime.date) -> None:
    """The e-mail figures per topic, language and assignee of a period, as a recount from the raw cases says."""
    in_period = [c for c in email_recount() if first <= c["day"] <= last]  # type: ignore[operator]
    for column in queries.EMAIL_GROUPS:
        groups = queries.email_groups(first, last, column)
        assert set(groups) == {c[column] for c in in_period}, (first, last, column)
        for key, f in groups.items():
            got = (f.received, f.by_form, f.answered, f.closed, f.first_response_p50, f.first_response_p90,
                   f.resolution_p50, f.resolution_p90)  # fmt: skip
            assert got == expected_figures([c for c in in_period if c[column] == key]), (first, last, column, key)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=cases)
def test_the_email_rollup_agrees_with_a_recount_from_the_raw_rows(topic, agent, other_topic, history):
    from fractions import Fraction

    from django.contrib.auth.models import User

    make_cases(history, START, [topic, other_topic], [agent.user, User.objects.get_or_create(username="bo")[0]])
    actions.rebuild_email(first=EMAIL_FIRST, last=LAST)

    raw = email_recount()
    in_period = [c for c in raw if FIRST <= c["day"] <= LAST]  # type: ignore[operator]
    per_day = queries.email_days(FIRST, LAST)
    assert set(per_day) == {c["day"] for c in in_period}
    for day, row in per_day.items():
        got = (row.received, row.by_form, row.answered, row.closed, row.first_response_p50, row.first_response_p90,
               row.resolution_p50, row.resolution_p90)  # fmt: skip
        assert got == expected_figures([c for c in in_period if c["day"] == day]), day
    agrees_per_group(FIRST, LAST)
    # Open at the end of each day, and their age: every case received before that end and not closed by then.
    expected = []
    for day in queries.days(FIRST, LAST):
        end = queries.bounds(day, day)[1]
        still = [c for c in raw if c["created"] < end and (c["closed_at"] is None or c["closed_at"] >= end)]  # type: ignore[operator]
        age = sum((Fraction((end - c["created"]) / datetime.timedelta(microseconds=1)) for c in still), Fraction(0))  # type: ignore[operator]
        expected.append((len(still), float(round(age / len(still) / 86_400_000_000, 1)) if still else None))
    assert queries.email_backlog(FIRST, LAST) == expected
    assert queries.open_cases_at([queries.bounds(day, day)[1] for day in queries.days(FIRST, LAST)]) == expected


YEAR_START = local(2026, 2, 1, 0, 0)
spread_cases = st.lists(
    st.fixed_dictionaries({
        "received": st.integers(0, 272 * 86400),  # February to October
        "by_form": st.booleans(),
        "answers": st.lists(st.integers(0, 9 * 86400), max_size=1),
        "unsent_answer": st.just(False),
        "closed": st.one_of(st.none(), st.integers(0, 20 * 86400)),
        "topic": st.integers(0, 1),
        "language": st.sampled_from(["nl", "en"]),
        "assignee": st.one_of(st.none(), st.integers(0, 1)),
    }),
    min_size=1,
    max_size=20,
)  # fmt: skip


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=spread_cases, closing=st.integers(0, 19))
def test_the_email_groups_over_months_and_quarters_agree_with_a_recount(topic, agent, other_topic, history, closing):
    """Periods read from quarters less months and days, whole quarters and months, and days only; then a case
    closed later, its day marked and counted again, changes its month and quarter too."""
    from django.contrib.auth.models import User

    from loket.contact.models import Case

    make_cases(history, YEAR_START, [topic, other_topic], [agent.user, User.objects.get_or_create(username="bo")[0]])
    actions.rebuild_email(first=datetime.date(2026, 2, 1), last=datetime.date(2026, 10, 31))
    EmailStale.objects.all().delete()  # the days that making the cases marked: all counted now
    periods = [(datetime.date(2026, 2, 20), datetime.date(2026, 10, 20)), (datetime.date(2026, 4, 1),
               datetime.date(2026, 9, 30)), (datetime.date(2026, 1, 1), datetime.date(2026, 10, 31)),
               (datetime.date(2026, 5, 3), datetime.date(2026, 5, 9))]  # fmt: skip
    assert any(level == "quarter" for level, *_ in queries.pieces(*periods[0], ("quarter", "month")))
    for first, last in periods:
        agrees_per_group(first, last)
    case = Case.objects.order_by("pk")[closing % Case.objects.count()]
    Case.objects.filter(pk=case.pk).update(closed_at=after(case.created_at, 3 * 3600 + closing))
    actions.mark_email_day(case.created_at)
    assert actions.refresh_email(now=local(2027, 1, 5, 12, 0)) == 1
    for first, last in periods:
        agrees_per_group(first, last)
