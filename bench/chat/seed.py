"""Seed a migrated database for the chat benchmark, straight into the tables (no HTTP, no actions).

    DATABASE_URL=… python bench/chat/seed.py queue --visitors 10000 --out seed.json
    DATABASE_URL=… python bench/chat/seed.py chats --chats 1000 --agents 10 --out seed.json

queue: one available agent with room for one chat, busy with one; then `--visitors` conversations waiting in the
team's queue (ticket = conversation id). chats: `--agents` available agents, each with a login session, and
`--chats` active conversations shared out over them. Every visitor was seen just now. Writes what the load
generators need (tokens in ticket order, session keys) as JSON to `--out`.
"""

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from loket.chat.models import Agent, Conversation, QueueEntry, Team  # noqa: E402
from loket.contact.models import Topic  # noqa: E402

BATCH = 2000


def agent(name: str, capacity: int) -> tuple[Agent, str]:
    """An available agent in every team, and the key of a session logged in as them."""
    user = User.objects.create_user(name, first_name=name.capitalize())
    user.groups.add(Group.objects.get(name="Agent"))
    found = Agent.objects.create(user=user, status=Agent.Status.AVAILABLE, capacity=capacity, seen_at=timezone.now())
    found.teams.set(Team.objects.all())
    session = SessionStore()
    session.update(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "allauth.account.auth_backends.AuthenticationBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    session.create()
    assert session.session_key is not None
    return found, session.session_key


def conversations(team: Team, topic: Topic, count: int, **fields: object) -> list[Conversation]:
    now = timezone.now()
    rows = [
        Conversation(team=team, topic=topic, language="nl", visitor_name=f"Bezoeker {n}", visitor_seen_at=now, **fields)
        for n in range(count)
    ]
    return Conversation.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
def queue(visitors: int) -> dict:
    team, topic = Team.objects.order_by("sort_order", "pk").first(), Topic.objects.first()
    team.queue_limit = visitors + 1000
    team.save(update_fields=["queue_limit"])
    ann, session = agent("ann", capacity=1)
    [busy] = conversations(team, topic, 1, status=Conversation.Status.ACTIVE, agent=ann, started_at=timezone.now())
    waiting = conversations(team, topic, visitors)
    QueueEntry.objects.bulk_create(
        [QueueEntry(conversation=c, team=team, ticket=c.pk) for c in waiting], batch_size=BATCH
    )
    return {"session": session, "agent": ann.pk, "busy": busy.pk, "tokens": [c.token for c in waiting]}


@transaction.atomic
def chats(count: int, agents: int) -> dict:
    team, topic = Team.objects.order_by("sort_order", "pk").first(), Topic.objects.first()
    people = [agent(f"agent{k}", capacity=-(-count // agents)) for k in range(agents)]
    now = timezone.now()
    rows = [
        Conversation(
            team=team, topic=topic, language="nl", visitor_name=f"Bezoeker {n}", visitor_seen_at=now,
            status=Conversation.Status.ACTIVE, agent=people[n % agents][0], started_at=now,
        )
        for n in range(count)
    ]  # fmt: skip
    rows = Conversation.objects.bulk_create(rows, batch_size=BATCH)
    return {
        "agents": [{"id": a.pk, "session": s} for a, s in people],
        "chats": [{"conversation": c.pk, "token": c.token, "agent": c.agent_id} for c in rows],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["queue", "chats"])
    parser.add_argument("--visitors", type=int, default=10_000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--agents", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    data = queue(args.visitors) if args.kind == "queue" else chats(args.chats, args.agents)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a live database
    Path(args.out).write_text(json.dumps(data))


if __name__ == "__main__":
    main()
