"""An administrator answers an erasure request in the admin's *Personal data*, through every state of its pages (the
search, what is held, the confirmation, the result), each checked with axe, wide and at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, staff_sign_in

pytestmark = pytest.mark.e2e
WIDTHS = ({"width": 1200, "height": 900}, {"width": 320, "height": 800})


def each_width(page) -> None:
    for size in WIDTHS:
        page.set_viewport_size(size)
        assert_accessible(page)
    page.set_viewport_size(WIDTHS[0])


def test_an_administrator_finds_and_erases_what_is_held_about_a_person(browser, loket, page):
    page.goto("/contact/email/")
    page.get_by_label("Uw e-mailadres").fill("vera.privacy@example.org")
    page.get_by_label("Thema").select_option(label="Mobiliteit")
    page.get_by_label("Onderwerp").fill("Parkeerkaart")
    page.get_by_label("Uw vraag").fill("Hoe vraag ik een bewonerskaart aan? Vera")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Uw bericht is verstuurd"))

    admin = browser.new_context(locale="nl-BE", base_url=loket.url).new_page()
    admin.csp_violations = []
    staff_sign_in(admin, "redacteur", loket.editor_password)
    expect(admin).to_have_url(re.compile("/admin/$"))
    admin.goto("/admin/privacy/")
    each_width(admin)

    admin.get_by_label("E-mailadres").fill("nobody.here@example.org")
    admin.locator("#main").get_by_role("button", name="Zoeken").click()
    expect(admin.get_by_text("Over deze persoon wordt niets bewaard.")).to_be_visible()
    each_width(admin)

    admin.get_by_label("E-mailadres").fill("Vera.Privacy@example.org")
    admin.locator("#main").get_by_role("button", name="Zoeken").click()
    expect(admin.get_by_role("heading", name=re.compile("Bewaard over"))).to_be_visible()
    expect(admin.locator("table.listing tbody tr").first).to_be_visible()  # each kind held, how many, what erasure does
    assert "vera" not in admin.url.lower()  # the address travels in the form, never in a URL
    each_width(admin)

    admin.locator("#main").get_by_role("button", name="Wissen…").click()
    expect(admin.locator("#main").get_by_role("button", name="Ja, wissen")).to_be_visible()
    each_width(admin)

    admin.locator("#main").get_by_role("button", name="Ja, wissen").click()
    expect(admin.get_by_text(re.compile("Gewist: \\d+ rijen"))).to_be_visible()
    each_width(admin)

    admin.get_by_label("E-mailadres").fill("vera.privacy@example.org")
    admin.locator("#main").get_by_role("button", name="Zoeken").click()
    held = admin.locator("table.listing tbody tr")
    expect(held).to_have_count(1)  # only the audit trail's record that the erasure was done, kept on purpose
    expect(held.first).to_contain_text("Auditregels")
    admin.context.close()
