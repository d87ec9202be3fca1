"""The report pages, the daily chat CSV, the exports and the wallboard: who may see them, what they say, and what
they answer to a bad question."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.test import Client

from loket.chat.models import Agent, Conversation, Team
from loket.contact.models import Case, Topic
from loket.knowledge.models import UnansweredSearch
from loket.reports import actions
from loket.reports.tables import CHAT_CSV_HEADER
from tests.reports.conftest import local, make_chat, make_user

HEADER = (
    "date,team,offered,answered,abandoned,short_abandoned,expired,turned_away,service_level,wait_p50_s,wait_p90_s,"
    "first_response_p50_s,handle_p50_s,transfers,ratings,rating_avg"
)
FORMULA = '=HYPERLINK("http://evil.example","klik")'


@pytest.fixture
def supervisor(db):
    client = Client()
    client.force_login(make_user("sam", "Supervisor"))
    return client


@pytest.fixture
def november(team, other_team, topic, agent):
    make_chat(team, topic, local(2026, 11, 2, 9, 0), taken=20, reply=30, ended=200, ending="visitor", agent=agent,
              rating=4)  # fmt: skip
    make_chat(team, topic, local(2026, 11, 2, 9, 5), ended=5, ending=Conversation.Ending.LEFT_QUEUE)
    make_chat(other_team, topic, local(2026, 11, 3, 14, 0), taken=70, ended=300, ending="agent", agent=agent)
    actions.rebuild(first=datetime.date(2026, 11, 1), last=datetime.date(2026, 11, 5))


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_only_supervisors_and_administrators_see_the_reports(db, team):
    urls = ["/console/reports/", "/console/reports/email/", "/console/reports/knowledge/",
            "/console/reports/wallboard/", "/console/reports/chat.csv?from=2026-11-01&to=2026-11-02",
            "/console/reports/chat/table.xlsx", "/console/reports/definitions/"]  # fmt: skip
    for group, expected in (("Supervisor", 200), ("Administrator", 200), ("Agent", 403), ("Editor", 403)):
        browser = Client()
        browser.force_login(make_user(f"{group.lower()}-person", group))
        assert [browser.get(url).status_code for url in urls] == [expected] * len(urls), group
    assert Client().get("/console/reports/").status_code == 302  # to the sign-in page


def test_the_places_of_a_supervisor_include_the_reports(supervisor):
    assert 'href="/console/reports/"' in supervisor.get("/console/board/").content.decode()


def test_the_daily_chat_csv_has_one_row_per_day_and_team_with_the_agreed_columns(supervisor, november, team,
                                                                                  other_team):  # fmt: skip
    response = supervisor.get("/console/reports/chat.csv?from=2026-11-02&to=2026-11-03")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = rows_of(response)
    assert ",".join(rows[0][: len(CHAT_CSV_HEADER)]) == HEADER
    assert rows[0][len(CHAT_CSV_HEADER):] == ["team_name"]  # fmt: skip
    by_key = {(row[0], row[1]): dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    teams = Team.objects.all()  # every team, also the one the migrations made, also without chats
    assert len(teams) == 3 and set(by_key) == {(day, str(t.pk)) for day in ("2026-11-02", "2026-11-03") for t in teams}
    monday = by_key[("2026-11-02", str(team.pk))]
    assert (monday["offered"], monday["answered"], monday["abandoned"], monday["short_abandoned"]) == (
        "2",
        "1",
        "1",
        "1",
    )
    assert (monday["service_level"], monday["wait_p50_s"], monday["first_response_p50_s"]) == ("100.0", "20", "10")
    assert (monday["handle_p50_s"], monday["ratings"], monday["rating_avg"]) == ("180", "1", "4.0")
    assert monday["team_name"] == "Team A"
    quiet = by_key[("2026-11-02", str(other_team.pk))]
    assert (quiet["offered"], quiet["service_level"], quiet["wait_p50_s"]) == ("0", "", "")
    tuesday = by_key[("2026-11-03", str(other_team.pk))]
    assert (tuesday["answered"], tuesday["service_level"]) == ("1", "0.0")


def test_the_daily_chat_csv_for_one_team(supervisor, november, other_team):
    rows = rows_of(supervisor.get(f"/console/reports/chat.csv?from=2026-11-02&to=2026-11-04&team={other_team.pk}"))
    assert [(row[0], row[1], row[2]) for row in rows[1:]] == [
        ("2026-11-02", str(other_team.pk), "0"), ("2026-11-03", str(other_team.pk), "1"),
        ("2026-11-04", str(other_team.pk), "0"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    ["", "from=2026-11-02", "to=2026-11-02", "from=2026-11-03&to=2026-11-02", "from=2026-13-01&to=2026-13-02",
     "from=\uff12\uff10\uff12\uff16-11-01&to=2026-11-02", "from=2024-01-01&to=2025-06-01",
     "from=1999-12-31&to=2000-01-01",
     "from=2026-11-01&to=2099-01-01", "from=2026-11-01&to=2026-11-02&team=abc", "from=2026-11-01&to=2026-11-02&team=²",
     "from=2026-11-01&to=2026-11-02&team=99999999999999999999", "from=2026-11-01&to=2026-11-02&team=4242"],
)  # fmt: skip
def test_a_bad_question_to_the_csv_gets_a_clear_400(supervisor, team, query):
    response = supervisor.get(f"/console/reports/chat.csv?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8" and len(response.content.decode()) > 10


def test_formula_like_text_is_neutralised_in_csv_and_xlsx(supervisor, november, team):
    Team.objects.filter(pk=team.pk).update(name_nl=FORMULA, name_en=FORMULA)
    rows = rows_of(supervisor.get("/console/reports/chat.csv?from=2026-11-02&to=2026-11-02"))
    assert "'" + FORMULA in [row[-1] for row in rows]
    csv_table = rows_of(supervisor.get("/console/reports/chat/table.csv?from=2026-11-02&to=2026-11-03&by=team"))
    assert csv_table[0][:3] == ["team", "offered", "answered"] and csv_table[1][:3] == ["'" + FORMULA, "2", "1"]
    response = supervisor.get("/console/reports/chat/table.xlsx?from=2026-11-02&to=2026-11-03&by=team")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert "'" + FORMULA in [cell.value for cell in cells]
    assert not [cell for cell in cells if cell.data_type == "f"]


def test_control_characters_in_a_name_become_spaces_in_xlsx_and_stay_in_csv(supervisor, november, team):
    """A vertical tab (a soft line break pasted from a word processor) in a team's name: a workbook cannot hold it."""
    Team.objects.filter(pk=team.pk).update(name_nl="Team\x0bA\x01", name_en="Team\x0bA\x01")
    response = supervisor.get("/console/reports/chat/table.xlsx?from=2026-11-02&to=2026-11-03&by=team")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert "Team A " in [cell.value for row in sheet.iter_rows() for cell in row]
    csv_table = rows_of(supervisor.get("/console/reports/chat/table.csv?from=2026-11-02&to=2026-11-03&by=team"))
    assert csv_table[1][0] == "Team\x0bA\x01"


@pytest.mark.parametrize("by", ["team", "topic", "agent", "language", "day", "hour"])
def test_the_chat_report_shows_figures_chart_and_table_for_each_breakdown(supervisor, november, by):
    response = supervisor.get(f"/console/reports/?period=range&from=2026-11-02&to=2026-11-03&by={by}")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<svg viewBox="0 0 720' in page and "<title id=" in page and "<desc id=" in page
    assert '<table class="lk-table lk-report-table">' in page
    assert "<dd>3</dd>" in page  # offered in the period
    export = supervisor.get(f"/console/reports/chat/table.csv?period=range&from=2026-11-02&to=2026-11-03&by={by}")
    assert rows_of(export)[0][0] == ("weekday" if by == "hour" else by)


def test_the_chat_report_names_teams_agents_and_days(supervisor, november):
    assert "Team B" in supervisor.get("/console/reports/?from=2026-11-02&to=2026-11-03&by=team").content.decode()
    assert "Ann" in supervisor.get("/console/reports/?from=2026-11-02&to=2026-11-03&by=agent").content.decode()
    days = supervisor.get("/console/reports/chat/table.csv?from=2026-11-01&to=2026-11-05&by=day")
    assert len(rows_of(days)) == 1 + 5  # every day, also the quiet ones


@pytest.mark.parametrize("query", ["period=week", "by=colour", "from=gisteren&to=vandaag", "team=x"])
def test_a_bad_question_to_a_page_keeps_the_form_and_says_what_is_wrong(supervisor, team, query):
    response = supervisor.get(f"/console/reports/?{query}")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode() and "<form" in response.content.decode()


def test_the_periods_today_last_seven_days_and_last_month(supervisor, team):
    for period in ("today", "7d", "month"):
        assert supervisor.get(f"/console/reports/?period={period}").status_code == 200


def test_the_email_report_counts_cases_by_form_and_by_mail(supervisor, topic, smtp):
    from loket.contact import actions as contact_actions

    contact_actions.submit_email_question(
        email="an@example.org", name="An", topic=topic, subject="Vraag", message="Hallo", language="nl"
    )
    Case.objects.create(reference="2026-009999", email="b@example.org", topic=topic, subject="Mail", message="x",
                        language="nl")  # fmt: skip
    response = supervisor.get("/console/reports/email/?period=today&by=topic")
    assert response.status_code == 200
    rows = rows_of(supervisor.get("/console/reports/email/table.csv?period=today&by=topic"))
    assert rows[0][:4] == ["topic", "received", "by_form", "by_mail"] and rows[1][1:4] == ["2", "1", "1"]
    backlog = rows_of(supervisor.get("/console/reports/email/table.csv?period=today&table=backlog"))
    assert backlog[0] == ["day", "open_at_end", "open_age_avg_d", "reopened"] and backlog[1][1] == "2"
    assert supervisor.get("/console/reports/email/table.xlsx?period=today").status_code == 200


def test_a_search_without_result_is_counted_without_who_searched_and_forgotten_after_the_period(
    client, supervisor, site, settings
):
    for _ in range(3):
        client.get("/zoeken/?q=Parkeerkaart+aanvragen")
    client.get("/zoeken/?q=")  # nothing asked: nothing counted
    logged = UnansweredSearch.objects.get()
    assert (logged.text, logged.count, logged.language) == ("parkeerkaart aanvragen", 3, "nl")
    assert {f.name for f in UnansweredSearch._meta.get_fields()} == {"id", "day", "language", "text", "count"}
    page = supervisor.get("/console/reports/knowledge/?period=today").content.decode()
    assert "parkeerkaart aanvragen" in page
    rows = rows_of(supervisor.get("/console/reports/knowledge/table.csv?period=today&table=searches"))
    assert rows == [["search", "language", "times"], ["parkeerkaart aanvragen", "Nederlands", "3"]]
    from loket.privacy.tasks import purge_expired

    UnansweredSearch.objects.update(
        day=datetime.date.today() - datetime.timedelta(days=settings.LOKET_SEARCH_LOG_DAYS + 1)
    )
    purge_expired.call()  # the daily retention purge
    assert not UnansweredSearch.objects.exists()


def test_the_knowledge_report_lists_the_pages_found_not_useful(supervisor, client, site):
    from wagtail.models import Page

    page = Page.objects.live().filter(depth__gt=2).first().specific
    client.post(f"/feedback/{page.pk}/", {"useful": "no"})
    rows = rows_of(supervisor.get("/console/reports/knowledge/table.csv?period=today&table=pages"))
    assert rows[1] == [page.title, "0", "1", "0.0"]
    assert supervisor.get("/console/reports/knowledge/table.xlsx?period=today").status_code == 200


def test_the_wallboard_shows_todays_figures_and_who_is_available(supervisor, team, topic, agent, now):
    make_chat(team, topic, now - datetime.timedelta(seconds=95))  # waiting for 95 s
    Agent.objects.filter(pk=agent.pk).update(status=Agent.Status.AVAILABLE, seen_at=now)
    page = supervisor.get("/console/reports/wallboard/").content.decode()
    assert 'data-figure="offered">1<' in page and 'data-figure="agents_available">1<' in page
    figures = supervisor.get("/console/reports/wallboard/figures").json()
    assert figures["offered"] == 1 and figures["longest_wait"] >= 95 and figures["agents_available"] == 1
    assert (figures["answered"], figures["abandoned"], figures["service_level"]) == (0, 0, 0.0)


def test_the_definitions_page_shows_docs_reports_md(supervisor):
    page = supervisor.get("/console/reports/definitions/").content.decode()
    assert "LOKET_SERVICE_LEVEL_SECONDS" in page


def test_the_rebuild_command_recounts_a_range(november, capsys):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    call_command("reports_rebuild", "--from", "2026-11-02", "--to", "2026-11-03")
    assert "2026-11-02 to 2026-11-03" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("reports_rebuild", "--from", "2026-11-03", "--to", "2026-11-02")
    assert Topic.objects.exists()


def test_open_cases_at_the_end_of_each_day_and_their_age(topic):
    from loket.reports import queries
    from tests.reports.conftest import after

    def case(n: int, received: datetime.datetime, closed: datetime.datetime | None) -> None:
        made = Case.objects.create(reference=f"2026-00{n}", email="x@example.org", topic=topic, subject="s",
                                   message="m", language="nl")  # fmt: skip
        Case.objects.filter(pk=made.pk).update(created_at=received, closed_at=closed)

    monday = local(2026, 11, 2, 12, 0)
    case(1, monday, after(monday, 86400))  # closed on Tuesday at noon
    case(2, monday, None)  # still open
    case(3, after(monday, 2 * 86400), None)  # received on Wednesday
    ends = [queries.bounds(datetime.date(2026, 11, d), datetime.date(2026, 11, d))[1] for d in (1, 2, 3, 4)]
    assert queries.open_cases_at(ends) == [(0, None), (2, 0.5), (1, 1.5), (2, 1.5)]
