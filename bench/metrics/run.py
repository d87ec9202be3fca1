"""What a Prometheus scrape of /metrics costs on a year of chats, against /healthz in the same run (PostgreSQL).

    uv run python bench/metrics/run.py [--chats 1000000] [--requests 200]

Makes the database loket_bench_metrics afresh, seeds a year of ended chats (each with its queue entry, spread evenly
over 365 days, so today has its share) in 10 teams with 50 agents, some waiting visitors and an outbox, starts one
`loket web` process and asks it, one request after another, for /healthz (the baseline: same server, middleware and
one query), then /metrics with the token. Prints p50 and p95 of each and the ratio of the p50s as a Markdown table.
"""

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.services import free_port, wait_for_port  # noqa: E402

ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE = "postgres://postgres@127.0.0.1:5432/loket_bench_metrics"
TOKEN = "bench-token-0123456789abcdef0123456789abcdef"

SEED = """
import django; django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone
from loket.chat.models import Agent, Team
from loket.contact.models import OutgoingMail, Topic
teams = [Team.objects.create(name_nl=f"Team {n}", name_en=f"Team {n}") for n in range(10)]
topic = Topic.objects.create(name_nl="Bench", name_en="Bench")
for n in range(50):
    status = ["available", "away", "offline"][n % 3]
    agent = Agent.objects.create(user=User.objects.create_user(f"agent{n}"), status=status, seen_at=timezone.now())
    agent.teams.set(teams[n % 10:n % 10 + 2])
for n in range(500):
    OutgoingMail.objects.create(kind="copy", to="an@example.org", subject="-", body="-", message_id=f"<{n}@bench>",
                                status=["pending", "failed", "sent", "sent"][n % 4])
first = teams[0].pk
with connection.cursor() as cursor:
    cursor.execute('''
        INSERT INTO chat_conversation (token, team_id, topic_id, visitor_name, visitor_email, language, source_url,
            status, ending, last_seq, visitor_read_seq, agent_read_seq, rating_comment, created_at, started_at,
            ended_at)
        SELECT md5(i::text), %(first)s + i %% 10, %(topic)s, '', '', 'nl', '', 'ended', 'agent', 0, 0, 0, '',
            now() - (i * interval '365 days' / %(chats)s),
            now() - (i * interval '365 days' / %(chats)s) + (i %% 120) * interval '1 second',
            now() - (i * interval '365 days' / %(chats)s) + (i %% 120 + 300) * interval '1 second'
        FROM generate_series(1, %(chats)s) AS i''', {"first": first, "topic": topic.pk, "chats": CHATS})
    cursor.execute('''
        INSERT INTO chat_queueentry (conversation_id, team_id, ticket, joined_at, left_at, outcome)
        SELECT id, team_id, id, created_at, started_at, 'served' FROM chat_conversation''')
    cursor.execute("UPDATE chat_conversation SET status = 'waiting', ending = '', started_at = NULL, ended_at = NULL "
                   "WHERE id IN (SELECT id FROM chat_conversation ORDER BY id LIMIT 40)")
    cursor.execute("UPDATE chat_queueentry SET left_at = NULL, outcome = '' "
                   "WHERE conversation_id IN (SELECT id FROM chat_conversation WHERE status = 'waiting')")
    cursor.execute("ANALYZE")
"""


def timings(port: int, path: str, requests: int, token: str = "") -> list[float]:
    found = []
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    for _ in range(requests):
        started = time.perf_counter()
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - 127.0.0.1 only
            response.read()
            assert response.status == 200, response.status
        found.append((time.perf_counter() - started) * 1000)
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    folder = ROOT / "bench" / "results" / "metrics"
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ, "DATABASE_URL": DATABASE, "LOKET_VAR_DIR": str(folder), "LOKET_METRICS_TOKEN": TOKEN,
        "DJANGO_SETTINGS_MODULE": "loket.settings", "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
    }  # fmt: skip
    env.pop("REDIS_URL", None)
    for statement in (
        "DROP DATABASE IF EXISTS loket_bench_metrics WITH (FORCE)",
        "CREATE DATABASE loket_bench_metrics",
    ):
        subprocess.run(["psql", ADMIN, "-q", "-c", statement], check=True)
    subprocess.run([sys.executable, "-m", "loket.cli", "manage", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-c", f"CHATS = {args.chats}\n{SEED}"], env=env, check=True, cwd=ROOT)

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "loket.cli", "web", "--port", str(port)], env=env, cwd=ROOT)
    try:
        wait_for_port(port)
        timings(port, "/metrics", 5, TOKEN)  # warm up: connections in the pool, code loaded
        baseline = timings(port, "/healthz", args.requests)
        scrape = timings(port, "/metrics", args.requests, TOKEN)
    finally:
        server.terminate()
        server.wait(20)
    print(f"\n{args.chats} chats over a year, {args.requests} requests each, one after another\n")
    print("| request | p50 ms | p95 ms | p50 / baseline |\n|---|---|---|---|")
    for name, found in (("/healthz (baseline)", baseline), ("/metrics", scrape)):
        p50 = percentile(found, 0.5)
        print(f"| {name} | {p50:.1f} | {percentile(found, 0.95):.1f} | {p50 / percentile(baseline, 0.5):.1f} |")


if __name__ == "__main__":
    main()
