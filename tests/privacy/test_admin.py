"""Administrators answer access and erasure requests in the admin: Settings → Personal data."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import User

from loket.audit.models import AuditEntry
from loket.contact import actions as contact
from loket.contact.models import Case, Topic
from tests.staff.conftest import make_staff

VERA = "vera@example.org"


@pytest.fixture
def cases(db):
    topic = Topic.objects.first()
    for email in (VERA, "jan@example.org"):
        contact.submit_email_question(email=email, name="", topic=topic, subject="Vraag", message="V", language="nl")


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("boss", password="pw-long-enough-123"))
    return client


def test_an_administrator_finds_a_person_and_downloads_their_data(admin_client, cases):
    html = admin_client.post("/admin/privacy/", {"email": VERA}).content.decode()
    assert "Case" in html or "Dossiers" in html
    response = admin_client.post("/admin/privacy/export/", {"email": VERA})
    assert response["Content-Type"] == "application/zip"
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    assert [c["email"] for c in data["kinds"]["contact.case"]] == [VERA]
    assert AuditEntry.objects.get(event="privacy.exported").actor_name == "boss"


def test_erasing_asks_first_with_a_list_of_what_goes(admin_client, cases):
    page = admin_client.post("/admin/privacy/erase/", {"email": VERA})
    html = page.content.decode()
    assert page.status_code == 200 and 'name="confirm"' in html
    assert Case.objects.filter(email=VERA).exists()  # looking is not erasing
    assert admin_client.get("/admin/privacy/erase/", {"email": VERA, "confirm": "yes"}).status_code == 302
    assert Case.objects.filter(email=VERA).exists()
    response = admin_client.post("/admin/privacy/erase/", {"email": VERA, "confirm": "yes"})
    assert response.status_code == 302
    assert list(Case.objects.values_list("email", flat=True)) == ["jan@example.org"]
    entry = AuditEntry.objects.get(event="privacy.erased")
    assert entry.actor_name == "boss" and entry.details["via"] == "admin" and VERA not in json.dumps(entry.details)


def test_only_administrators_handle_requests(client, cases):
    client.force_login(make_staff("edith", "editor"))
    refused = client.post("/admin/privacy/", {"email": VERA})
    assert refused.status_code == 302 and VERA not in refused.content.decode()  # Wagtail: back to the dashboard
    assert client.post("/admin/privacy/erase/", {"email": VERA, "confirm": "yes"}).status_code == 302
    assert Case.objects.filter(email=VERA).exists()
    client.force_login(make_staff("ada", "admin"))
    assert client.get("/admin/privacy/", {"email": VERA}).status_code == 200


def test_the_address_is_never_in_a_url(admin_client, cases):
    """Posted with a CSRF token: an address in a query string ends up in access logs and the browser's history."""
    from django.test import Client

    assert VERA not in admin_client.get("/admin/privacy/", {"email": VERA}).content.decode()  # a GET finds nothing
    html = admin_client.post("/admin/privacy/", {"email": VERA}).content.decode()
    assert "?email=" not in html and "csrfmiddlewaretoken" in html
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="boss"))
    assert strict.post("/admin/privacy/", {"email": VERA}).status_code == 403
