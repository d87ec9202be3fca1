"""The report figures, defined once (docs/reports.md says the same in words). No database here: the rollup, the
live figures for today and the tests all classify a chat with these functions."""

import datetime
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from django.conf import settings

ANSWERED, ABANDONED, EXPIRED, WAITING = "answered", "abandoned", "expired", "waiting"
GONE = "gone"  # Conversation.Ending.GONE: the visitor's connection was lost past the grace period


@dataclass(frozen=True)
class ChatHistory:
    """What the raw rows say about one offered chat (a conversation that joined a queue)."""

    joined_at: datetime.datetime  # the conversation joined its first queue when it was created
    team_id: int | None  # the team of that first queue
    topic_id: int | None
    agent_id: int | None  # the agent the chat is (or ended) with
    language: str
    taken_at: datetime.datetime | None  # the first time an agent took it
    ended_at: datetime.datetime | None
    ending: str
    first_reply_at: datetime.datetime | None  # the first message of an agent
    transfers: int
    rating: int | None


def seconds(start: datetime.datetime, end: datetime.datetime) -> int:
    """Whole seconds, rounded down (a chat taken after 59.9 s was taken within 60 s). In UTC: Python subtracts two
    times of the same zone on the wall clock, which is an hour off across a change of summer time."""
    return max(0, math.floor((end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)).total_seconds()))


def hours(seconds: int) -> float:
    """Hours with one decimal, as the e-mail report shows its durations."""
    return round(seconds / 3600, 1)


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def microseconds(moment: datetime.datetime) -> int:
    """Since 1970, exactly (a float timestamp would lose the last digits, and sums of them their order)."""
    return (moment - EPOCH) // datetime.timedelta(microseconds=1)


def average_age_days(*, count: int, at: datetime.datetime, arrivals: int) -> float | None:
    """The average age in days (one decimal) at `at` of `count` cases whose arrival times (microseconds()) sum to
    `arrivals`. In whole numbers until the one rounding, so the same cases give the same age however they are summed."""
    if not count:
        return None
    return float(round(Fraction(count * microseconds(at) - arrivals, count * 86_400_000_000), 1))


def outcome(chat: ChatHistory) -> str:
    """Exactly one per offered chat. Taken once is answered, whatever came after (moved back to a queue and taken
    again still counts once); never taken: expired if the connection was lost, else abandoned once it ended."""
    if chat.taken_at is not None:
        return ANSWERED
    if chat.ended_at is None:
        return WAITING
    return EXPIRED if chat.ending == GONE else ABANDONED


def wait_seconds(chat: ChatHistory) -> int | None:
    """Joined → taken for answered chats; joined → left for abandoned and expired ones; none while waiting."""
    kind = outcome(chat)
    if kind == ANSWERED:
        assert chat.taken_at is not None
        return seconds(chat.joined_at, chat.taken_at)
    if kind in (ABANDONED, EXPIRED):
        assert chat.ended_at is not None
        return seconds(chat.joined_at, chat.ended_at)
    return None


def is_short_abandon(chat: ChatHistory) -> bool:
    wait = wait_seconds(chat)
    return outcome(chat) == ABANDONED and wait is not None and wait < settings.LOKET_SHORT_ABANDON_SECONDS


def answered_in_time(chat: ChatHistory) -> bool:
    wait = wait_seconds(chat)
    return outcome(chat) == ANSWERED and wait is not None and wait <= settings.LOKET_SERVICE_LEVEL_SECONDS


def first_response_seconds(chat: ChatHistory) -> int | None:
    """Taken → the first message an agent wrote (system lines do not count)."""
    if chat.taken_at is None or chat.first_reply_at is None:
        return None
    return seconds(chat.taken_at, chat.first_reply_at)


def handle_seconds(chat: ChatHistory) -> int | None:
    """Taken → ended, for answered chats that have ended."""
    if chat.taken_at is None or chat.ended_at is None:
        return None
    return seconds(chat.taken_at, chat.ended_at)


def service_level(*, offered: int, short_abandoned: int, answered_in_time: int) -> float | None:
    """The percentage (0-100, one decimal) of offered chats, short abandons left out, answered in time."""
    counted = offered - short_abandoned
    return round(100 * answered_in_time / counted, 1) if counted > 0 else None


Value = TypeVar("Value", int, float)


def percentile(counts: Mapping[Value, int], p: float) -> Value | None:
    """The nearest-rank percentile of whole seconds kept as {seconds: count}: the smallest value that at least p % of
    the values do not exceed. Exact, and the same whether counted from raw rows or from daily rollups."""
    total = sum(counts.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(p / 100 * total))
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    raise AssertionError("unreachable")


def histogram(values: Iterable[int | None]) -> dict[int, int]:
    found: dict[int, int] = {}
    for value in values:
        if value is not None:
            found[value] = found.get(value, 0) + 1
    return found


def rating_average(ratings: Mapping[int, int]) -> float | None:
    """The smileys' average score (1-5, two decimals)."""
    count = sum(ratings.values())
    return round(sum(score * n for score, n in ratings.items()) / count, 2) if count else None


def response_rate(*, ratings: int, answered: int) -> float | None:
    """The percentage of answered chats that were rated."""
    return round(100 * ratings / answered, 1) if answered else None
