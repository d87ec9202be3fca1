"""What a review of the privacy app found, each kept from coming back: another person's address that contains this
one, a chat linked only by its mailed transcript, an attachment in someone else's case, the audit entry of an
erasure, the export's file name, and the admin's own log."""

import datetime
import hashlib
import io
import json
import zipfile
from email.message import EmailMessage

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from loket.audit.models import AuditEntry
from loket.chat import actions as chat
from loket.chat.models import Conversation
from loket.contact import actions as contact
from loket.contact.models import Case
from loket.knowledge.models import Feedback, UnansweredSearch
from loket.privacy import actions
from loket.privacy.registry import Person
from tests.privacy import test_person
from tests.privacy.test_person import OTHER, VERA, run_loket

vera, media = test_person.vera, test_person.media  # the same person, with everything she left behind


def found(person: Person) -> dict[str, list[object]]:
    return {f.kind.name: f.pks for f in actions.find(person)}


def test_an_address_is_matched_whole_in_free_text_never_inside_another(vera, django_capture_on_commit_callbacks):
    page = Page.objects.filter(depth__gt=1).first()
    today = timezone.localdate()
    others = [f"jo{VERA}", f"{VERA}.uk", f"a.{VERA}"]  # joVera@…, an address at another domain, a.vera@…
    for i, text in enumerate(others):
        Feedback.objects.create(page=page, useful=False, comment=f"Mail {text}", language="nl", visitor=f"x{i}")
        UnansweredSearch.objects.create(day=today, language="en", text=text, count=1)
    mine = Feedback.objects.create(
        page=page, useful=False, comment=f"Mail <{VERA.upper()}>.", language="nl", visitor="y"
    )
    held = found(Person(VERA))
    assert sorted(held["knowledge.feedback"]) == sorted(
        Feedback.objects.filter(comment__in=[f"Bel me terug: {VERA}", mine.comment]).values_list("pk", flat=True)
    )
    assert UnansweredSearch.objects.filter(pk__in=held["knowledge.unansweredsearch"]).get().text == VERA
    with django_capture_on_commit_callbacks(execute=True):
        actions.erase(Person(VERA))
    for text in others:  # nobody else's words are touched
        assert Feedback.objects.filter(comment=f"Mail {text}").exists()
        assert UnansweredSearch.objects.filter(text=text).exists()


def test_a_chat_without_an_address_belongs_to_whom_its_transcript_was_mailed(vera, django_capture_on_commit_callbacks):
    conversation = vera["mailed"]
    conversation = chat.start_conversation(
        topic=conversation.topic, visitor_name="Vera", visitor_email="", language="nl"
    )
    chat.post_message(conversation_id=conversation.pk, author="visitor", text="Zonder adres gevraagd")
    Conversation.objects.filter(pk=conversation.pk).update(started_at=timezone.now())
    chat.email_transcript(conversation_id=conversation.pk, email=VERA)
    assert conversation.pk in found(Person(VERA))["chat.conversation"]
    with django_capture_on_commit_callbacks(execute=True):
        actions.erase(Person(VERA))
    assert not Conversation.objects.get(pk=conversation.pk).visitor_name
    assert not conversation.messages.exists()


def test_a_transcript_mailed_elsewhere_leaves_a_chat_s_own_address(vera):
    mailed = vera["mailed"]
    chat.email_transcript(conversation_id=mailed.pk, email=OTHER)
    assert Conversation.objects.get(pk=mailed.pk).visitor_email == VERA


def test_what_they_attached_in_someone_else_s_case_is_in_their_export(vera, media, django_capture_on_commit_callbacks):
    jans = Case.objects.get(email=OTHER)
    message = EmailMessage()
    message["From"] = f"Vera Claes <{VERA}>"
    message["To"] = contact.reply_address(jans)
    message["Subject"] = f"Re: {jans.reference}"
    message.set_content("Voor Jan, het plan.")
    message.add_attachment(b"plan van Vera", maintype="application", subtype="pdf", filename="plan.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        contact.receive_mail(message.as_bytes())
    archive = zipfile.ZipFile(io.BytesIO(actions.export(Person(VERA))))
    attachments = json.loads(archive.read("data.json"))["kinds"]["contact.attachment"]
    assert {a["name"] for a in attachments} == {"attest.pdf", "plan.pdf"}
    [plan] = [a for a in attachments if a["name"] == "plan.pdf"]
    assert archive.read(f"files/{plan['file']}") == b"plan van Vera"


def test_the_erasure_s_audit_entry_lists_cases_and_chats_and_names_nobody(vera, settings):
    actions.erase(Person(VERA))
    entry = AuditEntry.objects.get(event="privacy.erased")
    assert entry.details["items"]["contact.case"] == [vera["case"].reference]
    assert sorted(entry.details["items"]["chat.conversation"]) == sorted(str(vera[c].pk) for c in ("rated", "mailed"))
    plain = hashlib.sha256(VERA.encode()).hexdigest()[:16]
    assert entry.subject == actions.address_mark(VERA) and plain not in entry.subject
    settings.SECRET_KEY = "another-key-" + "x" * 40  # keyed: without the key, a guessed address cannot be tested
    assert actions.address_mark(VERA) != entry.subject


def test_an_export_without_out_is_named_without_the_address(vera, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, printed = run_loket(capsys, "privacy", "export", VERA)
    [written] = list(tmp_path.glob("*.zip"))
    assert code == 0 and written.name in printed
    assert "vera" not in written.name and written.name.startswith(f"privacy-export-{datetime.date.today()}-")
    assert zipfile.ZipFile(written).read("data.json")


def test_an_export_that_could_not_be_written_is_not_recorded(vera):
    def full_disk(zipped: bytes) -> None:
        raise OSError("No space left on device")

    with pytest.raises(OSError):
        actions.export(Person(VERA), write=full_disk)
    assert not AuditEntry.objects.filter(event="privacy.exported").exists()


def test_the_admin_log_keeps_no_name_of_an_erased_visitor(vera, client, django_capture_on_commit_callbacks):
    rated = vera["rated"]
    client.force_login(User.objects.create_superuser("boss", password="pw-long-enough-123"))
    client.post(f"/admin/chat/conversations/edit/{rated.pk}/", {"status": "ended"})
    ModelLogEntry.objects.log_action(vera["case"], "wagtail.edit", data={"note": "Vera Claes"})  # an older label
    ModelLogEntry.objects.filter(object_id=str(vera["case"].pk)).update(label="2026-000001 Vera Claes")
    assert ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Conversation)).exists()
    assert "Vera" not in str(rated) and "Premie" not in str(vera["case"])
    with django_capture_on_commit_callbacks(execute=True):
        actions.erase(Person(VERA))
    entries = list(ModelLogEntry.objects.values_list("label", "data", "action"))
    assert entries and not [e for e in entries if "Vera" in e[0] or "Vera" in json.dumps(e[1])]
    assert {"wagtail.edit"} <= {action for _, _, action in entries}  # who did what, when, stays


def test_the_outbox_files_go_with_the_person_and_with_time(vera, settings, tmp_path):
    from django.core import mail
    from django.core.mail import EmailMessage as Mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    connections = [mail.get_connection() for _ in range(3)]  # one file each
    for to, connection in zip((VERA, f"jo{VERA}", OTHER), connections, strict=True):
        Mail("Uw vraag", "Tekst", "1700@loket.localhost", [to], connection=connection).send()
    files = {path.read_text(): path for path in (tmp_path / "outbox").iterdir()}
    assert len(files) == 3
    old = next(path for text, path in files.items() if OTHER in text)
    long_ago = (timezone.now() - datetime.timedelta(days=settings.LOKET_RETENTION_DAYS + 1)).timestamp()
    __import__("os").utime(old, (long_ago, long_ago))
    assert actions.purge()["var/outbox"] == 1 and not old.exists()
    actions.erase(Person(VERA))  # files go once committed: this test's transaction never commits
    assert len(list((tmp_path / "outbox").iterdir())) == 2


def test_the_outbox_is_erased_after_commit(vera, settings, tmp_path, django_capture_on_commit_callbacks):
    from django.core import mail
    from django.core.mail import EmailMessage as Mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    connection = mail.get_connection()  # one file with both mails, and one with Vera's alone
    for to in (VERA, f"jo{VERA}"):
        Mail("Uw vraag", "Tekst", "1700@loket.localhost", [to], connection=connection).send()
    alone = mail.get_connection()
    Mail("Kopie", "Tekst", "1700@loket.localhost", [VERA], connection=alone).send()
    assert len(list((tmp_path / "outbox").iterdir())) == 2
    with django_capture_on_commit_callbacks(execute=True):
        actions.erase(Person(VERA))
    [left] = list((tmp_path / "outbox").iterdir())
    assert f"jo{VERA}" in left.read_text() and f"To: {VERA}" not in left.read_text()


def test_the_record_names_the_stores_outside_loket_s_tables():
    from loket.privacy import record

    text = record.generate()
    for store in ("wagtailcore.modellogentry", "sessions.session", "usersessions.usersession", "var/outbox"):
        assert f"### {store}" in text
