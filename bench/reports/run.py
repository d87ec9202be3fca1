"""The reports on a year of data, on PostgreSQL: each page and export for a month and for the year, p50 and p95,
against /healthz in the same run.

    uv run python bench/reports/run.py [--scale 1.0] [--requests 20] [--skip-seed] [--only e-mail]

Creates the database `loket_bench_reports` on 127.0.0.1:5432 afresh (unless --skip-seed), migrates it, seeds a year
(seed.py: at scale 1, 1,000,000 conversations, 300,000 cases, 2,000,000 searches), recounts the rollup for the year
as the daily task and `reports_rebuild` would (timed), then starts one uvicorn process and requests each URL
`--requests` times, one after another, as a signed-in supervisor. Prints a Markdown table."""

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
import urllib.request
import zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.services import free_port, wait_for_port  # noqa: E402

DATABASE = "loket_bench_reports"
SESSION = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
user, _ = User.objects.get_or_create(username="bench-chef")
user.groups.add(Group.objects.get(name="Supervisor"))
session = SessionStore()
session[SESSION_KEY], session[HASH_SESSION_KEY] = str(user.pk), user.get_session_auth_hash()
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session.create()
print(session.session_key)
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def timed(base: str, path: str, cookie: str, times: int) -> list[float]:
    found = []
    for _ in range(times):
        request = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={cookie}"})  # noqa: S310
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 - 127.0.0.1 only
            body = response.read()
            assert response.status == 200 and response.url.endswith(path), (path, response.status, response.url)
        found.append((time.perf_counter() - started) * 1000)
    assert body
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--skip-seed", action="store_true", help="reuse the database of an earlier run")
    parser.add_argument("--only", default="", help="measure only the requests whose label contains this text")
    args = parser.parse_args()
    folder = ROOT / "bench" / "results" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
           "LOKET_VAR_DIR": str(folder), "DJANGO_SETTINGS_MODULE": "loket.settings",
           "LOKET_SEARCH_LOG_DAYS": "400"}  # fmt: skip
    env.pop("REDIS_URL", None)
    loket = [sys.executable, "-m", "loket.cli"]
    # Loket's day (Europe/Brussels), not this machine's: after 23:00 UTC the year would otherwise end yesterday there,
    # and leave today's live recount out of every request.
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Brussels")).date()
    year_ago = today - datetime.timedelta(days=364)
    if not args.skip_seed:
        for sql in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
            subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", sql], check=True)
        subprocess.run([*loket, "manage", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run([sys.executable, str(ROOT / "bench/reports/seed.py"), f"--scale={args.scale}"], env=env,
                       check=True)  # fmt: skip
        started = time.perf_counter()
        subprocess.run([*loket, "manage", "reports_rebuild", "--from", str(year_ago), "--to", str(today)], env=env,
                       check=True)  # fmt: skip
        print(f"rollup of the year recounted in {time.perf_counter() - started:.0f} s", flush=True)
    cookie = subprocess.run([*loket, "manage", "shell", "-c", SESSION], env=env, check=True, capture_output=True,
                            text=True).stdout.split()[-1]  # fmt: skip
    month = f"period=range&from={today - datetime.timedelta(days=30)}&to={today}"
    year = f"period=range&from={year_ago}&to={today}"
    paths = [("/healthz", "baseline")]
    for name, query in (("month", month), ("year", year)):
        paths += [
            (f"/console/reports/?{query}&by=team", f"chat page by team, {name}"),
            (f"/console/reports/?{query}&by=agent", f"chat page by agent, {name}"),
            (f"/console/reports/?{query}&by=day", f"chat page by day, {name}"),
            (f"/console/reports/?{query}&by=hour", f"chat page by hour of the week, {name}"),
            (f"/console/reports/chat.csv?{query.removeprefix('period=range&')}", f"chat.csv, {name}"),
            (f"/console/reports/chat/table.xlsx?{query}&by=day", f"chat XLSX by day, {name}"),
            (f"/console/reports/email/?{query}", f"e-mail page, {name}"),
            (f"/console/reports/email/?{query}&by=topic", f"e-mail page by topic, {name}"),
            (f"/console/reports/email/table.csv?{query}&by=agent", f"e-mail CSV by assignee, {name}"),
            (f"/console/reports/knowledge/?{query}", f"knowledge page, {name}"),
        ]
    paths.append(("/console/reports/wallboard/figures", "wallboard figures"))
    paths = [paths[0], *((path, label) for path, label in paths[1:] if args.only in label)]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "loket.asgi:application", "--port", str(port),
                               "--log-level", "warning", "--lifespan", "off"], env=env, cwd=folder)  # fmt: skip
    try:
        wait_for_port(port)
        base = f"http://127.0.0.1:{port}"
        for path, _ in paths:  # warm-up: connections, templates, caches
            timed(base, path, cookie, 1)
        print(f"\nscale {args.scale}, {args.requests} requests per URL, one after another\n")
        print("| request | p50 (ms) | p95 (ms) | p50 ÷ /healthz p50 |\n|---|---|---|---|")
        baseline = None
        for path, label in paths:
            timings = timed(base, path, cookie, args.requests)
            p50, p95 = statistics.median(timings), percentile(timings, 0.95)
            baseline = baseline or p50
            print(f"| {label} | {p50:.1f} | {p95:.1f} | {p50 / baseline:.1f}x |", flush=True)
    finally:
        server.terminate()
        server.wait(20)


if __name__ == "__main__":
    main()
