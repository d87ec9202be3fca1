"""The chat under load: the queue's fan-out to many waiting visitors, and many concurrent chats.

    uv run python bench/chat/run.py [--visitors 10000] [--rounds 15] [--chats 1000] [--agents 10]
                                    [--rate 100] [--seconds 20] [--generators 4] [--scenarios queue,chats]
                                    [--no-deflate] [--sample]

On a fresh PostgreSQL database (`loket_bench_chat` on 127.0.0.1, made from a migrated template) and a private
Redis, it starts two `loket web` processes and seeds the data straight into the tables (seed.py). Load generators
are separate processes (load.py) holding the WebSocket clients; every time is `time.time()` on this one machine.
Each scenario's baseline runs in the same run: bare.py under the same uvicorn, two processes, one Redis
subscription each, no Django and no database.

queue: `--visitors` visitors wait, spread over the two processes. Each round the agent's console closes its chat,
so the agent takes the head of the queue and everyone behind moves up by one. Measured: from the moment the
console sends "close" to each waiting visitor receiving its new position (every visitor-round), and memory per
waiting connection (VmRSS of both server processes after connecting minus before). Baseline: a PUBLISH that makes
each process send each of its sockets its new position, from the PUBLISH to receipt.

chats: `--chats` active conversations shared over `--agents` agents, each console and each visitor connected.
Visitors send messages, first at `--rate` messages/s in all (open loop), then each waiting for its ack before the
next (closed loop: the most the server sustains), `--seconds` each. Measured: visitor send → agent's console
receives it, and messages/s. Baseline: bare.py relaying each visitor frame to the agent's socket through Redis.
"""

import argparse
import asyncio
import json
import multiprocessing
import os
import queue
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.chat import load  # noqa: E402
from tests.services import free_port, private_redis, wait_for_port  # noqa: E402

ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
DATABASE, TEMPLATE = "loket_bench_chat", "loket_bench_chat_template"
CLOCK = os.sysconf("SC_CLK_TCK")
SAMPLE = False  # --sample: run Loket's servers under sampler.py


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def admin(*statements: str) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def raise_open_files() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK  # utime + stime


def postgres_pids() -> list[int]:
    """The PostgreSQL backends serving the benchmark's database (their command line names it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if f" {DATABASE} " in (entry / "cmdline").read_text():
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


class Cpu:
    """CPU seconds used by groups of processes from now until `used()`. PostgreSQL backends come and go (a connection
    is replaced after DATABASE_CONN_MAX_AGE), so they are read every quarter second and a backend that exits counts
    up to its last reading."""

    def __init__(self, groups: dict[str, list[int]]) -> None:
        self.groups = groups
        self.start = self.read()
        self.last = dict(self.start)
        self.stopping = threading.Event()
        self.poller = threading.Thread(target=self._poll, daemon=True)
        self.poller.start()

    def read(self) -> dict[tuple[str, int], float]:
        groups = {**self.groups, "postgres": postgres_pids()}
        return {(name, pid): cpu_seconds(pid) for name, pids in groups.items() for pid in pids}

    def _poll(self) -> None:
        while not self.stopping.wait(0.25):
            for key, seconds in self.read().items():
                self.last[key] = max(seconds, self.last.get(key, 0.0))

    def used(self) -> dict[str, float]:
        self.stopping.set()
        self.poller.join()
        for key, seconds in self.read().items():
            self.last[key] = max(seconds, self.last.get(key, 0.0))
        used: dict[str, float] = {}
        for (name, pid), seconds in self.last.items():
            used[name] = used.get(name, 0.0) + seconds - self.start.get((name, pid), 0.0)
        return used


# --- processes ----------------------------------------------------------------------------------------------------


@contextmanager
def servers(kind: str, env: dict[str, str], folder: Path) -> Iterator[list[tuple[int, subprocess.Popen[bytes]]]]:
    """Two server processes: `loket web` or the bare baseline under uvicorn."""
    started = []
    try:
        for number in range(2):
            port = free_port()
            if kind == "loket":
                command = [sys.executable, "-m", "loket.cli", "web", "--port", str(port)]
                if SAMPLE:
                    command[1:1] = [str(ROOT / "bench" / "chat" / "sampler.py"), str(folder / f"sample-{number}.txt")]
            else:
                # The same WebSocket settings as `loket web`.
                command = [
                    sys.executable, "-m", "uvicorn", "bench.chat.bare:app", "--port", str(port), "--lifespan", "off",
                    "--log-level", "warning", "--ws-max-size", str(64 * 1024), "--ws-per-message-deflate", "false",
                ]  # fmt: skip
            output = open(folder / f"{kind}-{number}.log", "wb")  # noqa: SIM115 - closed with the process
            process = subprocess.Popen(
                command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, preexec_fn=raise_open_files
            )
            started.append((port, process, output))
        for port, _, _ in started:
            wait_for_port(port, 60)
        yield [(port, process) for port, process, _ in started]
    finally:
        for _, process, _ in started:
            process.terminate()
        for number, (_, process, output) in enumerate(started):
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
            output.close()
            if SAMPLE and (folder / f"sample-{number}.txt").exists():
                log((folder / f"sample-{number}.txt").read_text())
                (folder / f"sample-{number}.txt").unlink()
            lines = (folder / f"{kind}-{number}.log").read_text(errors="replace").splitlines()
            first = next((n for n, line in enumerate(lines) if "Traceback" in line or "ERROR" in line), None)
            if first is not None:
                errors = sum(1 for line in lines if "ERROR" in line)
                log(
                    f"{kind} server {number} logged {errors} errors; the first:\n"
                    + "\n".join(lines[first : first + 40])
                )


class Generators:
    """Load-generator processes, each with its own command queue; their answers arrive on one shared queue."""

    def __init__(self, target: Any, shares: list[tuple[Any, ...]]) -> None:
        context = multiprocessing.get_context("spawn")
        self.answers = context.Queue()
        self.commands = [context.Queue() for _ in shares]
        self.processes = [
            context.Process(target=target, args=(number, *share, self.commands[number], self.answers), daemon=True)
            for number, share in enumerate(shares)
        ]
        self.held: list[tuple[Any, ...]] = []
        for process in self.processes:
            process.start()

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes if p.pid]

    def tell(self, *order: Any) -> None:
        for commands in self.commands:
            commands.put(order)

    async def expect(self, kind: str, timeout: float, match: Any = None) -> list[tuple[Any, ...]]:
        """One answer of `kind` from every generator (fewer if the time runs out)."""
        deadline = time.time() + timeout
        found: dict[int, tuple[Any, ...]] = {}
        while len(found) < len(self.processes):
            for answer in list(self.held):
                if answer[0] == kind and (match is None or match(answer)):
                    self.held.remove(answer)
                    found[answer[1]] = answer
            if len(found) == len(self.processes):
                break
            remaining = deadline - time.time()
            if remaining <= 0:
                break
            try:
                answer = await asyncio.to_thread(self.answers.get, True, min(remaining, 1.0))
            except queue.Empty:
                if kind != "closed" and not all(p.is_alive() for p in self.processes):
                    log(f"a load generator died; no more waiting for {kind!r}")
                    break
                continue
            if answer[0] == "round" and kind == "round" and match is not None and answer[2] < match.round:
                continue  # a round finished late; its lateness is in the times
            self.held.append(answer)
        return [found[k] for k in sorted(found)]

    async def close(self) -> None:
        self.tell("close")
        await self.expect("closed", 30)
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.terminate()
                process.join(5)


class RoundMatch:
    def __init__(self, round_: int) -> None:
        self.round = round_

    def __call__(self, answer: tuple[Any, ...]) -> bool:
        return answer[2] == self.round


class Console:
    """One agent console held by the run itself, its frames read all the time."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.frames: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, port: int, path: str, cookie: str = "") -> "Console":
        return cls(await load.open_socket(port, path, cookie))

    async def _read(self) -> None:
        async for raw in self.socket:
            await self.frames.put(json.loads(raw))

    async def wait_for(self, kind: str, timeout: float = 30) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while True:
                frame = await self.frames.get()
                if frame["type"] == kind:
                    return frame

    async def send(self, frame: dict[str, Any]) -> None:
        await self.socket.send(json.dumps(frame))

    async def close(self) -> None:
        await self.socket.close()
        self.reader.cancel()


# --- the database -------------------------------------------------------------------------------------------------


def start_sampling(pids: list[int]) -> None:
    """With --sample: the profiles cover only what follows (not the connecting)."""
    if SAMPLE:
        for pid in pids:
            os.kill(pid, signal.SIGUSR1)


def fresh_database() -> None:
    admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"CREATE DATABASE {DATABASE} TEMPLATE {TEMPLATE}")


def seed(env: dict[str, str], folder: Path, *arguments: str) -> dict[str, Any]:
    out = folder / "seed.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "chat" / "seed.py"), *arguments, "--out", str(out)], env=env, check=True
    )
    return json.loads(out.read_text())


# --- queue fan-out ------------------------------------------------------------------------------------------------


async def fanout(
    kind: str, args: argparse.Namespace, env: dict[str, str], folder: Path, data: dict[str, Any]
) -> dict[str, Any]:
    count = len(data["tokens"])
    publisher = redis.Redis.from_url(env["REDIS_URL"])
    with servers(kind, env, folder) as running:
        ports = [port for port, _ in running]
        # A console on each process: the first one closes chats; both start the process's hub before "before".
        if kind == "loket":
            cookie = f"sessionid={data['session']}"
            consoles = [await Console.open(port, "/ws/console/", cookie) for port in ports]
        else:
            consoles = [await Console.open(port, f"/ws/console/?agent={n}") for n, port in enumerate(ports)]
        for console in consoles:
            await console.wait_for("hello")
        await asyncio.sleep(1)
        before = [rss_kb(process.pid) for _, process in running]
        visitors = [
            (place, ports[place % 2], data["tokens"][place] if kind == "loket" else str(place))
            for place in range(count)
        ]
        shares = [(visitors[g :: args.generators], not args.no_deflate) for g in range(args.generators)]
        generators = Generators(load.queue_visitors, shares)
        try:
            connecting = Cpu({"servers": [p.pid for _, p in running], "generators": generators.pids})
            started = time.time()
            generators.tell("connect")
            connected = await generators.expect("connected", 600)
            ready = await generators.expect("round", 300, RoundMatch(0))
            connect_seconds = time.time() - started
            connect_cpu = connecting.used()
            sockets, failed = sum(a[2] for a in connected), sum(a[3] for a in connected)
            log(
                f"{kind}: {sockets:,} visitors connected ({failed} failed) and placed in {connect_seconds:.1f} s"
                + ("" if len(ready) == args.generators else " (some positions never arrived)")
            )
            await asyncio.sleep(3)  # let the last writes and flushes settle
            after = [rss_kb(process.pid) for _, process in running]
            cpu = Cpu({"servers": [p.pid for _, p in running], "generators": generators.pids})
            if kind == "loket":
                start_sampling([p.pid for _, p in running])
            triggers: dict[int, float] = {}
            round_seconds = []
            current = data.get("busy")
            for round_ in range(1, args.rounds + 1):
                triggers[round_] = time.time()
                if kind == "loket":
                    await consoles[0].send({"type": "close", "conversation": current})
                    current = (await consoles[0].wait_for("started"))["conversation"]
                else:
                    publisher.publish("bench:queue", json.dumps({"served": round_}))
                done = await generators.expect("round", 30, RoundMatch(round_))
                round_seconds.append(time.time() - triggers[round_])
                if len(done) < args.generators:
                    log(f"{kind}: round {round_} incomplete after 30 s")
                await asyncio.sleep(args.pause)
            used = cpu.used()
            generators.tell("collect")
            collected = await generators.expect("times", 120)
        finally:
            await generators.close()
            for console in consoles:
                await console.close()
    publisher.close()
    delays, expected, extra = [], 0, 0
    for _, _, times, duplicates, places in collected:
        extra += duplicates
        expected += sum(1 for round_ in triggers for place in places if place >= round_)
        delays += [received - triggers[round_] for _, round_, received in times if round_ in triggers]
    slowest, p99 = max(round_seconds), percentile(delays, 0.99)
    log(f"{kind}: rounds took {min(round_seconds):.2f} to {slowest:.2f} s; p99 {p99:.3f} s")
    return {
        "kind": kind,
        "sockets": sockets,
        "failed": failed,
        "connect_seconds": connect_seconds,
        "connect_cpu": connect_cpu,
        "kb_per_socket": (sum(after) - sum(before)) / max(sockets, 1),
        "rss_before_mb": sum(before) / 1024,
        "rss_after_mb": sum(after) / 1024,
        "delays": delays,
        "expected": expected,
        "extra": extra,
        "rounds": len(triggers),
        "cpu": used,
        "round_seconds": round_seconds,
    }


async def queue_scenario(args: argparse.Namespace, env: dict[str, str], folder: Path) -> list[dict[str, Any]]:
    fresh_database()
    data = seed(env, folder, "queue", "--visitors", str(args.visitors))
    log(f"queue: seeded {args.visitors:,} waiting visitors")
    results = [await fanout("loket", args, env, folder, data)]
    results.append(await fanout("bare", args, env, folder, data))
    return results


# --- concurrent chats ---------------------------------------------------------------------------------------------


async def chat_phase(
    generators: Generators, name: str, seconds: float, interval: float, pids: dict[str, list[int]]
) -> dict[str, Any]:
    start = time.time() + 1.0
    cpu = Cpu(pids)
    generators.tell("phase", name, start, seconds, interval)
    answers = await generators.expect("sent", seconds + 120)
    used = cpu.used()
    sent = {k: v for answer in answers for k, v in answer[2].items()}
    acked = {k: v for answer in answers for k, v in answer[3].items()}
    problems = [p for answer in answers for p in answer[4]]
    arrived: dict[str, float] = {}
    deadline = time.time() + 15
    while True:
        generators.tell("arrived", name)
        arrived = {k: v for answer in await generators.expect("arrived", 30) for k, v in answer[2].items()}
        if len(arrived) >= len(acked) or time.time() > deadline:
            break
        await asyncio.sleep(0.5)
    latencies = [arrived[k] - sent[k] for k in sent if k in arrived]
    in_window = sum(1 for k, t in sent.items() if k in arrived and start <= t < start + seconds)
    return {
        "name": name,
        "sent": len(sent),
        "acked": len(acked),
        "arrived": len(arrived),
        "latencies": latencies,
        "ack_latencies": [acked[k] - sent[k] for k in acked],
        "rate": in_window / seconds,
        "cpu": used,
        "problems": problems,
    }


async def relay(
    kind: str, args: argparse.Namespace, env: dict[str, str], folder: Path, data: dict[str, Any]
) -> dict[str, Any]:
    agents = data["agents"]
    number_of = {agent["id"]: n for n, agent in enumerate(agents)}
    with servers(kind, env, folder) as running:
        ports = [port for port, _ in running]
        consoles = [
            (agent["id"], ports[n % 2], "/ws/console/", f"sessionid={agent['session']}")
            if kind == "loket"
            else (agent["id"], ports[n % 2], f"/ws/console/?agent={agent['id']}", "")
            for n, agent in enumerate(agents)
        ]
        visitors = [
            (
                chat["conversation"],
                ports[
                    (index // len(agents)) % 2
                ],  # about half of the visitors are on the other process than their agent
                chat["token"] if kind == "loket" else f"{chat['conversation']}:{chat['agent']}",
            )
            for index, chat in enumerate(data["chats"])
        ]
        shares = [
            (
                visitors[g :: args.generators],
                [c for c in consoles if number_of[c[0]] % args.generators == g],
                not args.no_deflate,
            )
            for g in range(args.generators)
        ]
        generators = Generators(load.chat_clients, shares)
        try:
            started = time.time()
            generators.tell("connect")
            connected = await generators.expect("connected", 300)
            sockets = sum(a[2] for a in connected)
            failures = [f for a in connected for f in a[5]]
            log(
                f"{kind}: {sockets:,} visitors and {len(consoles)} consoles connected in {time.time() - started:.1f} s"
                + (f"; failures: {failures}" if failures else "")
            )
            pids = {"servers": [p.pid for _, p in running], "generators": generators.pids}
            await chat_phase(generators, "warm", 3, 0, pids)
            interval = sockets / args.rate
            paced = await chat_phase(generators, "paced", args.seconds, interval, pids)
            p50, p99 = (percentile(paced["latencies"], f) * 1000 for f in (0.5, 0.99))
            log(
                f"{kind}: {args.rate:g} messages/s offered: {paced['arrived']:,} of {paced['sent']:,} arrived, "
                f"p50 {p50:.1f} ms, p99 {p99:.1f} ms"
            )
            if kind == "loket":
                start_sampling(pids["servers"])
            closed = await chat_phase(generators, "closed", args.seconds, 0, pids)
            log(
                f"{kind}: closed loop: {closed['rate']:,.0f} messages/s, "
                f"{closed['arrived']:,} of {closed['sent']:,} arrived"
            )
        finally:
            await generators.close()
    return {"kind": kind, "sockets": sockets, "paced": paced, "closed": closed}


async def chats_scenario(args: argparse.Namespace, env: dict[str, str], folder: Path) -> dict[str, Any]:
    fresh_database()
    data = seed(env, folder, "chats", "--chats", str(args.chats), "--agents", str(args.agents))
    log(f"chats: seeded {args.chats:,} active chats over {args.agents} agents")
    results = {"loket": await relay("loket", args, env, folder, data)}
    results["bare"] = await relay("bare", args, env, folder, data)
    timing = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "chat" / "inprocess.py"), "--messages", "500"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    results["inprocess"] = json.loads(timing.stdout) if timing.returncode == 0 else {"error": timing.stderr[-500:]}
    return results


# --- report -------------------------------------------------------------------------------------------------------


def ms(values: list[float], fraction: float) -> str:
    return f"{percentile(values, fraction) * 1000:,.1f}"


def report(
    args: argparse.Namespace, queue_results: list[dict[str, Any]] | None, chat_results: dict[str, Any] | None
) -> None:
    if queue_results:
        loket, bare = queue_results
        print(
            f"\n### Queue fan-out: {loket['sockets']:,} waiting visitors over 2 processes, {loket['rounds']} rounds\n"
        )
        print("| measure | Loket | bare baseline | Loket ÷ baseline |\n|---|---|---|---|")
        for label, fraction in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
            a, b = percentile(loket["delays"], fraction), percentile(bare["delays"], fraction)
            print(f"| trigger → new position, {label} (ms) | {a * 1000:,.0f} | {b * 1000:,.0f} | {a / b:.1f}x |")
        print(
            f"| positions received / expected | {len(loket['delays']):,} / {loket['expected']:,} "
            f"| {len(bare['delays']):,} / {bare['expected']:,} | |"
        )
        a, b = loket["kb_per_socket"], bare["kb_per_socket"]
        print(f"| memory per waiting connection (KB, both servers' VmRSS) | {a:.1f} | {b:.1f} | {a / b:.1f}x |")
        print(
            f"| servers' VmRSS before → after connecting (MB) "
            f"| {loket['rss_before_mb']:,.0f} → {loket['rss_after_mb']:,.0f} "
            f"| {bare['rss_before_mb']:,.0f} → {bare['rss_after_mb']:,.0f} | |"
        )
        print(
            f"| connect + first position, all visitors (s) "
            f"| {loket['connect_seconds']:.1f} | {bare['connect_seconds']:.1f} | |"
        )
        for name in ("servers", "postgres", "generators"):
            x, y = loket["connect_cpu"].get(name, 0), bare["connect_cpu"].get(name, 0)
            print(f"| CPU while connecting: {name} (s) | {x:.1f} | {y:.1f} | |")
        for name in ("servers", "postgres", "generators"):
            a, b = loket["cpu"].get(name, 0) / loket["rounds"], bare["cpu"].get(name, 0) / bare["rounds"]
            print(f"| CPU per round: {name} (ms) | {a * 1000:,.0f} | {b * 1000:,.0f} | |")
        print(f"| duplicate position frames | {loket['extra']:,} | {bare['extra']:,} | |")
    if chat_results:
        loket, bare = chat_results["loket"], chat_results["bare"]
        print(f"\n### {loket['sockets']:,} concurrent chats over 2 processes, {args.agents} agents\n")
        print("| measure | Loket | bare baseline | Loket ÷ baseline |\n|---|---|---|---|")
        for phase, title in (("paced", f"{args.rate:g} messages/s offered"), ("closed", "closed loop")):
            a, b = loket[phase], bare[phase]
            for label, fraction in (("p50", 0.5), ("p99", 0.99)):
                x, y = percentile(a["latencies"], fraction), percentile(b["latencies"], fraction)
                ratio = x / y if y else float("nan")
                print(
                    f"| {title}: visitor send → agent receives, {label} (ms) "
                    f"| {x * 1000:,.1f} | {y * 1000:,.1f} | {ratio:.1f}x |"
                )
            print(f"| {title}: send → ack p50 (ms) | {ms(a['ack_latencies'], 0.5)} | {ms(b['ack_latencies'], 0.5)} | |")
            ratio = a["rate"] / b["rate"] if b["rate"] else float("nan")
            print(f"| {title}: messages/s delivered | {a['rate']:,.0f} | {b['rate']:,.0f} | {ratio:.2f} |")
            print(
                f"| {title}: arrived / sent | {a['arrived']:,} / {a['sent']:,} | {b['arrived']:,} / {b['sent']:,} | |"
            )
            for name in ("servers", "postgres", "generators"):
                x = a["cpu"].get(name, 0) / max(a["arrived"], 1)
                y = b["cpu"].get(name, 0) / max(b["arrived"], 1)
                print(f"| {title}: CPU per message, {name} (ms) | {x * 1000:.2f} | {y * 1000:.2f} | |")
        timing = chat_results.get("inprocess", {})
        if "error" in timing:
            print(f"\nIn-process timing failed: {timing['error']}")
        elif timing:
            print("\nIn one process, without sockets (ms per call, p50 / p99):\n")
            print("| step | p50 | p99 |\n|---|---|---|")
            for step, (p50, p99) in timing.items():
                print(f"| {step} | {p50:.2f} | {p99:.2f} |")
        for kind, result in chat_results.items():
            if kind in ("loket", "bare"):
                for phase in ("paced", "closed"):
                    if result[phase]["problems"]:
                        print(f"\n{kind} {phase}: problems seen, e.g. {result[phase]['problems'][:3]}")


async def run(args: argparse.Namespace, env: dict[str, str], folder: Path) -> None:
    scenarios = args.scenarios.split(",")
    load_before = os.getloadavg()[0]
    queue_results = await queue_scenario(args, env, folder) if "queue" in scenarios else None
    chat_results = await chats_scenario(args, env, folder) if "chats" in scenarios else None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    changed = subprocess.run(["git", "status", "--porcelain", "src"], cwd=ROOT, capture_output=True, text=True).stdout
    print(
        f"\nRun of {time.strftime('%Y-%m-%d %H:%M')} at commit {commit.strip() or '?'}"
        f"{' (with uncommitted changes under src/)' if changed.strip() else ''}; {os.cpu_count()} cores; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after; "
        f"clients {'without permessage-deflate' if args.no_deflate else 'offer permessage-deflate, as browsers do'}."
    )
    report(args, queue_results, chat_results)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visitors", type=int, default=10_000, help="waiting visitors (queue)")
    parser.add_argument("--rounds", type=int, default=15, help="head-of-queue changes (queue)")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between rounds (queue)")
    parser.add_argument("--chats", type=int, default=1000, help="concurrent chats (chats)")
    parser.add_argument("--agents", type=int, default=10, help="agents sharing the chats (chats)")
    parser.add_argument("--rate", type=float, default=100, help="messages/s offered in the open-loop phase (chats)")
    parser.add_argument("--seconds", type=float, default=20, help="length of each message phase (chats)")
    parser.add_argument("--generators", type=int, default=4, help="load-generator processes")
    parser.add_argument("--scenarios", default="queue,chats")
    parser.add_argument("--no-deflate", action="store_true", help="clients do not offer permessage-deflate")
    parser.add_argument("--sample", action="store_true", help="profile Loket's servers with sampler.py (slower)")
    args = parser.parse_args()
    global SAMPLE
    SAMPLE = args.sample
    raise_open_files()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="loket-bench-chat-") as name, private_redis() as redis_url:
        folder = Path(name)
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "REDIS_URL": redis_url,
            "BENCH_REDIS_URL": redis_url,
            "LOKET_VAR_DIR": str(folder / "var"),
            "LOKET_RATE_LIMITS": "chat-message=1000000/60,chat-start=1000000/60",
            "LOKET_CHAT_VISITOR_GRACE": "600",  # seeding and connecting 10,000 visitors may take longer than 120 s
            # 0, Loket's default: connections come from the pool (settings.py); set 60 to compare persistent ones.
            "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "0"),
            "DJANGO_SETTINGS_MODULE": "loket.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        }
        try:
            admin(
                f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"
            )
            admin(f"CREATE DATABASE {TEMPLATE}")
            subprocess.run(
                [sys.executable, "-m", "loket.cli", "manage", "migrate", "-v0"],
                env={**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{TEMPLATE}"}, check=True,
            )  # fmt: skip
            log("migrated the template database")
            asyncio.run(run(args, env, folder))
        finally:
            admin(
                f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"
            )
    log(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
