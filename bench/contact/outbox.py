"""The outbox: mails per second one `loket worker` sends, in the same run: a task and a new SMTP connection per mail
(before), a task per mail over one connection (reuse), and a task that sends the other due mails too, in chunks
over one connection (batch, `contact/tasks.py`).

    uv run python bench/contact/outbox.py [--mails 2000] [--database postgresql|sqlite]

A fresh database (PostgreSQL `loket_bench_outbox` on 127.0.0.1, or SQLite under bench/results/), a real SMTP
server (aiosmtpd, in a process of its own so that it does not share the worker's interpreter), then per phase:
N pending mails with their tasks queued, and one worker process (`db_worker --batch`, the same as `loket worker`)
that sends them and exits; the phases alternate for a few rounds and the best of each counts (the machine is
shared). The rate runs from the first task's start to the last task's end (a task the batch closed counts too):
process start-up is not counted.
Because wall-clock rates swing with whatever else runs, the CPU time the worker (from its first task on: start-up
is left out) and the SMTP server spend per mail is given too; it depends far less on the machine's load.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.services import free_port, wait_for_port  # noqa: E402

DATABASE = "loket_bench_outbox"

QUEUE = """
import django, json, sys
django.setup()
from django.db import transaction
from loket.contact import tasks
from loket.contact.models import OutgoingMail
count, phase = int(sys.argv[1]), sys.argv[2]
with transaction.atomic():
    mails = OutgoingMail.objects.bulk_create(
        OutgoingMail(kind="transcript", to=f"bench{n}@example.org", reply_to="1700@loket.localhost",
                     subject=f"Bench {phase} {n}", body="Een mail om de snelheid te meten.\\n" * 20,
                     message_id=f"<bench-{phase}-{n}@loket.localhost>")
        for n in range(count)
    )
    for mail in OutgoingMail.objects.filter(message_id__startswith=f"<bench-{phase}-"):
        tasks.send_outgoing_mail.enqueue(mail.id)
"""

WORK = """
import django, resource, sys
django.setup()
from django.core.management import call_command
from loket.contact import tasks
tasks.REUSE_CONNECTION = sys.argv[1] != "new"
tasks.BATCH = tasks.BATCH if sys.argv[1] == "batch" else 0
used = resource.getrusage(resource.RUSAGE_SELF)
call_command("db_worker", "--batch", "--interval", "0.05", "--no-startup-delay", verbosity=0)
done = resource.getrusage(resource.RUSAGE_SELF)
print(done.ru_utime + done.ru_stime - used.ru_utime - used.ru_stime)
"""

RATE = """
import django, json, sys
django.setup()
from django.db.models import Max, Min
from django_tasks_db.models import DBTaskResult
from loket.contact.models import OutgoingMail
mails = OutgoingMail.objects.filter(message_id__startswith=f"<bench-{sys.argv[1]}-")
ids = list(mails.values_list("pk", flat=True))
span = DBTaskResult.objects.filter(args_kwargs__args__0__in=ids).aggregate(
    start=Min("started_at"), end=Max("finished_at"))
print(json.dumps({"sent": mails.filter(status="sent").count(), "of": len(ids),
                  "seconds": (span["end"] - span["start"]).total_seconds()}))
"""


def cpu_seconds(pid: int) -> float:
    """User and system time a process has used so far (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=2000, help="per phase")
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--rounds", type=int, default=3, help="before and after alternate; the best of each counts")
    args = parser.parse_args()
    results = ROOT / "bench" / "results" / "outbox"
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir(parents=True)
    smtp_port = free_port()
    env = {
        **os.environ,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "LOKET_SERVICE_EMAIL": "1700@loket.localhost",
        "LOKET_VAR_DIR": str(results),
        "DJANGO_SETTINGS_MODULE": "loket.settings",
        "PYTHONPATH": str(ROOT / "src"),
    }
    env.pop("REDIS_URL", None)
    if args.database == "postgresql":
        psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {DATABASE}"], check=True)
        subprocess.run([*psql, f"CREATE DATABASE {DATABASE}"], check=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    else:
        env.pop("DATABASE_URL", None)
    loket = str(Path(sys.executable).parent / "loket")
    subprocess.run([loket, "manage", "migrate", "-v0"], env=env, check=True)
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}", "-c", "aiosmtpd.handlers.Sink"]
    )
    modes = ("new", "reuse", "batch")
    rates: dict[str, list[float]] = {mode: [] for mode in modes}
    cpu: dict[str, list[float]] = {mode: [] for mode in modes}  # CPU seconds per mail, worker and SMTP server together
    try:
        wait_for_port(smtp_port)
        for round_ in range(args.rounds):
            for mode in modes:
                phase = f"{mode}{round_}"
                subprocess.run([sys.executable, "-c", QUEUE, str(args.mails), phase], env=env, check=True)
                server = cpu_seconds(sink.pid)
                work = subprocess.run(
                    [sys.executable, "-c", WORK, mode], env=env, check=True, capture_output=True, text=True
                )
                worker_cpu = float(work.stdout.split()[-1])
                cpu[mode].append((worker_cpu + cpu_seconds(sink.pid) - server) / args.mails)
                found = json.loads(subprocess.run([sys.executable, "-c", RATE, phase], env=env, check=True,
                                                  capture_output=True, text=True).stdout)  # fmt: skip
                assert found["sent"] == found["of"] == args.mails, found
                rates[mode].append(found["sent"] / found["seconds"])
    finally:
        sink.terminate()
        sink.wait(10)
    best = {mode: max(found) for mode, found in rates.items()}
    cost = {mode: statistics.median(found) * 1000 for mode, found in cpu.items()}
    labels = {
        "new": "before: a task and a new SMTP connection per mail",
        "reuse": "a task per mail, one connection",
        "batch": "after: a task sends the due mails in chunks, one connection",
    }
    print(f"| one worker, {args.database}, {args.mails:,} mails a phase | mails/s, best of {args.rounds} (each round) "
          "| vs before | CPU per mail, worker + SMTP server (median) |")  # fmt: skip
    print("|---|---|---|---|")
    for mode in modes:
        each = ", ".join(f"{rate:.0f}" for rate in rates[mode])
        ratio = best[mode] / best["new"]
        print(f"| {labels[mode]} | {best[mode]:,.0f} ({each}) | {ratio:.1f}x | {cost[mode]:.2f} ms |")


if __name__ == "__main__":
    main()
