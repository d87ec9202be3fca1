import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_a_visitor_searches_reads_the_guidance_rates_it_and_switches_to_english(page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom bij Loket")
    assert_accessible(page)

    page.get_by_label("Wat zoekt u?").fill("sociale media")
    page.get_by_label("Wat zoekt u?").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("resultaten voor “sociale media”")
    expect(page.locator(".lk-result mark").first).to_have_text("sociale", ignore_case=True)
    assert_accessible(page)

    page.get_by_role("link", name="Sociale media", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/integriteit/sociale-media/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sociale media")
    assert_accessible(page)

    page.get_by_role("button", name="Ja").click()
    thanks = page.get_by_role("heading", name="Bedankt voor uw feedback")
    expect(thanks).to_be_visible()
    expect(thanks).to_be_focused()
    page.reload()  # the server remembers this browser's answer
    expect(page.get_by_text("Fijn dat deze pagina u geholpen heeft.")).to_be_visible()

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/integrity/social-media/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Social media")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_accessible(page)


def test_not_useful_leads_to_a_comment_that_is_kept(page):
    page.goto("/integriteit/deontologische-code/")
    page.get_by_role("button", name="Nee").click()
    comment = page.get_by_label("Wat zocht u, of wat kunnen we verbeteren? (niet verplicht)")
    comment.fill("Ik mis een voorbeeld over LinkedIn.")
    page.get_by_role("button", name="Opmerking versturen").click()
    expect(page.get_by_role("heading", name="Bedankt voor uw opmerking")).to_be_focused()


def test_the_contact_overview_and_search_pages_are_accessible(page):
    page.goto("/contact/")
    expect(page.get_by_role("heading", name="Bel 1700")).to_be_visible()
    assert_accessible(page)
    page.goto("/zoeken/?q=paardenbloem")
    expect(page.get_by_role("heading", name="Geen pagina's gevonden")).to_be_visible()
    assert_accessible(page)


def test_keyboard_only_skip_link_and_visible_focus(page):
    page.goto("/integriteit/sociale-media/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.keyboard.press("Tab")  # the first link inside the content: "Terug naar overzicht"
    focused_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.textContent").strip() == "Terug naar overzicht"
    assert focused_outline != "none"

    # Vote by keyboard alone: reach the "Ja" button and press Enter.
    page.get_by_role("button", name="Ja").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Bedankt voor uw feedback")).to_be_focused()
