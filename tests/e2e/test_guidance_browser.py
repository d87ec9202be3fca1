import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

pytestmark = pytest.mark.e2e


def test_staff_check_a_risky_draft_fix_it_and_see_it_pass(page):
    page.goto("/richtlijnen/")
    assert_accessible(page)
    page.get_by_role("link", name="Een ontwerpbericht nakijken").click()

    draft = page.get_by_label("Uw ontwerpbericht")
    draft.fill("Mijn baas is een idioot. Bel mevrouw Peeters op 0470 12 34 56.")
    page.get_by_role("button", name="Mijn bericht nakijken").click()
    expect(page.get_by_role("status").first).to_contain_text("punten om na te kijken")
    expect(page.locator("mark.lk-finding")).to_have_count(3)
    expect(page.locator("mark.lk-finding").first).to_contain_text("idioot")
    guideline = page.locator(".lk-findings").get_by_role("link", name="Loyaliteit").first
    expect(guideline).to_have_attribute("href", "/richtlijnen/#loyalty")
    expect(draft).to_have_value(re.compile("Mijn baas is een idioot"))  # nothing typed is lost
    assert_accessible(page)

    draft.fill("Ik ben het niet eens met de nieuwe planning, en dat zeg ik ook op het teamoverleg.")
    page.get_by_role("button", name="Mijn bericht nakijken").click()
    expect(page.get_by_text("Niets gevonden dat botst met de richtlijnen")).to_be_visible()


def test_staff_play_a_dilemma_and_learn_why(page):
    page.goto("/richtlijnen/dilemmas/")
    assert_accessible(page)
    page.locator(".lk-cards").get_by_role("link").first.click()
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Mijn antwoord geven").click()
    verdict = page.locator(".lk-verdict")
    expect(verdict).to_be_visible()
    expect(verdict.get_by_role("heading")).to_have_text(re.compile("Goed gekozen|Aanvaardbaar|Riskant"))
    expect(verdict.get_by_role("link").first).to_have_attribute("href", re.compile("^/richtlijnen/#"))
    assert_accessible(page)
    page.goto("/richtlijnen/dilemmas/")
    expect(page.get_by_role("status")).to_contain_text("U beantwoordde 1 van")


def test_the_result_of_a_check_gets_the_focus_for_screen_readers(page):
    page.goto("/richtlijnen/nakijken/")
    page.get_by_label("Uw ontwerpbericht").fill("Mijn baas is een idioot.")
    page.get_by_role("button", name="Mijn bericht nakijken").click()
    expect(page.get_by_role("heading", name="Resultaat")).to_be_focused()
