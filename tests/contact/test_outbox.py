"""The outbox worker: one SMTP connection for mails sent in a row, a new one when the server dropped it, and
several workers that never send a mail twice."""

import asyncio
import contextlib
import threading
from email import message_from_bytes

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

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


def test_a_connection_the_server_dropped_is_replaced_without_losing_the_mail(outbox, settings, monkeypatch):
    monkeypatch.setattr(tasks, "BATCH", 0)  # one mail per task, as when they are queued one by one
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


# --- Batches: one task sends the other due mails over its connection ----------------------------------------------


class Refusing(Recorder):
    """Refuses one recipient, as a server does for an address that does not exist."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address == "nobody@example.org":
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


class Dropping(Recorder):
    """Closes the client's connection right after accepting its third mail (a restart, an idle or per-connection
    limit)."""

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        answer = await super().handle_DATA(server, session, envelope)
        if len(self.messages) == 3:
            asyncio.get_running_loop().call_soon(server.transport.close)
        return answer


class Slow(Recorder):
    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        await asyncio.sleep(0.01)  # so that two workers' batches overlap
        return await super().handle_DATA(server, session, envelope)


def every_message_id() -> list[str]:
    return sorted(OutgoingMail.objects.values_list("message_id", flat=True))


def test_one_task_sends_every_due_mail_and_a_refused_recipient_fails_alone(outbox, settings):
    OutgoingMail.objects.filter(pk=outbox[3]).update(to="nobody@example.org")
    with services.smtp_server(None, Refusing()) as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        assert tasks.send_outgoing_mail.call(outbox[0]) == "sent"
    refused = OutgoingMail.objects.get(pk=outbox[3])
    assert mailbox.message_ids == sorted(set(every_message_id()) - {refused.message_id})
    assert (refused.status, refused.attempts) == ("pending", 1) and refused.next_attempt_at is not None
    assert "SMTPRecipientsRefused" in refused.last_error
    assert set(OutgoingMail.objects.exclude(pk=refused.pk).values_list("status", "attempts")) == {("sent", 1)}
    assert tasks.send_outgoing_mail.call(outbox[3]) == "later"  # its own task keeps to the backoff


def test_a_connection_dropped_in_the_middle_of_a_batch_is_replaced_and_nothing_is_sent_twice(outbox, settings):
    with services.smtp_server(None, Dropping()) as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        assert tasks.send_outgoing_mail.call(outbox[0]) == "sent"
    assert mailbox.message_ids == every_message_id()  # each once
    assert mailbox.connections == 2
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_two_workers_batching_at_once_send_each_mail_exactly_once(outbox, settings):
    OutgoingMail.objects.bulk_create(
        OutgoingMail(kind="transcript", to=f"visitor{n}@example.org", subject=f"Chat {n}", body="Transcript",
                     message_id=f"<transcript-{n}@loket.localhost>")
        for n in range(30)
    )  # fmt: skip
    results: list[str] = []
    start = threading.Barrier(2)

    def worker(first: int) -> None:
        from django.db import connection

        try:
            start.wait(10)
            results.append(tasks.send_outgoing_mail.call(first))
        finally:
            tasks._close()
            connection.close()

    with services.smtp_server(None, Slow()) as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        threads = [threading.Thread(target=worker, args=(pk,)) for pk in (outbox[0], outbox[-1])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert sorted(results) == ["sent", "sent"]
    assert mailbox.message_ids == every_message_id()
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_the_worker_drains_the_queue_with_one_task_and_closes_the_others(outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for pk in outbox:
        tasks.send_outgoing_mail.enqueue(pk)
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
    assert mailbox.message_ids == every_message_id() and mailbox.connections == 1
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert DBTaskResult.objects.filter(started_at__isnull=False).count() == 1  # one claimed, the rest closed


def test_a_mail_another_worker_holds_is_looked_at_again_later(outbox, settings):
    """The holder may leave it unsent (its server gone mid-chunk, a crash): the mail must not be left without a task."""
    from django.db import connection, transaction
    from django.utils import timezone

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks: its transactions take turns")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    held, release = threading.Event(), threading.Event()

    def holder() -> None:
        from django.db import connection

        try:
            with transaction.atomic():
                OutgoingMail.objects.select_for_update().get(pk=outbox[0])
                held.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert held.wait(30)
        assert tasks.send_outgoing_mail.call(outbox[0]) == "busy"
    finally:
        release.set()
        thread.join(30)
    [again] = DBTaskResult.objects.filter(args_kwargs__args__0=outbox[0], status="READY")
    assert again.run_after > timezone.now()


# --- A case's two mails: one task, each mail its own outcome and retries ------------------------------------------


def test_a_cases_two_mails_are_sent_by_one_task_and_a_refused_copy_retries_alone(outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    OutgoingMail.objects.update(status="sent")  # only the new case's mails are due
    settings.LOKET_AUTOMATIC_MAILS_PER_HOUR = 10  # the outbox's five cases had copies to the same address
    case = new_case()
    service, copy = case.mails.get(kind="service"), case.mails.get(kind="copy")
    OutgoingMail.objects.filter(pk=copy.pk).update(to="nobody@example.org")
    [queued] = DBTaskResult.objects.filter(status="READY")
    assert queued.args_kwargs["args"] == [service.pk, copy.pk]
    with services.smtp_server(None, Refusing()) as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        assert tasks.send_outgoing_mail.call(service.pk, copy.pk) == "sent,pending"
    assert mailbox.message_ids == [service.message_id]
    copy.refresh_from_db()
    assert (copy.status, copy.attempts) == ("pending", 1) and "SMTPRecipientsRefused" in copy.last_error
    [retry] = DBTaskResult.objects.filter(status="READY").exclude(pk=queued.pk)  # (the worker finishes `queued`)
    assert retry.args_kwargs["args"] == [copy.pk] and retry.run_after == copy.next_attempt_at  # its own backoff


def test_with_smtp_down_each_of_the_two_mails_gets_its_own_retry(outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    OutgoingMail.objects.update(status="sent")
    settings.LOKET_AUTOMATIC_MAILS_PER_HOUR = 10
    case = new_case()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", services.free_port()  # nobody listens
    ids = list(case.mails.order_by("pk").values_list("pk", flat=True))
    [queued] = DBTaskResult.objects.filter(status="READY")
    assert tasks.send_outgoing_mail.call(*ids) == "pending,pending"
    retries = DBTaskResult.objects.filter(status="READY").exclude(pk=queued.pk)
    assert sorted(retry.args_kwargs["args"] for retry in retries) == [[ids[0]], [ids[1]]]


def test_a_task_of_two_mails_is_closed_by_a_batch_only_when_both_were_dealt_with(outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    pair = tasks.send_outgoing_mail.enqueue(outbox[0], outbox[1])
    single = tasks.send_outgoing_mail.enqueue(outbox[2])
    from django.db import transaction

    with transaction.atomic():  # as in a batch's chunk
        tasks._close_tasks([outbox[0], outbox[2]])  # the pair's second mail is still due: its task must run
    assert DBTaskResult.objects.get(pk=pair.id).status == "READY"
    assert DBTaskResult.objects.get(pk=single.id).status == "SUCCESSFUL"
    with transaction.atomic():
        tasks._close_tasks([outbox[0], outbox[1]])
    assert DBTaskResult.objects.get(pk=pair.id).status == "SUCCESSFUL"


def test_the_worker_sends_every_cases_two_mails_from_their_one_task_each_once(outbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for first, second in zip(outbox[::2], outbox[1::2], strict=True):
        tasks.send_outgoing_mail.enqueue(first, second)
    with smtp_server() as (port, mailbox):
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
    assert mailbox.message_ids == every_message_id()  # each once
    assert set(OutgoingMail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
