"""A real IMAP server for tests: Debian's dovecot-imapd with a configuration of its own in a temporary folder.

Any user name logs in with the password `geheim`; each user has a Maildir of its own. Installed by ./dev and .ci/run.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

from imapclient import IMAPClient

from tests.services import free_port, wait_for_port

PASSWORD = "geheim"


class Dovecot:
    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder, self.port = folder, port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        if not os.path.exists(binary):
            raise RuntimeError("dovecot is not installed: run ./dev test, which installs dovecot-imapd")
        self.binary = binary
        (folder / "home").mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # dovecot refuses to log in as root: its own unprivileged users do that
            owner = pwd.getpwnam("dovecot")
            folder.chmod(0o755)
            shutil.chown(folder / "home", owner.pw_uid, owner.pw_gid)
            users = "default_internal_user = dovecot\ndefault_login_user = dovenull\n"
            uid, gid, chroot = owner.pw_uid, owner.pw_gid, ""
        else:  # as an ordinary user, dovecot runs everything as that user
            me = pwd.getpwuid(os.getuid()).pw_name
            users = f"default_internal_user = {me}\ndefault_login_user = {me}\n"
            uid, gid, chroot = os.getuid(), os.getgid(), "  chroot =\n"
        (folder / "dovecot.conf").write_text(
            f"""protocols = imap
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
{users}passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
mail_location = maildir:~/Maildir:LAYOUT=fs
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
{chroot}}}
service anvil {{
{chroot}}}
"""
        )

    def start(self) -> None:
        self.process = subprocess.Popen([self.binary, "-F", "-c", str(self.folder / "dovecot.conf")])
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(20)
            self.process = None
        # the listener is gone once the master is: wait until the port is free again, for a restart on it
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
            except OSError:
                return
            time.sleep(0.1)

    def url(self, user: str, folder: str = "INBOX") -> str:
        return f"imap://{user}:{PASSWORD}@127.0.0.1:{self.port}/{folder}"

    def client(self, user: str) -> IMAPClient:
        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        client.login(user, PASSWORD)
        return client

    def deliver(self, user: str, message: EmailMessage | bytes, folder: str = "INBOX") -> None:
        """As the service's mail server would: the mail appears in the folder (an IDLE client hears of it)."""
        raw = message if isinstance(message, bytes) else message.as_bytes()
        with self.client(user) as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            client.append(folder, raw)

    def messages(self, user: str, folder: str) -> list[EmailMessage]:
        import email
        from email import policy

        with self.client(user) as client:
            if not client.folder_exists(folder):
                return []
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            found = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
        return [
            email.message_from_bytes(found[uid][b"BODY[]"], policy=policy.default)  # type: ignore[misc]
            for uid in sorted(found)
        ]


@contextlib.contextmanager
def dovecot() -> Iterator[Dovecot]:
    folder = Path(tempfile.mkdtemp(prefix="loket-dovecot-"))
    server = Dovecot(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
