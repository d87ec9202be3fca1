"""The chat in a real browser: two visitors wait, an agent becomes available, the chat starts by itself."""

import functools
import http.server
import re
import threading
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, staff_sign_in
from tests.services import free_port

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
XSS = "<img src=x onerror=\"document.title='pwned'\">"


def start_chat(page, name: str, question: str) -> None:
    page.goto("/contact/chat/")
    page.get_by_label("Uw naam (niet verplicht)").fill(name)
    page.get_by_label("Thema").select_option(label="Wonen en energie")
    page.get_by_label("Uw vraag (niet verplicht)").fill(question)
    page.get_by_role("button", name="Start de chat").click()


def agent_console(browser, loket):
    console = open_page(browser, loket)
    staff_sign_in(console, "redacteur", loket.editor_password, next="/console/")
    expect(console).to_have_url(re.compile("/console/$"))  # the workspace
    expect(console.get_by_label("Offline", exact=True)).to_be_enabled()  # connected
    return console


def test_two_visitors_wait_and_the_chat_starts_by_itself_when_the_agent_is_free(browser, loket):
    console = agent_console(browser, loket)
    console.get_by_label("Gesprekken tegelijk").fill("1")
    console.get_by_label("Afwezig", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent afwezig, voor tot 1")).to_be_visible()

    first, second = open_page(browser, loket), open_page(browser, loket)
    start_chat(first, "Vera", "Hoe vraag ik een premie aan?")
    expect(first.get_by_role("status").filter(has_text="in de wachtrij")).to_have_text(
        "U bent nummer 1 in de wachtrij."
    )
    start_chat(second, "Wim", "Waar vind ik mijn aanslag?")
    waiting = second.locator("[data-status]")
    expect(waiting).to_have_text("U bent nummer 2 in de wachtrij.")
    expect(waiting).to_have_attribute("aria-live", "polite")
    expect(second.locator("[data-estimate]")).to_have_text("We kunnen de wachttijd nog niet schatten.")
    expect(console.locator("[data-queues]")).to_contain_text("2 wachtend")
    assert_accessible(second)
    second.screenshot(path=str(DOCS_IMG / "chat-waiting.png"))

    console.get_by_label("Beschikbaar", exact=True).check()  # room: the longest waiting visitor is served at once
    expect(first.locator("[data-status]")).to_contain_text("U chat nu met")
    expect(waiting).to_have_text("U bent nummer 1 in de wachtrij.")
    pane = console.locator(".lk-chatpane:visible")
    expect(pane.get_by_role("heading")).to_contain_text("Vera")
    expect(pane.locator("[data-log]")).to_contain_text("Hoe vraag ik een premie aan?")

    first.get_by_label("Uw bericht").fill(XSS)
    first.get_by_label("Uw bericht").press("Enter")
    expect(pane.locator(".lk-chat__text").last).to_have_text(XSS)  # shown as text, never run
    assert pane.locator("[data-log] img").count() == 0
    expect(first.locator(".lk-chat__message--visitor .lk-chat__mark").last).to_have_text("Gelezen")
    pane.get_by_label("Uw antwoord").fill("Dat kan online. Ik stuur u de link.")
    pane.get_by_role("button", name="Versturen").click()
    expect(first.locator(".lk-chat__message--agent").last).to_contain_text("Dat kan online.")
    assert first.title() != "pwned" and console.title() != "pwned"
    assert_accessible(first)
    assert_accessible(console)
    console.screenshot(path=str(DOCS_IMG / "console-chat.png"), full_page=True)

    pane.get_by_role("button", name="Gesprek sluiten").click()
    console.get_by_role("dialog").get_by_role("button", name="Gesprek sluiten").click()
    expect(first.get_by_role("heading", name="Het gesprek is beëindigd")).to_be_focused()
    first.get_by_role("radio", name="Tevreden", exact=True).check()
    first.get_by_label("Opmerking (niet verplicht)").fill("Snel geholpen")
    first.get_by_role("button", name="Beoordeling versturen").click()
    expect(first.get_by_text("Bedankt voor uw beoordeling.")).to_be_visible()
    assert_accessible(first)

    expect(second.locator("[data-status]")).to_contain_text("U chat nu met")  # the agent had room again
    expect(pane.get_by_role("heading")).to_contain_text("Wim")
    pane.get_by_role("button", name="Gesprek sluiten").click()
    console.get_by_role("dialog").get_by_role("button", name="Gesprek sluiten").click()
    console.get_by_label("Offline", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent offline")).to_be_visible()
    for page in (first, second, console):
        page.context.close()


def test_without_an_agent_or_while_waiting_the_visitor_switches_to_e_mail_without_retyping(browser, loket):
    console = agent_console(browser, loket)
    console.get_by_label("Offline", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent offline")).to_be_visible()
    page = open_page(browser, loket)
    page.goto("/contact/chat/")
    expect(page.get_by_role("status").filter(has_text="geen medewerker beschikbaar")).to_be_visible()
    page.get_by_label("Thema").select_option(label="Mobiliteit")
    page.get_by_label("Uw vraag (niet verplicht)").fill("Mijn bus kwam niet.")
    page.get_by_role("button", name="Stuur in de plaats een e-mail").click()
    expect(page.get_by_role("heading", name="Stuur een e-mail")).to_be_visible()
    expect(page.get_by_label("Uw vraag")).to_have_value("Mijn bus kwam niet.")
    expect(page.get_by_label("Onderwerp")).to_have_value("Mijn bus kwam niet.")
    expect(page.get_by_label("Thema").locator("option:checked")).to_have_text("Mobiliteit")

    console.get_by_label("Afwezig", exact=True).check()  # present, but not taking chats: visitors wait
    expect(console.get_by_role("status").filter(has_text="U bent afwezig")).to_be_visible()
    start_chat(page, "Noor", "Mijn bus kwam niet.")
    expect(page.locator("[data-status]")).to_have_text("U bent nummer 1 in de wachtrij.")
    page.get_by_label("Uw bericht").fill("Het was lijn 12 om 8 uur.")
    page.get_by_role("link", name="Liever een e-mail sturen? Uw tekst gaat mee.").click()
    expect(page.get_by_label("Uw vraag")).to_have_value("Mijn bus kwam niet.\n\nHet was lijn 12 om 8 uur.")
    expect(page.get_by_label("Uw naam (niet verplicht)")).to_have_value("Noor")
    console.get_by_label("Offline", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent offline")).to_be_visible()
    for each in (page, console):
        each.context.close()


def test_the_widget_opens_the_chat_on_another_site(browser, loket, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A municipality</title></head>'
        "<body><main><h1>A municipality</h1><p>Its own page.</p></main>"
        f'<script src="{loket.url}/static/loket/js/widget.js" data-language="en" defer></script></body></html>'
    )
    port = free_port()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    host = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    page = open_page(browser, loket)
    try:
        page.goto(f"http://localhost:{port}/index.html")
        launcher = page.get_by_role("button", name="Chat with us")
        launcher.click()
        expect(page.get_by_role("button", name="Close the chat")).to_have_attribute("aria-expanded", "true")
        frame = page.frame_locator("iframe[title='Chat with the information service']")
        expect(frame.get_by_role("heading", name="Chat with us")).to_be_visible()
        expect(frame.get_by_label("Topic")).to_be_visible()
        assert_accessible(page)
        page.keyboard.press("Escape")
        expect(page.get_by_role("button", name="Chat with us")).to_be_focused()
        expect(page.get_by_role("heading", name="A municipality")).to_be_visible()  # the host page is untouched
    finally:
        host.shutdown()
        page.context.close()
