"""No mail loops, no backscatter: automatic mail gets nothing automatic back, and Loket's own says it is automatic."""

import smtplib
from email.message import EmailMessage

import pytest

from loket.contact import actions
from loket.contact.models import Case, CaseMessage, IncomingMail, OutgoingMail
from tests.contact.conftest import SERVICE
from tests.contact.test_console import new_case, send_to_inbox
from tests.contact.test_email import question


def automatic(**headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Robot <robot@example.org>"
    message["To"] = SERVICE
    message["Subject"] = "Afwezig"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Ik ben afwezig tot maandag.")
    return message


def bounce(original_id: str) -> bytes:
    """A delivery status notification (RFC 3464) as Postfix sends it, quoting the headers of the mail that failed."""
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\nTo: 1700@loket.localhost\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
        "Final-Recipient: rfc822; an.peeters@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        f"--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: {original_id}\r\nSubject: Antwoord\r\n"
        "--b--\r\n"
    ).encode()


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"Precedence": "junk"},
        {"List_Id": "<nieuws.example.org>"},
        {"X_Autoreply": "yes"},
        {"Return_Path": "<>"},
    ],
)
def test_automatic_mail_that_answers_no_case_opens_none_and_gets_no_mail(inbox, headers):
    send_to_inbox(inbox, automatic(**headers))
    assert not Case.objects.exists() and not OutgoingMail.objects.exists()
    assert IncomingMail.objects.get().status == "automatic"


def test_a_null_return_path_marks_mail_automatic(inbox):
    with smtplib.SMTP("127.0.0.1", inbox) as client:
        client.sendmail("", [SERVICE], automatic().as_bytes())
    assert not Case.objects.exists()


def test_auto_submitted_no_is_an_ordinary_mail(inbox):
    send_to_inbox(inbox, automatic(Auto_Submitted="no"))
    assert Case.objects.get().email == "robot@example.org"


def test_an_auto_reply_to_an_answer_is_kept_in_its_case_without_reopening_it(inbox, admin_user, client):
    case = new_case()
    actions.answer_case(case=case, agent=admin_user, text="Zo gaat het.")
    mails_before = OutgoingMail.objects.count()
    auto = automatic(Auto_Submitted="auto-replied")
    auto.replace_header("To", actions.reply_address(case))
    send_to_inbox(inbox, auto)
    entry = CaseMessage.objects.get(case=case, kind="reply")
    assert entry.automatic and "afwezig" in entry.text
    case.refresh_from_db()
    assert case.status == "waiting" and OutgoingMail.objects.count() == mails_before
    client.force_login(admin_user)
    assert "automatische mail" in client.get(f"/console/cases/{case.reference}/").content.decode()


def test_a_bounce_marks_the_cases_address_undeliverable_and_shows_it(inbox, admin_user, client):
    case = new_case()
    answer = actions.answer_case(case=case, agent=admin_user, text="Zo gaat het.")
    with smtplib.SMTP("127.0.0.1", inbox) as sender:
        sender.sendmail("", [SERVICE], bounce(answer.message_id))
    case.refresh_from_db()
    assert case.undeliverable and Case.objects.count() == 1
    assert CaseMessage.objects.get(case=case, kind="reply").automatic
    client.force_login(admin_user)
    assert "data-undeliverable" in client.get(f"/console/cases/{case.reference}/").content.decode()


def test_lokets_automatic_mails_say_so_and_answers_do_not(client, db, smtp, admin_user):
    client.post("/contact/email/", question())
    [copy] = smtp.to("an.peeters@example.org")
    [to_service] = smtp.to(SERVICE)
    assert copy["Auto-Submitted"] == "auto-replied"
    assert to_service["Auto-Submitted"] == "auto-generated"
    actions.answer_case(case=Case.objects.get(), agent=admin_user, text="Ja.")
    answer = smtp.to("an.peeters@example.org")[-1]
    assert answer["Auto-Submitted"] is None  # a person wrote it


def test_one_address_gets_a_few_automatic_mails_an_hour_and_then_none(db, smtp, settings):
    from loket.contact.models import Topic

    settings.LOKET_AUTOMATIC_MAILS_PER_HOUR = 2
    topic = Topic.objects.first()
    for _ in range(4):
        actions.submit_email_question(
            email="Doelwit@example.org", name="", topic=topic, subject="Vraag", message="?", language="nl"
        )
    assert Case.objects.count() == 4  # every question is kept and reaches the service
    assert len(smtp.to(SERVICE)) == 4
    assert len(smtp.to("Doelwit@example.org")) == 2
