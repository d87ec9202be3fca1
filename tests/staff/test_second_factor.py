"""Second factors: an authenticator app with recovery codes (passkeys are tried in the browser test), required or
optional, never replayed, and reset by an administrator."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from channels.testing import WebsocketCommunicator
from django.test import Client

from loket.asgi import application
from loket.audit.models import AuditEntry
from loket.db import in_thread
from loket.staff import actions
from tests.staff.conftest import make_staff, set_up_totp, sign_in, totp

pytestmark = pytest.mark.django_db


def test_with_second_factors_optional_an_agent_works_with_a_password_alone(client, optional_2fa):
    make_staff("ann", "agent")
    sign_in(client, "ann")
    assert client.get("/console/").status_code == 200


def test_when_required_a_new_agent_sets_up_an_app_before_reaching_anything_else(client, required_2fa):
    make_staff("ann", "agent")
    assert sign_in(client, "ann")["Location"] == "/staff/"
    for place in ("/console/", "/console/chat/", "/admin/"):
        assert client.get(place)["Location"] == "/staff/security/"
    assert client.get("/api/chat/topics", HTTP_ACCEPT="application/json").status_code in (403, 404)
    page = client.get("/staff/security/").content.decode()
    assert "Stel een tweede factor in om verder te gaan." in page

    set_up_totp(client)
    codes = client.get("/staff/2fa/recovery-codes/").content.decode()
    assert len(set(re.findall(r"\b[0-9a-f]{8}\b", codes))) == 10  # ten single-use recovery codes
    assert client.get("/console/").status_code == 200
    assert list(
        AuditEntry.objects.filter(event="mfa.added").order_by("pk").values_list("details__type", flat=True)
    ) == [
        "totp",
        "recovery_codes",
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("hub")
async def test_when_required_the_console_socket_refuses_whoever_still_owes_a_second_factor(required_2fa):
    await in_thread(make_staff)("ann", "agent")
    client = Client()
    await in_thread(sign_in)(client, "ann")
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    socket = WebsocketCommunicator(
        application, "/ws/console/", headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
    )
    connected, code = await socket.connect()
    assert (connected, code) == (False, 4403)
    await in_thread(set_up_totp)(client)
    socket = WebsocketCommunicator(
        application, "/ws/console/", headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
    )
    connected, _ = await socket.connect()
    assert connected
    assert (await socket.receive_json_from())["type"] == "hello"
    await socket.disconnect()


def test_with_an_app_the_sign_in_asks_for_its_code_and_a_code_works_only_once(client_class, optional_2fa):
    make_staff("ann", "agent")
    setup = client_class()
    sign_in(setup, "ann")
    secret = set_up_totp(setup)
    code = totp(secret, step=1)  # the next code, not yet used while setting up

    browser = client_class()
    assert sign_in(browser, "ann")["Location"] == "/staff/2fa/authenticate/"
    assert browser.get("/console/").status_code == 302  # the password alone signs nobody in
    wrong = browser.post("/staff/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in browser.session
    assert browser.post("/staff/2fa/authenticate/", {"code": code})["Location"] == "/staff/"
    assert browser.get("/console/").status_code == 200

    thief = client_class()  # saw the code over her shoulder, and knows the password
    sign_in(thief, "ann")
    replay = thief.post("/staff/2fa/authenticate/", {"code": code})
    assert replay.status_code == 200 and "_auth_user_id" not in thief.session
    used = AuditEntry.objects.filter(actor_name="ann", event__in=["mfa.used", "mfa.failed"]).order_by("pk")
    assert [entry.event for entry in used] == ["mfa.failed", "mfa.used", "mfa.failed"]


def _sign_in_with_code(client: Client, code: str) -> bool:
    sign_in(client, "ann")
    client.post("/staff/2fa/authenticate/", {"code": code})
    return "_auth_user_id" in client.session


def test_a_recovery_code_signs_in_once(client_class, optional_2fa):
    make_staff("ann", "agent")
    setup = client_class()
    sign_in(setup, "ann")
    set_up_totp(setup)
    recovery = re.findall(r"\b[0-9a-f]{8}\b", setup.get("/staff/2fa/recovery-codes/").content.decode())[0]
    assert _sign_in_with_code(client_class(), recovery)
    assert not _sign_in_with_code(client_class(), recovery)


def test_while_required_the_last_app_cannot_be_turned_off(client, required_2fa):
    make_staff("ann", "agent")
    sign_in(client, "ann")
    set_up_totp(client)
    client.post("/staff/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(type="totp").count() == 1


def test_an_administrator_resets_a_lost_second_factor(client_class, optional_2fa):
    ann = make_staff("ann", "agent")
    make_staff("adam", "admin")
    desk = client_class()
    sign_in(desk, "ann")
    set_up_totp(desk)
    admin = client_class()
    sign_in(admin, "adam")
    admin.post(f"/staff/people/{ann.pk}/", {"action": "reset-2fa"})
    assert not Authenticator.objects.filter(user=ann).exists()
    assert desk.get("/console/").status_code == 302  # signed out, to set up a new app at the next sign-in
    reset = AuditEntry.objects.get(event="mfa.reset")
    assert (reset.actor_name, reset.subject, reset.details["authenticators"]) == ("adam", "user:ann", 2)
    assert sign_in(client_class(), "ann")["Location"] == "/staff/"  # the password alone, until a new app


def test_the_app_setup_shows_the_key_and_the_link_for_those_who_cannot_scan(client, optional_2fa):
    make_staff("ann", "agent")
    sign_in(client, "ann")
    page = client.get("/staff/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="lk-totp-secret">([A-Z2-7]+)<', page).group(1)
    assert f"otpauth://totp/ann%40loket.example?secret={secret}&amp;issuer=Loket" in page
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, inline: no outside service sees the key


def test_reset_by_the_operator_also_works_for_someone_who_never_set_one_up(optional_2fa):
    ann = make_staff("ann", "agent")
    assert actions.reset_second_factor(ann) == 0
    assert AuditEntry.objects.filter(event="mfa.reset", subject="user:ann").exists()


def test_totp_codes_from_this_test_are_the_standard_ones():
    """RFC 6238's own test vector (SHA-1, 8 digits at T=59 is 94287082: the last six digits here)."""
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # "12345678901234567890" in base32
    assert totp(secret, at=59) == "287082"
    assert len(totp(secret, at=time.time())) == 6
