"""Every retention rule, applied by one daily task, with a clock moved forward instead of waiting."""

import datetime
import logging

import pytest
from django.utils import timezone

from loket import daily
from loket.audit import actions as audit
from loket.audit.models import AuditEntry
from loket.chat import actions as chat
from loket.chat.models import Agent, Conversation, Message, Team
from loket.contact import actions as contact
from loket.contact.models import Case, IncomingMail, OutgoingMail, Topic
from loket.knowledge.models import Feedback, UnansweredSearch
from loket.privacy import actions, tasks

DAY = datetime.timedelta(days=1)


@pytest.fixture
def held(db, site, settings, django_user_model):
    """One of each kind that has a retention rule, made now."""
    settings.LOKET_RETENTION_DAYS, settings.LOKET_SEARCH_LOG_DAYS, settings.LOKET_AUDIT_RETENTION_DAYS = 30, 10, 60
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team = Team.objects.create(name_nl="Team", name_en="Team", sort_order=0)
    Team.objects.exclude(pk=team.pk).update(sort_order=10)
    team.topics.add(topic)
    user = django_user_model.objects.create_user("ann", password="agent-password-123")
    agent = Agent.objects.create(user=user, status=Agent.Status.AVAILABLE, seen_at=timezone.now())
    agent.teams.set([team])
    closed, still_open = (
        contact.submit_email_question(email=f"{n}@example.org", name="", topic=topic, subject="V", message="V",
                                      language="nl")
        for n in ("closed", "open")
    )  # fmt: skip
    contact.update_case(case=closed, status="closed", assignee=None)
    ended = chat.start_conversation(topic=topic, visitor_name="Vera", language="nl")
    chat.post_message(conversation_id=ended.pk, author="agent", text="Hallo", agent=agent)
    chat.end_conversation(conversation_id=ended.pk, ending=Conversation.Ending.VISITOR)
    chat.email_transcript(conversation_id=ended.pk, email="vera@example.org")
    IncomingMail.objects.create(key="<auto@example.org>", status="automatic")
    page = site["article"]
    Feedback.objects.create(page=page, useful=False, comment="Te vaag", language="nl", visitor="a")
    UnansweredSearch.objects.create(day=timezone.localdate(), language="nl", text="hondenbelasting", count=2)
    audit.record("case.opened", subject=closed)
    return {"closed": closed, "open": still_open, "ended": ended}


def after(days: int) -> datetime.datetime:
    return timezone.now() + days * DAY + datetime.timedelta(hours=1)


def test_each_kind_goes_when_its_own_period_is_over(held):
    assert actions.purge(now=after(10))["knowledge.unansweredsearch"] == 0  # counted in whole days
    assert actions.purge(now=after(11))["knowledge.unansweredsearch"] == 1
    assert not UnansweredSearch.objects.exists() and Case.objects.count() == 2

    done = actions.purge(now=after(30))
    assert done["contact.case"] == 1 and done["chat.conversation"] == 1
    assert list(Case.objects.all()) == [held["open"]]  # an open case has no end to count from
    assert not Message.objects.filter(conversation=held["ended"]).exists()
    assert not OutgoingMail.objects.filter(kind="transcript").exists() and not IncomingMail.objects.exists()
    assert AuditEntry.objects.exists() and Feedback.objects.get().comment == "Te vaag"

    assert actions.purge(now=after(60))["audit.auditentry"] >= 1
    assert not AuditEntry.objects.filter(at__lt=timezone.now()).exists()

    assert actions.purge(now=after(365))["knowledge.feedback"] == 1
    feedback = Feedback.objects.get()
    assert feedback.comment == "" and feedback.useful is False  # the vote still counts, without the comment


def test_the_purge_is_idempotent_and_works_in_batches(held, monkeypatch):
    monkeypatch.setattr(actions, "BATCH", 2)
    for n in range(5):
        UnansweredSearch.objects.create(day=timezone.localdate(), language="nl", text=f"zoek {n}", count=1)
    assert actions.purge(now=after(11))["knowledge.unansweredsearch"] == 6
    assert set(actions.purge(now=after(11)).values()) == {0}


def test_a_dry_run_counts_without_touching(held):
    assert actions.purge(now=after(30), dry_run=True)["contact.case"] == 1
    assert Case.objects.count() == 2


def test_one_daily_task_applies_every_rule_and_logs_a_count_per_kind(held, caplog):
    assert "loket.privacy.tasks.purge_expired" in daily.DAILY_TASKS
    assert not any(".purge" in path for path in daily.DAILY_TASKS if "privacy" not in path)
    Case.objects.filter(pk=held["closed"].pk).update(closed_at=timezone.now() - 31 * DAY)
    with caplog.at_level(logging.INFO, logger="loket.privacy.actions"):
        done = tasks.purge_expired.call()
    assert done["contact.case"] == 1
    assert "privacy purge: 1 contact.case deleted" in caplog.text
