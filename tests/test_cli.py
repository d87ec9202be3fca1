import subprocess
import sys
import time
import urllib.request

from tests.services import embedded_defaults, free_port, loket_serve


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
        return response.status, response.read().decode()


def test_serve_prepares_an_empty_database_serves_the_site_and_runs_the_worker(tmp_path):
    port = free_port()
    with loket_serve(tmp_path, port) as process:
        status, home = fetch(f"http://127.0.0.1:{port}/")
        assert status == 200 and "Welkom bij Loket" in home
        assert (
            fetch(f"http://127.0.0.1:{port}/healthz")[1]
            == '{"status": "ok", "database": "ok", "redis": "not configured"}'
        )
        # The search index is built by background tasks: the worker inside `serve` runs them.
        deadline = time.monotonic() + 60
        while "/integriteit/sociale-media/" not in fetch(f"http://127.0.0.1:{port}/zoeken/?q=sociale+media")[1]:
            assert time.monotonic() < deadline, "the worker did not index the demo pages"
            time.sleep(0.5)
    output = process.stdout.read()
    assert "empty database, loading the demo content" in output
    assert f"http://localhost:{port}/admin/" in output
    assert "editor account 'redacteur'" in output

    with loket_serve(tmp_path, port) as again:
        assert "Welkom bij Loket" in fetch(f"http://127.0.0.1:{port}/")[1]
    assert "loading the demo content" not in again.stdout.read()


def test_manage_runs_djangos_commands(tmp_path):
    result = subprocess.run(
        ["loket", "manage", "check"],
        cwd=tmp_path,
        env=embedded_defaults(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_worker_runs_the_tasks_waiting_in_the_database(tmp_path):
    run = {"cwd": tmp_path, "env": embedded_defaults(tmp_path), "capture_output": True, "text": True, "timeout": 120}
    python = {**run, "env": embedded_defaults(tmp_path, DJANGO_SETTINGS_MODULE="loket.settings")}
    assert subprocess.run(["loket", "manage", "migrate", "-v0"], **run).returncode == 0
    enqueue = (
        "import django; django.setup()\n"
        "from loket.knowledge import demo\n"
        "demo.load_demo_content()\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "print(DBTaskResult.objects.filter(status='READY').count())\n"
    )
    queued = subprocess.run([sys.executable, "-c", enqueue], **python)
    assert int(queued.stdout.strip().splitlines()[-1]) > 0, queued.stderr

    worker = subprocess.run(["loket", "worker", "--batch"], **run)
    assert worker.returncode == 0, worker.stderr
    count = (
        "import django; django.setup()\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "print(DBTaskResult.objects.ready().count() + DBTaskResult.objects.filter(status='FAILED').count())\n"
    )
    left = subprocess.run([sys.executable, "-c", count], **python)
    assert left.stdout.strip().splitlines()[-1] == "0"
