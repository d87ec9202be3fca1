"""Real services for tests: a private Redis, and Loket in a subprocess."""

import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout}s")


@contextmanager
def private_redis(port: int | None = None) -> Iterator[str]:
    """A redis-server of our own (Debian's, installed by .ci/run and ./dev), on a free port or the one given: start
    another on the same port to bring it back after this one ended."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is not installed: run ./dev test, which installs it")
    port = port or free_port()
    with tempfile.TemporaryDirectory() as folder:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(10)


class PrivatePostgres:
    """A PostgreSQL server of our own (Debian's binaries, as on CI), which a test may stop and start again."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root
        if self.as_owner:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "--no-sync")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(self.bin / tool), *args], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    with tempfile.TemporaryDirectory() as folder:
        server = PrivatePostgres(Path(folder))
        server.start()
        try:
            yield server
        finally:
            with suppress(subprocess.CalledProcessError):
                server.stop()


def fresh_install_env(folder: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh install: none of the suite's database or settings, its files under `folder`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    return {**env, "LOKET_VAR_DIR": str(folder), **extra}


def embedded_defaults(folder: Path, **extra: str) -> dict[str, str]:
    return fresh_install_env(folder / "var", **extra)


@contextmanager
def loket_serve(folder: Path, port: int, output: Any = subprocess.PIPE) -> Iterator[subprocess.Popen[str]]:
    """`loket serve` on its embedded defaults, as the README's quick start runs it, until the block ends. Its output
    goes to a pipe (read it after the block) or, for a long run that would fill a pipe, to an open file."""
    process = subprocess.Popen(
        [shutil.which("loket") or "loket", "serve", "--port", str(port)],
        cwd=folder,
        env=embedded_defaults(folder),
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, timeout=120)
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


def run_python(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter with Loket's settings and only the given environment changes."""
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "loket.settings", **env}
    for name in ("DATABASE_URL", "REDIS_URL", "LOKET_ENV", "SECRET_KEY", "ALLOWED_HOSTS"):
        if name not in env:
            full_env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


class Mailbox:
    """What a real SMTP server (aiosmtpd) received, as parsed messages."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        message.arrived = time.time()  # when this server accepted it
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


@contextmanager
def smtp_server(port: int | None = None, handler: Any = None) -> Iterator[tuple[int, Any]]:
    """A real SMTP server (aiosmtpd) on a free port or the one given; `handler` keeps what arrives (a Mailbox)."""
    from aiosmtpd.controller import Controller

    handler = handler or Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port or free_port())
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


class OpenIDProvider:
    """A real OpenID provider (panva's oidc-provider, on Node). Its development sign-in pages accept any password
    for a known login, then ask for consent; `accounts` (login -> claims) can change between sign-ins."""

    def __init__(self, issuer: str, accounts_file: Path) -> None:
        self.issuer, self.accounts_file = issuer, accounts_file

    def set_accounts(self, accounts: dict[str, dict]) -> None:
        self.accounts_file.write_text(json.dumps(accounts))


@contextmanager
def openid_provider(accounts: dict[str, dict], redirect_uri: str) -> Iterator[OpenIDProvider]:
    folder = ROOT / "tests" / "oidc"
    node = shutil.which("node")
    if node is None or not (folder / "node_modules" / "oidc-provider").exists():
        raise RuntimeError("Node or tests/oidc/node_modules is missing: ./dev test installs them (npm ci)")
    port = free_port()
    with tempfile.TemporaryDirectory() as scratch:
        provider = OpenIDProvider(f"http://127.0.0.1:{port}", Path(scratch) / "accounts.json")
        provider.set_accounts(accounts)
        env = {
            **os.environ, "PORT": str(port), "ACCOUNTS_FILE": str(provider.accounts_file), "REDIRECT_URI": redirect_uri,
        }  # fmt: skip
        process = subprocess.Popen(
            [node, "provider.mjs"], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for_port(port)
            yield provider
        finally:
            process.terminate()
            process.wait(10)
