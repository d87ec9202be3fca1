"""Mail from real mailboxes: a dovecot IMAP server started by the test, Loket's mailbox worker reading it."""

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest
from django.urls import reverse

from loket.contact import actions, imap
from loket.contact.models import Case, CaseMessage, IncomingMail, Mailbox
from tests.contact.conftest import SERVICE
from tests.contact.imap_server import Dovecot, dovecot
from tests.contact.test_console import new_case


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.1)


def mail(number: int, *, sender: str = "burger@example.org", subject: str = "", **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Burger {number} <{sender}>"
    message["To"] = SERVICE
    message["Subject"] = subject or f"Vraag {number}"
    message["Message-ID"] = f"<vraag-{number}@example.org>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(f"Mijn vraag nummer {number}.")
    return message


class Killed(BaseException):
    """Ends a worker's thread as SIGKILL ends its process: no more IMAP commands, not even a logout."""


class Workers:
    """Mailbox workers in threads of this test; `stop` ends them as a shutdown would."""

    def __init__(self) -> None:
        self.stop_event = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self, *urls: str, poll: float = 300) -> None:
        for config in imap.parse_urls(" ".join(urls)):
            worker = imap.MailboxWorker(config, self.stop_event, poll_seconds=poll)
            thread = threading.Thread(target=self._run, args=(worker,), daemon=True)
            thread.start()
            self.threads.append(thread)

    @staticmethod
    def _run(worker: imap.MailboxWorker) -> None:
        with contextlib.suppress(Killed):
            worker.run()

    def stop(self) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=30)
            assert not thread.is_alive()
        self.stop_event, self.threads = threading.Event(), []


@pytest.fixture
def server() -> Iterator[Dovecot]:
    with dovecot() as found:
        yield found


@pytest.fixture
def workers(transactional_db, settings) -> Iterator[Workers]:
    settings.LOKET_SERVICE_EMAIL = SERVICE
    found = Workers()
    yield found
    found.stop()


def checked(name_part: str) -> bool:
    return Mailbox.objects.filter(name__contains=name_part, last_check_at__isnull=False, connected=True).exists()


def test_new_mail_and_a_reply_arrive_through_idle_and_are_moved_to_the_done_folder(server, workers, settings):
    case = new_case()
    workers.start(server.url("dienst"), poll=300)  # no poll within the test: only IDLE can bring the mail in
    wait_for(lambda: checked("dienst@"), "the first check")
    server.deliver("dienst", mail(1))
    wait_for(lambda: Case.objects.filter(email="burger@example.org").exists(), "the new case")
    reply = mail(2, sender="an.peeters@example.org", subject=f"Re: [{case.reference}] Premie")
    server.deliver("dienst", reply)
    wait_for(lambda: CaseMessage.objects.filter(case=case, kind="reply").exists(), "the reply in its case")
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 2, "both moved")
    assert server.messages("dienst", "INBOX") == []
    assert Case.objects.get(email="burger@example.org").subject == "Vraag 1"
    settings.LOKET_IMAP_URL = server.url("dienst")
    [state] = imap.mailbox_states()
    assert state["connected"] is True and state["waiting"] == 0 and state["last_check"]


@pytest.mark.parametrize("point", ["stored", "fetch"])
def test_a_worker_that_dies_mid_way_stores_every_mail_exactly_once(server, workers, monkeypatch, point):
    for number in range(1, 4):
        server.deliver("dienst", mail(number))
    deaths = []

    def die(name: str) -> None:
        if name == point and len(deaths) < 1 and IncomingMail.objects.count() == (1 if point == "stored" else 0):
            deaths.append(name)
            raise Killed

    monkeypatch.setattr(imap, "_failure_point", die)
    workers.start(server.url("dienst"))
    wait_for(lambda: deaths and not any(t.is_alive() for t in workers.threads), "the worker to die")
    assert len(server.messages("dienst", "INBOX")) == 3  # nothing moved yet
    workers.threads = []
    workers.start(server.url("dienst"))  # the restarted worker
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 3, "all three moved")
    assert sorted(Case.objects.values_list("subject", flat=True)) == ["Vraag 1", "Vraag 2", "Vraag 3"]
    assert IncomingMail.objects.count() == 3


def test_a_uidvalidity_reset_stores_nothing_twice(server, workers):
    server.deliver("dienst", mail(1), folder="Dienst")
    workers.start(server.url("dienst", "Dienst"))
    wait_for(lambda: Case.objects.count() == 1, "the first mail")
    first = Mailbox.objects.get().uidvalidity
    workers.stop()
    with server.client("dienst") as client:  # the folder rebuilt, as a server migration does: new UIDVALIDITY
        client.delete_folder("Dienst")
        client.create_folder("Dienst")
    server.deliver("dienst", mail(1), folder="Dienst")  # the same mail again, under a new UID
    server.deliver("dienst", mail(2), folder="Dienst")
    workers.start(server.url("dienst", "Dienst"))
    wait_for(lambda: Case.objects.count() == 2 and server.messages("dienst", "Dienst") == [], "the new mail")
    assert sorted(Case.objects.values_list("subject", flat=True)) == ["Vraag 1", "Vraag 2"]
    state = Mailbox.objects.get()
    assert state.uidvalidity != first and state.last_uid >= 1


def test_with_the_server_down_the_backlog_arrives_in_order_when_it_is_back(server, workers, settings):
    settings.LOKET_IMAP_URL = server.url("dienst")
    workers.start(server.url("dienst"), poll=2)
    wait_for(lambda: checked("dienst@"), "the first check")
    server.stop()
    wait_for(lambda: not Mailbox.objects.get().connected, "the worker to notice")
    assert imap.mailbox_states()[0]["connected"] is False
    server.start()
    for number in range(1, 6):  # arrived while Loket was not connected
        server.deliver("dienst", mail(number))
    wait_for(lambda: Case.objects.count() == 5, "the backlog", timeout=60)
    by_reference = Case.objects.order_by("reference").values_list("subject", flat=True)
    assert list(by_reference) == [f"Vraag {n}" for n in range(1, 6)]
    wait_for(lambda: imap.mailbox_states()[0]["connected"], "connected again")


def test_a_mail_that_cannot_be_stored_is_set_aside_and_the_next_one_still_arrives(
    server, workers, monkeypatch, client, admin_user
):
    receive = actions.receive_mail

    def refuse_one(raw: bytes, **options: object) -> object:
        if b"Vraag 1" in raw:
            raise ValueError("the database refused it")
        return receive(raw, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(actions, "receive_mail", refuse_one)
    server.deliver("dienst", mail(1))
    server.deliver("dienst", mail(2))
    workers.start(server.url("dienst"), poll=0.5)
    wait_for(lambda: len(server.messages("dienst", "Loket/Niet-verwerkt")) == 1, "the broken mail set aside")
    wait_for(lambda: Case.objects.filter(subject="Vraag 2").exists(), "the next mail")
    failed = IncomingMail.objects.get(status="failed")
    assert failed.tries == imap.MAX_TRIES and "the database refused it" in failed.error
    assert server.messages("dienst", "INBOX") == []
    client.force_login(admin_user)  # administrators see it, with the reason
    listing = client.get(reverse("incomingmail:index")).content.decode()
    assert "the database refused it" in listing


def test_two_mailboxes_and_the_same_mail_in_both_is_stored_once(server, workers, settings):
    settings.LOKET_IMAP_URL = f"{server.url('dienst')} {server.url('info')}"
    server.deliver("dienst", mail(1))
    server.deliver("info", mail(2))
    server.deliver("info", mail(1))  # sent to both addresses
    workers.start(server.url("dienst"), server.url("info"))
    wait_for(lambda: len(server.messages("info", "Loket/Verwerkt")) == 2, "the second mailbox read")
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 1, "the first mailbox read")
    assert sorted(Case.objects.values_list("subject", flat=True)) == ["Vraag 1", "Vraag 2"]
    assert [box["mailbox"] for box in imap.mailbox_states()] == [
        "dienst@127.0.0.1/INBOX",
        "info@127.0.0.1/INBOX",
    ]


def test_lokets_own_mail_coming_back_through_the_mailbox_is_no_second_case(server, workers):
    case = new_case()
    service_copy = case.mails.get(kind="service")
    own = mail(9, sender="1700@loket.localhost", subject=service_copy.subject)
    own.replace_header("Message-ID", service_copy.message_id)
    server.deliver("dienst", own)
    workers.start(server.url("dienst"))
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 1, "the mail moved")
    assert Case.objects.count() == 1 and not CaseMessage.objects.exists()
    assert IncomingMail.objects.get().status == "own"


def test_the_healthz_shows_each_mailbox(server, workers, client, settings):
    settings.LOKET_IMAP_URL = server.url("dienst")
    workers.start(server.url("dienst"))
    wait_for(lambda: checked("dienst@"), "the first check")
    body = client.get("/healthz").json()
    assert body["mailboxes"][0]["mailbox"] == "dienst@127.0.0.1/INBOX"
    assert body["mailboxes"][0]["connected"] is True and "geheim" not in str(body)


def test_the_metrics_show_a_mailbox_that_cannot_be_reached(server, workers, settings):
    from loket import metrics
    from tests.services import free_port

    url = server.url("dienst").replace(f":{server.port}/", f":{free_port()}/")  # nobody listens there
    settings.LOKET_IMAP_URL = url
    [config] = imap.parse_urls(url)
    workers.start(url)
    wait_for(lambda: Mailbox.objects.exclude(last_error="").filter(name=config.name).exists(), "the failure noted")
    scraped = metrics.render().decode()
    assert f'loket_mailbox_connected{{mailbox="{config.name}"}} 0.0' in scraped
    assert f'loket_mailbox_error{{mailbox="{config.name}"}} 1.0' in scraped
    assert f'loket_mailbox_errors_total{{mailbox="{config.name}"}}' in scraped
    assert f'loket_mailbox_last_check_timestamp_seconds{{mailbox="{config.name}"}}' not in scraped  # never checked


def test_mailbox_urls_are_read_with_their_options():
    [plain, secure, oauth] = imap.parse_urls(
        "imap://a:b@localhost:1143/INBOX imaps://1700%40vlaanderen.be:p%40ss@imap.example/Dienst "
        "imaps://1700@outlook.office365.com/INBOX?auth=xoauth2"
    )
    assert (plain.port, plain.tls, plain.folder) == (1143, False, "INBOX")
    assert (secure.username, secure.password, secure.port, secure.folder) == (
        "1700@vlaanderen.be",
        "p@ss",
        993,
        "Dienst",
    )
    assert oauth.xoauth2 and oauth.name == "1700@outlook.office365.com/INBOX"
    with pytest.raises(ValueError, match="imap:// or imaps://"):
        imap.parse_urls("pop3://a@b")


def test_automatic_mail_that_answers_no_case_goes_to_its_own_folder(server, workers):
    server.deliver("dienst", mail(1, Auto_Submitted="auto-replied"))
    server.deliver("dienst", mail(2))
    workers.start(server.url("dienst"))
    wait_for(lambda: len(server.messages("dienst", "Loket/Automatisch")) == 1, "the auto-reply set aside")
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 1, "the question moved")
    assert list(Case.objects.values_list("subject", flat=True)) == ["Vraag 2"]


def test_xoauth2_takes_an_access_token_by_the_client_credentials_flow(settings):
    import json
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.parse import parse_qs

    asked: list[dict[str, list[str]]] = []

    class TokenEndpoint(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            asked.append(parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            body = json.dumps({"access_token": "eyJ0b2tlbg", "token_type": "Bearer", "expires_in": 3599}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    endpoint = HTTPServer(("127.0.0.1", 0), TokenEndpoint)
    serving = threading.Thread(target=endpoint.serve_forever, daemon=True)
    serving.start()
    try:
        settings.LOKET_IMAP_OAUTH_TOKEN_URL = f"http://127.0.0.1:{endpoint.server_port}/tenant/oauth2/v2.0/token"
        settings.LOKET_IMAP_OAUTH_CLIENT_ID, settings.LOKET_IMAP_OAUTH_CLIENT_SECRET = "loket-app", "s3cret"
        assert imap.oauth_access_token() == "eyJ0b2tlbg"
    finally:
        endpoint.shutdown()
    [form] = asked
    assert form["grant_type"] == ["client_credentials"] and form["client_id"] == ["loket-app"]
    assert form["scope"] == ["https://outlook.office365.com/.default"]


def test_xoauth2_for_google_takes_a_token_for_the_mailbox_user_from_a_service_account_key(settings, tmp_path):
    """A local stand-in for Google's token endpoint checks what google-auth sends: a JWT signed with the service
    account's key, for the mailbox's user and Gmail's scope. (Offline, nothing shows that Google and Gmail's IMAP
    accept it: that takes a real Workspace domain.)"""
    import json
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.parse import parse_qs

    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims: list[dict[str, object]] = []

    class TokenEndpoint(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            assert form["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
            audience = "https://oauth2.googleapis.com/token"  # Google's, wherever the key's token_uri points
            claims.append(jwt.decode(form["assertion"][0], key.public_key(), algorithms=["RS256"], audience=audience))
            body = json.dumps({"access_token": "ya29.loket", "token_type": "Bearer", "expires_in": 3599}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    endpoint = HTTPServer(("127.0.0.1", 0), TokenEndpoint)
    token_uri = f"http://127.0.0.1:{endpoint.server_port}/token"
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    key_file = tmp_path / "service-account.json"
    key_file.write_text(
        json.dumps({
            "type": "service_account", "project_id": "loket", "private_key_id": "k1", "private_key": pem.decode(),
            "client_email": "loket-imap@loket.iam.gserviceaccount.com", "client_id": "1234", "token_uri": token_uri,
        })
    )  # fmt: skip
    settings.LOKET_IMAP_GOOGLE_KEY_FILE = str(key_file)
    serving = threading.Thread(target=endpoint.serve_forever, daemon=True)
    serving.start()
    try:
        [config] = imap.parse_urls("imaps://1700%40dienst.example@imap.gmail.com/INBOX?auth=xoauth2")
        assert config.xoauth2 and imap.oauth_access_token(config.username) == "ya29.loket"
    finally:
        endpoint.shutdown()
    [claim] = claims
    assert claim["iss"] == "loket-imap@loket.iam.gserviceaccount.com"
    assert claim["sub"] == "1700@dienst.example" and claim["scope"] == "https://mail.google.com/"


COUNT = """
import django; django.setup()
from loket.contact.models import Case, IncomingMail
print(Case.objects.count(), IncomingMail.objects.count())
"""


def test_loket_mail_in_imap_killed_with_sigkill_and_restarted_stores_each_mail_once(server, tmp_path):
    """The real command in a process of its own, on a database of its own; SIGKILL while it works through a backlog."""
    import shutil
    import signal
    import subprocess
    import sys

    from tests.services import fresh_install_env

    env = fresh_install_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="loket.settings",
        LOKET_SERVICE_EMAIL=SERVICE,
        LOKET_IMAP_URL=server.url("dienst"),
        LOKET_IMAP_POLL_SECONDS="1",
    )
    run = {"cwd": tmp_path, "env": env, "capture_output": True, "text": True, "timeout": 120}
    loket = shutil.which("loket") or "loket"
    assert subprocess.run([loket, "manage", "migrate", "-v0"], **run).returncode == 0
    for number in range(1, 31):
        server.deliver("dienst", mail(number))

    def counted() -> tuple[int, int]:
        cases, seen = subprocess.run([sys.executable, "-c", COUNT], **run).stdout.split()
        return int(cases), int(seen)

    reader = subprocess.Popen([loket, "mail-in", "imap"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: counted()[0] >= 1, "the first mails stored", timeout=60)
    finally:
        reader.send_signal(signal.SIGKILL)  # wherever it is: between a commit and a move, or in a fetch
        reader.wait(10)
    assert counted()[0] < 30 or len(server.messages("dienst", "INBOX")) == 0
    reader = subprocess.Popen([loket, "mail-in", "imap"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 30, "the rest", timeout=120)
    finally:
        reader.send_signal(signal.SIGTERM)
        reader.wait(20)
    assert counted() == (30, 30)
    assert server.messages("dienst", "INBOX") == []


def test_loket_serve_reads_the_mailboxes_and_shows_them_in_healthz_and_metrics(server, tmp_path):
    """The one-process install: with LOKET_IMAP_URL set, `loket serve` runs the mailbox worker itself."""
    import json
    import shutil
    import subprocess
    import urllib.request

    from tests.services import embedded_defaults, free_port, wait_for_port

    server.deliver("dienst", mail(1))
    port, url = free_port(), server.url("dienst")
    env = embedded_defaults(tmp_path, LOKET_SERVICE_EMAIL=SERVICE, LOKET_IMAP_URL=url, LOKET_METRICS_TOKEN="scrape-me")
    process = subprocess.Popen(
        [shutil.which("loket") or "loket", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip

    def get(path: str, **headers: str) -> str:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - our own local server
            return str(response.read().decode())

    try:
        wait_for_port(port, timeout=120)
        wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 1, "the mail stored and moved", 60)
        [box] = json.loads(get("/healthz"))["mailboxes"]
        assert box["mailbox"] == "dienst@127.0.0.1/INBOX" and box["connected"] and box["last_check"]
        metrics = get("/metrics", Authorization="Bearer scrape-me")
        assert 'loket_mailbox_connected{mailbox="dienst@127.0.0.1/INBOX"} 1.0' in metrics
        assert 'loket_mailbox_last_check_timestamp_seconds{mailbox="dienst@127.0.0.1/INBOX"}' in metrics
    finally:
        process.terminate()
        process.wait(30)
    assert "mailboxes        1 over IMAP" in (process.stdout.read() if process.stdout else "")
    assert server.messages("dienst", "INBOX") == []


def test_a_mail_too_large_to_take_in_is_kept_as_a_case_with_its_headers_and_a_note(server, workers, monkeypatch):
    monkeypatch.setattr(imap, "MAX_MESSAGE_SIZE", 10_000)
    huge = mail(1, subject="Grote bijlage")
    huge.add_attachment(b"%PDF-1.4" + b"x" * 50_000, maintype="application", subtype="pdf", filename="groot.pdf")
    server.deliver("dienst", huge)
    server.deliver("dienst", mail(2))
    workers.start(server.url("dienst"))
    wait_for(lambda: len(server.messages("dienst", "Loket/Verwerkt")) == 2, "both moved")
    case = Case.objects.get(subject="Grote bijlage")
    assert case.email == "burger@example.org" and "te groot of te ingewikkeld" in case.message
    assert not case.attachments.exists()
