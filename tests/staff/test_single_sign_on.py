"""Single sign-on against a real OpenID provider (panva's certified oidc-provider on Node), never a mock of it:
discovery from the issuer, PKCE, roles from a claim at every sign-in, and no account for someone without a role."""

import html
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client

from loket.audit.models import AuditEntry
from loket.staff import queries
from tests.services import openid_provider
from tests.staff.conftest import make_staff, sign_in

CALLBACK = "http://testserver/staff/oidc/sso/login/callback/"
ACCOUNTS = {
    "ann": {"name": "Ann Smet", "email": "ann@loket.example", "email_verified": True,
            "preferred_username": "ann.smet", "roles": ["agent", "not-a-loket-role"]},
    "eddy": {"name": "Eddy Peeters", "email": "eddy@loket.example", "preferred_username": "eddy",
             "groups": ["loket-redactie"]},
    "zoe": {"name": "Zoë Janssens", "email": "zoe@loket.example", "preferred_username": "zoe", "roles": ["finance"]},
}  # fmt: skip

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def provider():
    with openid_provider(ACCOUNTS, CALLBACK) as running:
        yield running


@pytest.fixture
def sso(settings, provider):
    settings.LOKET_STAFF_2FA = "required"  # the provider decides about second factors for its sessions
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": "Vlaamse overheid",
                    "client_id": "loket",
                    "secret": "loket-test-secret",
                    "settings": {"server_url": provider.issuer, "oauth_pkce_enabled": True},
                }
            ],
        }
    }
    return provider


def _form(page: str, base: str) -> tuple[str, dict[str, str]]:
    action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', page).group(1))
    fields = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
    return urljoin(base, action), fields


def sign_in_with_provider(client: Client, login: str) -> object:
    """Through Loket's button and the provider's own sign-in and consent pages, back to Loket's callback."""
    start = client.post("/staff/oidc/sso/login/")
    assert start.status_code == 302, start.content.decode()[:500]
    authorize = start["Location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]  # PKCE
    browser, url = requests.Session(), authorize
    response = browser.get(url, allow_redirects=False)
    for _ in range(20):
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(CALLBACK):
                back = urlsplit(url)
                return client.get(f"{back.path}?{back.query}")
            response = browser.get(url, allow_redirects=False)
        else:  # the provider's sign-in or consent page: filled in and sent, as a person would
            url, fields = _form(response.text, url)
            if 'name="login"' in response.text:
                fields |= {"login": login, "password": "any"}
            response = browser.post(url, data=fields, allow_redirects=False)
    raise AssertionError("the provider never sent the browser back to Loket")


def test_the_sign_in_page_offers_the_organisations_account(client, sso):
    page = client.get("/staff/login/").content.decode()
    assert 'action="/staff/oidc/sso/login/?process=login"' in page and "Aanmelden met Vlaamse overheid" in page


def test_a_person_with_a_role_at_the_provider_gets_an_account_with_that_role_and_lands_in_the_console(client, sso):
    response = sign_in_with_provider(client, "ann")
    assert response.status_code == 302 and response["Location"] == "/staff/"
    ann = get_user_model().objects.get(email="ann@loket.example")
    assert (ann.username, ann.get_full_name(), queries.role_keys(ann)) == ("ann.smet", "Ann Smet", ["agent"])
    assert not ann.has_usable_password()
    # No second factor of Loket's own is asked: the organisation's sign-in decides about that.
    assert client.get("/staff/")["Location"] == "/console/"
    assert client.get("/console/").status_code == 200
    assert AuditEntry.objects.filter(event="signin", actor_name="ann.smet", details__methods=["socialaccount"]).exists()


def test_roles_follow_the_provider_at_every_sign_in(client_class, sso, provider):
    sign_in_with_provider(client_class(), "ann")
    ann = get_user_model().objects.get(email="ann@loket.example")
    provider.set_accounts({**ACCOUNTS, "ann": {**ACCOUNTS["ann"], "roles": ["supervisor"]}})
    try:
        sign_in_with_provider(client_class(), "ann")
    finally:
        provider.set_accounts(ACCOUNTS)
    assert queries.role_keys(ann) == ["supervisor"]
    change = AuditEntry.objects.filter(event="staff.roles-changed", subject=f"user:{ann.username}").first()
    assert change.details["before"] == ["agent"] and change.details["after"] == ["supervisor"]


def test_group_names_of_the_provider_map_to_loket_roles(client, sso, settings):
    settings.LOKET_OIDC_ROLES_CLAIM = "groups"
    settings.LOKET_OIDC_ROLE_MAP = [("loket-redactie", "editor")]
    assert sign_in_with_provider(client, "eddy").status_code == 302
    assert queries.role_keys(get_user_model().objects.get(username="eddy")) == ["editor"]
    assert client.get("/staff/")["Location"] == "/admin/"


def test_someone_without_a_loket_role_gets_a_clear_no_and_no_account(client, sso):
    response = sign_in_with_provider(client, "zoe")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    assert not get_user_model().objects.filter(email="zoe@loket.example").exists()
    assert client.get("/console/").status_code == 302
    assert AuditEntry.objects.filter(event="signin.no-role").count() == 1


def test_a_disabled_account_stays_out_even_when_the_provider_lets_the_person_in(client_class, sso):
    sign_in_with_provider(client_class(), "ann")
    get_user_model().objects.filter(email="ann@loket.example").update(is_active=False)
    browser = client_class()
    response = sign_in_with_provider(browser, "ann")
    assert response.status_code == 302 and "inactive" in response["Location"]
    assert browser.get("/console/").status_code == 302


def test_password_sign_in_can_be_turned_off_when_single_sign_on_is_there(client, sso, settings):
    settings.SOCIALACCOUNT_ONLY = True
    make_staff("bob", "agent")
    page = client.get("/staff/login/").content.decode()
    assert 'name="password"' not in page and "Aanmelden met Vlaamse overheid" in page
    assert "_auth_user_id" not in (sign_in(client, "bob") and client.session)
