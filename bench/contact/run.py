"""E-mail contact under load: submissions per second, and how long until SMTP has accepted both mails.

    uv run python bench/contact/run.py [--submissions 400] [--clients 2]

On a fresh PostgreSQL database (`loket_bench_contact` on 127.0.0.1) it starts one uvicorn process, one
`loket worker` and a real SMTP server (aiosmtpd, in this process), then lets load-generator processes post
the contact form like a browser does (a GET for the CSRF token, then POSTs). Baseline in the same run: the
same clients calling /healthz. Each phase's rate counts from the clients' first request to their last (their
processes' start-up left out). CPU per request of each process in each phase (the web process, the worker,
PostgreSQL's backends of the benchmark's database, this process with the SMTP server, the clients) says where
the 2 cores went. Delivery time runs from the moment the POST returned until the SMTP server accepted the mail.
"""

import argparse
import multiprocessing
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.services import free_port, smtp_server, wait_for_port  # noqa: E402

DATABASE = "loket_bench_contact"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def submitter(args: tuple[str, int, int]) -> tuple[float, float, list[tuple[str, float]]]:
    base, worker, count = args
    started = time.time()
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    form = opener.open(f"{base}/contact/email/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    topic = re.search(r'<option value="(\d+)"', form).group(1)
    sent = []
    for number in range(count):
        fields = {
            "csrfmiddlewaretoken": token,
            "email": f"bench{worker}-{number}@example.org",
            "name": "Bench",
            "topic": topic,
            "subject": f"Vraag {number}",
            "message": "Een vraag om de snelheid te meten.",
        }
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(f"{base}/contact/email/", data=data, headers={"Referer": f"{base}/"})  # noqa: S310
        try:
            opener.open(request)
        except urllib.error.HTTPError as redirect:
            assert redirect.code == 302, redirect.code
            sent.append((redirect.headers["Location"].rstrip("/").rsplit("/", 1)[1], time.time()))
    return started, time.time(), sent


def healthz(args: tuple[str, int, int]) -> tuple[float, float, list[tuple[str, float]]]:
    base, _, count = args
    started = time.time()
    for _ in range(count):
        urllib.request.urlopen(f"{base}/healthz").read()  # noqa: S310 - 127.0.0.1 only
    return started, time.time(), []


def cpu_seconds(pid: int) -> float:
    """User + system time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def backends() -> list[int]:
    query = f"SELECT pid FROM pg_stat_activity WHERE datname = '{DATABASE}' AND pid <> pg_backend_pid()"  # noqa: S608 - a constant
    found = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", query], capture_output=True, text=True)
    return [int(line) for line in found.stdout.split()]


def load(work, base: str, clients: int, per_client: int, processes: dict[str, int]):  # type: ignore[no-untyped-def]
    """Requests/s from the clients' first request to their last, what they returned, and CPU ms per request of
    each process meanwhile (PostgreSQL's backends found before and after: one that ended meanwhile is missed)."""
    pg = set(backends())
    before = {name: cpu_seconds(pid) for name, pid in processes.items()}
    before_pg = {pid: cpu_seconds(pid) for pid in pg}
    here, children = os.times(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        results = pool.map(work, [(base, worker, per_client) for worker in range(clients)])
    pg |= set(backends())
    total = clients * per_client
    ms = {name: (cpu_seconds(pid) - before[name]) * 1000 / total for name, pid in processes.items()}
    ms["postgresql"] = sum(cpu_seconds(pid) - before_pg.get(pid, 0.0) for pid in pg) * 1000 / total
    now, done = os.times(), resource.getrusage(resource.RUSAGE_CHILDREN)
    ms["bench + SMTP server"] = (now.user + now.system - here.user - here.system) * 1000 / total
    ms["clients"] = (done.ru_utime + done.ru_stime - children.ru_utime - children.ru_stime) * 1000 / total
    elapsed = max(end for _, end, _ in results) - min(start for start, _, _ in results)
    return total / elapsed, [item for _, _, result in results for item in result], ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=400, help="per client process")
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {DATABASE}"], check=True
    )
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {DATABASE}"], check=True)
    smtp_port, web_port = free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "LOKET_SERVICE_EMAIL": "1700@loket.localhost",
        "LOKET_RATE_LIMITS": "contact=100000000/60,contact-address=100000000/60",
        "LOKET_VAR_DIR": str(ROOT / "bench" / "results" / "contact"),
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
        "DJANGO_SETTINGS_MODULE": "loket.settings",
    }
    env.pop("REDIS_URL", None)
    loket = str(Path(sys.executable).parent / "loket")
    subprocess.run([loket, "manage", "migrate", "-v0"], env=env, check=True)
    with smtp_server(smtp_port) as (_, mailbox):
        web = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "loket.asgi:application",
                "--port",
                str(web_port),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        worker = subprocess.Popen([loket, "worker", "--interval", "0.1"], env=env, stdout=subprocess.DEVNULL)
        try:
            wait_for_port(web_port)
            base = f"http://127.0.0.1:{web_port}"
            processes = {"web": web.pid, "worker": worker.pid}
            baseline_rate, _, baseline_cpu = load(healthz, base, args.clients, args.submissions, processes)
            rate, sent, cpu = load(submitter, base, args.clients, args.submissions, processes)
            deadline = time.time() + 300
            while len(mailbox.messages) < 2 * len(sent) and time.time() < deadline:
                time.sleep(0.2)
        finally:
            web.terminate()
            worker.terminate()
            web.wait(20)
            worker.wait(20)
        submitted = dict(sent)
        delays = {"service": [], "copy": []}
        for message in mailbox.messages:
            kind = "service" if "1700@" in message["X-Envelope-To"] else "copy"
            reference = message["X-Loket-Reference"].strip()
            delays[kind].append(message.arrived - submitted[reference])
    both = sorted(delays["service"] + delays["copy"])
    p95 = both[int(0.95 * (len(both) - 1))] if both else float("nan")
    print("| measure | value |\n|---|---|")
    print(f"| baseline: /healthz requests/s ({args.clients} client processes) | {baseline_rate:,.0f} |")
    print(f"| submissions/s ({len(sent):,} submissions) | {rate:,.0f} ({rate / baseline_rate:.2f} of baseline) |")
    print(f"| mails accepted by SMTP | {len(both):,} of {2 * len(sent):,} |")
    print(f"| submit → SMTP accepted, both mails: p50 / p95 (s) | {statistics.median(both):.2f} / {p95:.2f} |")
    for kind, values in delays.items():
        values.sort()
        print(f"| … {kind} mail p50 (s) | {statistics.median(values):.2f} |")
    print("\n| CPU ms per request, during the phase | /healthz | submission |\n|---|---|---|")
    for name in cpu:
        print(f"| {name} | {baseline_cpu[name]:.2f} | {cpu[name]:.2f} |")
    print(f"| **all** | {sum(baseline_cpu.values()):.2f} | {sum(cpu.values()):.2f} |")


if __name__ == "__main__":
    main()
