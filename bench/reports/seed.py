"""A year of generated history on PostgreSQL, in SQL (generate_series), for bench/reports/run.py.

    DATABASE_URL=postgres://… python bench/reports/seed.py [--scale 1.0]

At scale 1: 1,000,000 conversations (with their queue entries, messages and ratings; 3 % transferred), 300,000
e-mail cases (with their service and answer mails), 2,000,000 searches without result (as counts per day and
text), 100,000 page feedback answers. Reproducible (setseed)."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection  # noqa: E402

from loket.chat.models import Agent, Team  # noqa: E402
from loket.contact.models import Topic  # noqa: E402

TEAMS, TOPICS_PER_TEAM, AGENTS = 5, 2, 40

CHATS = """
SELECT setseed(0.11);
CREATE TEMP TABLE bench_chat AS
SELECT g,
       now() - (random() * interval '365 days') AS created,
       random() AS r, random() AS r2, random() AS r3, random() AS r4
FROM generate_series(1, %(chats)s) AS g;
ALTER TABLE bench_chat ADD COLUMN team bigint, ADD COLUMN topic bigint, ADD COLUMN agent bigint,
    ADD COLUMN kind text, ADD COLUMN wait int, ADD COLUMN reply int, ADD COLUMN length int;
UPDATE bench_chat SET
    team = (%(teams)s)[1 + g %% %(team_count)s],
    topic = (%(topics)s)[1 + g %% %(topic_count)s],
    agent = (%(agents)s)[1 + (g * 7) %% %(agent_count)s],
    kind = CASE WHEN r < 0.80 THEN 'answered' WHEN r < 0.95 THEN 'abandoned' ELSE 'expired' END,
    wait = floor(r2 * r2 * 240)::int, reply = 5 + floor(r3 * 60)::int, length = 60 + floor(r4 * 1200)::int;
INSERT INTO chat_conversation (id, token, visitor_name, visitor_email, language, source_url, status, ending,
    last_seq, visitor_read_seq, agent_read_seq, rating, rating_comment, created_at, started_at, ended_at, agent_id,
    topic_id, team_id)
SELECT %(base)s + g, md5('bench' || g), '', '', CASE WHEN g %% 5 = 0 THEN 'en' ELSE 'nl' END, '', 'ended',
    CASE kind WHEN 'answered' THEN 'visitor' WHEN 'abandoned' THEN 'left-queue' ELSE 'gone' END,
    CASE kind WHEN 'answered' THEN 3 ELSE 0 END, 0, 0,
    CASE WHEN kind = 'answered' AND r3 < 0.4 THEN 1 + floor(r4 * 5)::int END, '', created,
    CASE WHEN kind = 'answered' THEN created + wait * interval '1 second' END,
    created + (wait + CASE WHEN kind = 'answered' THEN length ELSE 0 END) * interval '1 second',
    CASE WHEN kind = 'answered' THEN agent END, topic, team
FROM bench_chat;
INSERT INTO chat_queueentry (ticket, joined_at, left_at, outcome, conversation_id, team_id)
SELECT %(base)s + g, created, created + wait * interval '1 second',
    CASE WHEN kind = 'answered' THEN 'served' ELSE 'left' END, %(base)s + g, team
FROM bench_chat;
INSERT INTO chat_message (seq, author, text, client_id, created_at, agent_id, conversation_id)
SELECT s, CASE s WHEN 1 THEN 'system' WHEN 2 THEN 'agent' ELSE 'visitor' END, 'Bericht ' || s, '',
    created + (wait + CASE s WHEN 1 THEN 0 WHEN 2 THEN reply ELSE reply + 30 END) * interval '1 second',
    CASE WHEN s = 2 THEN agent END, %(base)s + g
FROM bench_chat, generate_series(1, 3) AS s WHERE kind = 'answered';
INSERT INTO audit_auditentry (at, event, actor_name, subject, address, details)
SELECT created + (wait + 60) * interval '1 second', 'chat.transferred', 'bench', 'conversation:' || (%(base)s + g),
    '', '{}'::jsonb
FROM bench_chat WHERE kind = 'answered' AND r2 < 0.03;
SELECT setval(pg_get_serial_sequence('chat_conversation', 'id'), (SELECT max(id) FROM chat_conversation));
"""

CASES = """
SELECT setseed(0.12);
INSERT INTO contact_case (reference, email, name, subject, message, language, status, created_at, updated_at,
    closed_at, topic_id __EXTRA_COLUMNS__)
SELECT 'B' || g, 'bezoeker' || g || '@example.org', '', 'Vraag ' || g, 'Tekst',
    CASE WHEN g %% 5 = 0 THEN 'en' ELSE 'nl' END,
    CASE WHEN g %% 5 = 0 THEN 'open' ELSE 'closed' END, created, created,
    CASE WHEN g %% 5 <> 0 THEN created + (1 + random() * 200) * interval '1 hour' END,
    (%(topics)s)[1 + g %% %(topic_count)s] __EXTRA_VALUES__
FROM (SELECT g, now() - random() * interval '365 days' AS created FROM generate_series(1, %(cases)s) AS g) AS x;
INSERT INTO contact_outgoingmail (kind, "to", reply_to, subject, body, message_id, in_reply_to, status, attempts,
    last_error, sent_at, created_at, case_id)
SELECT 'service', 'dienst@example.org', '', subject, '', 'bench-service-' || id, '', 'sent', 1, '', created_at,
    created_at, id
FROM contact_case WHERE reference LIKE 'B%%' AND id %% 10 < 7;
INSERT INTO contact_outgoingmail (kind, "to", reply_to, subject, body, message_id, in_reply_to, status, attempts,
    last_error, sent_at, created_at, case_id)
SELECT 'answer', email, '', subject, '', 'bench-answer-' || id, '', 'sent', 1, '',
    created_at + (0.5 + random() * 48) * interval '1 hour', created_at, id
FROM contact_case WHERE reference LIKE 'B%%' AND id %% 20 < 17;
"""

SEARCHES = """
SELECT setseed(0.13);
INSERT INTO knowledge_unansweredsearch (day, language, text, count)
SELECT (now() - d * interval '1 day')::date, 'nl', 'zoekterm ' || ((t * 7919 + d) %% 20000),
    1 + floor(power(random(), 3) * 20)::int
FROM generate_series(0, 364) AS d, generate_series(1, %(texts)s) AS t;
INSERT INTO knowledge_feedback (useful, comment, language, visitor, created_at, page_id)
SELECT random() < 0.7, '', 'nl', 'bench' || g, now() - random() * interval '365 days',
    (%(pages)s)[1 + g %% %(page_count)s]
FROM generate_series(1, %(feedback)s) AS g;
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the year of issue #11")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("bench/reports runs on PostgreSQL: set DATABASE_URL")
    group = Group.objects.get(name="Agent")
    teams = [Team.objects.create(name_nl=f"Team {n}", name_en=f"Team {n}", sort_order=n) for n in range(TEAMS)]
    topics = []
    for n, team in enumerate(teams):
        for m in range(TOPICS_PER_TEAM):
            topic = Topic.objects.create(name_nl=f"Onderwerp {n}.{m}", name_en=f"Topic {n}.{m}")
            team.topics.add(topic)
            topics.append(topic.pk)
    agents = []
    for n in range(AGENTS):
        user = User.objects.create_user(f"bench-agent-{n}", first_name=f"Agent {n}")
        user.groups.add(group)
        agent = Agent.objects.create(user=user)
        agent.teams.set(teams)
        agents.append(agent.pk)
    from wagtail.models import Page

    pages = list(Page.objects.filter(depth__gt=1).values_list("pk", flat=True)) or [1]
    has_undeliverable = "undeliverable" in {
        c.name for c in connection.introspection.get_table_description(connection.cursor(), "contact_case")
    }
    params = {
        "chats": int(1_000_000 * args.scale), "cases": int(300_000 * args.scale),
        "texts": max(1, int(2_000_000 * args.scale / 365 / 5.5)), "feedback": int(100_000 * args.scale),
        "teams": [t.pk for t in teams], "team_count": TEAMS, "topics": topics, "topic_count": len(topics),
        "agents": agents, "agent_count": AGENTS, "pages": pages, "page_count": len(pages), "base": 10_000_000,
    }  # fmt: skip
    # A column another change may have added meanwhile (not null, no database default).
    cases = CASES.replace("__EXTRA_COLUMNS__", ", undeliverable" if has_undeliverable else "").replace(
        "__EXTRA_VALUES__", ", false" if has_undeliverable else ""
    )
    with connection.cursor() as cursor:
        for name, sql in (("chats", CHATS), ("cases", cases), ("searches", SEARCHES)):
            started = time.perf_counter()
            for statement in filter(str.strip, sql.split(";\n")):
                cursor.execute(statement, params)
            print(f"seeded {name} in {time.perf_counter() - started:.0f} s", flush=True)
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
