"""The consoles under load (issue #10): how fast a queue or status change reaches every supervisor's board, and what
the open consoles cost the servers in CPU.

    uv run python bench/console/run.py [--agents 50] [--supervisors 5] [--visitors 10000] [--chats 150] [--rate 20]
                                       [--seconds 30] [--rounds 2] [--leaves 1] [--joins 1] [--statuses 1]
                                       [--phases none,agents,board] [--warmup 10] [--generators 2] [--sample]

On a fresh PostgreSQL database (`loket_bench_console`, made from a migrated template) and a private Redis, it
seeds (seed.py) two teams: `--visitors` visitors waiting in the first, the second empty; `--agents` agents, all
available and full with `--chats` active chats between them, so the queue does not move by itself; `--supervisors`
supervisors. Then it starts two `loket web` processes (bench/chat's `servers`), connects every waiting visitor and
every chat's visitor (bench/chat's load generators, separate processes), and runs the same load in three kinds of phase
of `--seconds` each, in turn forwards and backwards (none, agents, board, board, agents, none for `--rounds 2`, so that
whatever drifts or disturbs the machine falls on every kind alike), after `--warmup` seconds of the none phase's load
that are not counted (the first requests of each kind import code and fill caches):

- none: no console open at all. The chats' visitors send `--rate` messages/s in all; `--leaves` waiting visitors
  a second leave the first team's queue (`leave`, at places spread over the whole queue, so the visitors behind them
  move up) and `--joins` visitors a second join the second team's queue (`POST /api/chat/conversations`).
- agents: the same, with every agent's console open (`/ws/console/`), and `--statuses` status changes a second
  made by agents from their consoles: one goes away, and about ten changes later comes back (`status`).
- board: the same again, with the supervisors' consoles open too; every other "away" is a supervisor's
  `set-status` (with a reason) instead of the agent's own `status`.

Every change happens at a random moment within its second, so that it falls anywhere in the board's cycle.

Measured in each phase: the CPU seconds per second of the two server processes, of PostgreSQL's backends for the
benchmark's database, of Redis, of the clients (from /proc, bench/chat's `Cpu`) and of anything else that ran on
the machine meanwhile (from /proc/stat: with more than a few tenths the run was disturbed); the chat messages'
send → ack times; a `ping` → `pong` loop on a connection to each server process (how long a frame waits for that
process's event loop); and how late the run's own event loop is (which every time it takes includes). In the board
phases: for every change, from the moment the client sent it (the `leave` frame, the HTTP request, the `status` or
`set-status` frame) to the arrival of the first frame at each supervisor after which its board shows it (a `board`,
or a `queues`, `colleague` or `agent` frame applied to the last board, as docs/chat-protocol.md says): the first
team's `waiting` down by the number of leaves so far, the second team's up by the joins so far, the agent in the new
status; for those a `board` showed first, that split at the board's `at` (when the server made it). "Without consoles"
is the none phase: the visitors' load alone, no agent or supervisor console connected (the agents count as present, as
when their console is open: `LOKET_CHAT_AGENT_GRACE` is raised so that they stay so). The agents phase shows how much of
the consoles' cost is the supervisors' boards. At the end, inprocess.py times one board's making on the database as the
run left it. `--sample` profiles the servers (bench/chat's sampler.py) from the first board phase on.
"""

import argparse
import asyncio
import bisect
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.chat import load  # noqa: E402
from bench.chat import run as chat_run  # noqa: E402
from bench.chat.run import (  # noqa: E402
    CLOCK,
    Cpu,
    Generators,
    RoundMatch,
    admin,
    log,
    percentile,
    raise_open_files,
    servers,
    start_sampling,
)
from bench.console.clients import Console, Leaver, Pinger, start_chat  # noqa: E402
from tests.services import private_redis  # noqa: E402

DATABASE, TEMPLATE = "loket_bench_console", "loket_bench_console_template"
chat_run.DATABASE = DATABASE  # bench/chat's Cpu counts the PostgreSQL backends whose command line names it
SETTLE = 3.0  # seconds of quiet after connecting, before a phase
AWAY = 5  # agents away at a time: each comes back about 2 x AWAY status changes after leaving
LATE = 5.0  # seconds a phase's last changes may take to show on the boards


@dataclass
class Change:
    kind: str  # leave, join, status-agent, status-supervisor
    sent: float
    agent: int = 0  # status changes: whose, and to what
    status: str = ""
    ok: bool = True  # leave: the visitor's chat ended; join: 201
    leaver: Leaver | None = None
    join: tuple[int, dict[str, Any]] | None = None
    delays: list[float] = field(default_factory=list)  # until each supervisor's board showed it


@dataclass
class Setup:
    args: argparse.Namespace
    data: dict[str, Any]
    ports: list[int]
    pids: dict[str, list[int]]
    chats: Generators
    leavers: list[list[Leaver]]  # per phase, in the order they leave
    pingers: list[Pinger] = field(default_factory=list)  # one per server process
    retired: list[Console] = field(default_factory=list)  # consoles closed between phases
    lags: list[tuple[float, float]] = field(default_factory=list)  # this process's own event loop: (when, late by)
    agents: dict[int, Console] = field(default_factory=dict)
    supervisors: list[Console] = field(default_factory=list)
    away: deque[int] = field(default_factory=deque)  # the agents away now, longest first
    turn: int = 0  # the next agent to go away


def machine_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy (every process, ours and anyone else's), from /proc/stat."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLOCK


def redis_pid(url: str) -> list[int]:
    port = url.rsplit(":", 1)[1].split("/")[0]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if "redis-server" in command and port in command:
                return [int(entry.name)]
    return []


# --- the load of one phase -----------------------------------------------------------------------------------------


async def at(moment: float) -> None:
    await asyncio.sleep(max(0.0, moment - time.time()))


async def leaves(setup: Setup, number: int, start: float, end: float, changes: list[Change]) -> None:
    rate, rng = setup.args.leaves, random.Random(f"leaves {number}")
    for k, leaver in enumerate(setup.leavers[number] if rate > 0 else []):
        moment = start + (k + rng.random()) / rate
        if moment >= end:
            return
        await at(moment)
        if leaver is not None:  # (None: it could not connect)
            changes.append(Change("leave", await leaver.leave(), leaver=leaver))


async def joins(setup: Setup, number: int, start: float, end: float, changes: list[Change]) -> None:
    rate, topic, tasks = setup.args.joins, setup.data["join_topic"], []
    rng = random.Random(f"joins {number}")
    if rate <= 0:
        return

    async def join(change: Change, port: int, name: str) -> None:
        change.join = await asyncio.to_thread(start_chat, port, topic, name)

    k = 0
    while (moment := start + (k + rng.random()) / rate) < end:
        await at(moment)
        change = Change("join", time.time())
        changes.append(change)
        tasks.append(asyncio.create_task(join(change, setup.ports[k % len(setup.ports)], f"Nieuw {k}")))
        k += 1
    await asyncio.gather(*tasks)


async def statuses(setup: Setup, number: int, start: float, end: float, changes: list[Change]) -> None:
    """Agents in turn go away and come back about `AWAY` changes later: while fewer than `AWAY` are away, the next
    one goes away (with supervisors, every other time by a supervisor's `set-status`); otherwise the one away
    longest comes back (`status` available, from their console)."""
    rate, order, rng = setup.args.statuses, sorted(setup.agents), random.Random(f"statuses {number}")
    k = aways = 0
    if rate <= 0:
        return
    while (moment := start + (k + rng.random()) / rate) < end:
        await at(moment)
        k += 1
        if len(setup.away) < AWAY:
            agent = order[setup.turn % len(order)]
            setup.turn += 1
            setup.away.append(agent)
            if setup.supervisors and aways % 2 == 0:
                boss = setup.supervisors[(aways // 2) % len(setup.supervisors)]
                frame = {"type": "set-status", "agent": agent, "status": "away", "reason": "Weg zonder af te melden"}
                changes.append(Change("status-supervisor", await boss.send(frame), agent=agent, status="away"))
            else:
                sent = await setup.agents[agent].send({"type": "status", "status": "away"})
                changes.append(Change("status-agent", sent, agent=agent, status="away"))
            aways += 1
        else:
            agent = setup.away.popleft()
            sent = await setup.agents[agent].send({"type": "status", "status": "available"})
            changes.append(Change("status-agent", sent, agent=agent, status="available"))


async def phase(setup: Setup, number: int, name: str, seconds: float) -> dict[str, Any]:
    args = setup.args
    start = time.time() + 1.0
    end = start + seconds
    # The messages' client_ids start with this: each phase's their own (the same one again would be a resend).
    setup.chats.tell("phase", f"{name}.{number}", start, seconds, len(setup.data["chats"]) / args.rate)
    changes: list[Change] = []
    drivers = [leaves(setup, number, start, end, changes), joins(setup, number, start, end, changes)]
    if setup.agents:
        drivers.append(statuses(setup, number, start, end, changes))
    await at(start)
    cpu, machine = Cpu(setup.pids), machine_cpu_seconds()
    for console in [*setup.agents.values(), *setup.supervisors]:
        console.reset_counts()
    running = asyncio.gather(*drivers)
    await at(end)
    used, wall = cpu.used(), time.time() - start
    used["machine"] = machine_cpu_seconds() - machine
    counted = {
        group: (
            sum((c.frames for c in consoles), Counter()),
            sum((c.bytes for c in consoles), Counter()),
            len(consoles),
        )
        for group, consoles in (("agent", list(setup.agents.values())), ("supervisor", setup.supervisors))
        if consoles
    }
    await running
    answers = await setup.chats.expect("sent", seconds + 120)
    sent = {k: v for answer in answers for k, v in answer[2].items()}
    acked = {k: v for answer in answers for k, v in answer[3].items()}
    problems = [p for answer in answers for p in answer[4]]
    await asyncio.sleep(LATE)  # the last changes reach the boards
    for change in changes:
        if change.kind == "leave":
            change.ok = change.leaver is not None and change.leaver.left.done()
        elif change.kind == "join":
            change.ok = change.join is not None and change.join[0] == 201
    frames = {
        group: {kind: (n / (number_of * wall), sizes[kind] / n) for kind, n in kinds.items()}
        for group, (kinds, sizes, number_of) in counted.items()
    }
    result = {
        "name": name,
        "wall": wall,
        "pongs": [pinger.between(start, end) for pinger in setup.pingers],
        "lags": [late for moment, late in setup.lags if start <= moment < end],
        "cpu": used,
        "changes": changes,
        "sent": len(sent),
        "acked": len(acked),
        "ack_latencies": [acked[k] - sent[k] for k in acked if k in sent],
        "problems": problems,
        "frames": frames,
        "consoles": len(setup.agents) + len(setup.supervisors),
    }
    if setup.supervisors:
        result["latencies"] = board_latencies(changes, setup.supervisors, start, setup.data["teams"])
    failed = [c for c in changes if not c.ok]
    log(
        f"{name}: servers {used.get('servers', 0) / wall:.2f} CPU s/s, "
        f"PostgreSQL {used.get('postgres', 0) / wall:.2f}; "
        f"{len(sent)} messages ({len(acked)} acked); {len(changes)} changes ({len(failed)} failed)"
    )
    return result


# --- what the boards showed ----------------------------------------------------------------------------------------


def board_latencies(
    changes: list[Change], supervisors: list[Console], start: float, teams: list[int]
) -> dict[str, Any]:
    """Per change kind: every (change, supervisor) delay, and per change the delay until the last supervisor had it.
    A change counts as shown by the first frame (a `board`, or a `queues`, `colleague` or `agent` frame applied to
    the board) that arrived after it was sent and after which the board reflects it: the first team's `waiting` at
    most its count before the phase minus the leaves so far (this one included), the second team's at least its
    count plus the joins so far, the agent in the status the change set."""
    delays: dict[str, list[float]] = {}
    everyone: dict[str, list[float]] = {}
    missing: dict[str, int] = {}
    parts: dict[str, list[float]] = {"sent → board made (the server's `at`)": [], "board made → received": []}
    shown_by = {"board": 0, "between": 0}  # which kind of frame showed a change first
    ordered = sorted((c for c in changes if c.ok), key=lambda c: c.sent)
    for console in supervisors:
        times = [board[0] for board in console.boards]
        before = bisect.bisect_left(times, ordered[0].sent) - 1 if ordered else -1
        counts = console.boards[before][1] if before >= 0 else {}
        goals = {"leave": (teams[0], -1), "join": (teams[1], +1)}  # the team, and which way it moves
        done = {"leave": 0, "join": 0}
        for change in ordered:
            if change.kind in goals:
                done[change.kind] += 1
                team, sign = goals[change.kind]
                goal = counts.get(team, 0) + sign * done[change.kind]
            index = bisect.bisect_left(times, change.sent)
            seen = None
            for received, waiting, statuses, built in console.boards[index:] if counts else ():
                if change.kind in goals:
                    shown = team in waiting and sign * (waiting[team] - goal) >= 0
                else:
                    shown = statuses.get(change.agent) == change.status
                if shown:
                    seen = received
                    shown_by["board" if built is not None else "between"] += 1
                    if built is not None:
                        parts["sent → board made (the server's `at`)"].append(built - change.sent)
                        parts["board made → received"].append(received - built)
                    break
            if seen is None:
                missing[change.kind] = missing.get(change.kind, 0) + 1
            else:
                delays.setdefault(change.kind, []).append(seen - change.sent)
                change.delays.append(seen - change.sent)
    for change in ordered:
        if len(change.delays) == len(supervisors):
            everyone.setdefault(change.kind, []).append(max(change.delays))
    made = {kind: sum(1 for c in ordered if c.kind == kind) for kind in {c.kind for c in ordered}}
    boards = [len([b for b in c.boards if b[0] >= start and b[3] is not None]) for c in supervisors]
    return {
        "delays": delays, "everyone": everyone, "missing": missing, "counts": made, "boards": boards, "parts": parts,
        "shown_by": shown_by,
    }  # fmt: skip


# --- the run -------------------------------------------------------------------------------------------------------


async def lateness(lags: list[tuple[float, float]]) -> None:
    """How late this process's event loop wakes up: what that adds to every time the run's own clients take."""
    while True:
        before = time.monotonic()
        await asyncio.sleep(0.1)
        lags.append((time.time(), time.monotonic() - before - 0.1))


async def connect_consoles(people: list[dict[str, Any]], ports: list[int], board: bool) -> list[Console]:
    consoles = [await Console.open(p["id"], ports[n % len(ports)], p["session"]) for n, p in enumerate(people)]
    for console in consoles:
        try:
            await asyncio.wait_for(console.hello, 60)
            if board:
                await asyncio.wait_for(console.first_board, 10)
        except TimeoutError:
            log(f"console of agent {console.agent_id}: no {'board' if board else 'hello'} within the time")
    return consoles


async def benchmark(args: argparse.Namespace, env: dict[str, str], folder: Path, data: dict[str, Any]) -> dict:
    kinds = args.phases.split(",")
    # Rounds in turn forwards and backwards (none, agents, board, board, agents, none): a drift that grows through
    # the run (the servers' CPU rose by a third from the first round to the second) falls on every kind alike.
    rounds = [kinds if turn % 2 == 0 else kinds[::-1] for turn in range(args.rounds)]
    phases = ["warm-up", *(kind for kinds_of_round in rounds for kind in kinds_of_round)]
    rng = random.Random(10)
    count = len(data["tokens"])
    per_phase = int(args.leaves * max(args.seconds, args.warmup)) + 1
    # Leavers at places spread over the queue, the same places (give or take one) in every phase: each phase's
    # leaves move about as many visitors.
    stride = len(phases) + 1
    spots = rng.sample(range(0, count - stride, stride), min(per_phase, count // stride - 1))
    leaving = {spot + k: (k, n) for n, spot in enumerate(spots) for k in range(len(phases))}  # place -> (phase, turn)
    with servers("loket", env, folder) as running:
        ports = [port for port, _ in running]
        waiting = [(place, ports[place % 2], data["tokens"][place]) for place in range(count) if place not in leaving]
        crowd = Generators(load.queue_visitors, [(waiting[g :: args.generators], True) for g in range(args.generators)])
        visitors = [(c["conversation"], ports[(n // 3) % 2], c["token"]) for n, c in enumerate(data["chats"])]
        chats = Generators(load.chat_clients, [(visitors, [], True)])
        leavers: list[list[Leaver]] = [[None] * len(spots) for _ in phases]  # type: ignore[list-item]
        results: list[dict[str, Any]] = []
        setup: Setup | None = None
        watch: asyncio.Task[None] | None = None
        try:
            started = time.time()
            crowd.tell("connect")
            chats.tell("connect")
            gate = asyncio.Semaphore(32)

            async def leaver(place: int) -> None:
                async with gate:
                    number, turn = leaving[place]
                    try:
                        leavers[number][turn] = await Leaver.open(ports[place % 2], data["tokens"][place])
                    except Exception as error:
                        log(f"a leaving visitor could not connect: {error!r}")

            await asyncio.gather(*(leaver(place) for place in leaving))
            connected = await crowd.expect("connected", 600)
            placed = await crowd.expect("round", 300, RoundMatch(0))
            talking = await chats.expect("connected", 300)
            sockets = sum(a[2] for a in connected) + sum(1 for g in leavers for one in g if one is not None)
            log(
                f"{sockets:,} waiting visitors ({sum(a[3] for a in connected)} failed) and "
                f"{sum(a[2] for a in talking)} chatting visitors connected in {time.time() - started:.0f} s"
                + ("" if len(placed) == args.generators else "; some waiting visitors got no position")
            )
            await asyncio.sleep(SETTLE)
            pids = {
                "servers": [p.pid for _, p in running],
                "redis": redis_pid(env["REDIS_URL"]),
                "clients": [*crowd.pids, *chats.pids, os.getpid()],
            }
            setup = Setup(args, data, ports, pids, chats, leavers)
            setup.pingers = [await Pinger.open(port) for port in ports]
            watch = asyncio.create_task(lateness(setup.lags))
            for number, name in enumerate(phases):
                if setup.supervisors and name != "board":
                    setup.retired += setup.supervisors
                    for console in setup.supervisors:
                        await console.close()
                    setup.supervisors = []
                if setup.agents and name not in ("agents", "board"):
                    setup.retired += setup.agents.values()
                    for console in setup.agents.values():
                        await console.close()
                    setup.agents = {}
                if name in ("agents", "board") and not setup.agents:
                    consoles = await connect_consoles(data["agents"], ports, board=False)
                    setup.agents = {c.agent_id: c for c in consoles}
                if name == "board" and not setup.supervisors:
                    setup.supervisors = await connect_consoles(data["supervisors"], ports, board=True)
                    if chat_run.SAMPLE and not setup.retired:
                        start_sampling(pids["servers"])  # the profile covers the first board phase and after
                await asyncio.sleep(SETTLE)
                log(f"phase {name}: {len(setup.agents)} agent and {len(setup.supervisors)} supervisor consoles")
                result = await phase(setup, number, name, args.warmup if name == "warm-up" else args.seconds)
                if name != "warm-up":  # the first requests of every kind (imports, caches, the pool) go unmeasured
                    results.append(result)
        finally:
            if setup is not None:
                for console in [*setup.agents.values(), *setup.supervisors]:
                    await console.close()
                for pinger in setup.pingers:
                    await pinger.close()
            for group in leavers:
                for one in group:
                    if one is not None:
                        await one.close()
            await crowd.close()
            await chats.close()
            if watch is not None:
                watch.cancel()
    notes = []
    if setup is not None:
        for console in [*setup.retired, *setup.agents.values(), *setup.supervisors]:
            notes += [f"console {console.agent_id}: {odd}" for odd in console.odd]
            notes += [f"console {console.agent_id}: error frame {e}" for e in console.errors[:3]]
        for group in leavers:
            for one in group:
                notes += [] if one is None else [f"leaving visitor: error frame {e}" for e in one.errors[:3]]
    return {"phases": results, "sockets": sockets, "notes": notes}


# --- report --------------------------------------------------------------------------------------------------------

LABELS = {
    "leave": "a visitor leaves the first queue",
    "join": "a visitor joins the second queue (HTTP)",
    "status-agent": "an agent's own `status`",
    "status-supervisor": "a supervisor's `set-status`",
}


def ms(values: list[float], fraction: float) -> str:
    return f"{percentile(values, fraction) * 1000:,.0f}" if values else "-"


def merged(phases: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The phases of each kind taken together: CPU and time summed, latencies pooled, frame rates averaged."""
    kinds: dict[str, dict[str, Any]] = {}
    for one in phases:
        kind = kinds.setdefault(
            one["name"],
            {"name": one["name"], "phases": 0, "wall": 0.0, "cpu": Counter(), "changes": [], "sent": 0, "acked": 0,
             "ack_latencies": [], "problems": [], "pongs": [[] for _ in one["pongs"]], "frames": {}, "lags": []},
        )  # fmt: skip
        kind["phases"] += 1
        kind["wall"] += one["wall"]
        kind["cpu"].update(one["cpu"])
        for key in ("changes", "ack_latencies", "problems", "lags"):
            kind[key] += one[key]
        kind["sent"] += one["sent"]
        kind["acked"] += one["acked"]
        for pooled, pongs in zip(kind["pongs"], one["pongs"], strict=True):
            pooled += pongs
        for group, rates in one["frames"].items():
            for frame, (rate, size) in rates.items():
                was = kind["frames"].setdefault(group, {}).get(frame, (0.0, 0.0))
                kind["frames"][group][frame] = (was[0] + rate, max(was[1], size))
        if "latencies" in one:
            pool = kind.setdefault(
                "latencies",
                {"delays": {}, "everyone": {}, "missing": {}, "counts": {}, "boards": [], "parts": {}, "shown_by": {}},
            )
            for key in ("delays", "everyone", "parts"):
                for change, values in one["latencies"][key].items():
                    pool[key].setdefault(change, []).extend(values)
            for key in ("missing", "counts", "shown_by"):
                for change, number in one["latencies"][key].items():
                    pool[key][change] = pool[key].get(change, 0) + number
            pool["boards"] += one["latencies"]["boards"]
    for kind in kinds.values():
        for rates in kind["frames"].values():
            for frame, (rate, size) in rates.items():
                rates[frame] = (rate / kind["phases"], size)
    return kinds


def report(args: argparse.Namespace, outcome: dict[str, Any], load_before: float) -> None:
    results = merged(outcome["phases"])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    changed = subprocess.run(["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True).stdout
    print(
        f"\nRun of {time.strftime('%Y-%m-%d %H:%M')} at commit {commit.strip() or '?'}"
        f"{' (with uncommitted changes under src/)' if changed.strip() else ''}; {os.cpu_count()} cores; load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after. {outcome['sockets']:,} visitors waiting, "
        f"{args.chats} chats at {args.rate:g} messages/s, {args.agents} agents, {args.supervisors} supervisors, "
        f"{args.rounds} x {args.seconds:g} s of each phase, in turn; {args.leaves:g} leaves, {args.joins:g} joins "
        "and (with consoles) "
        f"{args.statuses:g} status changes a second."
    )
    board = results.get("board")
    if board and "latencies" in board:
        found = board["latencies"]
        print("\n| change → shown on a supervisor's board | changes | per supervisor p50 / p99 / max (ms) "
              "| on all boards p50 / p99 (ms) | not shown |")  # fmt: skip
        print("|---|---|---|---|---|")
        for kind, label in LABELS.items():
            delays, everyone = found["delays"].get(kind, []), found["everyone"].get(kind, [])
            print(
                f"| {label} | {found['counts'].get(kind, 0)} | {ms(delays, 0.5)} / {ms(delays, 0.99)} / "
                f"{ms(delays, 1.0)} | {ms(everyone, 0.5)} / {ms(everyone, 0.99)} | {found['missing'].get(kind, 0)} |"
            )
        queue = found["delays"].get("leave", []) + found["delays"].get("join", [])
        status = found["delays"].get("status-agent", []) + found["delays"].get("status-supervisor", [])
        print(f"| **all queue changes** | | {ms(queue, 0.5)} / {ms(queue, 0.99)} / {ms(queue, 1.0)} | | |")
        print(f"| **all status changes** | | {ms(status, 0.5)} / {ms(status, 0.99)} / {ms(status, 1.0)} | | |")
        for part, values in found["parts"].items():
            print(f"| of which: {part} | | {ms(values, 0.5)} / {ms(values, 0.99)} / {ms(values, 1.0)} | | |")
        shown_by = found["shown_by"]
        print(
            f"\nFirst shown by a full `board` {shown_by.get('board', 0)} times, by a frame between boards "
            f"{shown_by.get('between', 0)} times (a `board`'s `at` splits only the former)."
        )
        print(f"Full boards received per supervisor in each board phase: {found['boards']}")

    def per_second(result: dict[str, Any], *groups: str) -> float:
        return sum(result["cpu"].get(group, 0) for group in groups) / result["wall"]

    server_side = ("servers", "postgres", "redis")
    print("\n| CPU seconds per second | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for groups in (("servers",), ("postgres",), ("redis",), server_side, ("clients",)):
        label = " + ".join(groups) if len(groups) > 1 else groups[0]
        print(f"| {label} | " + " | ".join(f"{per_second(r, *groups):.3f}" for r in results.values()) + " |")
    others = [
        per_second(r, "machine") - per_second(r, *server_side, "clients") for r in results.values()
    ]  # what else ran on the machine meanwhile: with more than a few tenths, the figures are not to be trusted
    print("| anything else on the machine | " + " | ".join(f"{other:.3f}" for other in others) + " |")
    base = results.get("none")
    for name, result in results.items():
        if base and name != "none":
            a, b = per_second(base, "servers"), per_second(result, "servers")
            a_all, b_all = per_second(base, *server_side), per_second(result, *server_side)
            print(
                f"\n{name} ÷ none: servers {b / a:.3f}x; servers + PostgreSQL + Redis {b_all / a_all:.3f}x "
                f"({(b_all - a_all) * 1000:+.0f} ms of CPU per second)"
            )
    if "agents" in results and board:
        a, b = per_second(results["agents"], *server_side), per_second(board, *server_side)
        print(f"\nboard ÷ agents (the supervisors alone): {b / a:.3f}x ({(b - a) * 1000:+.0f} ms of CPU per second)")
    print("\n| phases of each kind together | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    print(
        "| chat messages sent / acknowledged | "
        + " | ".join(f"{r['sent']:,} / {r['acked']:,}" for r in results.values())
        + " |"
    )
    rows = {
        "message send → ack p50 / p99 (ms)": [
            f"{ms(r['ack_latencies'], 0.5)} / {ms(r['ack_latencies'], 0.99)}" for r in results.values()
        ],
        "ping → pong, each server process, p50 / p99 (ms)": [
            ", ".join(f"{ms(pongs, 0.5)} / {ms(pongs, 0.99)}" for pongs in r["pongs"]) for r in results.values()
        ],
        "this run's own event loop late by, p50 / p99 (ms)": [
            f"{ms(r['lags'], 0.5)} / {ms(r['lags'], 0.99)}" for r in results.values()
        ],
        "queue and status changes made (failed)": [
            f"{len(r['changes'])} ({sum(1 for c in r['changes'] if not c.ok)})" for r in results.values()
        ],
    }
    for label, cells in rows.items():
        print(f"| {label} | " + " | ".join(cells) + " |")
    for name, result in results.items():
        for group, kinds in result["frames"].items():
            listed = ", ".join(
                f"{kind} {rate:.2f}/s x {size / 1024:.1f} KB" for kind, (rate, size) in sorted(
                    kinds.items(), key=lambda item: -item[1][0] * item[1][1])
            )  # fmt: skip
            print(f"\n{name}: frames per {group} console: {listed}")
        if result["problems"]:
            print(f"\n{name}: problems seen by the chatting visitors, e.g. {result['problems'][:3]}")
    timing = outcome.get("inprocess", {})
    if "error" in timing:
        print(f"\nIn-process timing failed: {timing['error']}")
    elif timing:
        print(
            "\nOne board and one status change in one process, without sockets, after the run "
            f"({timing['agents']} agents, {timing['chats']} chats, {timing['board_bytes'] / 1024:.1f} KB of JSON, "
            f"{timing['sql_per_board']} SQL queries; a status change away and back "
            f"{timing['sql_per_status_change']} SQL queries), ms p50 / p99:\n"
        )
        print("| step | p50 | p99 |\n|---|---|---|")
        for step, value in timing.items():
            if isinstance(value, list):
                print(f"| {step} | {value[0]:.1f} | {value[1]:.1f} |")
    for note in outcome["notes"][:20]:
        print(f"\nnote: {note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--agents", type=int, default=50)
    parser.add_argument("--supervisors", type=int, default=5)
    parser.add_argument("--visitors", type=int, default=10_000, help="waiting in the first team's queue")
    parser.add_argument("--chats", type=int, default=150, help="active chats, shared by the agents")
    parser.add_argument("--rate", type=float, default=20, help="chat messages per second, in all")
    parser.add_argument("--seconds", type=float, default=30, help="length of each phase")
    parser.add_argument("--leaves", type=float, default=1, help="waiting visitors leaving per second")
    parser.add_argument("--joins", type=float, default=1, help="visitors joining the second queue per second")
    parser.add_argument("--statuses", type=float, default=1, help="agents' status changes per second (with consoles)")
    parser.add_argument("--phases", default="none,agents,board")
    parser.add_argument("--rounds", type=int, default=2, help="times the phases run, in turn")
    parser.add_argument("--warmup", type=float, default=10, help="seconds of the none phase's load, not measured")
    parser.add_argument("--generators", type=int, default=2, help="processes holding the waiting visitors")
    parser.add_argument("--sample", action="store_true", help="profile the servers (board phase) with sampler.py")
    args = parser.parse_args()
    chat_run.SAMPLE = args.sample
    raise_open_files()
    started, load_before = time.time(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="loket-bench-console-") as name, private_redis() as redis_url:
        folder = Path(name)
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "REDIS_URL": redis_url,
            "LOKET_VAR_DIR": str(folder / "var"),
            "LOKET_RATE_LIMITS": "chat-message=1000000/60,chat-start=1000000/60",
            "LOKET_CHAT_VISITOR_GRACE": "900",  # seeding and connecting 10,000 visitors takes a while
            "LOKET_CHAT_AGENT_GRACE": "900",  # the agents stay present while their consoles are closed (phase none)
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "0"),
            "DJANGO_SETTINGS_MODULE": "loket.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        }
        database = f"postgres://postgres@127.0.0.1:5432/{TEMPLATE}"
        try:
            admin(
                f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"
            )
            admin(f"CREATE DATABASE {TEMPLATE}")
            subprocess.run(
                [sys.executable, "-m", "loket.cli", "manage", "migrate", "-v0"],
                env={**env, "DATABASE_URL": database}, check=True,
            )  # fmt: skip
            admin(f"CREATE DATABASE {DATABASE} TEMPLATE {TEMPLATE}")
            out = folder / "seed.json"
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "console" / "seed.py"), "--visitors", str(args.visitors),
                 "--chats", str(args.chats), "--agents", str(args.agents), "--supervisors", str(args.supervisors),
                 "--out", str(out)], env=env, check=True,
            )  # fmt: skip
            data = json.loads(out.read_text())
            log(
                f"seeded {args.visitors:,} waiting, {args.chats} chats, {args.agents} agents, "
                f"{args.supervisors} supervisors"
            )
            outcome = asyncio.run(benchmark(args, env, folder, data))
            timing = subprocess.run(
                [sys.executable, str(ROOT / "bench" / "console" / "inprocess.py"), "--times", "30"],
                env=env, capture_output=True, text=True, check=False,
            )  # fmt: skip
            outcome["inprocess"] = (
                json.loads(timing.stdout) if timing.returncode == 0 else {"error": timing.stderr[-500:]}
            )
        finally:
            admin(
                f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"
            )
    report(args, outcome, load_before)
    log(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
