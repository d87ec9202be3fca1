"""A small sampling profiler for a server process: where its threads spend their time (run.py --sample).

    python bench/chat/sampler.py OUT_FILE -m loket.cli web --port 8000

Every few milliseconds a background thread looks at every other thread's Python stack and counts, per thread
kind (event loop, database thread, other), the function at the top ("self") and each function on the stack
("inclusive"). At exit it writes the busiest of each to OUT_FILE. Sampling takes the GIL, so it slows the server a
little; use it to see proportions, not for the benchmark's figures. SIGUSR1 starts the counts afresh.

Mind its bias: the sampler can only look while it holds the GIL, so it over-counts code that releases the GIL
(zlib, socket and database waits) and under-counts pure Python. Whether a thread is occupied or waiting for work
is reliable; which function takes the CPU less so.
"""

import atexit
import collections
import gc
import os
import runpy
import signal
import sys
import threading
import time
from types import FrameType

INTERVAL = 0.01
# A thread whose top Python frame is one of these is waiting (in epoll, on a lock or on an empty queue).
IDLE = {
    ("threading.py", "wait"),
    ("thread.py", "_worker"),
    ("runners.py", "run"),
    ("runners.py", "run_until_complete"),
    ("base_events.py", "run_forever"),
    ("base_events.py", "_run_once"),
    ("selectors.py", "select"),
    ("threading.py", "_wait_for_tstate_lock"),
    ("queue.py", "get"),
    ("sampler.py", "sample"),
}


def where(frame) -> str:  # type: ignore[no-untyped-def]
    code = frame.f_code
    path = code.co_filename
    for marker in ("site-packages/", "src/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{code.co_name}"


def start(out: str) -> None:
    own: collections.Counter[tuple[str, str]] = collections.Counter()
    inclusive: collections.Counter[tuple[str, str]] = collections.Counter()
    totals: collections.Counter[str] = collections.Counter()
    idle: collections.Counter[str] = collections.Counter()
    # The garbage collector's passes, timed (the samples cannot show them: a pass runs inside whatever allocated).
    collections_: collections.Counter[str] = collections.Counter()  # "gen N" -> passes, "gen N s" -> seconds
    longest: dict[int, float] = {}
    began = [0.0]

    def collecting(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            began[0] = time.perf_counter()
            return
        took, generation = time.perf_counter() - began[0], info["generation"]
        collections_[f"gen {generation}"] += 1
        collections_[f"gen {generation} s"] += took  # type: ignore[assignment]
        longest[generation] = max(longest.get(generation, 0.0), took)

    gc.callbacks.append(collecting)

    def kind(ident: int) -> str:
        thread = threading._active.get(ident)  # type: ignore[attr-defined]
        if thread is threading.main_thread():
            return "event loop"
        name = thread.name if thread else "?"
        return "database (sync_to_async)" if name.startswith(("ThreadPoolExecutor", "asyncio")) else f"other ({name})"

    def sample() -> None:
        me = threading.get_ident()
        while True:
            time.sleep(INTERVAL)
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                group = kind(ident)
                idle[group] += 1
                if (os.path.basename(frame.f_code.co_filename), frame.f_code.co_name) in IDLE:
                    continue
                idle[group] -= 1
                totals[group] += 1
                own[(group, where(frame))] += 1
                seen = set()
                step: FrameType | None = frame
                while step is not None:
                    name = where(step)
                    if name not in seen:
                        seen.add(name)
                        inclusive[(group, name)] += 1
                    step = step.f_back

    def report() -> None:
        with open(out, "w") as file:
            file.write(
                f"pid {os.getpid()}: samples every {INTERVAL * 1000:.0f} ms; busy {dict(totals)}, idle {dict(idle)}\n"
            )
            file.write(
                "garbage collection: "
                + ", ".join(
                    f"gen {g}: {collections_[f'gen {g}']} passes, {collections_[f'gen {g} s']:.3f} s, "
                    f"longest {longest.get(g, 0.0) * 1000:.1f} ms"
                    for g in range(3)
                )
                + "\n"
            )
            for group, count in totals.most_common():
                file.write(f"\n== {group}: {count} busy samples\n-- self\n")
                for (g, name), n in own.most_common():
                    if g == group and n >= count * 0.01:
                        file.write(f"{100 * n / count:5.1f}%  {name}\n")
                file.write("-- inclusive (src/ and the libraries' entry points)\n")
                shown = 0
                for (g, name), n in inclusive.most_common():
                    if g == group and shown < 45:
                        file.write(f"{100 * n / count:5.1f}%  {name}\n")
                        shown += 1

    atexit.register(report)

    def stop(number: int, _frame) -> None:  # type: ignore[no-untyped-def]
        # uvicorn catches SIGTERM while it serves, then raises it again once it has shut down: this handler then runs.
        report()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)

    def reset(number: int, _frame) -> None:  # type: ignore[no-untyped-def]
        for counter in (own, inclusive, totals, idle, collections_):
            counter.clear()
        longest.clear()

    signal.signal(signal.SIGUSR1, reset)  # run.py: from here on (after connecting, before the measured phase)

    def census(number: int, _frame) -> None:  # type: ignore[no-untyped-def]
        """SIGUSR2: the objects the collector watches, by type, into OUT_FILE.census (what its full passes traverse)."""
        counts = collections.Counter(type(o).__qualname__ for o in gc.get_objects())
        with open(f"{out}.census", "w") as file:
            file.write(f"{sum(counts.values())} tracked objects, {gc.get_freeze_count()} frozen\n")
            file.writelines(f"{n:9d}  {name}\n" for name, n in counts.most_common(40))

    signal.signal(signal.SIGUSR2, census)
    threading.Thread(target=sample, name="sampler", daemon=True).start()


if __name__ == "__main__":
    out, arguments = sys.argv[1], sys.argv[2:]
    assert arguments[0] == "-m", "usage: sampler.py OUT -m module args…"
    sys.argv = [arguments[1], *arguments[2:]]
    start(out)
    runpy.run_module(arguments[1], run_name="__main__", alter_sys=True)
