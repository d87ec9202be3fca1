"""Several real `loket web` processes on a PostgreSQL database of their own and a private Redis."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from tests.services import ROOT, free_port, wait_for_port

POSTGRES = os.environ.get("LOKET_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def database():
    name = f"loket_scale_{os.getpid()}"
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def web_processes(env: dict[str, str], *names: str) -> Iterator[dict[str, tuple[int, subprocess.Popen]]]:
    """`loket web` processes by name -> (port, process), killed afterwards."""
    full_env = {**os.environ, **env}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    servers = {}
    for name in names:
        port = free_port()
        command = [sys.executable, "-m", "loket.cli", "web", "--port", str(port)]
        servers[name] = (port, subprocess.Popen(command, env=full_env, cwd=ROOT))
    try:
        for port, _ in servers.values():
            wait_for_port(port)
        yield servers
    finally:
        for _, process in servers.values():
            process.kill()
            process.wait(10)
