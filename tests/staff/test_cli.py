"""`loket staff` for operators, with good and bad input."""

import io
import json
import shutil
import subprocess
import sys

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import Client

from loket import cli
from loket.audit.models import AuditEntry
from loket.chat.models import Agent, Team
from loket.staff import queries
from tests.services import fresh_install_env
from tests.staff.conftest import PASSWORD, make_staff, set_up_totp, sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("optional_2fa")]


def loket(capsys, monkeypatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as exit:
        cli.main(["staff", *argv])
    out, err = capsys.readouterr()
    return exit.value.code, out, err


@pytest.fixture
def teams(db):
    Team.objects.create(name_nl="Wonen", name_en="Housing", sort_order=5)
    return Team.objects.all()


def test_add_prints_a_one_time_link_and_puts_an_agent_in_their_teams_at_once(capsys, monkeypatch, teams):
    code, out, _ = loket(
        capsys, monkeypatch, "add", "jan", "--email", "jan@example.org", "--role", "agent", "--team", "housing",
        "--name", "Jan Peeters",
    )  # fmt: skip
    assert code == 0
    link = out.split()[-1]
    assert link.startswith("http://localhost:8000/staff/password/reset/key/")
    jan = get_user_model().objects.get(username="jan")
    assert (jan.first_name, jan.last_name, jan.has_usable_password()) == ("Jan", "Peeters", False)
    assert queries.role_keys(jan) == ["agent"]
    assert [team.name_nl for team in Agent.objects.get(user=jan).teams.all()] == ["Wonen"]
    entry = AuditEntry.objects.get(event="staff.added")
    assert entry.subject == "user:jan" and entry.details["via"] == "command line"


def test_a_new_link_when_the_first_one_lapsed(capsys, monkeypatch):
    make_staff("ann", "agent")
    code, out, _ = loket(capsys, monkeypatch, "link", "ann")
    path = out.split()[-1].removeprefix("http://localhost:8000")
    assert code == 0 and path.startswith("/staff/password/reset/key/")
    assert Client().get(path).status_code == 302  # on to the form where the password is chosen


def test_add_with_a_password_from_standard_input(capsys, monkeypatch):
    code, out, _ = loket(
        capsys, monkeypatch, "add", "eva", "--email", "eva@example.org", "--role", "editor", "--role", "integrity",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0 and "http" not in out
    assert sign_in(Client(), "eva")["Location"] == "/staff/"
    assert queries.role_keys(get_user_model().objects.get(username="eva")) == ["editor", "integrity"]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["add", "x", "--email", "x@example.org", "--role", "boss"], "", "unknown role 'boss'"),
        (
            ["add", "x", "--email", "x@example.org", "--role", "agent", "--team", "Nergens"],
            "",
            "unknown team 'Nergens'",
        ),
        (["add", "x", "--email", "not-an-address", "--role", "agent"], "", "is not an e-mail address"),
        (["add", "ann", "--email", "a@example.org", "--role", "agent"], "", "the username 'ann' is taken"),
        (["add", "x", "--email", "x@example.org", "--role", "agent", "--password-stdin"], "kort\n", "too short"),
        (["add", "x", "--email", "x@example.org", "--role", "agent", "--password-stdin"], "\n", "empty line"),
        (["disable", "nobody"], "", "there is no account 'nobody'"),
        (["add", "bad name!", "--email", "x@example.org", "--role", "agent"], "", "cannot be a username"),
        (["add", "x", "--email", "ANN@loket.example", "--role", "agent"], "", "already the address of ann"),
        (["enable", "ann"], "", "ann is not disabled"),
        (["set-roles", "ann", "--role", "king"], "", "unknown role 'king'"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(capsys, monkeypatch, argv, stdin, message):
    make_staff("ann", "agent")
    users = get_user_model().objects.count()
    code, _, err = loket(capsys, monkeypatch, *argv, stdin=stdin)
    assert code == 1 and message in err and err.startswith("loket staff: error:")
    assert get_user_model().objects.count() == users


def test_a_missing_role_is_a_usage_error(capsys, monkeypatch):
    code, _, err = loket(capsys, monkeypatch, "add", "x", "--email", "x@example.org")
    assert code == 2 and "--role" in err


def test_list_shows_roles_teams_second_factors_and_state(capsys, monkeypatch):
    make_staff("ann", "agent")
    make_staff("bob", "editor")
    browser = Client()
    sign_in(browser, "bob")
    set_up_totp(browser)
    code, out, _ = loket(capsys, monkeypatch, "list", "--json")
    rows = {row["username"]: row for row in map(json.loads, out.splitlines())}
    assert code == 0 and set(rows) == {"ann", "bob"}
    assert rows["ann"]["roles"] == ["agent"] and rows["ann"]["teams"] == ["Information service"]
    assert rows["bob"]["second_factors"] == ["recovery_codes", "totp"] and rows["bob"]["last_sign_in"]
    code, out, _ = loket(capsys, monkeypatch, "list")
    header, ann, bob = out.splitlines()
    assert header.split() == ["username", "state", "roles", "teams", "second", "factors", "last", "sign-in", "e-mail"]
    assert ann.split()[:2] == ["ann", "active"] and "none" in ann and "never" in ann
    assert "recovery_codes,totp" in bob


def test_disable_signs_out_and_sends_an_agents_chats_back_to_the_queue(capsys, monkeypatch):
    ann = make_staff("ann", "agent")
    browser = Client()
    sign_in(browser, "ann")
    Agent.objects.filter(user=ann).update(status=Agent.Status.AVAILABLE)
    code, out, _ = loket(capsys, monkeypatch, "disable", "ann")
    assert code == 0 and "Disabled ann" in out
    assert browser.get("/console/").status_code == 302
    assert Agent.objects.get(user=ann).status == Agent.Status.OFFLINE
    refused = sign_in(Client(), "ann").content.decode()
    assert "De gebruikersnaam of het wachtwoord klopt niet." in refused  # the right password confirms nothing
    assert not get_user_model().objects.get(username="ann").is_active


def test_a_disabled_account_is_enabled_again_and_disabling_twice_is_refused(capsys, monkeypatch):
    make_staff("ann", "agent")
    assert loket(capsys, monkeypatch, "disable", "ann")[0] == 0
    code, _, err = loket(capsys, monkeypatch, "disable", "ann")
    assert code == 1 and "disabled already" in err
    assert loket(capsys, monkeypatch, "enable", "ann")[1] == "Enabled ann: they may sign in again.\n"
    assert sign_in(Client(), "ann")["Location"] == "/staff/"
    changes = AuditEntry.objects.filter(event__in=["staff.disabled", "staff.enabled"]).order_by("pk")
    assert list(changes.values_list("event", flat=True)) == ["staff.disabled", "staff.enabled"]


def test_reset_2fa_and_set_roles_and_sign_out(capsys, monkeypatch):
    ann = make_staff("ann", "agent")
    browser = Client()
    sign_in(browser, "ann")
    set_up_totp(browser)
    assert loket(capsys, monkeypatch, "reset-2fa", "ann")[0] == 0
    assert not Authenticator.objects.filter(user=ann).exists()
    assert loket(capsys, monkeypatch, "set-roles", "ann", "--role", "supervisor", "--role", "editor")[1] == (
        "ann: Supervisor, Editor.\n"
    )
    assert queries.role_keys(ann) == ["supervisor", "editor"]
    sign_in(browser, "ann")
    assert loket(capsys, monkeypatch, "sign-out", "ann")[1] == "Signed ann out everywhere: 1 session ended.\n"
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {"mfa.reset", "staff.roles-changed", "signout.everywhere"} <= events


def test_the_installed_command_runs(tmp_path):
    """The console script itself, on a fresh install's defaults (its own SQLite under the folder)."""
    env = fresh_install_env(tmp_path / "var")
    loket_command = shutil.which("loket") or "loket"
    subprocess.run([loket_command, "manage", "migrate", "-v0"], env=env, cwd=tmp_path, check=True, timeout=180)
    made = subprocess.run(
        [loket_command, "staff", "add", "ann", "--email", "ann@example.org", "--role", "agent"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0 and "/staff/password/reset/key/" in made.stdout
    listed = subprocess.run([loket_command, "staff", "list"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert listed.stdout.splitlines()[1].startswith("ann ")
    trail = subprocess.run([loket_command, "audit", "--json"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert [json.loads(line)["event"] for line in trail.stdout.splitlines()] == ["staff.added", "staff.roles-changed"]
