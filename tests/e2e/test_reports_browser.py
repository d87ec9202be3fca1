"""The report pages and the wallboard as a supervisor sees them: axe finds nothing serious, nothing scrolls sideways,
no Content-Security-Policy violation, no script error. Screenshots for the docs."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, staff_sign_in
from tests.e2e.test_chat_browser import agent_console, start_chat
from tests.staff.conftest import PASSWORD

pytestmark = pytest.mark.e2e
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
LIVE = "Live: de cijfers veranderen zodra er iets gebeurt."
COUNTED = 15_000  # ms: a count's cadence (5 s) and a board's (1 s), with room for a slow machine
POLLING = "Geen live verbinding: de cijfers worden elke 15 seconden opgehaald terwijl we opnieuw proberen te verbinden."

# A fortnight of chats in the served installation, through the ORM as an operator's shell would, then the rollup.
HISTORY = """
import datetime, random
from django.utils import timezone
from loket.chat.models import Conversation, QueueEntry, Team
from loket.contact.models import Topic
from loket.knowledge.models import UnansweredSearch
random.seed(11)
team = Team.objects.first()
topic = Topic.objects.first()
start = timezone.now() - datetime.timedelta(days=14)
for n in range(300):
    joined = start + datetime.timedelta(minutes=random.randrange(14 * 24 * 60))
    wait = random.choice([3, 20, 45, 80, 150])
    taken = random.random() < 0.8
    c = Conversation.objects.create(team=team, topic=topic, language=random.choice(["nl", "en"]), status="ended",
        ending="visitor" if taken else "left-queue", ended_at=joined + datetime.timedelta(seconds=wait + 400),
        rating=random.choice([None, 3, 4, 5]) if taken else None)
    Conversation.objects.filter(pk=c.pk).update(created_at=joined)
    e = QueueEntry.objects.create(conversation=c, team=team, ticket=c.pk)
    QueueEntry.objects.filter(pk=e.pk).update(joined_at=joined, left_at=joined + datetime.timedelta(seconds=wait),
        outcome="served" if taken else "left")
UnansweredSearch.objects.create(day=timezone.localdate(), language="nl", text="parkeerkaart", count=4)
"""


def test_the_reports_and_the_wallboard_are_accessible_and_fit_a_phone(browser, loket):
    loket.loket(
        "staff", "add", "chef", "--email", "chef@loket.example", "--role", "supervisor", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    loket.loket("manage", "shell", "-c", HISTORY)
    loket.loket("manage", "reports_rebuild", "--from", "2026-01-01", "--to", "2026-12-31")
    for width in (1280, 320):
        context = browser.new_context(locale="nl-BE", base_url=loket.url, viewport={"width": width, "height": 900})
        page = context.new_page()
        page.csp_violations = []
        page.on("console", lambda m, p=page: "Content Security Policy" in m.text and p.csp_violations.append(m.text))
        script_errors = []
        page.on("pageerror", lambda error, errors=script_errors: errors.append(str(error)))
        staff_sign_in(page, "chef", PASSWORD, next="/console/reports/")
        expect(page.get_by_role("heading", name="Chatrapport")).to_be_visible()
        expect(page.get_by_role("img", name="Chats per team")).to_be_visible()
        for path, heading in (
            ("/console/reports/?period=range&from=2026-11-01&to=2026-11-30&by=day", "Chatrapport"),
            ("/console/reports/?period=7d&by=hour", "Chatrapport"),
            ("/console/reports/?period=week", "Chatrapport"),  # refused: the form stays, with the message
            ("/console/reports/email/?period=month", "E-mailrapport"),
            ("/console/reports/knowledge/?period=today", "Kennisrapport"),
            ("/console/reports/definitions/", "Wat de cijfers betekenen"),
            ("/console/reports/wallboard/", "Vandaag"),
        ):
            page.goto(path)
            expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
            if "wallboard" in path:  # its figures come live through its socket
                expect(page.locator("[data-wallboard-status]")).to_have_text(LIVE)
            assert_accessible(page)
            width_seen = page.evaluate("document.documentElement.scrollWidth")
            assert width_seen <= width, f"{path} is {width_seen} px wide"
            if width == 1280 and path.endswith("by=day"):
                page.screenshot(path=str(DOCS_IMG / "reports-chat.png"), full_page=True)
            if width == 1280 and "wallboard" in path:
                page.screenshot(path=str(DOCS_IMG / "reports-wallboard.png"))
        # The staff navigation leads to the reports, and says when one is there.
        reports = page.get_by_role("navigation", name="Personeel").get_by_role("link", name="Rapporten")
        expect(reports).to_have_attribute("aria-current", "page")
        assert script_errors == []
        context.close()


def test_the_wallboard_shows_a_chat_as_it_comes_and_fetches_its_figures_when_its_socket_is_away(browser, loket):
    loket.loket(
        "staff", "add", "muur", "--email", "muur@loket.example", "--role", "supervisor", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    console = agent_console(browser, loket)
    console.get_by_label("Afwezig", exact=True).check()  # present, but not taking chats: visitors wait
    expect(console.get_by_role("status").filter(has_text="U bent afwezig")).to_be_visible()
    wall = open_page(browser, loket)
    staff_sign_in(wall, "muur", PASSWORD, next="/console/reports/wallboard/")
    status = wall.locator("[data-wallboard-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(LIVE)
    assert_accessible(wall)
    offered, abandoned = wall.locator('[data-figure="offered"]'), wall.locator('[data-figure="abandoned"]')
    before = int(offered.text_content()), int(abandoned.text_content())

    visitor = open_page(browser, loket)
    start_chat(visitor, "Vera", "Hoe vraag ik een premie aan?")
    expect(visitor.locator("[data-status]")).to_have_text("U bent nummer 1 in de wachtrij.")
    # Without a reload. Today's counts are made at most every 5 s per process (reports/live.py), the board at most
    # every second: the figures may take that long.
    expect(offered).to_have_text(str(before[0] + 1), timeout=COUNTED)
    expect(wall.locator('[data-figure="longest_wait"]')).not_to_have_text("—", timeout=COUNTED)
    visitor.get_by_role("button", name="Verlaat de wachtrij").click()
    expect(abandoned).to_have_text(str(before[1] + 1), timeout=COUNTED)
    expect(wall.locator('[data-figure="longest_wait"]')).to_have_text("—", timeout=COUNTED)

    # The socket refused (a proxy without WebSockets): the figures are fetched, and the page says so.
    away = open_page(browser, loket)
    away.context.route_web_socket("**/ws/wallboard/", lambda socket: socket.close())
    staff_sign_in(away, "muur", PASSWORD, next="/console/reports/wallboard/")
    expect(away.locator("[data-wallboard-status]")).to_have_text(POLLING)
    # (fetched at once and then every 15 s; today's counts behind it are kept 5 s)
    expect(away.locator('[data-figure="abandoned"]')).to_have_text(str(before[1] + 1), timeout=COUNTED + 15_000)
    assert_accessible(away)
    console.get_by_label("Offline", exact=True).check()
    expect(console.get_by_role("status").filter(has_text="U bent offline")).to_be_visible()
    for each in (wall, visitor, away, console):
        each.context.close()
