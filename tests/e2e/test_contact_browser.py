import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_a_visitor_corrects_a_mistake_and_gets_a_reference(page):
    page.goto("/contact/")
    page.get_by_role("link", name="Stuur een e-mail").click()
    expect(page).to_have_url(re.compile("/contact/email/$"))
    assert_accessible(page)

    page.get_by_label("Uw e-mailadres").fill("an.peeters")  # one mistake
    page.get_by_label("Thema").select_option(label="Wonen en energie")
    page.get_by_label("Uw vraag").fill("Kan ik de renovatiepremie ook voor mijn dak aanvragen?")
    page.get_by_label("Onderwerp").fill("Renovatiepremie")
    page.get_by_role("button", name="Versturen").click()

    summary = page.get_by_role("alert").filter(has_text="Kijk uw bericht even na")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Dit is geen geldig e-mailadres")
    expect(page.get_by_label("Uw vraag")).to_have_value("Kan ik de renovatiepremie ook voor mijn dak aanvragen?")
    assert_accessible(page)

    page.get_by_label("Uw e-mailadres").fill("an.peeters@example.org")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Uw bericht is verstuurd"))
    expect(page.locator("strong")).to_have_text(re.compile(r"^\d{4}-\d{6}$"))
    assert_accessible(page)
