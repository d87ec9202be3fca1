"""The report pages and the wallboard as a supervisor sees them: axe finds nothing serious, nothing scrolls sideways,
no Content-Security-Policy violation, no script error. Screenshots for the docs."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, staff_sign_in
from tests.staff.conftest import PASSWORD

pytestmark = pytest.mark.e2e
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"

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
