"""The holes an outsider found in the mail path (issue 12), each reproduced against the real receiver."""

import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from loket.contact import actions, queries, tasks
from loket.contact.models import Attachment, Case, CaseMessage, OutgoingMail
from tests.contact.test_console import new_case, reply, send_to_inbox
from tests.contact.test_email import question


def files_on_disk() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_strangers_re_reference_opens_a_new_case_that_mentions_the_one_it_names(inbox, client, admin_user):
    case = new_case()
    stranger = reply("", to="1700@loket.localhost", subject=f"Re: {case.reference}")
    stranger.replace_header("From", "Mallory <mallory@example.net>")
    send_to_inbox(inbox, stranger)
    assert not CaseMessage.objects.filter(case=case).exists()
    opened = Case.objects.get(email="mallory@example.net")
    assert opened.mentions == case and opened.flagged
    client.force_login(admin_user)
    html = client.get(f"/console/cases/{opened.reference}/").content.decode()
    assert f"Vermeldt dossier {case.reference}" in html
    listed = client.get("/console/cases/").content.decode()
    assert listed.count(f"Vermeldt dossier {case.reference}") == 1  # the list flags the new case, not the named one
    assert queries.case_summary(opened)["mentions"] == case.reference  # the inbox flags it (console.js)
    assert queries.case_summary(case)["mentions"] is None


def test_the_bare_reference_in_the_reply_address_no_longer_threads_a_strangers_mail(inbox):
    case = new_case()
    stranger = reply("", to=f"1700+{case.reference}@loket.localhost", subject="Hallo")
    stranger.replace_header("From", "mallory@example.net")
    send_to_inbox(inbox, stranger)
    assert not CaseMessage.objects.filter(case=case).exists()
    assert Case.objects.get(email="mallory@example.net").mentions == case


def test_a_reply_address_with_a_forged_token_does_not_thread(inbox):
    case = new_case()
    stranger = reply("", to=f"1700+{case.reference}.aaaaaaaaaaaaaaaa@loket.localhost", subject="Hallo")
    stranger.replace_header("From", "mallory@example.net")
    send_to_inbox(inbox, stranger)
    assert not CaseMessage.objects.filter(case=case).exists()


def test_the_reply_address_carries_a_token_and_threads_whoever_writes_to_it(inbox, client, admin_user):
    case = new_case()
    address = actions.reply_address(case)
    local = address.partition("@")[0]
    assert local.startswith(f"1700+{case.reference}.") and len(local.rpartition(".")[2]) >= 16
    forwarded = reply("", to=address, subject="Re: antwoord")
    forwarded.replace_header("From", "Partner <partner@example.org>")
    send_to_inbox(inbox, forwarded)
    entry = CaseMessage.objects.get(case=case)
    assert (entry.kind, entry.sender_email, entry.sender_name) == ("reply", "partner@example.org", "Partner")
    assert entry.from_case_address is False
    client.force_login(admin_user)
    html = client.get(f"/console/cases/{case.reference}/").content.decode()
    assert "partner@example.org" in html and "Niet het adres van het dossier" in html


def test_the_case_address_threads_by_subject_and_the_console_says_so(inbox, client, admin_user):
    case = new_case()
    own = reply("", to="1700@loket.localhost", subject=f"Re: [{case.reference}]")
    own.replace_header("From", "An <AN.Peeters@Example.org>")
    send_to_inbox(inbox, own)
    entry = CaseMessage.objects.get(case=case)
    assert entry.from_case_address is True
    client.force_login(admin_user)
    assert "Adres van het dossier" in client.get(f"/console/cases/{case.reference}/").content.decode()


def test_a_refused_mail_leaves_no_files_behind(media, transactional_db, settings, monkeypatch):
    settings.LOKET_SERVICE_EMAIL = "1700@loket.localhost"
    case = new_case()
    message = reply("", to=actions.reply_address(case), subject="Bijlage")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="attest.pdf")

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(actions, "_changed", broken)  # fails after the attachment was handled
    with pytest.raises(RuntimeError):
        actions.receive_mail(message.as_bytes())
    assert files_on_disk() == [] and not Attachment.objects.exists()


@pytest.mark.parametrize("name", ["..", "..\\..\\win.txt", "../../etc/passwd", ".", "a\x00b\x1f.pdf", "\u202egnp.pdf"])
def test_any_attachment_name_is_stored_safely_inside_the_media_folder(inbox, media, name):
    case = new_case()
    message = reply("", to=actions.reply_address(case), subject="Bijlage")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename=name)
    send_to_inbox(inbox, message)
    [kept] = Attachment.objects.all()
    path = Path(kept.file.path).resolve()
    assert path.is_file() and path.is_relative_to(Path(media).resolve())
    assert "/" not in kept.name and "\\" not in kept.name and kept.name not in ("", ".", "..")
    assert not any(ord(c) < 32 or c == "\u202e" for c in kept.name)


def nested(depth: int) -> bytes:
    """Multipart inside multipart, `depth` deep, as a hostile sender builds it."""
    body = b"Content-Type: text/plain\r\n\r\nbinnenin\r\n"
    for level in range(depth):
        body = (
            f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n'.encode()
            + body
            + f"\r\n--b{level}--\r\n".encode()
        )
    return b"From: diep@example.org\r\nTo: 1700@loket.localhost\r\nSubject: Diep\r\nMIME-Version: 1.0\r\n" + body


def many_parts(count: int) -> bytes:
    parts = b"".join(b"--x\r\nContent-Type: text/plain\r\n\r\nstuk\r\n" for _ in range(count))
    return (
        b"From: veel@example.org\r\nTo: 1700@loket.localhost\r\nSubject: Veel\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="x"\r\n\r\n' + parts + b"--x--\r\n"
    )


@pytest.mark.parametrize(
    ("raw", "sender"), [(nested(2000), "diep@example.org"), (many_parts(60_000), "veel@example.org")]
)
def test_deep_or_huge_structures_are_kept_as_a_case_with_a_note_not_refused(inbox, raw, sender):
    import smtplib

    with smtplib.SMTP("127.0.0.1", inbox) as client:
        client.sendmail(sender, ["1700@loket.localhost"], raw)  # raises on 451
    case = Case.objects.get(email=sender)
    assert "te groot of te ingewikkeld" in case.message
    assert case.subject in ("Diep", "Veel")


def test_a_from_name_with_an_encoded_line_break_is_stored_on_one_line(inbox):
    raw = (
        b"From: =?utf-8?q?An=0ABcc=3A_x?= <an.nl@example.org>\r\nTo: 1700@loket.localhost\r\n"
        b"Subject: =?utf-8?q?Vraag=0B=0Aover?=\r\n\r\nMijn vraag\r\n"
    )
    import smtplib

    with smtplib.SMTP("127.0.0.1", inbox) as client:
        client.sendmail("an.nl@example.org", ["1700@loket.localhost"], raw)
    case = Case.objects.get(email="an.nl@example.org")
    assert "\n" not in case.name and "\x0b" not in case.subject and "Bcc" in case.name
    assert case.message == "Mijn vraag"


@pytest.mark.parametrize("field", ["subject", "name"])
@pytest.mark.parametrize("control", ["\x0b", "\x00", "\x1b", "\u2028", "\x85"])
def test_control_characters_in_subject_or_name_are_refused_with_a_clear_message(client, db, field, control):
    response = client.post("/contact/email/", question(**{field: f"Premie{control}x"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "onzichtbaar teken" in html or "Schrijf dit op één regel." in html
    assert not Case.objects.exists()


def test_a_mail_that_cannot_be_built_is_marked_failed_with_its_reason_and_others_still_go(db, smtp, admin_user):
    case = new_case()
    broken = case.mails.get(kind="service")  # as mails stored before the form refused control characters
    OutgoingMail.objects.filter(pk=broken.pk).update(
        subject="Premie\x0b\nBcc: spam@example.org", status="pending", attempts=0
    )
    assert tasks.send_outgoing_mail.call(broken.pk) == "failed"
    broken.refresh_from_db()
    assert broken.attempts == 1 and broken.next_attempt_at is None
    assert broken.last_error.startswith("Could not be built")
    assert tasks.send_outgoing_mail.call(broken.pk) == "failed"  # never retried, never stuck as pending
    assert tasks.send_outgoing_mail.call(case.mails.get(kind="copy").pk) == "sent"
    entry = actions.answer_case(case=case, agent=admin_user, text="Antwoord")
    assert tasks.send_outgoing_mail.call(case.mails.get(message_id=entry.message_id).pk) == "sent"
    assert smtp.to("spam@example.org") == []


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.binary(max_size=3000) | st.text(max_size=2000).map(str.encode))
def test_any_bytes_can_be_read_without_an_exception(raw):
    from loket.contact import incoming

    found = incoming.read(raw, envelope_sender=None)
    assert all(unicodedata.category(c)[0] != "C" for c in found.subject + found.sender_name)


MIME_LINES = st.sampled_from(
    [
        b"From: =?utf-8?q?A=0A=0DB?= <a@b>",
        b"Subject: =?x-unknown?q?abc?=",
        b"Content-Type: multipart/mixed; boundary=x",
        b"Content-Type: message/rfc822",
        b"--x",
        b"--x--",
        b"Content-Transfer-Encoding: base64",
        b"To: <<@>>",
        b"Content-Disposition: attachment; filename*=utf-8''%2E%2E%2F%00",
        b"Message-ID: <\x00@x>",
        b"",
        b"\xff\xfe",
        b"Content-Type: text/html; charset=bogus",
        b"<p>hallo</p>",
    ]
)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(MIME_LINES, max_size=40))
def test_hostile_mime_can_be_read_without_an_exception(lines):
    from loket.contact import incoming

    found = incoming.read(b"\r\n".join(lines))
    for part in found.attachments:
        assert "/" not in part.name and "\x00" not in part.name
