"""The JSON API against its own OpenAPI description, from outside: schemathesis (every check, a fixed seed, a bounded
number of examples per operation) against a live `loket serve`. It fails on any 5xx, any answer that does not match
the described schema, and any status the description does not list."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.services import free_port, loket_serve

CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_every_api_operation_keeps_to_its_description(tmp_path):
    port = free_port()
    with open(tmp_path / "serve.log", "w+") as log, loket_serve(tmp_path, port, output=log):
        run = subprocess.run(
            [
                shutil.which("schemathesis") or str(Path(sys.executable).with_name("schemathesis")),
                "--config-file", str(CONFIG),
                "run", f"http://127.0.0.1:{port}/api/openapi.json",
                "--checks", "all", "--seed", "1", "--max-examples", "50", "--workers", "1",
                "--generation-database", "none", "--no-color",
            ],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        log.seek(0)
        server_log = log.read()
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    selected, total = map(int, re.search(r"(\d+) selected / (\d+) total", run.stdout).groups())
    assert selected == total > 0  # every operation described was tried
    assert "Traceback" not in server_log, server_log[-4000:]
