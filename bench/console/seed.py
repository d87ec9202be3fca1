"""Seed a migrated database for the console benchmark, straight into the tables (no HTTP, no actions).

    DATABASE_URL=… python bench/console/seed.py --visitors 10000 --chats 150 --agents 50 --supervisors 5 --out seed.json

Two teams. The first (the default team) has `--visitors` conversations waiting in its queue; the second, with a
topic of its own, starts empty (the run's visitors join it over the API). `--agents` agents in both teams, available
and full: `--chats` active conversations shared out over them, each agent's capacity exactly its share, so nobody
takes a waiting visitor during the run. Each agent has a day of status history (available, with a short spell away
every half hour, since four hours ago), as a board shows it. `--supervisors` members of staff with the role
Supervisor (offline, no chats). Everyone has a login session. Writes what the run needs as JSON to `--out`.
Uses bench/chat/seed.py's helpers.
"""

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.chat.seed import BATCH, agent, conversations  # noqa: E402
from loket.chat.models import Agent, Conversation, QueueEntry, StatusChange, Team  # noqa: E402
from loket.contact.models import Topic  # noqa: E402


def history(found: Agent, now: datetime.datetime, offset: int) -> datetime.datetime:
    """Offline → available four hours ago, then 10 minutes away every 30 minutes; ends available. Returns when the
    last change was."""
    at = max(
        timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0), now - datetime.timedelta(hours=4)
    )
    at += datetime.timedelta(seconds=offset)
    rows = [StatusChange(agent=found, old="offline", new="available", at=at)]
    while at + datetime.timedelta(minutes=40) < now:
        at += datetime.timedelta(minutes=20)
        rows.append(StatusChange(agent=found, old="available", new="away", at=at))
        at += datetime.timedelta(minutes=10)
        rows.append(StatusChange(agent=found, old="away", new="available", at=at))
    StatusChange.objects.bulk_create(rows)
    return at


@transaction.atomic
def seed(visitors: int, chats: int, agents: int, supervisors: int) -> dict:
    now = timezone.now()
    first = Team.objects.order_by("sort_order", "pk").first()
    topic = Topic.objects.order_by("pk").first()
    first.queue_limit = visitors + 10_000
    first.save(update_fields=["queue_limit"])
    second_topic = Topic.objects.create(name_nl="Tweede lijn", name_en="Second line", sort_order=99)
    second = Team.objects.create(
        name_nl="Tweede lijn", name_en="Second line", sort_order=first.sort_order + 1, queue_limit=100_000
    )
    second.topics.add(second_topic)
    share = [chats // agents + (1 if k < chats % agents else 0) for k in range(agents)]
    people = [agent(f"agent{k:02d}", capacity=max(1, share[k])) for k in range(agents)]  # in every team
    for k, (found, _) in enumerate(people):
        found.status_since = history(found, now, offset=37 * k)
        found.save(update_fields=["status_since"])
    supervising = Group.objects.get(name="Supervisor")
    bosses = [agent(f"supervisor{k}", capacity=1) for k in range(supervisors)]
    for found, _ in bosses:
        found.user.groups.set([supervising])
        found.status = Agent.Status.OFFLINE
        found.save(update_fields=["status"])
    active = []
    for k, (found, _) in enumerate(people):
        active += conversations(first, topic, share[k], status=Conversation.Status.ACTIVE, agent=found, started_at=now)
    waiting = conversations(first, topic, visitors)  # after the active ones: tickets in this order
    QueueEntry.objects.bulk_create(
        [QueueEntry(conversation=c, team=first, ticket=c.pk) for c in waiting], batch_size=BATCH
    )
    return {
        "teams": [first.pk, second.pk],
        "join_topic": second_topic.pk,
        "agents": [{"id": a.pk, "session": s} for a, s in people],
        "supervisors": [{"id": a.pk, "session": s} for a, s in bosses],
        "chats": [{"conversation": c.pk, "token": c.token, "agent": c.agent_id} for c in active],
        "tokens": [c.token for c in waiting],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, default=10_000)
    parser.add_argument("--chats", type=int, default=150)
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--supervisors", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    data = seed(args.visitors, args.chats, args.agents, args.supervisors)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database
    Path(args.out).write_text(json.dumps(data))


if __name__ == "__main__":
    main()
