"""A visitor with a keyboard alone: the whole chat (start, wait, talk, rate), the e-mail form with a mistake put right,
page feedback with a comment, and the dilemma trainer. Every step is Tab, Shift+Tab, arrows, typing, Enter or Space;
wherever the focus lands it can be seen. (The agent's side of the chat is driven as in test_chat_browser.)"""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page
from tests.e2e.test_chat_browser import agent_console

IS_FOCUSED = "element => element === document.activeElement"
# Focus is seen: an outline, or a focus ring drawn on a wrapper (the smileys draw it on their label).
FOCUS_IS_VISIBLE = """element => {
  const seen = e => {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
  };
  return seen(element) || (element.parentElement && seen(element.parentElement));
}"""


def tab_to(page, target, *, backwards: bool = False, most: int = 60) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus, and check that the focus can be seen there."""
    for _ in range(most):
        if target.evaluate(IS_FOCUSED):
            break
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    else:
        raise AssertionError(f"{target} cannot be reached with the keyboard")
    assert page.evaluate(f"({FOCUS_IS_VISIBLE})(document.activeElement)"), "the focus cannot be seen"


def test_a_whole_chat_by_keyboard_start_wait_talk_rate(browser, loket):
    console = agent_console(browser, loket)
    console.get_by_label("Gesprekken tegelijk").fill("3")  # room for a visitor an earlier test left waiting too
    console.get_by_label("Afwezig", exact=True).check()  # present but busy: the visitor waits first
    expect(console.get_by_role("status").filter(has_text="U bent afwezig")).to_be_visible()

    page = open_page(browser, loket)
    page.goto("/contact/chat/")
    tab_to(page, page.get_by_label("Uw naam (niet verplicht)"))
    page.keyboard.type("Lotte")
    tab_to(page, page.get_by_label("Thema"))
    page.keyboard.type("Wonen")  # a closed select picks the option by its first letters
    expect(page.get_by_label("Thema").locator("option:checked")).to_have_text("Wonen en energie")
    tab_to(page, page.get_by_label("Uw vraag (niet verplicht)"))
    page.keyboard.type("Hoe vraag ik een renovatiepremie aan?")
    tab_to(page, page.get_by_role("button", name="Start de chat"))
    page.keyboard.press("Enter")
    expect(page.locator("[data-status]")).to_have_text(re.compile(r"^U bent nummer \d+ in de wachtrij\.$"))  # waiting
    assert_accessible(page)

    console.get_by_label("Beschikbaar", exact=True).check()
    expect(page.locator("[data-status]")).to_contain_text("U chat nu met")
    console.get_by_role("button", name=re.compile("^Lotte")).click()  # in front (another chat may have come first)
    message = page.get_by_label("Uw bericht")
    tab_to(page, message)
    page.keyboard.type("Ik woon in een huurhuis.")
    page.keyboard.press("Enter")  # Enter sends
    pane = console.locator(".lk-chatpane:visible")
    expect(pane.locator("[data-log]")).to_contain_text("Ik woon in een huurhuis.")
    pane.get_by_label("Uw antwoord").fill("Dan vraagt de eigenaar de premie aan.")
    pane.get_by_role("button", name="Versturen").click()
    expect(page.locator(".lk-chat__message--agent").last).to_contain_text("Dan vraagt de eigenaar")

    pane.get_by_role("button", name="Gesprek sluiten").click()
    console.get_by_role("dialog").get_by_role("button", name="Gesprek sluiten").click()
    expect(page.get_by_role("heading", name="Het gesprek is beëindigd")).to_be_focused()
    tab_to(page, page.get_by_role("radio", name="Heel ontevreden"))
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # arrows move through the five smileys
    expect(page.get_by_role("radio", name="Tevreden", exact=True)).to_be_checked()
    tab_to(page, page.get_by_label("Opmerking (niet verplicht)"))
    page.keyboard.type("Duidelijk, dank u.")
    tab_to(page, page.get_by_role("button", name="Beoordeling versturen"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt voor uw beoordeling.")).to_be_visible()
    assert_accessible(page)

    console.get_by_label("Offline", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent offline")).to_be_visible()
    for each in (page, console):
        each.context.close()


def test_the_e_mail_form_by_keyboard_with_a_mistake_put_right(page):
    page.goto("/contact/email/")
    tab_to(page, page.get_by_label("Uw e-mailadres"))
    page.keyboard.type("lotte@example")  # no top-level domain: a mistake
    tab_to(page, page.get_by_label("Thema"))
    page.keyboard.type("Wonen")
    tab_to(page, page.get_by_label("Onderwerp"))
    page.keyboard.type("Renovatiepremie")
    tab_to(page, page.get_by_label("Uw vraag"))
    page.keyboard.type("Hoe vraag ik een renovatiepremie aan?")
    tab_to(page, page.get_by_role("button", name="Versturen"))
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert", name="Kijk uw bericht even na")
    expect(summary).to_be_focused()  # the summary is read first
    assert_accessible(page)
    tab_to(page, summary.get_by_role("link", name=re.compile("^Uw e-mailadres")))
    page.keyboard.press("Enter")  # the link puts the cursor in the field
    expect(page.get_by_label("Uw e-mailadres")).to_be_focused()
    expect(page.get_by_label("Uw vraag")).to_have_value("Hoe vraag ik een renovatiepremie aan?")  # nothing lost
    page.keyboard.press("Control+A")
    page.keyboard.type("lotte@example.org")
    tab_to(page, page.get_by_role("button", name="Versturen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Uw bericht is verstuurd")).to_be_focused()
    assert_accessible(page)


def test_page_feedback_with_a_comment_by_keyboard(page):
    page.goto("/integriteit/geschenken-en-uitnodigingen/")
    tab_to(page, page.get_by_role("button", name="Nee"))
    page.keyboard.press("Enter")
    comment = page.get_by_label(re.compile("Wat zocht u"))
    tab_to(page, comment)
    page.keyboard.type("Een voorbeeld met een concert had geholpen.")
    tab_to(page, page.get_by_role("button", name="Opmerking versturen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Bedankt voor uw opmerking")).to_be_focused()
    assert_accessible(page)


def test_the_trainer_by_keyboard_a_dilemma_its_verdict_and_the_next(page):
    page.goto("/richtlijnen/dilemmas/")
    first = page.locator(".lk-cards").get_by_role("link").first
    title = first.inner_text()
    tab_to(page, first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    tab_to(page, page.get_by_role("radio").first)
    page.keyboard.press("Space")
    expect(page.get_by_role("radio").first).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Mijn antwoord geven"))
    page.keyboard.press("Enter")
    verdict = page.locator(".lk-verdict")
    expect(verdict.get_by_role("heading")).to_be_focused()
    assert_accessible(page)
    tab_to(page, verdict.get_by_role("link", name="Volgend dilemma"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(title)
    expect(page.get_by_role("group", name="Wat doet u?")).to_be_visible()
