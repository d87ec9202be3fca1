"""Where a chat message's time goes, in one process and without sockets (run by bench/chat/run.py after the chats).

    DATABASE_URL=… REDIS_URL=… python bench/chat/inprocess.py [--messages 500] [--waiting 10000]

Times, per call, on the benchmark's database: a visitor's message as the consumer handles it (rate limit, then
`actions.post_message`, which stores it and publishes the event), and its parts alone; then the hub's pass that
recomputes the positions of `--waiting / 2` connected visitors (one process's share) after the head of the queue
left, with the frames only collected. Prints JSON: {step: [p50 ms, p99 ms]}.
"""

import argparse
import asyncio
import inspect
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

import django

django.setup()

from loket.chat import events, hub  # noqa: E402
from loket.chat.actions import post_message  # noqa: E402
from loket.chat.models import Conversation, Message  # noqa: E402
from loket.security import limit_used_up, local_limit_used_up  # noqa: E402


def timed(function, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for number in range(count):
        started = time.perf_counter()
        function(number)
        times.append(time.perf_counter() - started)
    return times


def summary(times: list[float]) -> list[float]:
    ordered = sorted(times)
    return [ordered[len(ordered) // 2] * 1000, ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] * 1000]


class Link:
    def __init__(self, ticket: int) -> None:
        self.conversation_id = self.ticket = ticket
        self.team_id = 1
        self.shown = None
        self.frames: list[dict] = []

    def push(self, frame: dict, encoded: str | None = None) -> None:
        self.frames.append(frame)


async def positions(waiting: int, rounds: int) -> list[float]:
    center = hub.Hub(asyncio.get_running_loop())
    queue = center.queues[1] = hub.TeamQueue()
    for ticket in range(1, waiting + 1):
        queue.join(ticket, ticket, time.time())
    center.watchers[1] = {Link(ticket) for ticket in range(1, waiting + 1, 2)}  # one process's half
    center.rates[1] = (time.monotonic() + 3600, 0.5)
    takes_links = "links" in inspect.signature(center._send_positions).parameters
    send = (
        (lambda: center._send_positions(1, center.watchers[1])) if takes_links else (lambda: center._send_positions(1))
    )
    await send()
    times = []
    for round_ in range(1, rounds + 1):
        queue.leave(round_, round_)
        started = time.perf_counter()
        await send()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--waiting", type=int, default=10_000)
    args = parser.parse_args()
    chats = list(Conversation.objects.filter(status=Conversation.Status.ACTIVE).values_list("pk", flat=True)[:100])

    def message(prefix: str) -> Any:
        return lambda n: post_message(
            conversation_id=chats[n % len(chats)], author=Message.Author.VISITOR, text="Een vraag",
            client_id=f"inproc-{prefix}-{n}",
        )  # fmt: skip

    result = {
        "visitor message as the consumer handles it (rate limit here + post_message)": timed(
            lambda n: local_limit_used_up("chat-message", f"inproc-a:{n % 100}") or message("a")(n), args.messages
        ),
        "… post_message alone (PostgreSQL: number and insert in one statement)": timed(message("b"), args.messages),
        "… the same message again (a resend: the locked path finds it)": timed(message("b"), args.messages),
        "… rate limit in the process (token bucket)": timed(
            lambda n: local_limit_used_up("chat-message", f"inproc:{n % 100}"), args.messages
        ),
        "… rate limit shared through Redis (cache add + incr; still used for chat starts and transcripts)": timed(
            lambda n: limit_used_up("chat-message", f"inproc:{n % 100}"), args.messages
        ),
        "… publish alone (Redis PUBLISH)": timed(
            lambda n: events.publish({"kind": "agent", "agent": 0, "frame": {"type": "noop"}}), args.messages
        ),
        f"hub: positions for {args.waiting // 2:,} waiting visitors after one left": asyncio.run(
            positions(args.waiting, 20)
        ),
    }
    print(json.dumps({step: summary(times) for step, times in result.items()}))


if __name__ == "__main__":
    main()
