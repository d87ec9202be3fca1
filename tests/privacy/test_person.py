"""An access request and an erasure request about one person, across every channel that holds their data."""

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.models import Page

from loket import cli
from loket.audit.models import AuditEntry
from loket.chat import actions as chat
from loket.chat.models import Agent, Conversation, Message, Team
from loket.contact import actions as contact
from loket.contact.models import Attachment, Case, CaseMessage, OutgoingMail, Topic
from loket.guidance.models import Answer, Dilemma
from loket.knowledge.models import Feedback, UnansweredSearch
from loket.privacy import actions
from loket.privacy.registry import Erasure, Person, kinds, without_personal_data
from loket.reports import actions as reports
from loket.reports.models import ChatDay

VERA = "vera@example.org"
OTHER = "jan@example.org"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def reply_with_attachment(case: Case) -> bytes:
    message = EmailMessage()
    message["From"] = f"Vera Claes <{VERA}>"
    message["To"] = contact.reply_address(case)
    message["Subject"] = f"Re: {case.reference}"
    message.set_content("Hierbij het attest dat u vroeg.")
    message.add_attachment(b"%PDF-1.4 attest van Vera", maintype="application", subtype="pdf", filename="attest.pdf")
    return message.as_bytes()


def chat_with(topic: Topic, agent: Agent, email: str, text: str) -> Conversation:
    name = "Vera" if email == VERA else "Jan"
    conversation = chat.start_conversation(topic=topic, visitor_name=name, visitor_email=email, language="nl")
    chat.post_message(conversation_id=conversation.pk, author="visitor", text=text)
    chat.post_message(conversation_id=conversation.pk, author="agent", text="Graag gedaan.", agent=agent)
    chat.end_conversation(conversation_id=conversation.pk, ending=Conversation.Ending.VISITOR)
    return conversation


@pytest.fixture
def vera(db, media, site, guidance, django_capture_on_commit_callbacks):
    """Everything a visitor leaves behind: a case with an answer and a reply with an attachment, two chats (one
    rated with a comment, one mailed as a transcript), page feedback, a search, and trainer answers."""
    topic = Topic.objects.create(name_nl="Wonen", name_en="Housing")
    team = Team.objects.create(name_nl="Team", name_en="Team", sort_order=0)
    Team.objects.exclude(pk=team.pk).update(sort_order=10)
    team.topics.add(topic)
    agent_user = User.objects.create_user("ann", email="ann@loket.example", password="agent-password-123")
    agent_user.groups.add(Group.objects.get(name="Agent"))
    agent = Agent.objects.create(user=agent_user, status=Agent.Status.AVAILABLE, capacity=3, seen_at=timezone.now())
    agent.teams.set([team])
    with django_capture_on_commit_callbacks(execute=True):
        case = contact.submit_email_question(
            email=VERA, name="Vera Claes", topic=topic, subject="Premie dakisolatie", message="Mag dat?", language="nl"
        )
        contact.answer_case(case=case, agent=agent_user, text="Ja, stuur het attest.")
        contact.receive_mail(reply_with_attachment(case))
        contact.submit_email_question(
            email=OTHER, name="Jan", topic=topic, subject="Iets anders", message="Vraag van Jan", language="nl"
        )
    rated = chat_with(topic, agent, VERA, "Waar vind ik mijn aanslag?")
    chat.rate(conversation_id=rated.pk, score=4, comment="Vlot geholpen, dank!")
    mailed = chat_with(topic, agent, VERA, "Nog een vraag")
    chat.email_transcript(conversation_id=mailed.pk, email=VERA)
    chat_with(topic, agent, OTHER, "Vraag van Jan")
    pages = list(Page.objects.filter(depth__gt=1)[:2])
    Feedback.objects.create(page=pages[0], useful=False, comment=f"Bel me terug: {VERA}", language="nl", visitor="a")
    Feedback.objects.create(page=pages[1], useful=False, comment="Onduidelijk", language="nl", visitor="b")
    UnansweredSearch.objects.create(day=timezone.localdate(), language="nl", text=VERA, count=1)
    dilemma = Dilemma.objects.first()
    for option, verdict in (("a", "risky"), ("b", "recommended")):
        Answer.objects.create(dilemma=dilemma, option=option, verdict=verdict)
    return {"case": case, "rated": rated, "mailed": mailed}


def export_of(email: str, **keys: tuple[str, ...]) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(actions.export(Person(email, **keys))))


def test_the_export_holds_every_item_about_the_person_and_nothing_of_anyone_else(vera):
    archive = export_of("Vera@Example.org")
    assert {"data.json", "overzicht.html", "summary.html"} <= set(archive.namelist())
    data = json.loads(archive.read("data.json"))["kinds"]
    assert [c["subject"] for c in data["contact.case"]] == ["Premie dakisolatie"]
    assert {m["kind"] for m in data["contact.casemessage"]} == {"answer", "reply"}
    assert {m["kind"] for m in data["contact.outgoingmail"]} == {"service", "copy", "answer", "transcript"}
    [attachment] = data["contact.attachment"]
    assert archive.read(f"files/{attachment['file']}") == b"%PDF-1.4 attest van Vera"
    assert {c["rating_comment"] for c in data["chat.conversation"]} == {"Vlot geholpen, dank!", ""}
    assert {m["text"] for m in data["chat.message"] if m["author"] == "visitor"} == {
        "Waar vind ik mijn aanslag?",
        "Nog een vraag",
    }
    assert [f["comment"] for f in data["knowledge.feedback"]] == [f"Bel me terug: {VERA}"]
    assert [s["text"] for s in data["knowledge.unansweredsearch"]] == [VERA]
    assert "guidance.answer" not in data  # anonymous by design: nothing in it can be about Vera
    everything = archive.read("data.json").decode()
    assert "Jan" not in everything and OTHER not in everything
    english, dutch = archive.read("summary.html").decode(), archive.read("overzicht.html").decode()
    assert "Premie dakisolatie" in english and "Vlot geholpen, dank!" in dutch
    assert "What we hold about" in english and "Wat we bewaren over" in dutch
    assert AuditEntry.objects.filter(event="privacy.exported", subject=actions.address_mark(VERA)).exists()


def test_a_chat_without_the_address_is_found_by_its_token(vera):
    rated, mailed = vera["rated"], vera["mailed"]
    Conversation.objects.filter(pk=mailed.pk).update(visitor_email="")  # the address is optional in a chat
    found = {f.kind.name: f.pks for f in actions.find(Person("nobody@example.org", chats=(mailed.token,)))}
    assert found["chat.conversation"] == [mailed.pk] and rated.pk not in found["chat.conversation"]


def text_fields(model: type[models.Model]) -> list[str]:
    kinds_of_text = (models.CharField, models.TextField, models.JSONField)
    return [f.name for f in model._meta.concrete_fields if isinstance(f, kinds_of_text)]


def holding(address: str) -> dict[str, int]:
    """Every registered model (with personal data or declared without), every text field: rows that name it."""
    from django.apps import apps

    labels = {kind.name for kind in kinds()} | set(without_personal_data())
    found = {}
    for label in labels:
        model = apps.get_model(label)
        query = models.Q()
        for field in text_fields(model):
            query |= models.Q(**{f"{field}__icontains": address})
        if query and (count := model._default_manager.filter(query).count()):
            found[label] = count
    return found


def test_erasure_leaves_nothing_findable_while_the_statistics_still_count(
    vera, media, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    reports.rebuild(first=today, last=today)
    ratings_before = sum(sum(day.ratings.values()) for day in ChatDay.objects.all())
    answers, votes = Answer.objects.count(), Feedback.objects.filter(useful=False).count()
    assert holding(VERA) and any(media.rglob("*.pdf"))

    with django_capture_on_commit_callbacks(execute=True):
        done = actions.erase(Person(VERA))

    assert done["contact.case"] == (Erasure.DELETE, 1) and done["chat.conversation"] == (Erasure.ANONYMISE, 2)
    assert holding(VERA) == {}
    assert holding("Vera Claes") == {} and holding("Vlot geholpen") == {} and holding("aanslag") == {}
    assert not [path for path in media.rglob("*") if path.is_file()]  # the attachment's file is gone
    for kind in kinds():
        if kind.erasure is not Erasure.KEEP:
            assert not kind.find(Person(VERA)).exists(), kind.name
    # What Jan left is untouched.
    assert Case.objects.filter(email=OTHER).exists() and Conversation.objects.filter(visitor_email=OTHER).exists()
    # The statistics: the chats and their rating, the votes and the trainer's answers still count.
    reports.rebuild(first=today, last=today)
    assert sum(sum(day.ratings.values()) for day in ChatDay.objects.all()) == ratings_before == 1
    assert Conversation.objects.count() == 3 and Conversation.objects.filter(rating=4).count() == 1
    assert Feedback.objects.filter(useful=False).count() == votes and Answer.objects.count() == answers
    [entry] = AuditEntry.objects.filter(event="privacy.erased")
    assert entry.subject == actions.address_mark(VERA) and entry.details["erased"]["contact.case"] == 1
    assert not Message.objects.filter(conversation__in=[vera["rated"], vera["mailed"]]).exists()
    assert not CaseMessage.objects.filter(sender_email=VERA).exists() and not Attachment.objects.exists()
    assert not OutgoingMail.objects.filter(to=VERA).exists()


def test_erasure_is_one_transaction(vera, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("the trail is down")

    monkeypatch.setattr(actions.audit, "record", fail)
    with pytest.raises(RuntimeError):
        actions.erase(Person(VERA))
    assert Case.objects.filter(email=VERA).exists() and Conversation.objects.filter(visitor_email=VERA).count() == 2
    assert Feedback.objects.filter(comment__contains=VERA).exists()


def test_a_person_is_never_a_blank_address(vera, capsys):
    with pytest.raises(ValidationError):
        Person("")
    assert run_loket(capsys, "privacy", "erase", " ", "--yes")[0] == 2
    assert Conversation.objects.filter(visitor_name="Vera").count() == 2


def run_loket(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit:
        cli.main(list(argv))
    return exit.value.code, capsys.readouterr().out


def test_loket_privacy_export_and_erase(vera, capsys, tmp_path, django_capture_on_commit_callbacks):
    out = tmp_path / "vera.zip"
    code, printed = run_loket(capsys, "privacy", "export", VERA, "--out", str(out))
    assert code == 0 and str(out) in printed
    assert "contact.case" in json.loads(zipfile.ZipFile(out).read("data.json"))["kinds"]

    code, printed = run_loket(capsys, "privacy", "erase", VERA)
    assert code == 1 and "--yes" in printed and "contact.case" in printed
    assert Case.objects.filter(email=VERA).exists()

    with django_capture_on_commit_callbacks(execute=True):
        code, printed = run_loket(capsys, "privacy", "erase", VERA, "--yes")
    assert code == 0 and "contact.case" in printed and "anonymised" in printed
    assert not Case.objects.filter(email=VERA).exists()
    assert AuditEntry.objects.get(event="privacy.erased").details["via"] == "command line"
