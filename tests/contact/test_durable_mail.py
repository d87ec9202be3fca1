"""The real thing: `loket worker` processes on a database of their own, an SMTP server that is down, then up."""

import shutil
import signal
import subprocess
import sys
import time

from tests.services import free_port, fresh_install_env, smtp_server

SUBMIT = """
import django; django.setup()
from loket.contact import actions
from loket.contact.models import Topic
case = actions.submit_email_question(email="an@example.org", name="An", topic=Topic.objects.first(),
    subject="Premie", message="Mijn vraag", language="nl")
print(case.reference)
"""
STATUS = """
import django; django.setup()
from loket.contact.models import OutgoingMail
print(sorted((m.status, m.attempts) for m in OutgoingMail.objects.all()))
"""


def test_mail_survives_smtp_down_and_a_worker_restart_and_arrives_once(tmp_path):
    port = free_port()
    env = fresh_install_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="loket.settings",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        LOKET_SERVICE_EMAIL="1700@loket.localhost",
    )
    run = {"cwd": tmp_path, "env": env, "capture_output": True, "text": True, "timeout": 120}
    loket = shutil.which("loket") or "loket"
    assert subprocess.run([loket, "manage", "migrate", "-v0"], **run).returncode == 0
    submitted = subprocess.run([sys.executable, "-c", SUBMIT], **run)
    assert submitted.returncode == 0, submitted.stderr

    worker = subprocess.Popen([loket, "worker", "--interval", "0.2"], cwd=tmp_path, env=env)
    try:
        deadline = time.monotonic() + 30
        while "('pending', 1), ('pending', 1)" not in subprocess.run([sys.executable, "-c", STATUS], **run).stdout:
            assert time.monotonic() < deadline, "the worker never tried to send"
            time.sleep(0.3)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(20)

    with smtp_server(port) as (_, mailbox):
        # A new worker picks up the retries the old one scheduled (the first comes due after 10 s).
        worker = subprocess.Popen([loket, "worker", "--interval", "0.2"], cwd=tmp_path, env=env)
        try:
            deadline = time.monotonic() + 60
            while len(mailbox.messages) < 2:
                assert time.monotonic() < deadline, "the mail never arrived"
                time.sleep(0.3)
            time.sleep(2)  # room for a duplicate to show up, if there were one
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(20)
    assert len(mailbox.to("1700@loket.localhost")) == 1
    assert len(mailbox.to("an@example.org")) == 1
    assert "('sent', 2), ('sent', 2)" in subprocess.run([sys.executable, "-c", STATUS], **run).stdout
