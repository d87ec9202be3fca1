import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import staff_sign_in

pytestmark = pytest.mark.e2e


def test_an_editor_logs_in_and_sees_what_visitors_said(browser, loket):
    visitor = browser.new_context(locale="nl-BE", base_url=loket.url)
    reader = visitor.new_page()
    reader.goto("/werken-met-ict/")
    reader.get_by_role("button", name="Nee").click()
    reader.get_by_label(re.compile("Wat zocht u")).fill("Meer voorbeelden over de gsm graag")
    reader.get_by_role("button", name="Opmerking versturen").click()
    expect(reader.get_by_role("heading", name="Bedankt voor uw opmerking")).to_be_visible()
    visitor.close()

    editor = browser.new_context(locale="nl-BE", base_url=loket.url)
    page = editor.new_page()
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    staff_sign_in(page, "redacteur", loket.editor_password)
    expect(page).to_have_url(re.compile("/admin/$"))  # a superuser works in the admin

    page.goto("/admin/reports/feedback/")
    expect(page.get_by_role("row").filter(has_text="Werktijd en ICT")).to_be_visible()
    page.goto("/admin/feedback/")
    expect(page.get_by_text("Meer voorbeelden over de gsm graag")).to_be_visible()
    assert violations == []
    editor.close()
