"""The agents' workspace and the supervisors' board in a real browser (static/loket/js/console.js, a client of
docs/chat-protocol.md): an agent works through two chats and an e-mail case by keyboard alone, a case sent through the
public form appears without a reload, and a supervisor watches a chat (the visitor is not told) and takes it over.

The staff here read the console in English (the language cookie they would set with the staff bar's switch); the
visitors use the Dutch public pages. The agents work at a desk of their own (a team with one topic), so that visitors
and cases other tests leave behind never reach them. Every state is checked with axe at 1280 and at 390 pixels
wide."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_every_page_browser import LINKS_AND_BUTTONS
from tests.staff.conftest import PASSWORD

pytestmark = pytest.mark.e2e

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
TOPIC = "Premies en subsidies"
CANNED = [
    ("Renovatiepremie aanvragen", "U vraagt de renovatiepremie online aan via het loket.", "You apply online."),
    ("Openingsuren", "Wij zijn bereikbaar van 9 tot 17 uur.", "We are open from 9 to 5."),
    ("Bedankt", "Bedankt voor uw vraag. Nog een fijne dag!", "Thank you for your question."),
]


DESK = f"""
from loket.chat.models import Team
from loket.contact.models import CannedAnswer, Topic
topic, _ = Topic.objects.get_or_create(name_nl={TOPIC!r}, defaults={{"name_en": "Grants", "sort_order": 99}})
team, _ = Team.objects.get_or_create(name_nl="Premiebalie", defaults={{"name_en": "Grants desk", "sort_order": 99}})
team.topics.add(topic)
for title, nl, en in {CANNED!r}:
    CannedAnswer.objects.get_or_create(title=title, defaults={{"text_nl": nl, "text_en": en}})
"""


@pytest.fixture(scope="module")
def desk(loket):
    """This module's own team and topic, and canned answers as an editor makes them in the admin (the demo content
    has none)."""
    loket.loket("manage", "shell", "-c", DESK)


def make_staff(loket, role: str, *people: tuple[str, str]) -> None:
    """Staff made on the command line; agents work at this module's desk only."""
    for username, name in people:
        loket.loket(
            "staff", "add", username, "--email", f"{username}@loket.example", "--role", role, "--name", name,
            "--password-stdin", stdin=PASSWORD + "\n",
        )  # fmt: skip
    usernames = [username for username, _ in people]
    loket.loket(
        "manage", "shell", "-c",
        "from loket.chat.actions import agent_for\n"
        "from loket.chat.models import Team\n"
        "from django.contrib.auth import get_user_model\n"
        f"for user in get_user_model().objects.filter(username__in={usernames!r}):\n"
        "    agent_for(user).teams.set([Team.objects.get(name_nl='Premiebalie')])",
    )  # fmt: skip


# The page's WebSockets, kept where a test can reach them (`window.sockets`): to hand the console a frame as if the
# server had sent it. How many were opened and how they closed shows on <html> (`data-sockets`, `data-closed`).
SOCKETS = """
window.sockets = [];
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    window.sockets.push(this);
    document.documentElement.dataset.sockets = window.sockets.length;
    this.addEventListener("close", (event) => {
      const html = document.documentElement;
      html.dataset.closed = ((html.dataset.closed || "") + " " + event.code).trim();
    });
  }
};
window.fromServer = (frame) => {
  window.sockets.at(-1).dispatchEvent(new MessageEvent("message", { data: JSON.stringify(frame) }));
};
"""
DRAFTS = "Object.keys(sessionStorage).concat(Object.keys(localStorage)).filter((key) => key.includes('.draft.')).sort()"


def workspace(browser, loket, login: str, path: str = "/console/"):
    """A member of staff in a browser of their own, signed in, in the workspace with its socket connected."""
    context = browser.new_context(locale="en-GB", base_url=loket.url, viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": "django_language", "value": "en", "url": loket.url}])
    context.add_init_script(SOCKETS)
    page = context.new_page()
    page.csp_violations, page.errors = [], []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_violations.append(1))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(f"/staff/login/?next={path}")
    page.get_by_label("Username").fill(login)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.get_by_label("Offline", exact=True)).to_be_enabled()  # the socket is up: hello came
    return page


def visitor(browser, loket):
    context = browser.new_context(locale="nl-BE", base_url=loket.url, viewport={"width": 1000, "height": 800})
    return context.new_page()


def start_chat(page, name: str, question: str) -> None:
    page.goto("/contact/chat/")
    page.get_by_label("Uw naam (niet verplicht)").fill(name)
    page.get_by_label("Thema").select_option(label=TOPIC)
    page.get_by_label("Uw vraag (niet verplicht)").fill(question)
    page.get_by_role("button", name="Start de chat").click()


def send_email_question(page, subject: str, question: str) -> str:
    page.goto("/contact/email/")
    page.get_by_label("Uw e-mailadres").fill("an.peeters@example.org")
    page.get_by_label("Thema").select_option(label=TOPIC)
    page.get_by_label("Onderwerp").fill(subject)
    page.get_by_label("Uw vraag").fill(question)
    page.get_by_role("button", name="Versturen").click()
    return page.locator("strong").inner_text()


def choose(page, label: str) -> None:
    """A radio button by keyboard: there (as with Tab), then Space."""
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Space")
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def assert_accessible_wide_and_narrow(page) -> None:
    """axe at 1280 and at 390 pixels wide, every link and button named and readable on its own background; on a
    phone nothing scrolls sideways; and no script error so far."""
    assert page.errors == []
    assert_accessible(page)
    assert page.evaluate(LINKS_AND_BUTTONS) == []
    wide = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    assert page.evaluate(LINKS_AND_BUTTONS) == []
    page.set_viewport_size(wide)


def in_front(page):
    return page.locator(".lk-chatpane:visible")


def test_an_agent_handles_two_chats_and_an_e_mail_case_by_keyboard_alone(browser, loket, desk):
    make_staff(loket, "agent", ("kim.agent", "Kim Janssens"))
    asker = visitor(browser, loket)
    send_email_question(asker, "Premie voor een warmtepomp", "Krijg ik een premie voor een warmtepomp?")
    page = workspace(browser, loket, "kim.agent")
    expect(page.get_by_role("link", name=re.compile("Premie voor een warmtepomp"))).to_be_visible()
    assert_accessible_wide_and_narrow(page)  # the workspace without chats

    choose(page, "Available")
    vera, wim = visitor(browser, loket), visitor(browser, loket)
    start_chat(vera, "Vera", "Hoe vraag ik een premie aan?")
    expect(in_front(page).get_by_role("heading")).to_contain_text("Vera")  # the first chat comes to the front
    start_chat(wim, "Wim", "Waar vind ik mijn aanslag?")
    expect(wim.get_by_text("U praat nu met Kim.")).to_be_visible()
    wim.get_by_label("Uw bericht").fill("Het gaat om 2025.")
    wim.get_by_label("Uw bericht").press("Enter")
    expect(page.get_by_role("button", name=re.compile("^Wim"))).to_contain_text("2 unread")
    expect(page).to_have_title(re.compile(r"^\(2\) Workspace"))

    # Alt+N: the chat with unread messages, straight into its answer box; a draft stays there.
    page.keyboard.press("Alt+N")
    expect(page.get_by_label("Your answer to Wim")).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Workspace"))
    page.keyboard.type("Ik zoek het even op")
    page.keyboard.press("Alt+J")
    vera_answer = page.get_by_label("Your answer to Vera")
    expect(vera_answer).to_be_focused()
    assert_accessible_wide_and_narrow(page)  # two chats open

    # `/` and a few letters: the canned answers as a listbox, in the conversation's language.
    page.keyboard.type("/reno")
    canned = page.get_by_role("listbox", name="Canned answers")
    expect(canned).to_be_visible()
    option = canned.get_by_role("option", name=re.compile("Renovatiepremie aanvragen"))
    expect(option).to_have_attribute("aria-selected", "true")
    expect(vera_answer).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    assert_accessible_wide_and_narrow(page)  # the canned answers open
    page.keyboard.press("ArrowDown")  # one match: it stays chosen
    page.keyboard.press("Enter")
    expect(canned).to_be_hidden()
    expect(vera_answer).to_have_value("U vraagt de renovatiepremie online aan via het loket.")
    page.keyboard.press("Enter")
    expect(vera.locator(".lk-chat__message--agent").last).to_contain_text("U vraagt de renovatiepremie online aan")
    expect(vera_answer).to_have_value("")
    mine = in_front(page).locator(".lk-chat__message--agent")
    expect(mine).to_have_count(1)  # shown as "sending…" until the server had it, then that item became the message
    expect(mine).to_contain_text(re.compile("Delivered|Read"))

    # A message the server refuses comes back into the box, with the reason in the pane.
    vera_answer.evaluate("(box) => { box.value = 'x'.repeat(2001); }")  # (the box's own limit only stops typing)
    page.keyboard.press("Enter")
    expect(in_front(page).locator("[data-error]")).to_contain_text("2001")  # (the socket speaks Dutch)
    expect(vera_answer).to_have_value("x" * 2001)
    expect(in_front(page).locator(".lk-chat__message--sending")).to_have_count(0)
    expect(mine).to_have_count(1)
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")

    page.keyboard.press("Alt+K")
    expect(page.get_by_label("Your answer to Wim")).to_have_value("Ik zoek het even op")
    page.reload()
    expect(page.get_by_label("Offline", exact=True)).to_be_enabled()
    page.get_by_role("button", name=re.compile("^Wim")).focus()  # from the inbox
    page.keyboard.press("Enter")
    wim_answer = page.get_by_label("Your answer to Wim")
    expect(wim_answer).to_be_focused()
    expect(wim_answer).to_have_value("Ik zoek het even op")  # kept across the reload
    page.keyboard.press("End")
    page.keyboard.type(" en laat het u weten.")
    page.keyboard.press("Control+Enter")
    expect(wim.locator(".lk-chat__message--agent").last).to_have_text(re.compile("Ik zoek het even op en laat"))
    expect(in_front(page).locator(".lk-chat__message--sending")).to_have_count(0)  # the console has its `ack`
    assert [key for key in page.evaluate(DRAFTS) if ".draft.chat." in key] == []  # sent: the draft is gone

    # The knowledge pages, searched from the context pane: a link goes into the answer.
    page.keyboard.press("Alt+S")
    expect(page.get_by_label("Search the knowledge pages")).to_be_focused()
    page.keyboard.type("sociale media")
    page.keyboard.press("Enter")
    insert = page.get_by_role("button", name=re.compile("^Insert link into the answer: ")).first
    expect(insert).to_be_visible()
    page.screenshot(path=str(DOCS_IMG / "console-workspace.png"))
    insert.focus()
    page.keyboard.press("Enter")
    expect(wim_answer).to_be_focused()
    expect(wim_answer).to_have_value(re.compile(r"https?://\S+/"))
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")

    # The e-mail case: opened from the inbox into the middle pane; its answer goes out with Ctrl+Enter.
    page.get_by_role("link", name=re.compile("Premie voor een warmtepomp")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Premie voor een warmtepomp")).to_be_focused()
    expect(page.locator("[data-context-facts]")).to_contain_text("an.peeters@example.org")
    assert_accessible_wide_and_narrow(page)  # a case open
    page.keyboard.press("Alt+A")
    case_answer = page.get_by_label("Answer the visitor (sent by e-mail)")
    expect(case_answer).to_be_focused()
    page.keyboard.type("Dag An, /bedank")
    page.keyboard.press("Control+Enter")  # with the canned answers open, this chooses one (it does not send)
    expect(case_answer).to_have_value("Dag An, Bedankt voor uw vraag. Nog een fijne dag!")
    assert page.evaluate("Object.keys(localStorage).filter((key) => key.includes('.draft.'))") == []  # in the tab only
    page.keyboard.press("Alt+J")  # to a chat and back: the case keeps its text
    expect(in_front(page)).to_be_visible()
    page.keyboard.press("Alt+K")
    expect(case_answer).to_be_focused()
    expect(case_answer).to_have_value("Dag An, Bedankt voor uw vraag. Nog een fijne dag!")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status").filter(has_text="The answer was sent.")).to_be_visible()
    expect(page.locator(".lk-case .lk-thread__item--answer")).to_contain_text("Bedankt voor uw vraag.")
    expect(page.get_by_label("Answer the visitor (sent by e-mail)")).to_have_value("")

    # The help dialog: `?` outside a text field, focus inside, Escape back where one was.
    page.keyboard.press("Alt+I")
    expect(page.get_by_role("heading", name="Inbox")).to_be_focused()
    page.keyboard.press("?")
    help = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(help).to_be_visible()
    expect(help.get_by_role("button", name="Close")).to_be_focused()
    expect(help).to_contain_text("Next conversation with unread messages")
    assert_accessible_wide_and_narrow(page)  # the help open
    page.keyboard.press("Escape")
    expect(help).to_be_hidden()
    expect(page.get_by_role("heading", name="Inbox")).to_be_focused()

    # Transfer and close: Alt+T reaches the transfer, Alt+W closes (after a question).
    page.keyboard.press("Alt+J")
    expect(in_front(page).get_by_label("Transfer to")).to_be_visible()
    page.keyboard.press("Alt+T")
    expect(in_front(page).get_by_label("Transfer to")).to_be_focused()
    for left in (1, 0):
        page.keyboard.press("Alt+W")
        question = page.get_by_role("dialog", name=re.compile("^Close the chat with"))
        expect(question.get_by_role("button", name="Close chat")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.locator(".lk-chatpane")).to_have_count(left)
    for person in (vera, wim):
        expect(person.get_by_role("heading", name="Het gesprek is beëindigd")).to_be_visible()
    page.keyboard.press("Alt+W")  # the case, put away
    expect(page.get_by_text("Choose a chat or an e-mail case in the inbox.")).to_be_visible()
    choose(page, "Offline")
    assert page.errors == []
    for each in (page, asker, vera, wim):
        each.context.close()


def test_a_question_sent_by_e_mail_appears_in_the_open_workspace_without_a_reload(browser, loket, desk):
    make_staff(loket, "agent", ("noor.agent", "Noor Peeters"))
    page = workspace(browser, loket, "noor.agent")
    asker = visitor(browser, loket)
    reference = send_email_question(asker, "Isolatie van het dak", "Welke premie krijg ik voor dakisolatie?")

    case = page.get_by_role("link", name=re.compile("Isolatie van het dak"))
    expect(case).to_contain_text(reference)
    expect(case).to_contain_text("New e-mail case")
    expect(page).to_have_title(re.compile(r"^\(1\) Workspace"))
    expect(page.locator("[data-announce]")).to_have_text(re.compile("New e-mail case: Isolatie van het dak"))
    case.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Isolatie van het dak")).to_be_focused()
    expect(page.locator(".lk-case")).to_contain_text("Welke premie krijg ik voor dakisolatie?")
    expect(page).to_have_title(re.compile(r"^Workspace"))
    assert page.url.endswith("/console/")  # no reload, no other page

    # A choice the server refuses says why in the bar, and the bar shows again what holds.
    capacity = page.get_by_label("Chats at once")
    capacity.fill("11")
    capacity.press("Tab")
    expect(page.locator("[data-connection]")).to_have_text(re.compile(r"\b1\b.*\b10\b"))  # (the socket speaks Dutch)
    expect(capacity).to_have_value("3")

    # Signing out takes the drafts along (a shared desk).
    page.get_by_label("Answer the visitor (sent by e-mail)").fill("Dag An,")
    assert len(page.evaluate(DRAFTS)) == 1
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert page.evaluate(DRAFTS) == []
    assert page.errors == []
    for each in (page, asker):
        each.context.close()


def test_the_console_reconnects_on_resync_and_goes_to_the_sign_in_once_the_session_is_gone(browser, loket, desk):
    make_staff(loket, "agent", ("eva.agent", "Eva Wouters"))
    page = workspace(browser, loket, "eva.agent")
    user = page.evaluate("JSON.parse(document.getElementById('lk-console-config').textContent).user")
    page.evaluate(f"sessionStorage.setItem('loket.console.{user}.draft.chat.999999', 'Voor een gesprek van gisteren')")

    # `resync`: the server may have missed events, so a new connection (and its hello) has everything as it is now.
    page.evaluate("fromServer({type: 'resync'})")
    html = page.locator("html")
    expect(html).to_have_attribute("data-closed", "4000")
    expect(html).to_have_attribute("data-sockets", "2")
    expect(page.get_by_label("Offline", exact=True)).to_be_enabled()
    assert page.evaluate(DRAFTS) == []  # a draft of a chat that is no longer there

    # The session ended (the server refuses the handshake, which a browser only sees as 1006): to the sign-in.
    page.context.clear_cookies()
    page.evaluate("fromServer({type: 'resync'})")
    expect(page).to_have_url(re.compile("/staff/login/"))
    assert page.errors == []
    page.context.close()


def test_a_supervisor_watches_a_chat_unknown_to_the_visitor_and_takes_it_over(browser, loket, desk):
    make_staff(loket, "agent", ("lou.agent", "Lou Maes"))
    make_staff(loket, "supervisor", ("sam.chief", "Sam Claes"))
    agent = workspace(browser, loket, "lou.agent")
    choose(agent, "Available")
    ria = visitor(browser, loket)
    start_chat(ria, "Ria", "Mijn premie is nog niet betaald.")
    expect(in_front(agent).get_by_role("heading")).to_contain_text("Ria")
    expect(in_front(agent).locator("[data-transfer-agents] option")).to_have_count(0)  # nobody else is available

    boss = workspace(browser, loket, "sam.chief", path="/console/board/")
    expect(boss.get_by_role("tab", name="Board")).to_have_attribute("aria-selected", "true")
    row = boss.locator("[data-board-chats] tr").filter(has_text="Ria")
    expect(row).to_contain_text("Lou")
    expect(boss.locator("[data-board-agents] tr").filter(has_text="Lou")).to_contain_text("1 of 3")
    assert_accessible_wide_and_narrow(boss)  # the board
    boss.reload()  # the board again as it comes with the page (without the sign-in's message)
    expect(row).to_contain_text("Lou")
    boss.screenshot(path=str(DOCS_IMG / "console-board.png"))

    # Between boards, a queue's and a colleague's change show as their frames come (handed over as from the server).
    queue = boss.locator("[data-board-teams] tr").filter(has_text="Premiebalie")
    lou = boss.locator("[data-board-agents] tr").filter(has_text="Lou")
    boss.evaluate(
        """([team, agent]) => {
          fromServer({type: "queues", queues: {[team]: {waiting: 7, oldest: Date.now() / 1000 - 90,
                                                        estimate: {low: 2, high: 6}}}});
          fromServer({type: "colleague", agent: {id: Number(agent), name: "Lou Maes", status: "away", capacity: 3,
                                                 since: new Date().toISOString()}});
        }""",
        [queue.get_attribute("data-key"), lou.get_attribute("data-key")],
    )
    expect(queue.locator("td").first).to_have_text("7")
    expect(queue).to_contain_text("2 to 6 min")
    expect(lou).to_contain_text("away · since")
    expect(lou).to_contain_text("1 of 3")  # what the colleague frame does not say stays as the board said

    # Watching: read-only, and the screen says the visitor is not told.
    row.get_by_role("button", name=re.compile("^Watch Ria")).focus()
    boss.keyboard.press("Enter")
    expect(boss.get_by_role("tab", name="Workspace")).to_have_attribute("aria-selected", "true")
    watched = in_front(boss)
    expect(watched).to_contain_text("You are watching this chat. The visitor is not told.")
    expect(watched.locator("[data-log]")).to_contain_text("Mijn premie is nog niet betaald.")
    expect(watched.get_by_label(re.compile("^Your answer"))).to_be_hidden()
    ria.get_by_label("Uw bericht").fill("Het gaat om dossier 123.")
    ria.get_by_label("Uw bericht").press("Enter")
    expect(watched.locator("[data-log]")).to_contain_text("Het gaat om dossier 123.")
    assert_accessible_wide_and_narrow(boss)  # watching a chat

    # A note: the agent sees it, the visitor never does.
    watched.get_by_text("Note for staff").click()
    watched.get_by_label("Note", exact=True).fill("Dossier 123 is al goedgekeurd.")
    watched.get_by_label("Note", exact=True).press("Control+Enter")
    expect(in_front(agent).locator("[data-log]")).to_contain_text("Dossier 123 is al goedgekeurd.")

    # Taking over: the chat becomes the supervisor's, the agent no longer has it, the visitor is told who.
    watched.get_by_role("button", name="Take over").click()
    boss.get_by_role("dialog").get_by_role("button", name="Take over").click()
    answer = boss.get_by_label("Your answer to Ria")
    expect(answer).to_be_focused()  # the button that was pressed is gone: on to the answer
    expect(agent.locator(".lk-chatpane")).to_have_count(0)
    expect(agent.locator("[data-announce]")).to_have_text(re.compile("The chat with Ria is no longer yours"))
    expect(ria.locator(".lk-chat__message--system").last).to_contain_text("Sam")
    answer.fill("Ik neem het over: uw premie wordt deze week betaald.")
    answer.press("Enter")
    expect(ria.locator(".lk-chat__message--agent").last).to_contain_text("uw premie wordt deze week betaald")
    expect(ria.get_by_text("Dossier 123 is al goedgekeurd.")).to_have_count(0)

    # Setting an agent away takes a reason, which the agent reads.
    boss.keyboard.press("Alt+B")
    expect(boss.get_by_role("tab", name="Board")).to_be_focused()
    boss.locator("[data-board-agents] tr").filter(has_text="Lou").get_by_role("button").click()
    dialog = boss.get_by_role("dialog", name=re.compile("^Set Lou.* away or offline$"))
    dialog.get_by_role("button", name="Set status").click()
    expect(dialog.get_by_role("alert")).to_have_text("Give a reason (at most 200 characters).")
    dialog.get_by_label(re.compile("^Reason")).fill("Niet meer aan het bureau.")
    dialog.get_by_role("button", name="Set status").click()
    expect(agent.get_by_label("Away", exact=True)).to_be_checked()
    expect(agent.get_by_text(re.compile("set your status to away: Niet meer aan het bureau."))).to_be_visible()

    boss.keyboard.press("Alt+B")
    boss.keyboard.press("Alt+W")
    boss.get_by_role("dialog").get_by_role("button", name="Close chat").click()
    expect(ria.get_by_role("heading", name="Het gesprek is beëindigd")).to_be_visible()
    choose(agent, "Offline")
    assert agent.errors == [] and boss.errors == []
    for each in (agent, boss, ria):
        each.context.close()


MENTIONING = f"""
from loket.contact.models import Case, Topic
topic = Topic.objects.get(name_nl={TOPIC!r})
named, _ = Case.objects.get_or_create(reference="2030-900001", defaults=dict(
    email="an.peeters@example.org", topic=topic, subject="Mijn premiedossier", message="Vraag", language="nl"))
Case.objects.get_or_create(reference="2030-900002", defaults=dict(
    email="mallory@example.net", topic=topic, subject="Re: 2030-900001", message="Ook ik", language="nl",
    mentions=named))
"""


def test_an_e_mail_case_that_mentions_another_case_is_flagged_in_words_in_the_inbox(browser, loket, desk):
    make_staff(loket, "agent", ("lena.agent", "Lena Peeters"))  # (the server is the session's: a name of its own)
    loket.loket("manage", "shell", "-c", MENTIONING)  # as a stranger's "Re: 2030-900001" opens it
    page = workspace(browser, loket, "lena.agent")
    flagged = page.get_by_role("link", name=re.compile("Re: 2030-900001"))
    expect(flagged).to_contain_text("Mentions case 2030-900001")
    expect(page.get_by_role("link", name=re.compile("Mijn premiedossier"))).not_to_contain_text("Mentions case")
    assert_accessible_wide_and_narrow(page)
