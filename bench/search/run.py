"""Search latency over many generated pages, on SQLite and PostgreSQL, against a baseline in the same run.

    uv run python bench/search/run.py [--pages 10000] [--requests 400] [--clients 1,2] [--databases sqlite,postgresql]

For each database: seed the pages (once; kept under bench/results/), start one uvicorn process, then let
load-generator processes (1, then 2; each sends its requests one after another) hit it: first /healthz (the
baseline: the same server, middleware and one database query), then searches for one or two random words.
Prints p50/p95 per phase, and search p50 as a ratio to the baseline's, as a Markdown table.
"""

import argparse
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.search.words import TOPICS, VOCABULARY  # noqa: E402
from tests.services import free_port, wait_for_port  # noqa: E402

DATABASES = {
    "sqlite": lambda results: f"sqlite:///{results / 'sqlite' / 'bench.sqlite3'}",
    "postgresql": lambda results: f"postgres://postgres@127.0.0.1:5432/loket_bench_{results.name.replace('-', '_')}",
}


def client(args: tuple[str, list[str]]) -> list[float]:
    base, paths = args
    timings = []
    for path in paths:
        started = time.perf_counter()
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 - 127.0.0.1 only
            response.read()
            assert response.status == 200, response.status
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def load(base: str, paths: list[str], clients: int) -> list[float]:
    shares = [paths[i::clients] for i in range(clients)]
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        return [t for timings in pool.map(client, [(base, share) for share in shares]) for t in timings]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def ensure_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {name}"], capture_output=True)


def measure(name: str, args: argparse.Namespace, results: Path) -> dict[int, dict[str, float]]:
    folder = results / name
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": DATABASES[name](results),
        "LOKET_VAR_DIR": str(folder),
        "LOKET_RATE_LIMITS": "search=1000000/60",
        "DJANGO_SETTINGS_MODULE": "loket.settings",
    }
    env.pop("REDIS_URL", None)
    if name == "postgresql":
        ensure_postgres_database(env["DATABASE_URL"])
    subprocess.run([sys.executable, "-m", "loket.cli", "manage", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [sys.executable, str(ROOT / "bench/search/seed.py"), "--pages", str(args.pages)], env=env, check=True
    )

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "loket.asgi:application",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--lifespan",
            "off",
        ],
        env=env,
        cwd=folder,
    )
    try:
        wait_for_port(port)
        base = f"http://127.0.0.1:{port}"
        rng = random.Random(11)
        queries = [
            " ".join(rng.sample(VOCABULARY if rng.random() < 0.5 else TOPICS, rng.randint(1, 2)))
            for _ in range(args.requests)
        ]
        search_paths = [f"/zoeken/?{urllib.parse.urlencode({'q': q})}" for q in queries]
        load(base, search_paths[:20] + ["/healthz"] * 20, 2)  # warm-up
        figures = {}
        for clients in (int(c) for c in args.clients.split(",")):
            baseline = load(base, ["/healthz"] * args.requests, clients)
            search = load(base, search_paths, clients)
            figures[clients] = {
                "baseline_p50": statistics.median(baseline),
                "baseline_p95": percentile(baseline, 0.95),
                "p50": statistics.median(search),
                "p95": percentile(search, 0.95),
            }
    finally:
        server.terminate()
        server.wait(20)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", default="1,2", help="client-process counts to run, one after another")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--name", default="", help="of the results folder and database (default search-<pages>)")
    args = parser.parse_args()
    results = ROOT / "bench" / "results" / (args.name or f"search-{args.pages}")
    header = ["database", "pages", "client processes", "/healthz p50 / p95 (ms)", "search p50 / p95 (ms)",
              "search ÷ baseline (p50)"]  # fmt: skip
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for name in args.databases.split(","):
        for clients, f in measure(name, args, results).items():
            cells = [name, f"{args.pages:,}", str(clients), f"{f['baseline_p50']:.1f} / {f['baseline_p95']:.1f}",
                     f"{f['p50']:.1f} / {f['p95']:.1f}", f"{f['p50'] / f['baseline_p50']:.1f}x"]  # fmt: skip
            print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
