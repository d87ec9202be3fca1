import datetime
import json
import re
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from loket.contact import actions
from loket.contact.models import Case, OutgoingMail, Topic
from loket.privacy import actions as privacy


@pytest.fixture
def cases(db):
    topic = Topic.objects.first()
    made = []
    for email in ("an@example.org", "an@example.org", "jan@example.org"):
        made.append(
            actions.submit_email_question(
                email=email, name="", topic=topic, subject="Vraag", message=f"Vraag van {email}", language="nl"
            )
        )
    return made


def test_closing_a_case_starts_the_retention_period_and_reopening_stops_it(cases, admin_user):
    case = cases[0]
    actions.update_case(case=case, status="closed", assignee=None)
    assert case.closed_at is not None
    actions.update_case(case=case, status="open", assignee=None)
    assert case.closed_at is None


def test_cases_closed_longer_than_the_retention_period_are_deleted_with_their_mail(cases, settings):
    settings.LOKET_RETENTION_DAYS = 365
    old, recent, still_open = cases
    for case, days in ((old, 400), (recent, 100)):
        actions.update_case(case=case, status="closed", assignee=None)
        Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - datetime.timedelta(days=days))
    out = StringIO()
    call_command("purge_cases", stdout=out)  # the old name of `loket privacy purge`, for one release
    assert re.search(r"contact.case +1 done", out.getvalue())
    assert set(Case.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert not OutgoingMail.objects.filter(case_id=old.pk).exists()


def test_export_gives_everything_held_about_one_address(cases, tmp_path):
    call_command("export_contact_data", "AN@example.org", "--out", str(tmp_path / "an.zip"), stdout=StringIO())
    data = json.loads(zipfile.ZipFile(tmp_path / "an.zip").read("data.json"))["kinds"]
    assert sorted(c["reference"] for c in data["contact.case"]) == [cases[0].reference, cases[1].reference]
    assert data["contact.outgoingmail"] and data["contact.case"][0]["message"] == "Vraag van an@example.org"
    assert "jan@example.org" not in json.dumps(data)


def test_erase_asks_for_confirmation_then_deletes_one_address(cases):
    with pytest.raises(CommandError, match="add --yes"):
        call_command("erase_contact_data", "an@example.org", stdout=StringIO())
    assert Case.objects.count() == 3
    out = StringIO()
    call_command("erase_contact_data", "an@example.org", "--yes", stdout=out)
    assert re.search(r"contact.case +2 deleted", out.getvalue())
    assert list(Case.objects.values_list("email", flat=True)) == ["jan@example.org"]


def test_incoming_mail_without_a_case_is_forgotten_after_the_retention_period(db, settings):
    from loket.contact.models import IncomingMail

    settings.LOKET_RETENTION_DAYS = 365
    old = IncomingMail.objects.create(key="<oud@example.org>", status="automatic")
    IncomingMail.objects.filter(pk=old.pk).update(received_at=timezone.now() - datetime.timedelta(days=400))
    IncomingMail.objects.create(key="<nieuw@example.org>", status="automatic")
    privacy.purge()
    assert list(IncomingMail.objects.values_list("key", flat=True)) == ["<nieuw@example.org>"]
