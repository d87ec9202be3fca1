"""Speed of the post check: per-post latency in-process, and batch throughput of `loket check --jsonl`.

    uv run python bench/check/run.py [--posts 3000] [--batch 20000]

Posts are the 170 labelled posts of eval/ (Dutch and English, 1-4 sentences), repeated. Baselines in the
same run: for latency, tokenizing the post alone (the engine's fixed cost); for batch, a process that only
reads each JSON line and writes one back (the pipe and JSON floor).
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from loket.guidance import analyzers  # noqa: E402, F401
from loket.guidance.engine import check, tokenize  # noqa: E402

ECHO = (
    "import sys, json\n"
    "for line in sys.stdin:\n"
    "    print(json.dumps({'findings': [], 'n': len(json.loads(line)['text'])}))"
)


def posts() -> list[dict]:
    return [json.loads(line) for name in ("tuning", "holdout") for line in (ROOT / f"eval/posts-{name}.jsonl").open()]


def latencies(items: list[dict], count: int, work) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for i in range(count):
        post = items[i % len(items)]
        started = time.perf_counter()
        work(post)
        timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def run_batch(command: list[str], path: Path, processes: int) -> float:
    """Posts per second with `processes` processes, each taking an equal share of the file."""
    lines = path.read_text().splitlines()
    shares = []
    for i in range(processes):
        share = path.with_suffix(f".{i}.jsonl")
        share.write_text("\n".join(lines[i::processes]) + "\n")
        shares.append(share)
    started = time.perf_counter()
    running = [subprocess.Popen(command, stdin=s.open(), stdout=subprocess.DEVNULL) for s in shares]
    for process in running:
        process.wait()
    return len(lines) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=20000)
    args = parser.parse_args()
    items = posts()

    def full(post: dict) -> None:
        at = datetime.fromisoformat(post["at"]) if post.get("at") else None
        check(post["text"], account=post["account"], at=at)

    latencies(items, 500, full)  # warm the lemma cache, as a running server would be
    base = latencies(items, args.posts, lambda post: tokenize(post["text"]))
    real = latencies(items, args.posts, full)
    p = lambda values, q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    print("| measure | baseline (tokenize only) | post check | ratio |\n|---|---|---|---|")
    print(f"| p50 per post (ms) | {statistics.median(base):.3f} | {statistics.median(real):.3f} | "
          f"{statistics.median(real) / statistics.median(base):.1f}x |")  # fmt: skip
    print(f"| p95 per post (ms) | {p(base, 0.95):.3f} | {p(real, 0.95):.3f} | {p(real, 0.95) / p(base, 0.95):.1f}x |")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        path.write_text("\n".join(json.dumps(items[i % len(items)]) for i in range(args.batch)) + "\n")
        loket = [str(Path(sys.executable).parent / "loket"), "check", "--jsonl", "-"]
        print(
            "\n| batch of posts | processes | baseline: JSON echo (posts/s) | `loket check --jsonl` (posts/s) | ratio |"
        )
        print("|---|---|---|---|---|")
        for processes in (1, 2):
            echo = run_batch([sys.executable, "-c", ECHO], path, processes)
            real_rate = run_batch(loket, path, processes)
            print(f"| {args.batch:,} | {processes} | {echo:,.0f} | {real_rate:,.0f} | {real_rate / echo:.2f} |")


if __name__ == "__main__":
    main()
