"""One sign-in page for all staff: where it leads, what it refuses, lockout, sessions and the idle timeout."""

import ipaddress
import time

import pytest
from django.contrib.auth.hashers import get_hasher
from django.test import Client

from loket.audit.models import AuditEntry
from loket.security import STAFF_SEEN as SEEN
from loket.staff import actions
from tests.staff.conftest import PASSWORD, make_staff, set_up_totp, sign_in, totp

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("optional_2fa")]


def events(*names: str) -> list[str]:
    return list(AuditEntry.objects.filter(event__in=names).order_by("pk").values_list("event", flat=True))


def test_the_staff_link_and_every_staff_door_lead_to_the_one_sign_in_page(client, site):
    assert 'href="/staff/login/"' in client.get("/").content.decode()
    assert client.get("/console/")["Location"] == "/staff/login/?next=/console/"
    assert client.get("/admin/", follow=True).redirect_chain[-1][0] == "/staff/login/?next=/admin/"
    # Wagtail's own login page is no way around lockout and second factors.
    assert client.get("/admin/login/?next=/admin/pages/")["Location"] == "/staff/login/?next=/admin/pages/"
    page = client.get("/staff/login/").content.decode()
    assert "Aanmelden voor personeel" in page and 'class="lk lk--staff' in page


def test_the_sign_in_page_speaks_english_when_chosen(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/staff/login/"})
    assert response["Location"] == "/staff/login/"
    page = client.get("/staff/login/").content.decode()
    assert "Staff sign-in" in page and '<html lang="en">' in page


def test_agents_land_in_the_console_and_editors_in_the_admin(client_class):
    make_staff("ann", "agent")
    make_staff("eddy", "editor")
    assert sign_in(client_class(), "ann")["Location"] == "/staff/"
    agent = client_class()
    sign_in(agent, "ann")
    assert agent.get("/staff/")["Location"] == "/console/"
    editor = client_class()
    sign_in(editor, "EDDY")  # the username in any case
    assert editor.get("/staff/")["Location"] == "/admin/"
    assert sign_in(client_class(), "ann", next="/console/chat/")["Location"] == "/console/chat/"
    assert events("signin") == ["signin"] * 4


def test_every_staff_page_links_the_places_the_role_may_use(client):
    make_staff("sam", "supervisor", "editor")
    sign_in(client, "sam")
    page = client.get("/console/").content.decode()
    for link in ('href="/console/"', 'href="/console/cases/"', 'href="/console/board/"', 'href="/admin/"',
                 'href="/staff/security/"'):  # fmt: skip
        assert link in page
    make_staff("ann", "agent")
    agent = Client()
    sign_in(agent, "ann")
    page = agent.get("/console/").content.decode()
    assert 'href="/admin/"' not in page and 'href="/console/board/"' not in page


def test_a_wrong_password_and_an_unknown_account_get_the_same_answer_and_the_same_work(client_class, monkeypatch):
    make_staff("ann", "agent")
    hasher = get_hasher()
    hashed = []
    original = type(hasher).encode
    monkeypatch.setattr(
        type(hasher), "encode", lambda self, *args, **kw: hashed.append(1) or original(self, *args, **kw)
    )
    known = sign_in(client_class(), "ann", "not-her-password")
    work_for_known = len(hashed)
    unknown = sign_in(client_class(), "nobody-here", "not-her-password")
    assert known.status_code == unknown.status_code == 200
    message = "De gebruikersnaam of het wachtwoord klopt niet."
    assert message in known.content.decode() and message in unknown.content.decode()
    # The password is hashed once either way: no shortcut for an account that does not exist.
    assert work_for_known == 1 and len(hashed) == 2
    failed = AuditEntry.objects.filter(event="signin.failed").order_by("pk")
    assert [entry.actor_name for entry in failed] == ["ann", ""]


def test_five_failures_lock_the_account_from_that_address_even_with_the_right_password(client):
    make_staff("ann", "agent")
    for _ in range(5):
        assert sign_in(client, "ann", "wrong", address="10.0.0.5").status_code == 200
    locked = sign_in(client, "ann", PASSWORD, address="10.0.0.5")
    page = locked.content.decode()
    assert locked.status_code == 200 and "_auth_user_id" not in client.session
    assert "Te veel mislukte pogingen om aan te melden" in page and "gepauzeerd tot" in page
    # The same answer for an account that does not exist: the lock does not tell who has an account.
    for _ in range(5):
        sign_in(client, "nobody", "wrong", address="10.0.0.5")
    assert "Te veel mislukte pogingen" in sign_in(client, "nobody", "x", address="10.0.0.5").content.decode()
    # Someone guessing from elsewhere does not lock Ann out of her own desk.
    assert sign_in(Client(), "ann", PASSWORD, address="10.0.0.9")["Location"] == "/staff/"
    assert events("signin.failed", "signin.locked").count("signin.locked") == 2
    assert AuditEntry.objects.filter(event="signin.locked", actor_name="ann").count() == 1


def test_twenty_failures_from_one_address_across_accounts_close_that_address(client):
    make_staff("ann", "agent")
    for number in range(20):
        sign_in(client, f"guess{number}", "wrong", address="10.0.0.7")
    page = sign_in(client, "ann", PASSWORD, address="10.0.0.7").content.decode()
    assert "Te veel mislukte pogingen" in page
    assert sign_in(Client(), "ann", PASSWORD, address="10.0.0.8").status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client):
    make_staff("ann", "agent")
    for number in range(5):
        sign_in(client, "ann", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert "Te veel mislukte pogingen" in sign_in(client, "ann", HTTP_X_FORWARDED_FOR="198.51.100.99").content.decode()
    assert set(AuditEntry.objects.filter(event__startswith="signin").values_list("address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_the_client_is_the_address_the_proxy_appended(client, settings):
    settings.LOKET_TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]
    make_staff("ann", "agent")
    for number in range(5):  # what the client claims comes first; the proxy appends what it saw
        sign_in(client, "ann", "wrong", address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 198.51.100.7")
    locked = sign_in(client, "ann", address="10.0.0.3", HTTP_X_FORWARDED_FOR="203.0.113.50, 198.51.100.7")
    assert "Te veel mislukte pogingen" in locked.content.decode()
    elsewhere = sign_in(Client(), "ann", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert elsewhere.status_code == 302
    assert AuditEntry.objects.filter(event="signin.failed").first().address == "198.51.100.7"


def test_every_spelling_of_a_username_counts_for_the_one_account(client):
    make_staff("ann", "agent")
    for spelling in ("ann", "ANN", "Ann", " ann", "aNN"):
        sign_in(client, spelling, "wrong")
    assert "Te veel mislukte pogingen" in sign_in(client, "ann").content.decode()


def test_addresses_of_one_ipv6_network_count_together(client):
    make_staff("ann", "agent")
    for host in range(1, 6):
        sign_in(client, "ann", "wrong", address=f"2001:db8:1:2::{host}")
    assert "Te veel mislukte pogingen" in sign_in(client, "ann", address="2001:db8:1:2::ffff").content.decode()
    assert sign_in(Client(), "ann", address="2001:db8:1:3::1").status_code == 302


def test_a_good_sign_in_with_a_second_factor_does_not_reset_the_count_of_its_address(client_class):
    make_staff("bob", "agent")
    setup = client_class()
    sign_in(setup, "bob", address="10.9.9.9")
    secret = set_up_totp(setup)
    guesser = client_class()
    for number in range(18):
        sign_in(guesser, f"guess{number}", "wrong", address="10.0.0.7")
    bob = client_class()
    sign_in(bob, "bob", address="10.0.0.7")
    bob.post("/staff/2fa/authenticate/", {"code": totp(secret, step=1)}, REMOTE_ADDR="10.0.0.7")
    assert "_auth_user_id" in bob.session
    sign_in(guesser, "guess18", "wrong", address="10.0.0.7")
    sign_in(guesser, "guess19", "wrong", address="10.0.0.7")
    assert "Te veel mislukte pogingen" in sign_in(guesser, "guess20", "wrong", address="10.0.0.7").content.decode()


def test_a_disabled_account_gets_the_answer_of_a_wrong_password(client):
    ann = make_staff("ann", "agent")
    actions.disable_staff(ann)
    right, wrong = sign_in(client, "ann").content.decode(), sign_in(client, "ann", "wrong").content.decode()
    message = "De gebruikersnaam of het wachtwoord klopt niet."
    assert message in right and message in wrong


def test_a_password_reset_mails_only_existing_accounts(client, mailoutbox):
    make_staff("ann", "agent")
    for address in ("ann@loket.example", "stranger@example.org"):
        assert client.post("/staff/password/reset/", {"email": address}).status_code == 302
    assert [mail.to for mail in mailoutbox] == [["ann@loket.example"]]


def test_the_lockout_numbers_come_from_the_configuration(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/900s/key"}
    make_staff("ann", "agent")
    sign_in(client, "ann", "wrong")
    sign_in(client, "ann", "wrong")
    assert "Te veel mislukte pogingen" in sign_in(client, "ann", PASSWORD).content.decode()


def test_signing_out_ends_the_session_and_is_recorded(client):
    make_staff("ann", "agent")
    sign_in(client, "ann")
    response = client.post("/staff/logout/")
    assert response["Location"] == "/staff/login/"
    assert client.get("/console/").status_code == 302
    assert events("signin", "signout") == ["signin", "signout"]


def test_an_idle_session_ends_with_a_clear_message(client, settings):
    make_staff("ann", "agent")
    sign_in(client, "ann")
    assert client.get("/console/").status_code == 200
    session = client.session
    session[SEEN] = time.time() - settings.LOKET_STAFF_SESSION_IDLE - 1
    session.save()
    response = client.get("/console/chat/", follow=True)
    assert response.redirect_chain[0][0] == "/staff/login/?next=%2Fconsole%2Fchat%2F"
    assert "U bent afgemeld na 8 uur zonder activiteit" in response.content.decode()
    assert events("signout.idle") == ["signout.idle"]


def test_activity_keeps_the_session_and_the_server_says_how_long(client, settings):
    settings.LOKET_STAFF_SESSION_IDLE = 600
    make_staff("ann", "agent")
    sign_in(client, "ann")
    seconds = client.post("/staff/keepalive/").json()["seconds_left"]
    assert 540 <= seconds <= 600
    # The session row outlives the idle period by a day only to say why it ended; it signs nobody in after it.
    assert client.session.get_expiry_age() <= 600 + 24 * 3600
    page = client.get("/console/").content.decode()
    assert 'data-idle-seconds="600"' in page


def test_the_admin_warns_before_the_idle_timeout_too(client, settings):
    settings.LOKET_STAFF_SESSION_IDLE = 900
    make_staff("eddy", "editor")
    sign_in(client, "eddy")
    page = client.get("/admin/").content.decode()
    assert 'src="/static/loket/js/staff.js"' in page and 'data-idle-seconds="900"' in page
    assert 'data-keepalive-url="/staff/keepalive/"' in page and "wordt u om {time} afgemeld" in page


def test_sign_out_everywhere_ends_every_session_of_that_person(client_class):
    make_staff("ann", "agent")
    desk, laptop = client_class(), client_class()
    sign_in(desk, "ann")
    sign_in(laptop, "ann")
    assert laptop.get("/console/").status_code == 200
    response = desk.post("/staff/sign-out-everywhere/", follow=True)
    assert "U bent overal afgemeld (2 sessies)" in response.content.decode()
    assert laptop.get("/console/").status_code == 302
    assert desk.get("/console/").status_code == 302
    [entry] = AuditEntry.objects.filter(event="signout.everywhere")
    assert (entry.actor_name, entry.subject, entry.details["sessions"]) == ("ann", "user:ann", 2)


def test_an_administrator_signs_someone_else_out_everywhere(client_class):
    ann = make_staff("ann", "agent")
    make_staff("adam", "admin")
    desk = client_class()
    sign_in(desk, "ann")
    admin = client_class()
    sign_in(admin, "adam")
    page = admin.get(f"/staff/people/{ann.pk}/").content.decode()
    assert "Overal afmelden" in page
    admin.post(f"/staff/people/{ann.pk}/", {"action": "sign-out"})
    assert desk.get("/console/").status_code == 302
    [entry] = AuditEntry.objects.filter(event="signout.everywhere")
    assert (entry.actor_name, entry.subject) == ("adam", "user:ann")
    # An agent may not do this to a colleague.
    assert desk.post("/staff/login/", {"login": "ann", "password": PASSWORD}).status_code == 302
    assert desk.post(f"/staff/people/{ann.pk}/", {"action": "sign-out"}).status_code == 403


def test_a_sign_in_link_from_the_operator_lets_a_new_agent_choose_a_password_once(client_class):
    ann = actions.add_staff(username="ann", email="ann@loket.example", roles=["agent"])
    assert not ann.has_usable_password()
    path = actions.sign_in_link(ann).removeprefix("http://localhost:8000")
    browser = client_class()
    form_page = browser.get(path, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    refused = browser.post(form_url, {"password1": "kort", "password2": "kort"})
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in refused.content.decode()
    chosen = browser.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert chosen.status_code == 302
    assert browser.get("/staff/")["Location"] == "/console/"
    # Used once, the link does not work again.
    again = client_class().get(path, follow=True).content.decode()
    assert "Deze link werkt niet meer" in again
    assert "staff.password-changed" in events("staff.password-changed")


def test_nobody_signs_up(client):
    assert "gesloten" in client.get("/staff/signup/").content.decode().lower()
