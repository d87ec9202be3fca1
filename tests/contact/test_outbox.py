"""The outbox worker: one SMTP connection for mails sent in a row, a new one when the server dropped it, and
several workers that never send a mail twice."""

import contextlib
import threading
from email import message_from_bytes

import pytest

from loket.contact import tasks
from loket.contact.models import OutgoingMail
from tests import services
from tests.contact.test_console import new_case


class Recorder:
    """A real SMTP server's handler (aiosmtpd) that notes which client connection brought each mail."""

    def __init__(self) -> None:
        self.messages: list[tuple[object, bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append((session.peer, envelope.content))
        return "250 OK"

    @property
    def connections(self) -> int:
        return len({peer for peer, _ in self.messages})

    @property
    def message_ids(self) -> list[str]:
        return sorted(str(message_from_bytes(raw)["Message-ID"]).strip() for _, raw in self.messages)


def smtp_server(port: int | None = None) -> contextlib.AbstractContextManager[tuple[int, Recorder]]:
    return services.smtp_server(port, Recorder())  # a handler that also counts the connections


@pytest.fixture
def outbox(transactional_db, settings):
    """Ten pending mails (the tests' task backend sent them at once; they are made pending again)."""
    [new_case() for _ in range(5)]
    OutgoingMail.objects.update(status="pending", attempts=0, sent_at=None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    tasks._close()
    yield list(OutgoingMail.objects.order_by("pk").values_list("pk", flat=True))
    tasks._close()


def test_mails_sent_in_a_row_share_one_connection(outbox, settings):
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        assert [tasks.send_outgoing_mail.call(pk) for pk in outbox] == ["sent"] * len(outbox)
    assert len(mailbox.messages) == len(outbox)
    assert mailbox.connections == 1


def test_a_connection_the_server_dropped_is_replaced_without_losing_the_mail(outbox, settings):
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        assert tasks.send_outgoing_mail.call(outbox[0]) == "sent"
    with smtp_server(port) as (_, mailbox):  # the server restarted: the open connection is dead
        assert [tasks.send_outgoing_mail.call(pk) for pk in outbox[1:]] == ["sent"] * (len(outbox) - 1)
    assert len(mailbox.messages) == len(outbox) - 1 and mailbox.connections == 1
    assert set(OutgoingMail.objects.values_list("attempts", flat=True)) == {1}


def test_without_reuse_each_mail_has_its_own_connection(outbox, settings, monkeypatch):
    monkeypatch.setattr(tasks, "REUSE_CONNECTION", False)
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        for pk in outbox[:3]:
            tasks.send_outgoing_mail.call(pk)
    assert mailbox.connections == 3


def test_several_workers_send_each_mail_exactly_once(outbox, settings):
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        results: list[str] = []

        def worker() -> None:
            from django.db import connection

            try:
                for pk in outbox:  # every worker tries every mail, as when the queue hands them out twice
                    results.append(tasks.send_outgoing_mail.call(pk))
            finally:
                tasks._close()
                connection.close()

        threads = [threading.Thread(target=worker) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert len(results) == 3 * len(outbox)
    assert mailbox.message_ids == sorted(OutgoingMail.objects.values_list("message_id", flat=True))
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
