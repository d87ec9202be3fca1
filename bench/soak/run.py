"""A long mixed load against two `loket web` processes and a worker: does anything grow, fail or get lost?

    uv run python bench/soak/run.py [--minutes 30] [--chats 200] [--waiting 2000] [--churn 1] [--searches 4]
                                    [--contacts 0.5]

On a fresh PostgreSQL database (`loket_bench_soak`, with the demo content) and a private Redis, it starts two
`loket web` processes, one `loket worker` and a real SMTP server (aiosmtpd) for the mail they send. One client
process then keeps, for `--minutes`: `--chats` active chats (20 agents, each visitor sending a message every
5 s and the agents answering every tenth), `--waiting` visitors in the queue of which `--churn` a second leave
and as many new ones join over the API, an agent changing status every 10 s, `--searches` searches and
`--contacts` contact forms a second. Reported: each server process's memory (VmRSS) after a minute of warm-up,
every minute, and at the end, every error (HTTP 5xx or failure, error frames, ERROR lines in the servers' logs),
and every chat message accounted for (sent, acknowledged, received by the agent).
"""

import argparse
import asyncio
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.chat.load import open_socket  # noqa: E402
from bench.chat.run import admin, log, raise_open_files, rss_kb, seed, servers  # noqa: E402
from tests.services import free_port, private_redis, smtp_server  # noqa: E402

DATABASE = "loket_bench_soak"
SEARCHES = ["sociale media", "premie", "klokkenluider", "geschenken", "integriteit", "wonen", "xyz onbekend"]


class Tally:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.sent: set[str] = set()
        self.acked: set[str] = set()
        self.received: set[str] = set()
        self.requests = 0
        self.refused: collections.Counter[str] = collections.Counter()  # 4xx answers, by status and path

    def error(self, text: str) -> None:
        if len(self.errors) < 1000:
            self.errors.append(text[:300])


def http(tally: Tally, opener: urllib.request.OpenerDirector, url: str, data: bytes | None = None) -> str:
    tally.requests += 1
    try:
        request = urllib.request.Request(url, data=data, headers={"Referer": url})  # noqa: S310 - 127.0.0.1 only
        with opener.open(request, timeout=30) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        if error.code >= 500:
            tally.error(f"{error.code} {url}")
        else:
            tally.refused[f"{error.code} {urllib.parse.urlsplit(url).path}"] += 1
        return ""
    except Exception as error:  # every failure is counted
        tally.error(f"{error!r} {url}")
        return ""


def opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))


async def every(seconds: float, until: float, action) -> None:  # type: ignore[no-untyped-def]
    while time.time() < until:
        started = time.time()
        await action()
        await asyncio.sleep(max(0.0, seconds - (time.time() - started)))


async def soak(args: argparse.Namespace, ports: list[int], data: dict, tally: Tally, pids: list[int]) -> dict:
    until = time.time() + args.minutes * 60
    sockets = []

    async def console(agent: dict, port: int) -> None:
        socket = await open_socket(port, "/ws/console/", f"sessionid={agent['session']}")
        sockets.append(socket)
        async for raw in socket:
            frame = json.loads(raw)
            if frame["type"] == "message" and frame["author"] == "visitor":
                tally.received.add(frame["client_id"])
                if frame["seq"] % 10 == 0:
                    reply = {"type": "message", "conversation": frame["conversation"], "text": "Dank u.",
                             "client_id": f"a-{frame['client_id']}"}  # fmt: skip
                    await socket.send(json.dumps(reply))
            elif frame["type"] == "error":
                tally.error(f"console error frame {frame}")

    async def chatter(chat: dict, port: int, number: int) -> None:
        socket = await open_socket(port, "/ws/chat/nl/")
        sockets.append(socket)
        await socket.send(json.dumps({"type": "resume", "token": chat["token"], "last_seq": 0}))

        async def read() -> None:
            async for raw in socket:
                frame = json.loads(raw)
                if frame["type"] == "ack":
                    tally.acked.add(frame["client_id"])
                elif frame["type"] == "error":
                    tally.error(f"visitor error frame {frame}")

        reader = asyncio.create_task(read())
        await asyncio.sleep(random.uniform(0, 5))
        count = 0
        while time.time() < until:
            client_id = f"v{number}-{count}"
            tally.sent.add(client_id)
            await socket.send(json.dumps({"type": "message", "text": f"Vraag {count}", "client_id": client_id}))
            count += 1
            await asyncio.sleep(5)
        await asyncio.sleep(3)  # the last acks
        reader.cancel()

    async def waiter(token: str, port: int, stay: asyncio.Event) -> None:
        socket = await open_socket(port, "/ws/chat/nl/")
        sockets.append(socket)
        await socket.send(json.dumps({"type": "resume", "token": token, "last_seq": 0}))

        async def drain() -> None:
            async for raw in socket:
                if '"error"' in raw:
                    tally.error(f"waiting visitor error frame {raw}")

        drained = asyncio.create_task(drain())
        await stay.wait()
        await socket.send(json.dumps({"type": "leave"}))
        await asyncio.sleep(0.5)
        drained.cancel()
        await socket.close()

    waiting: list[asyncio.Event] = []
    waiters: list[asyncio.Task[None]] = []

    def wait_in_line(token: str) -> None:
        stay = asyncio.Event()
        waiting.append(stay)
        waiters.append(asyncio.create_task(waiter(token, random.choice(ports), stay)))

    async def churn() -> None:
        for _ in range(args.churn):
            if waiting:
                waiting.pop(random.randrange(len(waiting))).set()
            body = json.dumps({"topic": data["topic"], "name": "Nieuw", "language": "nl"}).encode()
            request = urllib.request.Request(f"http://127.0.0.1:{random.choice(ports)}/api/chat/conversations",
                                             data=body, headers={"Content-Type": "application/json"})  # fmt: skip
            answer = await asyncio.to_thread(_post_json, tally, request)
            if answer:
                wait_in_line(answer["token"])

    agents = data["agents"]

    async def status_change() -> None:
        agent = random.choice(agents)
        socket = await open_socket(random.choice(ports), "/ws/console/", f"sessionid={agent['session']}")
        await socket.recv()  # hello
        for status in ("away", "available"):
            await socket.send(json.dumps({"type": "status", "status": status}))
            await asyncio.sleep(1)
        await socket.close()

    search_opener = opener()
    forms = []  # per process: a browser with its form's CSRF token
    for port in ports:
        browser = opener()
        page = http(tally, browser, f"http://127.0.0.1:{port}/contact/email/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        forms.append((port, browser, token, re.search(r'<option value="(\d+)"', page).group(1)))
    sent_forms = 0

    async def search() -> None:
        query = urllib.parse.urlencode({"q": random.choice(SEARCHES)})
        await asyncio.to_thread(http, tally, search_opener, f"http://127.0.0.1:{random.choice(ports)}/zoeken/?{query}")

    async def contact() -> None:
        nonlocal sent_forms
        sent_forms += 1
        port, browser, token, topic = forms[sent_forms % 2]
        fields = {"csrfmiddlewaretoken": token, "email": f"soak{sent_forms}@example.org", "topic": topic,
                  "subject": f"Vraag {sent_forms}", "message": "Een vraag tijdens de duurtest."}  # fmt: skip
        url = f"http://127.0.0.1:{port}/contact/email/"
        await asyncio.to_thread(http, tally, browser, url, urllib.parse.urlencode(fields).encode())

    tasks = [asyncio.create_task(console(agent, ports[n % 2])) for n, agent in enumerate(agents)]
    await asyncio.sleep(2)
    for token in data["tokens"]:
        wait_in_line(token)
    chatters = [asyncio.create_task(chatter(chat, ports[n % 2], n)) for n, chat in enumerate(data["chats"])]
    memory: dict[str, list] = {}

    async def sample_memory() -> None:
        memory.setdefault("minutes", []).append([rss_kb(pid) for pid in pids])

    loops = [
        asyncio.create_task(every(1, until, churn)),
        asyncio.create_task(every(10, until, status_change)),
        asyncio.create_task(every(1 / args.searches, until, search)),
        asyncio.create_task(every(1 / args.contacts, until, contact)),
    ]
    await asyncio.sleep(60)  # warm-up under the whole mix: everyone connected, caches filled
    memory["start"] = [rss_kb(pid) for pid in pids]
    log(f"warmed up; memory {memory['start']} KB; load running for {args.minutes} minutes in all")
    loops.append(asyncio.create_task(every(60, until, sample_memory)))
    await asyncio.gather(*loops, *chatters)
    await asyncio.sleep(5)
    memory["end"] = [rss_kb(pid) for pid in pids]
    for stay in waiting:
        stay.set()
    await asyncio.sleep(2)
    for socket in sockets:
        await socket.close()
    for task in tasks:
        task.cancel()
    return {"memory": memory, "forms": sent_forms}


def _post_json(tally: Tally, request: urllib.request.Request) -> dict | None:
    tally.requests += 1
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - 127.0.0.1 only
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        if error.code >= 500:
            tally.error(f"{error.code} {request.full_url}")
    except Exception as error:  # every failure is counted
        tally.error(f"{error!r} {request.full_url}")
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--waiting", type=int, default=2000)
    parser.add_argument("--churn", type=int, default=1, help="waiting visitors leaving, and joining, per second")
    parser.add_argument("--searches", type=float, default=4, help="per second")
    parser.add_argument("--contacts", type=float, default=0.5, help="contact forms per second")
    args = parser.parse_args()
    raise_open_files()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="loket-soak-") as name, private_redis() as redis_url:
        folder = Path(name)
        smtp_port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "REDIS_URL": redis_url,
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "LOKET_SERVICE_EMAIL": "1700@loket.localhost",
            "LOKET_VAR_DIR": str(folder / "var"),
            "LOKET_RATE_LIMITS": "chat-message=100000/60,chat-start=100000/60,search=100000/60,contact=100000/60,"
            "contact-address=100000/60",
            "DJANGO_SETTINGS_MODULE": "loket.settings",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        }
        admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)", f"CREATE DATABASE {DATABASE}")
        try:
            subprocess.run([sys.executable, "-m", "loket.cli", "manage", "migrate", "-v0"], env=env, check=True)
            subprocess.run(
                [sys.executable, "-c", "import django; django.setup(); from loket.knowledge.demo import "
                 "load_demo_content; load_demo_content()"], env=env, check=True,
            )  # fmt: skip
            # The demo content's indexing tasks first: the soak measures the load, not a backlog.
            subprocess.run([sys.executable, "-m", "loket.cli", "manage", "db_worker", "--batch"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            chats = seed(env, folder, "chats", "--chats", str(args.chats), "--agents", "20")
            queue = seed(env, folder, "queue", "--visitors", str(args.waiting))
            data = {"agents": chats["agents"], "chats": chats["chats"], "tokens": queue["tokens"]}
            data["topic"] = int(subprocess.run(
                [sys.executable, "-c", "import django; django.setup(); from loket.contact.models import Topic; "
                 "print(Topic.objects.first().pk)"], env=env, check=True, capture_output=True, text=True,
            ).stdout)  # fmt: skip
            tally = Tally()
            with smtp_server(smtp_port) as (_, mailbox), servers("loket", env, folder) as running:
                worker = subprocess.Popen(
                    [sys.executable, "-m", "loket.cli", "worker"], env=env, stdout=subprocess.DEVNULL,
                    stderr=open(folder / "worker.log", "wb"),  # noqa: SIM115 - read below
                )  # fmt: skip
                try:
                    result = asyncio.run(
                        soak(args, [port for port, _ in running], data, tally, [p.pid for _, p in running])
                    )
                finally:
                    worker.terminate()
                    worker.wait(20)
                mails = len(mailbox.messages)
            logs = [(folder / f"loket-{n}.log").read_text(errors="replace") for n in range(2)]
            logs.append((folder / "worker.log").read_text(errors="replace"))
        finally:
            admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    server_errors = sum(text.count("ERROR") + text.count("Traceback") for text in logs)
    lost = tally.acked - tally.received
    start, end = result["memory"]["start"], result["memory"]["end"]
    growth = [f"{(e - s) / s * 100:+.1f}%" for s, e in zip(start, end, strict=True)]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    print(f"\nSoak of {time.strftime('%Y-%m-%d %H:%M')} at commit {commit.strip()}; {args.minutes:g} minutes; "
          f"{os.cpu_count()} cores")  # fmt: skip
    print("| measure | figure |\n|---|---|")
    print(f"| memory per web process after warm-up, KB | {start[0]:,} / {start[1]:,} |")
    print(f"| memory per web process at the end, KB | {end[0]:,} / {end[1]:,} ({', '.join(growth)}) |")
    print(f"| HTTP requests made (searches, forms, chat starts) | {tally.requests:,} |")
    print(f"| contact forms sent / mails the SMTP server accepted | {result['forms']:,} / {mails:,} |")
    print(f"| chat messages sent / acknowledged / received by an agent | {len(tally.sent):,} / {len(tally.acked):,} / "
          f"{len(tally.received):,} |")  # fmt: skip
    print(f"| acknowledged but not received (lost) | {len(lost)} |")
    print(f"| errors seen by clients / ERROR lines in the servers' logs | {len(tally.errors)} / {server_errors} |")
    print(f"| refused (4xx) | {dict(tally.refused) or 'none'} |")
    series = " ".join(f"{round(sum(kb) / len(kb) / 1024)}" for kb in result["memory"].get("minutes", []))
    print(f"\nMemory per web process (MB, mean of the two), each minute after warm-up: {series}")
    for error in tally.errors[:10]:
        print(f"  client error: {error}")
    log(f"done in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
