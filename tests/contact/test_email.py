import pytest
from django.core import mail as django_mail
from django.utils import timezone

from loket.contact import tasks
from loket.contact.models import Case, OutgoingMail, Topic
from tests.contact.conftest import SERVICE
from tests.services import free_port, smtp_server


def question(**changes):
    data = {
        "email": "an.peeters@example.org",
        "name": "An Peeters",
        "topic": Topic.objects.get(name_en="Housing and energy").pk,
        "subject": "Renovatiepremie",
        "message": "Kan ik de premie ook voor mijn dak aanvragen?",
    }
    return {**data, **changes}


def test_the_service_and_the_sender_each_receive_exactly_one_mail(client, db, smtp):
    response = client.post("/contact/email/", question())
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/contact/email/{case.reference}/"
    [to_service] = smtp.to(SERVICE)
    [copy] = smtp.to("an.peeters@example.org")
    assert to_service["Subject"] == f"[{case.reference}] Renovatiepremie"
    assert to_service["Reply-To"] == "an.peeters@example.org"
    assert "Kan ik de premie ook voor mijn dak aanvragen?" in to_service.get_content()
    assert copy["Subject"] == f"Kopie van uw vraag [{case.reference}]: Renovatiepremie"
    assert "Kan ik de premie ook voor mijn dak aanvragen?" in copy.get_content()
    assert {m["Message-ID"].strip() for m in smtp.messages} == set(case.mails.values_list("message_id", flat=True))
    assert len(smtp.messages) == 2


def test_the_copy_comes_in_the_visitors_language(client, db, smtp):
    client.post("/en/contact/email/", question(subject="Roof insulation"))
    [copy] = smtp.to("an.peeters@example.org")
    assert copy["Subject"].startswith("Copy of your question [")
    assert "We received your question" in copy.get_content()
    [to_service] = smtp.to(SERVICE)
    assert "Nieuwe vraag via het contactformulier" in to_service.get_content()


def test_references_are_readable_and_count_up(client, db, smtp):
    client.post("/contact/email/", question())
    client.post("/contact/email/", question(email="b@example.org"))
    first, second = Case.objects.order_by("id").values_list("reference", flat=True)
    year, number = first.split("-")
    assert len(year) == 4 and number == "000001"
    assert second == f"{year}-000002"


def test_with_smtp_down_nothing_is_lost_and_each_mail_arrives_once_when_it_is_back(client, db, settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.LOKET_SERVICE_EMAIL = "127.0.0.1", port, SERVICE
    response = client.post("/contact/email/", question())
    assert response.status_code == 302  # the visitor is not bothered: the case is stored
    mails = OutgoingMail.objects.all()
    assert [(m.status, m.attempts) for m in mails] == [("pending", 1), ("pending", 1)]
    assert all(m.next_attempt_at and "ConnectionRefusedError" in m.last_error for m in mails)

    with smtp_server(port) as (_, mailbox):
        OutgoingMail.objects.update(next_attempt_at=timezone.now())  # the scheduled retries come due
        for mail in mails:  # what the worker does then
            assert tasks.send_outgoing_mail.call(mail.id) == "sent"
        for mail in mails:  # a duplicate retry sends nothing
            assert tasks.send_outgoing_mail.call(mail.id) == "sent"
    assert len(mailbox.to(SERVICE)) == 1 and len(mailbox.to("an.peeters@example.org")) == 1


def test_after_the_last_retry_a_mail_is_marked_failed_for_a_person_to_see(db, client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    client.post("/contact/email/", question())
    mail = OutgoingMail.objects.first()
    for _ in tasks.BACKOFF:
        OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=timezone.now())  # the next try comes due
        tasks.send_outgoing_mail.call(mail.id)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("failed", len(tasks.BACKOFF) + 1)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "an.peeters"}, "email", "Dit is geen geldig e-mailadres"),
        ({"email": ""}, "email", "Vul uw e-mailadres in"),
        ({"message": ""}, "message", "Schrijf uw vraag."),
        ({"message": "x" * 5001}, "message", "Houd uw vraag onder 5000 tekens"),
        ({"subject": "Premie\r\nBcc: spam@example.org"}, "subject", "Schrijf dit op één regel."),
        ({"name": "An\nBcc: spam@example.org"}, "name", "Schrijf dit op één regel."),
        ({"topic": ""}, "topic", "Kies het thema van uw vraag."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, db, changes, field, message):
    response = client.post("/contact/email/", question(**changes))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Kan ik de premie ook voor mijn dak aanvragen?" in html or field == "message"
    assert 'value="Renovatiepremie"' in html or field == "subject"
    assert not Case.objects.exists()
    django_mail.outbox.clear()


def test_html_in_any_field_is_shown_as_text(client, db, smtp):
    response = client.post("/contact/email/", question(subject="<script>alert(1)</script>", email="bad"))
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.content.decode()


def test_a_bot_filling_the_hidden_field_sends_nothing(client, db, smtp):
    response = client.post("/contact/email/", question(website="http://spam.example"))
    assert response.status_code == 400
    assert not Case.objects.exists() and smtp.messages == []


def test_a_flood_is_stopped_per_address_and_per_connection(client, db, smtp, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "contact": (4, 3600), "contact-address": (2, 3600)}
    statuses = [client.post("/contact/email/", question()).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    other = client.post("/contact/email/", question(email="other@example.org"))
    assert other.status_code == 302
    assert client.post("/contact/email/", question(email="third@example.org")).status_code == 429
    assert Case.objects.count() == 3


def test_the_confirmation_shows_the_reference_only_to_the_browser_that_sent_it(client, client_class, db, smtp):
    client.post("/contact/email/", question())
    reference = Case.objects.get().reference
    html = client.get(f"/contact/email/{reference}/").content.decode()
    assert reference in html and "an.peeters@example.org" in html
    stranger = client_class().get(f"/contact/email/{reference}/")
    assert stranger.status_code == 302


def test_a_submission_is_stored_with_both_mails_queued_and_writes_no_session(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queued, as for the worker
    from django.contrib.sessions.models import Session
    from django_tasks_db.models import DBTaskResult

    response = client.post("/contact/email/", question())
    case = Case.objects.get()
    assert response["Location"] == f"/contact/email/{case.reference}/"
    mails = {mail.kind: mail for mail in case.mails.all()}
    assert set(mails) == {"service", "copy"} and {m.status for m in mails.values()} == {"pending"}
    [queued] = DBTaskResult.objects.filter(status="READY").values_list("args_kwargs", flat=True)
    assert queued["args"] == [mails["service"].id, mails["copy"].id]  # one task, in the same transaction
    assert not Session.objects.exists()  # the thank-you page's key is a signed cookie, not a session row
    assert case.reference in client.get(response["Location"]).content.decode()


def test_the_thank_you_page_is_only_for_the_browser_that_sent_it(client, db, smtp):
    from django.test import Client

    response = client.post("/contact/email/", question())
    assert client.get(response["Location"]).status_code == 200
    stranger = Client()
    assert stranger.get(response["Location"])["Location"] == "/contact/email/"
    stranger.cookies["loket_sent"] = client.cookies["loket_sent"].value.replace("-0", "-9")  # a forged reference
    assert stranger.get(response["Location"]).status_code == 302


def test_each_year_starts_its_own_numbering(client, db, smtp):
    from loket.contact.models import ReferenceCounter

    ReferenceCounter.objects.create(year=2000, last=41)
    client.post("/contact/email/", question())
    client.post("/contact/email/", question(email="b@example.org"))
    assert list(Case.objects.order_by("id").values_list("reference", flat=True))[-1].endswith("-000002")
    assert ReferenceCounter.objects.get(year=2000).last == 41
