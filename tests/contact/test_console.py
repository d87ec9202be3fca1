import smtplib
from email.message import EmailMessage

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from loket.contact import actions
from loket.contact.models import Case, CaseMessage
from tests.contact.test_email import SERVICE, question


@pytest.fixture
def agent(db):
    user = get_user_model().objects.create_user("agent", password="x")
    user.groups.add(Group.objects.get(name="Agent"))
    return user


@pytest.fixture
def case(db, client_class, smtp):
    client_class().post("/contact/email/", question())
    return Case.objects.get()


def send_to_inbox(port: int, message: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.send_message(message)


def test_an_agent_answers_and_the_visitor_gets_a_mail_that_threads_back(client, agent, case, smtp):
    client.force_login(agent)
    response = client.post(f"/console/cases/{case.reference}/answer/", {"answer-text": "Ja, dat kan. Dien het in."})
    assert response.status_code == 302
    [answer] = [m for m in smtp.to("an.peeters@example.org") if "Antwoord" in m["Subject"]]
    assert answer["Subject"] == f"Antwoord op uw vraag [{case.reference}]: Renovatiepremie"
    assert answer["Reply-To"] == actions.reply_address(case)
    copy_id = case.mails.get(kind="copy").message_id
    assert answer["In-Reply-To"].strip() == copy_id
    assert "Ja, dat kan. Dien het in." in answer.get_content()
    case.refresh_from_db()
    assert (case.status, case.assignee) == ("waiting", agent)
    html = client.get(f"/console/cases/{case.reference}/").content.decode()
    assert "Ja, dat kan. Dien het in." in html


def test_the_console_lists_filters_and_searches_cases(client, agent, case):
    client.force_login(agent)
    assert case.reference in client.get("/console/cases/").content.decode()
    assert case.reference in client.get("/console/cases/", {"search": "dak aanvragen"}).content.decode()
    assert case.reference not in client.get("/console/cases/", {"search": "paardenbloem"}).content.decode()
    assert case.reference not in client.get("/console/cases/", {"status": "closed"}).content.decode()
    assert case.reference in client.get("/console/cases/", {"assignee": "none"}).content.decode()
    assert case.reference not in client.get("/console/cases/", {"assignee": "me"}).content.decode()


def test_notes_statuses_and_assignment(client, agent, case):
    client.force_login(agent)
    client.post(f"/console/cases/{case.reference}/note/", {"note-text": "Doorgestuurd naar Wonen."})
    client.post(f"/console/cases/{case.reference}/update/", {"status": "closed", "assignee": agent.pk})
    case.refresh_from_db()
    assert (case.status, case.assignee) == ("closed", agent)
    assert case.messages.get().kind == "note"
    assert not case.mails.filter(kind="answer").exists()  # a note is never mailed


def test_the_console_is_for_agents_only(client, case):
    assert client.get("/console/").status_code == 302
    client.force_login(get_user_model().objects.create_user("bezoeker", password="x"))
    assert client.get("/console/").status_code == 403
    assert client.get(f"/console/cases/{case.reference}/").status_code == 403


def reply(case_reference: str, *, to: str, subject: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "An Peeters <an.peeters@example.org>"
    message["To"] = to
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Dank u, nog een vraag: tot wanneer?\n\nOp 3 maart schreef Loket:\n> Ja, dat kan.")
    return message


def new_case():
    """A case as the form makes it (transactional tests start without the default topics)."""
    from loket.contact.models import Topic

    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    return actions.submit_email_question(
        email="an.peeters@example.org", name="", topic=topic, subject="Premie", message="Vraag", language="nl"
    )


def test_a_reply_to_the_reply_address_lands_in_its_case_with_the_quote_folded(client, inbox, admin_user):
    case = new_case()
    send_to_inbox(inbox, reply(case.reference, to=actions.reply_address(case), subject="Re: iets"))
    entry = CaseMessage.objects.get(case=case)
    assert entry.kind == "reply" and "tot wanneer?" in entry.text
    case.refresh_from_db()
    assert case.status == "open"
    client.force_login(admin_user)
    html = client.get(f"/console/cases/{case.reference}/").content.decode()
    assert "<summary>" in html and "&gt; Ja, dat kan." in html.split("<summary>")[1]


def test_replies_thread_by_headers_or_by_the_reference_in_the_subject(inbox):
    case = new_case()
    copy_id = case.mails.get(kind="copy").message_id
    send_to_inbox(inbox, reply("", to=SERVICE, subject="Re: uw mail", In_Reply_To=copy_id))
    send_to_inbox(inbox, reply("", to=SERVICE, subject=f"Nog iets over [{case.reference}]"))
    assert CaseMessage.objects.filter(case=case, kind="reply").count() == 2


def test_any_other_mail_opens_a_new_case_and_html_is_reduced_to_text(inbox):
    message = EmailMessage()
    message["From"] = "Jan <jan@example.org>"
    message["To"] = SERVICE
    message["Subject"] = "Nieuwe vraag"
    message.set_content("<p>Hallo <b>dienst</b></p><script>alert(1)</script>", subtype="html")
    send_to_inbox(inbox, message)
    case = Case.objects.get(email="jan@example.org")
    assert case.subject == "Nieuwe vraag"
    assert "Hallo dienst" in case.message and "<" not in case.message and "alert" not in case.message


def test_the_receiver_refuses_mail_for_other_domains(inbox):
    message = reply("", to="someone@elsewhere.example", subject="Relay?")
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send_to_inbox(inbox, message)


def test_a_canned_answer_links_the_knowledge_page_in_the_visitors_language(client, agent, case, site):
    from loket.contact.models import CannedAnswer

    canned = CannedAnswer.objects.create(
        title="Premies", text_nl="Alles over premies vindt u hier:", text_en="All about grants:", page=site["article"]
    )
    client.force_login(agent)
    html = client.get(f"/console/cases/{case.reference}/", {"canned": canned.pk}).content.decode()
    assert "Alles over premies vindt u hier:" in html
    assert "/integriteit/geschenken/" in html


def test_attachments_are_kept_within_limits_and_only_agents_download_them(client, inbox, admin_user):
    case = new_case()
    message = reply(case.reference, to=actions.reply_address(case), subject="Bijlagen")
    message.add_attachment(b"%PDF-1.4 mijn attest", maintype="application", subtype="pdf", filename="attest.pdf")
    message.add_attachment(b"MZ...", maintype="application", subtype="x-msdownload", filename="factuur.exe")
    send_to_inbox(inbox, message)
    entry = CaseMessage.objects.get(case=case)
    [kept] = entry.attachments.all()
    assert (kept.name, kept.content_type) == ("attest.pdf", "application/pdf")
    assert "factuur.exe" in entry.text  # the thread says what was refused
    assert client.get(f"/console/attachments/{kept.pk}/").status_code == 302
    client.force_login(admin_user)
    response = client.get(f"/console/attachments/{kept.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 mijn attest"
    assert response["Content-Disposition"].startswith("attachment")


def test_an_empty_answer_is_refused_with_a_message(client, agent, case):
    client.force_login(agent)
    response = client.post(f"/console/cases/{case.reference}/answer/", {"answer-text": ""})
    assert response.status_code == 400
    assert "Schrijf eerst iets." in response.content.decode()
    assert not case.messages.exists()
