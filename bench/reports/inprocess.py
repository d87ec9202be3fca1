"""The year's report pages and exports of bench/reports/run.py timed in one process (Django's test client), without
HTTP or a server: figures that hold up better than run.py's on a shared, busy machine.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_reports python bench/reports/inprocess.py [--times 7]

Reads the database that run.py seeded. Today's rows (counted live, kept 5 s in the cache) are fetched before each
request, so each figure is the rest of the request; their recount is timed once on its own at the end."""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")
os.environ.setdefault("LOKET_VAR_DIR", str(ROOT / "bench" / "results" / "reports"))
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.test import Client  # noqa: E402

from loket.reports import queries  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=7)
    args = parser.parse_args()
    today = queries.today()
    year_ago = today - datetime.timedelta(days=364)
    year = f"period=range&from={year_ago}&to={today}"
    user, _ = User.objects.get_or_create(username="bench-chef")
    user.groups.add(Group.objects.get(name="Supervisor"))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    paths = [
        (f"/console/reports/?{year}&by=team", "chat page by team"),
        (f"/console/reports/?{year}&by=agent", "chat page by agent"),
        (f"/console/reports/?{year}&by=day", "chat page by day"),
        (f"/console/reports/?{year}&by=hour", "chat page by hour of the week"),
        (f"/console/reports/chat.csv?from={year_ago}&to={today}", "chat.csv"),
        (f"/console/reports/chat/table.xlsx?{year}&by=day", "chat XLSX by day"),
        (f"/console/reports/email/?{year}", "e-mail page"),
        (f"/console/reports/email/?{year}&by=topic", "e-mail page by topic"),
        (f"/console/reports/email/table.csv?{year}&by=agent", "e-mail CSV by assignee"),
        (f"/console/reports/knowledge/?{year}", "knowledge page"),
    ]
    print(f"{args.times} requests each, a year ({year_ago} to {today})\n")
    print("| request | p50 (ms) | max (ms) |\n|---|---|---|")
    for path, label in paths:
        assert client.get(path).status_code == 200, path  # warm-up
        timings = []
        for _ in range(args.times):
            queries.todays_rollups(today)
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, path
        print(f"| {label} | {statistics.median(timings):.0f} | {max(timings):.0f} |", flush=True)
    started = time.perf_counter()
    queries.count_rollups(today, today)
    print(f"\ntoday's rows counted live (at most every 5 s): {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
