"""`loket mail-in imap`: the service's mailboxes, read over IMAP (IDLE, with a periodic check as fallback).

Exactly once: a mail is stored and committed (`actions.receive_mail`, unique by Message-ID) before it is flagged
\\Seen and moved to the done folder. A crash in between leaves it in the inbox; the next check finds its Message-ID
stored and only moves it. IMAPClient (a well-kept, synchronous client with IDLE, MOVE, UIDPLUS and XOAUTH2) fits
the ORM, which is synchronous too: one thread per mailbox.
"""

import contextlib
import dataclasses
import datetime
import functools
import json
import logging
import random
import ssl
import threading
import time
import urllib.parse
import urllib.request
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from loket.contact import actions
from loket.contact.models import IncomingMail, Mailbox
from loket.metrics import mailbox_failed

logger = logging.getLogger(__name__)
MAX_TRIES = 3  # then a mail that cannot be stored goes to the failed folder, and the ones behind it go on
MAX_IDLE_SECONDS = 25 * 60  # servers drop an IDLE after 30 minutes (RFC 2177)
MAX_MESSAGE_SIZE = 25 * 1024 * 1024  # larger mails are kept as a case with their headers and a note
TIMEOUT = 30.0  # seconds for a command: a server that stops answering is a server that is down


@dataclasses.dataclass(frozen=True)
class MailboxConfig:
    host: str
    port: int
    username: str
    password: str
    folder: str
    tls: bool  # imaps://
    starttls: bool
    xoauth2: bool

    @property
    def name(self) -> str:
        """How logs, /healthz and the database name this mailbox: never with its password."""
        return f"{self.username}@{self.host}/{self.folder}"


def parse_urls(value: str) -> list[MailboxConfig]:
    """`imaps://user:password@host[:port]/INBOX`, `imap://…?starttls=1`, `?auth=xoauth2`; several, space-separated."""
    configs = []
    for url in value.split():
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("imap", "imaps"):
            raise ValueError(f"LOKET_IMAP_URL must start with imap:// or imaps://, not {parts.scheme}://")
        query = urllib.parse.parse_qs(parts.query)
        configs.append(
            MailboxConfig(
                host=parts.hostname or "localhost",
                port=parts.port or (993 if parts.scheme == "imaps" else 143),
                username=urllib.parse.unquote(parts.username or ""),
                password=urllib.parse.unquote(parts.password or ""),
                folder=urllib.parse.unquote(parts.path.lstrip("/")) or "INBOX",
                tls=parts.scheme == "imaps",
                starttls=query.get("starttls", ["0"])[0] in ("1", "true", "yes"),
                xoauth2=query.get("auth", [""])[0].lower() == "xoauth2",
            )
        )
    return configs


GOOGLE_SCOPE = "https://mail.google.com/"  # the scope Gmail's IMAP asks of an XOAUTH2 token


def oauth_access_token(username: str = "") -> str:
    """XOAUTH2: an access token for the mailbox's user. With a Google service-account key: the service account acts
    as that user (domain-wide delegation); else the client-credentials flow (Microsoft 365: an app with
    IMAP.AccessAsApp, whose token covers every mailbox granted to it)."""
    if settings.LOKET_IMAP_GOOGLE_KEY_FILE:
        return _google_access_token(username)
    form = urllib.parse.urlencode(
        {
            "grant_type": "client_credentials",
            "client_id": settings.LOKET_IMAP_OAUTH_CLIENT_ID,
            "client_secret": settings.LOKET_IMAP_OAUTH_CLIENT_SECRET,
            "scope": settings.LOKET_IMAP_OAUTH_SCOPE,
        }
    ).encode()
    request = urllib.request.Request(settings.LOKET_IMAP_OAUTH_TOKEN_URL, data=form, method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 - an https URL from the operator
        return str(json.load(response)["access_token"])


def _google_access_token(username: str) -> str:
    """google-auth signs a JWT with the key (issuer: the service account, subject: the mailbox's user) and trades it
    for an access token at the key's `token_uri`."""
    from google.auth.transport.requests import Request
    from google.oauth2 import service_account

    credentials = service_account.Credentials.from_service_account_file(
        settings.LOKET_IMAP_GOOGLE_KEY_FILE, scopes=[GOOGLE_SCOPE], subject=username
    )
    credentials.refresh(functools.partial(Request(), timeout=TIMEOUT))
    return str(credentials.token)


def _failure_point(name: str) -> None:
    """Where tests make the worker die (after the commit, before the move; during a fetch)."""


class MailboxWorker:
    """Keeps one mailbox read: connect, take everything waiting, IDLE; on any failure reconnect with backoff."""

    def __init__(self, config: MailboxConfig, stop: threading.Event, *, poll_seconds: float | None = None) -> None:
        self.config, self.stop = config, stop
        self.poll_seconds = poll_seconds or settings.LOKET_IMAP_POLL_SECONDS
        self.folders: dict[str, str] = {}

    def run(self) -> None:
        try:
            self._run()
        finally:
            connection.close()  # this thread's own database connection

    def _run(self) -> None:
        failures = 0
        while not self.stop.is_set():
            try:
                self._session()
                failures = 0
            except (TimeoutError, IMAPClientError, OSError, ssl.SSLError) as error:
                failures += 1
                self._record(connected=False, error=f"{error.__class__.__name__}: {error}")
                mailbox_failed(self.config.name)
                # 1, 2, 4 … seconds, at most the poll interval (and a minute), with jitter so mailboxes spread out.
                wait = min(2 ** (failures - 1), self.poll_seconds, 60) * random.uniform(0.8, 1.2)  # noqa: S311
                logger.warning("mailbox %s: %s; again in %.0f s", self.config.name, error, wait)
                self.stop.wait(wait)
            finally:
                close_old_connections()

    def _connect(self) -> IMAPClient:
        config = self.config
        client = IMAPClient(config.host, port=config.port, ssl=config.tls, timeout=TIMEOUT)
        if config.starttls:
            client.starttls(ssl.create_default_context())
        if config.xoauth2:
            client.oauth2_login(config.username, oauth_access_token(config.username))
        else:
            client.login(config.username, config.password)
        return client

    def _session(self) -> None:
        client = self._connect()
        try:
            self.folders = {
                kind: self._ensure_folder(client, path)
                for kind, path in (
                    ("done", settings.LOKET_IMAP_DONE_FOLDER),
                    ("failed", settings.LOKET_IMAP_FAILED_FOLDER),
                    ("automatic", settings.LOKET_IMAP_AUTOMATIC_FOLDER),
                )
            }
            idle = client.has_capability("IDLE")
            while not self.stop.is_set():
                self.check(client)
                if idle:
                    self._idle(client)
                else:
                    self.stop.wait(self.poll_seconds)
        finally:
            try:
                client.logout()
            except (IMAPClientError, OSError):  # the connection is gone already
                with contextlib.suppress(IMAPClientError, OSError):
                    client.shutdown()

    def _idle(self, client: IMAPClient) -> None:
        """Until the server announces a change or the poll interval is over; in short slices, to hear `stop`."""
        until = time.monotonic() + min(self.poll_seconds, MAX_IDLE_SECONDS)
        client.idle()
        try:
            while not self.stop.is_set() and time.monotonic() < until:
                if client.idle_check(timeout=min(1.0, max(until - time.monotonic(), 0.01))):
                    break
        finally:
            client.idle_done()

    def _ensure_folder(self, client: IMAPClient, path: str) -> str:
        """`Loket/Verwerkt` in the server's own hierarchy delimiter; created when missing."""
        delimiter = client.list_folders(directory="", pattern="")
        separator = (delimiter[0][1] or b"/").decode() if delimiter else "/"
        folder = separator.join(path.split("/"))
        if not client.folder_exists(folder):
            client.create_folder(folder)
        return folder

    def check(self, client: IMAPClient) -> None:
        """Take every mail in the folder, oldest first, each committed before the next."""
        close_old_connections()
        selected = client.select_folder(self.config.folder)
        uidvalidity = int(selected[b"UIDVALIDITY"])
        state, _created = Mailbox.objects.get_or_create(name=self.config.name)
        if state.uidvalidity != uidvalidity:  # the folder was rebuilt: UIDs start over, Message-IDs still hold
            state.uidvalidity, state.last_uid = uidvalidity, 0
            state.save(update_fields=["uidvalidity", "last_uid"])
        waiting = sorted(client.search(["UNDELETED"]))
        left = 0
        for uid in waiting:
            if not self._take(client, state, uid):
                left += 1
        self._record(connected=True, error="", waiting=left, checked=True)

    def _take(self, client: IMAPClient, state: Mailbox, uid: int) -> bool:
        _failure_point("fetch")
        size = client.fetch([uid], ["RFC822.SIZE"]).get(uid, {}).get(b"RFC822.SIZE", 0)
        too_large = isinstance(size, int) and size > MAX_MESSAGE_SIZE
        part = b"BODY[HEADER]" if too_large else b"BODY[]"  # a huge mail: its headers only, kept with a note
        fetched = client.fetch([uid], [b"BODY.PEEK[HEADER]" if too_large else b"BODY.PEEK[]"]).get(uid, {})
        raw = fetched.get(part)
        if not isinstance(raw, bytes):
            return True  # expunged by someone else meanwhile
        try:
            received = actions.receive_mail(raw, mailbox=self.config.name, headers_only=too_large)
        except Exception as error:  # the database refused it: count, and after a few tries set it aside
            logger.exception("mailbox %s: mail %s could not be stored", self.config.name, uid)
            reason = f"{error.__class__.__name__}: {error}"
            failed = actions.note_failed_mail(raw, mailbox=self.config.name, error=reason)
            if failed.tries >= MAX_TRIES:
                self._move(client, uid, self.folders["failed"])
                return True
            return False
        _failure_point("stored")
        automatic = received.status == IncomingMail.Status.AUTOMATIC
        self._move(client, uid, self.folders["automatic" if automatic else "done"])
        if uid > state.last_uid:
            state.last_uid = uid
            Mailbox.objects.filter(pk=state.pk, last_uid__lt=uid).update(last_uid=uid)
        return True

    def _move(self, client: IMAPClient, uid: int, folder: str) -> None:
        client.add_flags([uid], [b"\\Seen"])
        if client.has_capability("MOVE"):
            client.move([uid], folder)
        else:  # COPY, then remove this one only (UIDPLUS) or, without it, expunge
            client.copy([uid], folder)
            client.delete_messages([uid])
            if client.has_capability("UIDPLUS"):
                client.uid_expunge([uid])
            else:
                client.expunge()

    def _record(self, *, connected: bool, error: str, waiting: int | None = None, checked: bool = False) -> None:
        changes: dict[str, Any] = {"connected": connected, "last_error": error[:1000]}
        if waiting is not None:
            changes["waiting"] = waiting
        if checked:
            changes["last_check_at"] = timezone.now()
        try:
            Mailbox.objects.update_or_create(name=self.config.name, defaults=changes)
        except Exception:  # the database is down too: the next round tries again
            logger.exception("mailbox %s: state not recorded", self.config.name)


def start(configs: list[MailboxConfig], stop: threading.Event, **options: Any) -> list[threading.Thread]:
    threads = []
    for config in configs:
        worker = MailboxWorker(config, stop, **options)
        thread = threading.Thread(target=worker.run, name=f"loket-imap-{config.name}", daemon=True)
        thread.start()
        threads.append(thread)
    return threads


def mailbox_states() -> list[dict[str, object]]:
    """Each configured mailbox: connected, last successful check, mails waiting. A worker that stopped checking
    (its process died) counts as not connected once three poll intervals have passed."""
    names = [config.name for config in parse_urls(settings.LOKET_IMAP_URL)]
    known = {box.name: box for box in Mailbox.objects.filter(name__in=names)}
    stale_before = timezone.now() - 3 * datetime.timedelta(seconds=max(settings.LOKET_IMAP_POLL_SECONDS, 10))
    states = []
    for name in names:
        box = known.get(name)
        fresh = box is not None and box.last_check_at is not None and box.last_check_at >= stale_before
        states.append(
            {
                "mailbox": name,
                "connected": bool(box and box.connected and fresh),
                "last_check": box.last_check_at.isoformat() if box and box.last_check_at else None,
                "waiting": box.waiting if box else None,
                "error": box.last_error if box else "",
            }
        )
    return states


def serve_imap() -> None:
    """`loket mail-in imap`: read every configured mailbox until interrupted."""
    import signal

    configs = parse_urls(settings.LOKET_IMAP_URL)
    if not configs:
        raise SystemExit("loket mail-in imap: set LOKET_IMAP_URL (docs/operations.md, 'Mailboxes')")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threads = start(configs, stop)
    print(f"Loket mail-in: reading {', '.join(c.name for c in configs)}", flush=True)
    try:
        while not stop.wait(1):
            pass
    except KeyboardInterrupt:
        stop.set()
    for thread in threads:
        thread.join(timeout=5)
