"""Starting a chat over HTTP, the chat page and its frame, and the way to e-mail when the chat cannot start."""

from loket.chat.models import Agent, Conversation
from tests.chat.conftest import make_agent

START = "/api/chat/conversations"


def start(client, **data):
    return client.post(START, {"language": "nl", **data}, content_type="application/json")


def test_a_visitor_starts_a_chat_and_gets_an_unguessable_token(client, topic, team, away_agent):
    response = start(client, topic=topic.pk, name="Vera", message="Hallo", source_url="https://gemeente.example/x")
    assert response.status_code == 201
    body = response.json()
    conversation = Conversation.objects.get(pk=body["conversation"])
    assert (body["status"], body["websocket"]) == ("waiting", "/ws/chat/nl/")
    assert body["token"] == conversation.token and len(body["token"]) >= 43
    assert conversation.source_url == "https://gemeente.example/x"
    assert conversation.messages.get().text == "Hallo"


def test_without_an_agent_the_chat_says_so_and_offers_e_mail(client, topic):
    response = start(client, topic=topic.pk, language="en")
    assert response.status_code == 409
    assert response.json() == {
        "code": "no-agent",
        "detail": "No agent is available for the chat right now.",
        "email_url": "/en/contact/email/",
    }
    assert client.get(f"/api/chat/availability?topic={topic.pk}").json()["reason"] == "no-agent"


def test_bad_input_gets_a_clear_message(client, topic, away_agent):
    assert start(client, topic=999999).json()["detail"] == "Kies een thema uit de lijst."
    assert start(client, topic=topic.pk, name="a\nb").json()["code"] == "bad-name"
    assert start(client, topic=topic.pk, message="x" * 2001).status_code == 422
    assert start(client, topic=str(topic.pk)).status_code == 422  # a number, not text that looks like one
    assert start(client, topic=topic.pk, email="vera@").json()["code"] == "bad-email"
    chat = Conversation.objects.get(pk=start(client, topic=topic.pk, email=" vera@example.org ").json()["conversation"])
    assert chat.visitor_email == "vera@example.org"
    response = start(client, topic=topic.pk, source_url="javascript:alert(1)")
    assert Conversation.objects.get(pk=response.json()["conversation"]).source_url == ""


def test_chat_starts_are_rate_limited(client, topic, away_agent, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "chat-start": (2, 600)}
    assert [start(client, topic=topic.pk).status_code for _ in range(3)] == [201, 201, 429]


def test_the_chat_page_says_when_nobody_is_there_and_the_form_then_leads_to_e_mail(client, topic):
    page = client.get("/contact/chat/").content.decode()
    assert "Er is nu geen medewerker beschikbaar voor de chat." in page
    assert 'action="/contact/email/" method="get"' in page
    make_agent("ann", topic.teams.get(), status=Agent.Status.AWAY)
    page = client.get("/contact/chat/").content.decode()
    assert "geen medewerker" not in page and "Start de chat" in page


def test_the_e_mail_form_takes_over_what_was_typed(client, topic):
    page = client.get("/contact/email/", {"topic": topic.pk, "name": "Vera", "message": "Mijn vraag\n\nMeer"})
    form = page.context["form"]
    assert form.initial == {"name": "Vera", "message": "Mijn vraag\n\nMeer", "subject": "Mijn vraag", "topic": topic.pk}


def test_only_the_widget_frame_may_be_framed(client, db):
    embedded = client.get("/contact/chat/embed/")
    assert "X-Frame-Options" not in embedded.headers
    assert "frame-ancestors *" in embedded.headers["Content-Security-Policy"]
    assert "lk-header" not in embedded.content.decode()  # the chat alone, without the site around it
    page = client.get("/contact/chat/")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


def test_the_contact_overview_links_the_chat_now_that_it_exists():
    from django.utils import translation

    from loket.templatetags.loket import link_target

    assert link_target("route:contact:chat") == "/contact/chat/"  # the demo's chat channel points here
    with translation.override("en"):
        assert link_target("route:contact:chat") == "/en/contact/chat/"


def test_the_topics_are_listed_with_whether_a_chat_can_start(client, topic, team):
    def listed(language):
        return next(t for t in client.get("/api/chat/topics", {"language": language}).json() if t["id"] == topic.pk)

    assert listed("en") == {"id": topic.pk, "name": "Housing", "team": team.pk, "open": False, "reason": "no-agent"}
    make_agent("ann", team, status=Agent.Status.AWAY)
    assert listed("nl") == {"id": topic.pk, "name": "Wonen", "team": team.pk, "open": True, "reason": ""}
    topic.active = False
    topic.save()
    assert topic.pk not in [t["id"] for t in client.get("/api/chat/topics").json()]


def test_an_unknown_topic_is_a_422_for_availability_as_for_starting(client, topic):
    response = client.get("/api/chat/availability", {"topic": 999999, "language": "en"})
    assert response.status_code == 422
    assert response.json() == {"code": "unknown-topic", "detail": "Choose a topic from the list.", "errors": []}


def test_input_that_does_not_fit_gets_the_one_problem_format_in_the_visitors_language(client, topic):
    response = client.get("/api/chat/availability", {"topic": "drie", "language": "en"})
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["detail"]) == ("invalid", "Check what was sent: topic.")
    assert [error["field"] for error in body["errors"]] == ["topic"] and body["errors"][0]["message"]
    response = client.post(START, {"name": "Vera", "language": "en"}, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"] == "Check what was sent: topic."
    response = client.post(START, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"code": "bad-request", "detail": "Het verzoek kon niet gelezen worden: stuur JSON."}
