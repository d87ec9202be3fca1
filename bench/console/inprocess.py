"""What one board costs to build, and one agent's status change, in one process without sockets, on the database
bench/console/run.py left behind (its agents, their status history, its chats and their messages, its waiting
visitors). Prints JSON: p50 / p99 ms per call and the number of SQL queries per board and per status change. The
status changes' events are not sent (no hub here): what is timed is the action and its database work.

    DATABASE_URL=… python bench/console/inprocess.py --times 30
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from loket.chat import actions, events, queries  # noqa: E402
from loket.chat.models import Agent  # noqa: E402


def timed(function, times: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    taken = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        taken.append((time.perf_counter() - started) * 1000)
    taken.sort()
    return taken[len(taken) // 2], taken[min(len(taken) - 1, int(0.99 * len(taken)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=30)
    args = parser.parse_args()
    queries.board()  # the first one opens the connection and fills Django's caches
    with CaptureQueriesContext(connection) as captured:
        board = queries.board()
    events.publish = lambda event: None  # type: ignore[assignment]
    agent = Agent.objects.order_by("pk").first()
    assert agent is not None
    was = agent.status
    toggle = iter(["away", "available"] * args.times * 2)
    with CaptureQueriesContext(connection) as away:
        actions.set_availability(agent=agent, status="away")
    with CaptureQueriesContext(connection) as back:
        actions.set_availability(agent=agent, status="available")
    status_change = timed(lambda: actions.set_availability(agent=agent, status=next(toggle)), args.times * 2)
    actions.set_availability(agent=agent, status=was)
    result = {
        "queries.board()": timed(queries.board, args.times),
        "status_durations(today)": timed(lambda: queries.status_durations(timezone.localdate()), args.times),
        "json.dumps(board)": timed(lambda: json.dumps(board), args.times),
        "a status change (away, available)": status_change,
        "sql_per_board": len(captured.captured_queries),
        "sql_per_status_change": f"{len(away.captured_queries)} and {len(back.captured_queries)}",
        "board_bytes": len(json.dumps(board)),
        "agents": len(board["agents"]),
        "chats": len(board["chats"]),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
