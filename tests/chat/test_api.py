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
    assert response.json() == {
        "code": "unknown-topic",
        "detail": "Choose a topic from the list.",
        "errors": [{"field": "topic", "message": "Choose a topic from the list."}],
    }


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


def test_text_that_cannot_be_stored_is_refused_with_the_field_named_on_every_database(client, topic, away_agent):
    for field in ("message", "name", "email", "source_url"):
        for text in ("a\x00b", "a\ud800b"):  # PostgreSQL refuses a NUL; no database keeps half a surrogate pair
            response = start(client, topic=topic.pk, language="en", **{field: text})
            assert response.status_code == 422, (field, text)
            body = response.json()
            assert (body["code"], body["detail"]) == ("invalid", f"Check what was sent: {field}.")
            assert body["errors"] == [
                {
                    "field": field,
                    "message": "This text contains a character that cannot be stored, such as a NUL character.",
                }
            ]
    assert not Conversation.objects.exists()
    dutch = start(client, topic=topic.pk, message="\x00").json()["errors"][0]["message"]
    assert dutch == "Deze tekst bevat een teken dat niet bewaard kan worden, zoals een NUL-teken."


def test_every_field_level_refusal_names_its_field_in_the_answers_language(client, topic, away_agent):
    def errors(**data):
        response = start(client, **data)
        assert response.status_code == 422
        body = response.json()
        return body["code"], body["errors"]

    assert errors(topic=999999) == ("unknown-topic", [{"field": "topic", "message": "Kies een thema uit de lijst."}])
    assert errors(topic=topic.pk, name="a\nb", language="en") == (
        "bad-name", [{"field": "name", "message": "Write this on one line."}]
    )  # fmt: skip
    assert errors(topic=topic.pk, email="vera@")[1][0]["field"] == "email"
    assert errors(topic="drie") == ("invalid", [{"field": "topic", "message": "Geef een geheel getal."}])
    assert errors(topic=topic.pk, message="x" * 2001, language="en") == (
        "invalid", [{"field": "message", "message": "Keep this to at most 2000 characters."}]
    )  # fmt: skip
    response = client.post(START, {"name": "Vera"}, content_type="application/json")
    assert response.json()["errors"] == [{"field": "topic", "message": "Vul dit in."}]


def test_error_text_follows_the_bodys_language_then_the_querys(client, topic, away_agent):
    def detail(query, **data):
        return client.post(f"{START}{query}", data, content_type="application/json").json()["detail"]

    assert detail("?language=en", topic=999999) == "Choose a topic from the list."
    assert detail("?language=en", topic=999999, language="nl") == "Kies een thema uit de lijst."
    assert detail("?language=fr", topic=999999) == "Kies een thema uit de lijst."
    assert detail("", topic=999999) == "Kies een thema uit de lijst."
    started = client.post(f"{START}?language=en", {"topic": topic.pk}, content_type="application/json").json()
    assert started["websocket"] == "/ws/chat/en/"
    assert Conversation.objects.get(pk=started["conversation"]).language == "en"


def test_a_refused_start_says_when_to_try_again(client, topic, away_agent, settings, monkeypatch):
    from loket import security

    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "chat-start": (1, 600)}
    now = [1_000_000.0]
    monkeypatch.setattr(security.time, "time", lambda: now[0])
    assert start(client, topic=topic.pk).status_code == 201
    now[0] += 100.5  # a fake clock: 499.5 seconds of the window are left
    response = start(client, topic=topic.pk)
    assert response.status_code == 429 and response["Retry-After"] == "500"


def test_an_unexpected_failure_is_a_500_with_a_documented_code_and_a_sentence(topic, away_agent, monkeypatch):
    from django.test import Client

    from loket.chat import actions

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(actions, "start_conversation", broken)
    client = Client(raise_request_exception=False)
    response = start(client, topic=topic.pk, language="en")
    assert response.status_code == 500
    assert response.json() == {
        "code": "server-error",
        "detail": "Something went wrong on our side. The error has been noted; please try again in a moment.",
    }
    assert client.get("/api/nothing-here/", {"language": "en"}).json() == {
        "code": "not-found",
        "detail": "Page not found",
    }
