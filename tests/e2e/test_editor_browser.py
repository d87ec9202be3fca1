import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from loket.knowledge import demo
from loket.knowledge.models import Feedback, GuidancePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_logs_in_and_sees_the_feedback_per_page(page):
    demo.load_demo_content()
    guidance = GuidancePage.objects.get(locale__language_code="nl")
    Feedback.objects.create(page=guidance, useful=False, comment="Meer voorbeelden graag", visitor="a", language="nl")
    Feedback.objects.create(page=guidance, useful=True, visitor="b", language="nl")
    get_user_model().objects.create_superuser("redacteur", "r@loket.localhost", "geheim-wachtwoord")

    page.goto("/admin/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1).first).to_be_visible()

    page.goto("/admin/reports/feedback/")
    row = page.get_by_role("row").filter(has_text="Sociale media")
    expect(row).to_contain_text("1")
    page.goto("/admin/feedback/")
    expect(page.get_by_text("Meer voorbeelden graag")).to_be_visible()
    assert page.csp_violations == []
