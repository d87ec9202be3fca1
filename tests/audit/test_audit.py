"""The audit trail: written with the change it records or not at all, never changed afterwards, read by
administrators and by `loket audit`, and purged after its retention period."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from django.utils import timezone

from loket import cli
from loket.audit import actions as audit
from loket.audit.models import AuditEntry
from loket.chat import actions as chat_actions
from loket.chat.models import Agent, Conversation
from loket.contact import actions as contact_actions
from loket.contact.models import Case, CaseMessage, Topic
from loket.staff import actions as staff_actions
from tests.chat.conftest import enqueue_visitor, make_agent
from tests.staff.conftest import make_staff, sign_in

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def case(db):
    return contact_actions.submit_email_question(
        email="an@example.org", name="An", topic=Topic.objects.first(), subject="Premie", message="Vraag",
        language="nl",
    )  # fmt: skip


@pytest.fixture
def chat(db):
    topic = Topic.objects.first()
    ann = make_agent("ann", *topic.teams.all())
    conversation = enqueue_visitor(topic)
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.ACTIVE
    return ann, conversation


def _failing_audit(monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("the audit trail cannot be written")

    monkeypatch.setattr(AuditEntry.objects, "create", refuse)


CHANGES = {
    "case.answered": (
        lambda case, user: contact_actions.answer_case(case=case, agent=user, text="Antwoord"),
        lambda case: CaseMessage.objects.filter(case=case, kind="answer").exists(),
    ),
    "case.noted": (
        lambda case, user: contact_actions.add_note(case=case, agent=user, text="Nota"),
        lambda case: CaseMessage.objects.filter(case=case, kind="note").exists(),
    ),
    "case.updated": (
        lambda case, user: contact_actions.update_case(case=case, status="closed", assignee=user, agent=user),
        lambda case: Case.objects.filter(pk=case.pk, status="closed").exists(),
    ),
    "staff.roles-changed": (
        lambda case, user: staff_actions.set_roles(user, ["editor"]),
        lambda case: get_user_model().objects.filter(groups__name="Editor").exists(),
    ),
    "staff.disabled": (
        lambda case, user: staff_actions.disable_staff(user),
        lambda case: get_user_model().objects.filter(is_active=False).exists(),
    ),
}


@pytest.mark.parametrize("event", CHANGES)
def test_a_change_whose_audit_entry_cannot_be_written_does_not_happen(event, case, monkeypatch):
    user = make_staff("ann", "agent")
    change, happened = CHANGES[event]
    _failing_audit(monkeypatch)
    with pytest.raises(DatabaseError):
        change(case, user)
    assert not happened(case)


def test_each_recorded_change_leaves_exactly_its_entry(case):
    user = make_staff("ann", "agent")
    for event, (change, happened) in CHANGES.items():
        change(case, user)
        assert happened(case)
        assert AuditEntry.objects.filter(event=event).exists(), event


@pytest.mark.parametrize("frame", ["close", "transfer"])
def test_a_chat_closed_or_transferred_without_its_entry_stays_as_it_was(frame, chat, monkeypatch):
    ann, conversation = chat
    _failing_audit(monkeypatch)
    with pytest.raises(DatabaseError):
        if frame == "close":
            chat_actions.end_conversation(conversation_id=conversation.pk, ending="agent", agent=ann)
        else:
            chat_actions.transfer(conversation_id=conversation.pk, agent=ann, to_team=conversation.team_id)
    conversation.refresh_from_db()
    assert (conversation.status, conversation.agent_id) == (Conversation.Status.ACTIVE, ann.pk)


def test_chats_taken_transferred_and_closed_are_recorded_with_the_agent(chat):
    ann, conversation = chat
    chat_actions.transfer(conversation_id=conversation.pk, agent=ann, to_team=conversation.team_id, address="10.1.2.3")
    Agent.objects.filter(pk=ann.pk).update(capacity=2)
    chat_actions.dispatch()
    chat_actions.end_conversation(conversation_id=conversation.pk, ending="agent", agent=ann, address="10.1.2.3")
    entries = AuditEntry.objects.filter(subject=f"conversation:{conversation.pk}").order_by("pk")
    assert [(e.event, e.actor_name) for e in entries] == [
        ("chat.taken", "ann"), ("chat.transferred", "ann"), ("chat.taken", "ann"), ("chat.closed", "ann"),
    ]  # fmt: skip
    assert entries.last().address == "10.1.2.3"


def test_the_console_records_who_opened_a_case_and_from_where(client, case, optional_2fa):
    make_staff("ann", "agent")
    sign_in(client, "ann", address="192.0.2.10")
    client.get(f"/console/cases/{case.reference}/", REMOTE_ADDR="192.0.2.10")
    entry = AuditEntry.objects.get(event="case.opened")
    assert (entry.actor_name, entry.subject, entry.address) == ("ann", f"case:{case.reference}", "192.0.2.10")


def test_an_entry_is_never_changed_not_even_by_a_query(case):
    entry = audit.record("case.opened", subject=case)
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(event="case.answered")  # the database's own trigger
    assert AuditEntry.objects.get(pk=entry.pk).event == "case.opened"


def test_administrators_read_the_trail_in_the_admin_but_nobody_edits_it(client_class, case, optional_2fa):
    entry = audit.record("case.opened", subject=case, address="192.0.2.1")
    make_staff("adam", "admin")
    admin = client_class()
    sign_in(admin, "adam")
    listing = admin.get("/admin/audit/?event=case.opened").content.decode()
    assert f"case:{case.reference}" in listing
    assert admin.get(f"/admin/audit/inspect/{entry.pk}/").status_code == 200
    assert admin.get(f"/admin/audit/edit/{entry.pk}/").status_code in (302, 403, 404)
    assert admin.post(f"/admin/audit/delete/{entry.pk}/").status_code in (302, 403, 404)
    superuser = client_class()
    superuser.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "x"))
    assert superuser.post(f"/admin/audit/delete/{entry.pk}/").status_code in (302, 403, 404)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def run_loket(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit:
        cli.main(list(argv))
    out, err = capsys.readouterr()
    return exit.value.code, out, err


def test_loket_audit_prints_the_trail_as_json_lines(capsys, case):
    ann = make_staff("ann", "agent")
    audit.record("case.opened", actor=ann, subject=case, address="192.0.2.7")
    audit.record("signout", actor=ann)  # another family
    audit.record("case.opened", actor=make_staff("bob", "agent"), subject=case)  # someone else
    code, out, _ = run_loket(capsys, "audit", "--person", "ann", "--event", "case.", "--json")
    assert code == 0
    [line] = out.splitlines()
    record = json.loads(line)
    assert {key: record[key] for key in ("event", "actor", "object", "address")} == {
        "event": "case.opened", "actor": "ann", "object": f"case:{case.reference}", "address": "192.0.2.7",
    }  # fmt: skip
    assert datetime.datetime.fromisoformat(record["at"]) <= timezone.now()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert run_loket(capsys, "audit", "--since", tomorrow)[1] == ""
    code, _, err = run_loket(capsys, "audit", "--since", "gisteren")
    assert code == 2 and "not an ISO date" in err


def test_entries_older_than_the_retention_period_are_purged_daily(case, settings):
    settings.LOKET_AUDIT_RETENTION_DAYS = 30
    audit.record("case.opened", subject=case)
    AuditEntry.objects.create(event="case.opened", subject="case:old", at=timezone.now() - datetime.timedelta(days=31))
    from loket.privacy.tasks import purge_expired

    assert purge_expired.call()["audit.auditentry"] == 1
    assert list(AuditEntry.objects.values_list("subject", flat=True)) == [f"case:{case.reference}"]


def test_every_event_the_code_records_is_explained_in_the_docs():
    recorded = set()
    for path in (ROOT / "src" / "loket").rglob("*.py"):
        code = path.read_text()
        recorded |= set(re.findall(r'audit\.record\(\s*"([a-z.-]+)"', code))
        recorded |= set(re.findall(r'\(mfa\.\w+, "([a-z.-]+)"\)', code))
    documented = set(re.findall(r"`([a-z]+(?:\.[a-z-]+)?)`", (ROOT / "docs" / "operations.md").read_text()))
    assert len(recorded) > 20 and recorded <= documented, recorded - documented
