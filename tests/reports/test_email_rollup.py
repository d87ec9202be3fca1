"""The e-mail rollup: a day's rows follow its cases when they change later (answered, closed, reopened, removed),
and a day is the service's day in Brussels, also across midnight and the change of summer time."""

import datetime

import pytest
from django.utils import timezone

from loket.contact import actions as contact_actions
from loket.contact import tasks
from loket.contact.models import Case, OutgoingMail
from loket.reports import actions, queries
from loket.reports.models import EmailDay, EmailStale
from tests.reports.conftest import after, local, make_user

DAY = datetime.date(2026, 11, 2)


def received(topic, at: datetime.datetime, n: int = 1) -> Case:
    case = Case.objects.create(reference=f"2026-{n:06d}", email="x@example.org", topic=topic, subject="s",
                               message="m", language="nl")  # fmt: skip
    Case.objects.filter(pk=case.pk).update(created_at=at)
    case.refresh_from_db()
    return case


def figures(day: datetime.date) -> tuple[int, int, int, float | None]:
    actions.refresh_email()
    row = queries.email_days(day, day).get(day, EmailDay(day=day))
    return row.received, row.answered, row.closed, row.resolution_p50


@pytest.fixture
def counted(topic):
    case = received(topic, local(2026, 11, 2, 10, 0))
    actions.rebuild_email(first=DAY, last=DAY)
    EmailStale.objects.all().delete()
    return case


def test_closing_and_reopening_a_case_later_changes_the_day_it_was_received(counted):
    assert figures(DAY) == (1, 0, 0, None)
    contact_actions.update_case(case=counted, status=Case.Status.CLOSED, assignee=None)
    counted.refresh_from_db()
    assert counted.closed_at is not None
    assert figures(DAY) == (1, 0, 1, round((counted.closed_at - counted.created_at).total_seconds() // 1 / 3600, 1))
    assert not EmailStale.objects.filter(day=DAY).exists()  # counted again, the mark is gone
    assert queries.email_backlog(DAY, DAY) == [(1, 0.6)]  # closed now, so open at the end of that day
    contact_actions.update_case(case=counted, status=Case.Status.OPEN, assignee=None)
    assert figures(DAY) == (1, 0, 0, None)


def test_an_answer_counts_once_the_outbox_sent_it(counted):
    mail = OutgoingMail.objects.create(case=counted, kind=OutgoingMail.Kind.ANSWER, to="x@example.org", subject="s",
                                       body="b", message_id="answer@test")  # fmt: skip
    mail.attempts, mail.last_error = 1, "refused"  # a failed attempt changes nothing
    mail.save(update_fields=["attempts", "last_error"])
    assert figures(DAY) == (1, 0, 0, None)
    mail = OutgoingMail.objects.get(pk=mail.pk)  # as the outbox's worker has it: without its case
    mail.status, mail.sent_at = OutgoingMail.Status.SENT, timezone.now()
    mail.save(update_fields=["status", "sent_at"])
    assert figures(DAY)[:2] == (1, 1)


def test_a_removed_case_leaves_its_day(counted):
    counted.delete()
    assert figures(DAY) == (0, 0, 0, None)


def test_todays_marks_wait_for_tomorrow_and_the_daily_task_counts_the_rest(topic, counted):
    received(topic, timezone.now(), n=2)  # today: counted live, its mark stays until the day is over
    assert EmailStale.objects.count() == 1
    assert actions.refresh_email() == 0 and EmailStale.objects.count() == 1
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    assert actions.refresh_email(now=tomorrow) == 1 and not EmailStale.objects.exists()


def test_days_across_midnight_and_the_change_of_summer_time(topic, supervisor_client):
    # 25 October 2026 has 25 hours in Brussels: from 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    received(topic, local(2026, 10, 24, 23, 59, 59), n=1)  # the 24th, a second before midnight
    early = received(topic, local(2026, 10, 25, 0, 0), n=2)  # the 25th, 22:00 UTC on the 24th
    received(topic, after(local(2026, 10, 25, 0, 0), 25 * 3600 - 1), n=3)  # 23:59:59 on the 25th (CET)
    Case.objects.filter(pk=early.pk).update(closed_at=after(local(2026, 10, 25, 0, 0), 25 * 3600))  # at midnight
    actions.rebuild_email(first=datetime.date(2026, 10, 24), last=datetime.date(2026, 10, 26))
    per_day = queries.email_days(datetime.date(2026, 10, 24), datetime.date(2026, 10, 26))
    assert {day: row.received for day, row in per_day.items()} == {
        datetime.date(2026, 10, 24): 1,
        datetime.date(2026, 10, 25): 2,
    }
    assert per_day[datetime.date(2026, 10, 25)].resolution_p50 == 25.0  # in UTC: 25 hours, not 24
    # Open at the end of the 25th: all three (the early one closed exactly then: not before the end).
    # Ages: 25 h + 1 s, 25 h, 1 s -> 50 h / 3 = 0.69 days.
    assert queries.email_backlog(datetime.date(2026, 10, 24), datetime.date(2026, 10, 26)) == [
        (1, 0.0),
        (3, 0.7),
        (2, 1.5),
    ]
    rows = supervisor_client.get("/console/reports/email/table.csv?from=2026-10-24&to=2026-10-26&by=day")
    lines = rows.content.decode().splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["1", "2", "0"]


@pytest.fixture
def supervisor_client(db):
    from django.test import Client

    client = Client()
    client.force_login(make_user("sam", "Supervisor"))
    return client


def test_a_reopened_case_is_counted_on_the_day_staff_reopened_it(topic, supervisor_client):
    case = received(topic, timezone.now())
    contact_actions.update_case(case=case, status=Case.Status.CLOSED, assignee=None)
    contact_actions.update_case(case=case, status=Case.Status.OPEN, assignee=None)
    contact_actions.update_case(case=case, status=Case.Status.WAITING, assignee=None)  # not from closed: not counted
    response = supervisor_client.get("/console/reports/email/table.csv?period=today&table=backlog")
    _day, open_at_end, _age, reopened = response.content.decode().splitlines()[1].split(",")
    assert (open_at_end, reopened) == ("1", "1")


def test_the_cases_of_a_removed_assignee_are_nobodys(topic, supervisor_client):
    gone = make_user("gus", "Agent")
    assigned = received(topic, local(2026, 11, 2, 9, 0), n=1)
    received(topic, local(2026, 11, 2, 11, 0), n=2)
    Case.objects.filter(pk=assigned.pk).update(assignee=gone)
    actions.rebuild_email(first=DAY, last=DAY)
    gone.delete()  # the database sets the assignee to none, without a signal: the rollup still has the old id
    response = supervisor_client.get("/console/reports/email/table.csv?from=2026-11-02&to=2026-11-02&by=agent")
    assert [line.split(",")[:2] for line in response.content.decode().splitlines()[1:]] == [["Niemand", "2"]]


def test_a_form_submission_marks_its_day_once_and_is_counted_by_form(topic, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # the mails wait for the worker
    case = contact_actions.submit_email_question(
        email="an@example.org", name="", topic=topic, subject="s", message="m", language="nl"
    )
    assert case.mails.count() == 2
    assert EmailStale.objects.count() == 1  # the case's mark covers its service mail, made in the same transaction
    EmailStale.objects.all().delete()
    assert tasks.send_outgoing_mail.call(*case.mails.values_list("pk", flat=True)) == "sent,sent"
    assert not EmailStale.objects.exists()  # sending the mails changes no figure: the worker marks nothing
    today = timezone.localdate(case.created_at)
    EmailStale.objects.create(day=today)  # as the submission left it
    assert actions.refresh_email(now=timezone.now() + datetime.timedelta(days=1)) == 1
    row = queries.email_days(today, today)[today]
    assert (row.received, row.by_form) == (1, 1)


def test_a_service_mail_made_after_its_case_was_committed_marks_again(topic, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the case's transaction commits
        case = received(topic, local(2026, 11, 2, 10, 0))
    EmailStale.objects.all().delete()  # its day was counted meanwhile
    OutgoingMail.objects.create(case=case, kind=OutgoingMail.Kind.SERVICE, to="1700@example.org", subject="s",
                                body="b", message_id="late@test")  # fmt: skip
    assert list(EmailStale.objects.values_list("day", flat=True)) == [DAY]
    assert figures(DAY)[:1] == (1,)
    assert queries.email_days(DAY, DAY)[DAY].by_form == 1


@pytest.mark.django_db(transaction=True)
def test_two_recounts_at_once_take_turns_and_count_each_case_once(topic):
    """Two supervisors open the e-mail report while cases change: each recounts the same month. The second must not
    delete before the first wrote, or both keep their rows (found from outside on PostgreSQL)."""
    import threading
    import time

    from django.db import connection, transaction

    from loket.reports.models import EmailGroupMonth

    received(topic, local(2026, 2, 4, 9, 0), n=1)
    received(topic, local(2026, 2, 10, 9, 0), n=2)
    errors = []

    def recount(day: datetime.date, hold: float) -> None:
        try:
            with transaction.atomic():
                actions.rebuild_email(first=day, last=day)
                time.sleep(hold)  # the first one still holds its transaction when the second starts
        except Exception as error:  # pragma: no cover - shown by the assertion below
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=recount, args=(datetime.date(2026, 2, 10), 1.0))
    second = threading.Thread(target=recount, args=(datetime.date(2026, 2, 4), 0.0))
    first.start()
    time.sleep(0.3)
    second.start()
    first.join()
    second.join()
    assert errors == []
    assert EmailGroupMonth.objects.filter(day=datetime.date(2026, 2, 1)).count() == 1
    groups = queries.email_groups(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), "topic_id")
    assert groups[topic.pk].received == 2
