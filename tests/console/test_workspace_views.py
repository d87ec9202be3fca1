"""The workspace's pages: the workspace itself, the board for supervisors, and a case in the middle pane (an HTML
fragment whose forms post back to the pane and keep working as plain form posts)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from loket.contact.models import CannedAnswer, Case
from tests.contact.test_email import question


@pytest.fixture
def agent(db):
    user = get_user_model().objects.create_user("agent", password="x", first_name="Ann")
    user.groups.add(Group.objects.get(name="Agent"))
    return user


@pytest.fixture
def supervisor(db):
    user = get_user_model().objects.create_user("chief", password="x", first_name="Sam")
    user.groups.add(Group.objects.get(name="Supervisor"))
    return user


@pytest.fixture
def case(db, client_class, smtp):
    client_class().post("/contact/email/", question())
    return Case.objects.get()


def script_data(html: str, element_id: str) -> object:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)
    assert found, element_id
    return json.loads(found.group(1))


def test_the_workspace_carries_its_settings_strings_and_canned_answers_as_data(client, agent):
    CannedAnswer.objects.create(title="Openingsuren", text_nl="Van 9 tot 17 uur.", text_en="From 9 to 5.")
    client.force_login(agent)
    html = client.get("/console/").content.decode()
    config = script_data(html, "lk-console-config")
    assert config["websocket"] == "/ws/console/" and config["user"] == agent.pk
    assert script_data(html, "lk-console-canned") == [
        {"id": CannedAnswer.objects.get().pk, "title": "Openingsuren", "nl": "Van 9 tot 17 uur.", "en": "From 9 to 5."}
    ]
    assert "loket/js/console.js" in html and 'role="tablist"' not in html  # no board for an agent
    assert 'href="/console/cases/"' in html  # the full list, also without JavaScript


def test_the_old_chat_page_leads_to_the_workspace_and_the_board_is_for_supervisors(client, agent, supervisor):
    client.force_login(agent)
    assert client.get("/console/chat/")["Location"] == "/console/"
    assert client.get("/console/board/").status_code == 403
    client.force_login(supervisor)
    board = client.get("/console/board/").content.decode()
    assert 'role="tablist"' in board and 'href="/console/board/history.csv"' not in board
    assert 'action="/console/board/history.csv"' in board


def test_a_case_opens_in_the_pane_without_the_page_around_it(client, agent, case):
    client.force_login(agent)
    pane = client.get(f"/console/cases/{case.reference}/", {"pane": "1"}).content.decode()
    assert "<html" not in pane and "data-case-body" in pane
    assert f'action="/console/cases/{case.reference}/answer/?pane=1"' in pane
    page = client.get(f"/console/cases/{case.reference}/").content.decode()
    assert "<html" in page and f'action="/console/cases/{case.reference}/answer/"' in page


def test_an_answer_from_the_pane_comes_back_as_the_pane_and_a_plain_post_still_redirects(client, agent, case, smtp):
    client.force_login(agent)
    url = f"/console/cases/{case.reference}/answer/"
    response = client.post(url + "?pane=1", {"answer-text": "Dat kan online."})
    assert response.status_code == 200
    assert "data-done" in response.content.decode() and "Dat kan online." in response.content.decode()
    refused = client.post(url + "?pane=1", {"answer-text": ""})
    assert refused.status_code == 400 and "<html" not in refused.content.decode()
    assert client.post(url, {"answer-text": "Nog iets."})["Location"] == f"/console/cases/{case.reference}/"
    note = client.post(f"/console/cases/{case.reference}/note/?pane=1", {"note-text": "Intern."})
    assert note.status_code == 200 and "data-case-body" in note.content.decode()
    update = client.post(f"/console/cases/{case.reference}/update/?pane=1", {"status": "closed", "assignee": agent.pk})
    assert update.status_code == 200 and "data-case-body" in update.content.decode()
    case.refresh_from_db()
    assert (case.status, case.messages.count()) == ("closed", 3)


def test_the_board_needs_both_the_supervisors_permission_and_the_agents(client, db):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("watcher", password="x")
    user.user_permissions.add(Permission.objects.get(codename="supervise", content_type__app_label="chat"))
    client.force_login(user)
    assert client.get("/console/board/").status_code == 403


def test_a_refused_case_update_comes_back_with_its_error_and_changes_nothing(client, agent, case):
    client.force_login(agent)
    refused = client.post(f"/console/cases/{case.reference}/update/?pane=1", {"status": "bogus", "assignee": ""})
    html = refused.content.decode()
    assert refused.status_code == 400 and "<html" not in html
    assert 'class="lk-field-error" role="alert"' in html and "data-case-body" in html
    assert 'data-updated="' in html  # the pane knows how recent it is: later changes of the case are news
    case.refresh_from_db()
    assert case.status == "new"
