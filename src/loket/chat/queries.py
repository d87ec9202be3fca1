"""Reads of the chat: whether it is open, where a visitor stands, how long the wait is likely to be."""

import datetime
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, F, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from loket.chat.models import Agent, Conversation, Message, OpeningHours, QueueEntry, StatusChange, Team
from loket.contact.models import Topic
from loket.security import sessions_signed_in

# How far back the service rate looks, and how many taken chats it needs before it trusts what it saw.
RATE_WINDOW = datetime.timedelta(minutes=30)
RATE_MIN_SAMPLES = 3
# Without enough history: an assumed handling time per chat, so a first estimate is possible at all.
DEFAULT_HANDLING_MINUTES = 6.0


def team_for(topic: Topic) -> Team | None:
    """The team that has the topic, else the first team (which takes everything nobody else has)."""
    return topic.teams.order_by("sort_order", "pk").first() or Team.objects.order_by("sort_order", "pk").first()


def teams_for(topic: Topic) -> list[int]:
    """Every team that has the topic (whose consoles hear of its cases), else the first team."""
    found = list(topic.teams.values_list("pk", flat=True))
    team = None if found else team_for(topic)
    return found or ([team.pk] if team else [])


@cache
def _holidays(year: int) -> frozenset[datetime.date]:
    import holidays

    return frozenset(holidays.country_holidays("BE", years=year))


def is_open(now: datetime.datetime | None = None) -> bool:
    """Open on the weekly schedule editors set, never on a Belgian public holiday; no schedule means always open."""
    local = timezone.localtime(now or timezone.now())
    if local.date() in _holidays(local.year):
        return False
    hours = list(OpeningHours.objects.all())
    if not hours:
        return True
    moment = local.time()
    return any(h.weekday == local.weekday() and h.opens <= moment < h.closes for h in hours)


def present_agents(
    team: Team | None = None, now: datetime.datetime | None = None, *, also_away: bool = False
) -> QuerySet[Agent]:
    """Agents whose console is open (its heartbeat is recent) and who said they are available (or only away)."""
    since = (now or timezone.now()) - datetime.timedelta(seconds=settings.LOKET_CHAT_AGENT_GRACE)
    statuses = [Agent.Status.AVAILABLE, Agent.Status.AWAY] if also_away else [Agent.Status.AVAILABLE]
    found = Agent.objects.filter(status__in=statuses, seen_at__gte=since)
    return found.filter(teams=team) if team is not None else found


def waiting(team: Team | int) -> QuerySet[QueueEntry]:
    return QueueEntry.objects.filter(team=team, left_at=None)


def unavailable_reason(team: Team | None, now: datetime.datetime | None = None) -> str:
    """Why a new chat cannot start now ("closed", "no-agent", "queue-full"), or "" when it can."""
    if team is None or not is_open(now):
        return "closed"
    if not present_agents(team, now, also_away=True).exists():  # an agent who is away will be back: worth waiting
        return "no-agent"
    if waiting(team).count() >= team.queue_limit:
        return "queue-full"
    return ""


def unavailable_anywhere(now: datetime.datetime | None = None) -> str:
    """Why no chat can start for any topic ("closed", "no-agent"), or "" when some can."""
    if not is_open(now):
        return "closed"
    return "" if present_agents(now=now, also_away=True).exists() else "no-agent"


def waiting_tickets(team_id: int) -> list[tuple[int, int, float]]:
    """The team's queue in order: (ticket, entry id, joined as a timestamp)."""
    rows = waiting(team_id).order_by("ticket", "pk").values_list("ticket", "pk", "joined_at")
    return [(ticket, pk, joined.timestamp()) for ticket, pk, joined in rows]


def position(conversation: Conversation) -> int | None:
    """1 for the first in line; None when not waiting."""
    entry = waiting(conversation.team_id).filter(conversation=conversation).first()
    if entry is None:
        return None
    return waiting(conversation.team_id).filter(ticket__lt=entry.ticket).count() + 1


def service_rate(team_id: int, now: datetime.datetime | None = None) -> float | None:
    """Chats taken per minute in this team: what was seen lately, or, with too little history, what the available
    agents could take at the usual handling time. None when nobody is there to take chats."""
    now = now or timezone.now()
    served = QueueEntry.objects.filter(
        team_id=team_id, outcome=QueueEntry.Outcome.SERVED, left_at__gte=now - RATE_WINDOW
    ).count()
    if served >= RATE_MIN_SAMPLES:
        return served / (RATE_WINDOW.total_seconds() / 60)
    slots = sum(agent.capacity for agent in present_agents(Team(pk=team_id), now))
    if not slots:
        return None
    handling = Conversation.objects.filter(
        team_id=team_id, ended_at__gte=now - RATE_WINDOW, started_at__isnull=False
    ).aggregate(avg=Avg(F("ended_at") - F("started_at")))["avg"]
    minutes = handling.total_seconds() / 60 if handling else DEFAULT_HANDLING_MINUTES
    return slots / max(minutes, 0.5)


@dataclass(frozen=True)
class Estimate:
    low: int  # minutes
    high: int


def estimate(position: int, rate: float | None) -> Estimate | None:
    """The wait for the position-th in line, as a range that holds about 8 times in 10.

    Chats are taken at `rate` per minute, roughly as a Poisson process: the wait for the n-th has mean n/rate and
    standard deviation sqrt(n)/rate; ±1.28 standard deviations covers 80%.
    """
    if rate is None or rate <= 0 or position < 1:
        return None
    spread = 1.28 * math.sqrt(position)
    return Estimate(
        low=max(0, math.floor((position - spread) / rate)), high=max(1, math.ceil((position + spread) / rate))
    )


def conversations_for_tokens(tokens: list[str]) -> dict[str, Conversation]:
    """Many visitors' conversations at once (a burst of reconnects), by their tokens; unknown ones are left out."""
    wanted = [token for token in tokens if token and len(token) <= 64]
    return {c.token: c for c in Conversation.objects.filter(token__in=wanted).select_related("agent__user")}


def states_after(wanted: list[tuple[int, int]], limit: int = 500) -> list[tuple[Conversation, list[Message]] | None]:
    """For many (conversation, the last seq a client has) at once, in two queries however many: each conversation as
    it is now with the next messages after that seq (at most `limit`; numbers have no gaps), or None when it is gone."""
    conversations = Conversation.objects.select_related("agent__user").in_bulk([pk for pk, _ in wanted])
    messages = messages_after_each([(pk, seq) for pk, seq in wanted if pk in conversations], limit)
    return [(conversations[pk], messages[pk, seq]) if pk in conversations else None for pk, seq in wanted]


def messages_after_each(wanted: list[tuple[int, int]], limit: int = 500) -> dict[tuple[int, int], list[Message]]:
    """For many (conversation, seq) at once, in one query: the next messages after that seq (at most `limit`)."""
    after = Q(pk__in=[])
    for pk, seq in wanted:
        after |= Q(conversation_id=pk, seq__gt=seq, seq__lte=seq + limit)
    found: dict[int, list[Message]] = {}
    for message in Message.objects.filter(after).select_related("agent__user").order_by("conversation_id", "seq"):
        found.setdefault(message.conversation_id, []).append(message)
    return {(pk, seq): [m for m in found.get(pk, ()) if seq < m.seq <= seq + limit] for pk, seq in wanted}


def consoles_signed_out(consoles: list[tuple[str, int, bool]]) -> list[bool]:
    """For each console (its session key, its person, whether it opened as a supervisor's): must it close? Its
    session ended or idled out, its person may no longer work on cases, or gained or lost supervision."""
    from django.contrib.auth import get_user_model

    ids, manager = {user_id for _, user_id, _ in consoles}, get_user_model().objects

    def having(permission: str) -> set[int]:  # active people with it (superusers too), in one query
        return set(manager.with_perm(permission).filter(pk__in=ids).values_list("pk", flat=True))  # type: ignore[attr-defined]

    allowed, supervises = having("contact.change_case"), having("chat.supervise")
    signed_in = sessions_signed_in([(key, user_id) for key, user_id, _ in consoles])
    return [
        not (ok and user_id in allowed and (user_id in supervises) == supervisor)
        for ok, (_, user_id, supervisor) in zip(signed_in, consoles, strict=True)
    ]


def messages_after(conversation_id: int, seq: int, limit: int = 500) -> list[Message]:
    return list(
        Message.objects.filter(conversation_id=conversation_id, seq__gt=seq)
        .select_related("agent__user")
        .order_by("seq")[:limit]
    )


def open_conversations(agent: Agent) -> QuerySet[Conversation]:
    return agent.conversations.filter(status=Conversation.Status.ACTIVE).select_related("topic", "team")


# --- Supervision -------------------------------------------------------------------------------------------------

STATUSES = ("available", "away", "offline")


def _day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Local midnight to local midnight (23 or 25 hours on the days the clocks change)."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone)
    return start, end


def status_durations(
    day: datetime.date, now: datetime.datetime | None = None, agent_ids: list[int] | None = None
) -> list[tuple[Agent, dict[str, int]]]:
    """Seconds per status per agent on one local day: from the last change before it, through each change in it,
    to midnight (or to now, for today). An agent with no history at all counts in their current status."""
    agents = Agent.objects.select_related("user").order_by("user__username")
    if agent_ids is not None:
        agents = agents.filter(pk__in=agent_ids)
    seconds = _status_seconds(day, now, agent_ids)
    return [(agent, seconds[agent.pk]) for agent in agents]


def _status_seconds(
    day: datetime.date, now: datetime.datetime | None = None, agent_ids: list[int] | None = None
) -> dict[int, dict[str, int]]:
    now = now or timezone.now()
    start, end = _day_bounds(day)
    end = min(end, max(now, start))
    before = StatusChange.objects.filter(agent=OuterRef("pk"), at__lt=start).order_by("-at", "-pk")
    first = StatusChange.objects.filter(agent=OuterRef("pk"), at__gte=start).order_by("at", "pk")
    agents = Agent.objects.annotate(
        before=Subquery(before.values("new")[:1]), first_old=Subquery(first.values("old")[:1])
    )
    changes = StatusChange.objects.filter(at__gte=start, at__lt=end)
    if agent_ids is not None:
        agents, changes = agents.filter(pk__in=agent_ids), changes.filter(agent_id__in=agent_ids)
    by_agent: dict[int, list[tuple[datetime.datetime, str]]] = {}
    for agent_id, at, new in changes.order_by("at", "pk").values_list("agent_id", "at", "new"):
        by_agent.setdefault(agent_id, []).append((at, new))
    result: dict[int, dict[str, int]] = {}
    for agent_id, status, before_start, first_old in agents.values_list("pk", "status", "before", "first_old"):
        seconds = result[agent_id] = dict.fromkeys(STATUSES, 0)
        status, moment = before_start or first_old or status, start
        for at, new in by_agent.get(agent_id, ()):
            seconds[status] += int((at - moment).total_seconds())
            status, moment = new, at
        seconds[status] += max(0, int((end - moment).total_seconds()))
    return result


def _iso(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def board(now: datetime.datetime | None = None) -> dict[str, Any]:
    """What a supervisor's board shows besides the queues (which each process knows from its events). Read as plain
    rows, not model instances: it is made every second while anything changes, and the instances were most of its
    cost."""
    now = now or timezone.now()
    present_since = now - datetime.timedelta(seconds=settings.LOKET_CHAT_AGENT_GRACE)
    today = _status_seconds(timezone.localdate(now), now)
    agent_teams: dict[int, list[int]] = {}
    for agent_id, team_id in Agent.teams.through.objects.order_by("pk").values_list("agent_id", "team_id"):
        agent_teams.setdefault(agent_id, []).append(team_id)
    names = {}
    agents = []
    for row in (
        Agent.objects.annotate(open=Count("conversations", filter=Q(conversations__status=Conversation.Status.ACTIVE)))
        .order_by("user__first_name", "user__username")
        .values("pk", "status", "status_since", "seen_at", "capacity", "open", "user__first_name", "user__username")
    ):
        name = names[row["pk"]] = row["user__first_name"] or row["user__username"]
        agents.append(
            {
                "id": row["pk"],
                "name": name,
                "status": row["status"],
                "since": _iso(row["status_since"]),
                "connected": bool(row["seen_at"] and row["seen_at"] >= present_since),
                "open": row["open"],
                "capacity": row["capacity"],
                "teams": agent_teams.get(row["pk"], []),
                "today": today.get(row["pk"], dict.fromkeys(STATUSES, 0)),
            }
        )
    active = Conversation.objects.filter(status=Conversation.Status.ACTIVE)
    supervisors: dict[int, list[int]] = {}
    for conversation_id, agent_id in Conversation.supervisors.through.objects.filter(
        conversation__status=Conversation.Status.ACTIVE
    ).values_list("conversation_id", "agent_id"):
        supervisors.setdefault(conversation_id, []).append(agent_id)
    topics = {topic.pk: str(topic) for topic in Topic.objects.all()}
    chats = (
        active.annotate(
            last_agent_at=Max("messages__created_at", filter=Q(messages__author=Message.Author.AGENT)),
            last_visitor_at=Max("messages__created_at", filter=Q(messages__author=Message.Author.VISITOR)),
        )
        .order_by("started_at", "pk")
        .values(
            "pk", "team_id", "agent_id", "visitor_name", "topic_id", "language", "started_at", "last_agent_at",
            "last_visitor_at",
        )
    )  # fmt: skip
    return {
        "teams": [{"id": team.pk, "name": str(team)} for team in Team.objects.all()],
        "agents": agents,
        "chats": [
            {
                "id": chat["pk"],
                "team": chat["team_id"],
                "agent": chat["agent_id"],
                "agent_name": names.get(chat["agent_id"], ""),
                "visitor_name": chat["visitor_name"],
                "topic": topics.get(chat["topic_id"], ""),
                "language": chat["language"],
                "started_at": _iso(chat["started_at"]),
                "last_agent_at": _iso(chat["last_agent_at"]),
                "last_visitor_at": _iso(chat["last_visitor_at"]),
                "supervisors": supervisors.get(chat["pk"], []),
            }
            for chat in chats
        ],
    }


def earlier_conversations(email: str, *, besides: int = 0, limit: int = 20) -> list[Conversation]:
    """Chats in which the visitor gave the same address, newest first."""
    if not email:
        return []
    return list(
        Conversation.objects.filter(visitor_email__iexact=email)
        .exclude(pk=besides)
        .select_related("topic", "agent__user")
        .order_by("-created_at")[:limit]
    )
