"""What outside testing tried against staff sign-in, each kept out for good."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.utils import timezone

from loket.audit.models import AuditEntry
from loket.chat import actions as chat_actions
from loket.chat.models import Agent, Conversation
from loket.contact.models import Topic
from loket.staff import actions
from tests.chat.conftest import enqueue_visitor
from tests.staff.conftest import PASSWORD, make_staff, set_up_totp, sign_in

pytestmark = pytest.mark.django_db


def test_an_administrator_cannot_make_or_touch_a_superuser(client, optional_2fa):
    make_staff("adam", "admin")
    root = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    sign_in(client, "adam")
    form = {
        "username": "mallory", "email": "m@example.org", "first_name": "M", "last_name": "X",
        "password1": "Zebra-Quantum-9917", "password2": "Zebra-Quantum-9917", "is_active": "on", "is_superuser": "on",
    }  # fmt: skip
    assert client.post("/admin/users/new/", form).status_code == 403
    assert not get_user_model().objects.filter(username="mallory").exists()
    assert client.get(f"/admin/users/edit/{root.pk}/").status_code == 403
    assert client.post(f"/admin/users/edit/{root.pk}/", {**form, "username": "root"}).status_code == 403
    assert client.post(f"/admin/users/delete/{root.pk}/").status_code in (302, 403)  # (no role deletes accounts)
    assert get_user_model().objects.get(pk=root.pk).check_password(PASSWORD)


def test_a_password_set_by_an_administrator_is_in_the_trail(client, optional_2fa):
    make_staff("adam", "admin")
    bob = make_staff("bob", "agent")
    sign_in(client, "adam")
    page = client.get(f"/admin/users/edit/{bob.pk}/").content.decode()
    assert 'name="password1"' in page
    form = {
        "username": "bob", "email": "bob@loket.example", "first_name": "Bob", "last_name": "B", "is_active": "on",
        "password1": "Nieuw-Wachtwoord-2026", "password2": "Nieuw-Wachtwoord-2026",
        "groups": [str(g.pk) for g in bob.groups.all()],
    }  # fmt: skip
    assert client.post(f"/admin/users/edit/{bob.pk}/", form).status_code == 302
    entry = AuditEntry.objects.get(event="staff.password-changed")
    assert (entry.actor_name, entry.subject) == ("adam", "user:bob")


def test_while_a_second_factor_is_owed_only_its_set_up_opens(client, required_2fa):
    make_staff("adam", "admin")
    bob = make_staff("bob", "agent")
    sign_in(client, "adam")
    for closed in (f"/staff/people/{bob.pk}/", "/staff/sessions/", "/staff/password/change/", "/staff/"):
        assert client.get(closed)["Location"] == "/staff/security/", closed
    assert client.post(f"/staff/people/{bob.pk}/", {"action": "reset-2fa"})["Location"] == "/staff/security/"
    for open_ in ("/staff/security/", "/staff/2fa/", "/staff/2fa/totp/activate/", "/staff/2fa/webauthn/add/"):
        assert client.get(open_).status_code == 200, open_
    assert client.post("/staff/logout/")["Location"] == "/staff/login/"


def test_the_last_passkey_stays_while_a_second_factor_is_required(client, required_2fa):
    ann = make_staff("ann", "agent")
    sign_in(client, "ann")  # (then a passkey, made here as allauth would have stored it)
    passkey = Authenticator.objects.create(user=ann, type=Authenticator.Type.WEBAUTHN, data={"name": "laptop"})
    client.post(f"/staff/2fa/webauthn/keys/{passkey.pk}/remove/")
    assert Authenticator.objects.filter(pk=passkey.pk).exists()
    set_up_totp(client)  # with an app beside it, the passkey may go
    client.post(f"/staff/2fa/webauthn/keys/{passkey.pk}/remove/")
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


def test_nobody_resets_their_own_second_factor_through_the_person_page(client, optional_2fa):
    adam = make_staff("adam", "admin")
    sign_in(client, "adam")
    set_up_totp(client)
    assert client.post(f"/staff/people/{adam.pk}/", {"action": "reset-2fa"})["Location"] == "/staff/security/"
    assert Authenticator.objects.filter(user=adam).exists()


@pytest.mark.parametrize("how", ["disable", "roles"])
def test_an_agent_who_may_no_longer_chat_goes_offline_and_their_chat_waits_again(how, optional_2fa):
    topic = Topic.objects.first()
    ann = make_staff("ann", "agent")
    Agent.objects.filter(user=ann).update(status=Agent.Status.AVAILABLE, seen_at=timezone.now())
    conversation = enqueue_visitor(topic)
    conversation.refresh_from_db()
    assert conversation.agent.user == ann
    if how == "disable":
        actions.disable_staff(ann)
    else:
        actions.set_roles(ann, ["editor"])
    conversation.refresh_from_db()
    assert (conversation.status, conversation.agent) == (Conversation.Status.WAITING, None)
    assert Agent.objects.get(user=ann).status == Agent.Status.OFFLINE
    make_staff("bob", "agent")
    Agent.objects.filter(user__username="bob").update(status=Agent.Status.AVAILABLE, seen_at=timezone.now())
    chat_actions.dispatch()
    conversation.refresh_from_db()
    assert conversation.agent.user.username == "bob"  # at the front of the queue, for the next agent
