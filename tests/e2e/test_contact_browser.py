import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, staff_sign_in

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


def test_an_agent_answers_from_the_console(browser, loket, page):
    page.goto("/contact/email/")
    page.get_by_label("Uw e-mailadres").fill("jan@example.org")
    page.get_by_label("Thema").select_option(label="Mobiliteit")
    page.get_by_label("Onderwerp").fill("Parkeerkaart")
    page.get_by_label("Uw vraag").fill("Hoe vraag ik een bewonerskaart aan?")
    page.get_by_role("button", name="Versturen").click()
    reference = page.locator("strong").inner_text()

    console = open_page(browser, loket)
    staff_sign_in(console, "redacteur", loket.editor_password, next="/console/cases/")
    expect(console.get_by_role("heading", name="Dossiers")).to_be_visible()
    assert_accessible(console)
    console.get_by_role("link", name=reference).click()
    expect(console.get_by_text("Hoe vraag ik een bewonerskaart aan?")).to_be_visible()
    console.get_by_label("Antwoord de bezoeker (wordt gemaild)").fill("Dat kan online via het loket van uw gemeente.")
    console.get_by_role("button", name="Antwoord versturen").click()
    expect(console.locator(".lk-thread__item--answer")).to_contain_text("Dat kan online via het loket van uw gemeente.")
    expect(console.locator(".lk-meta")).to_contain_text("Wacht op de bezoeker")
    assert_accessible(console)
    console.context.close()
