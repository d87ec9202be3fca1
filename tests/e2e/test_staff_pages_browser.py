"""Every staff page and state a person meets around sign-in, at 320 and 1280 pixels: axe finds nothing serious,
nothing scrolls sideways, no Content-Security-Policy violation. Screenshots for the docs."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, staff_sign_in
from tests.staff.conftest import PASSWORD

pytestmark = pytest.mark.e2e
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def fits(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def test_staff_pages_in_every_state_are_accessible_and_fit_a_phone(browser, loket):
    loket.loket(
        "staff", "add", "beheer", "--email", "beheer@loket.example", "--role", "admin", "--role", "agent",
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    loket.loket("staff", "add", "collega", "--email", "collega@loket.example", "--role", "agent")
    for width in (1280, 320):
        context = browser.new_context(locale="nl-BE", base_url=loket.url, viewport={"width": width, "height": 800})
        page = context.new_page()
        page.csp_violations = []
        page.on("console", lambda m, p=page: "Content Security Policy" in m.text and p.csp_violations.append(m.text))
        script_errors = []
        page.on("pageerror", lambda error, errors=script_errors: errors.append(str(error)))
        visited = []

        def look(state: str, page=page, visited=visited) -> None:
            assert_accessible(page)
            fits(page)
            visited.append(state)

        page.goto("/staff/login/")
        look("sign-in")
        if width == 1280:
            page.screenshot(path=str(DOCS_IMG / "staff-sign-in.png"))
        page.get_by_label("Gebruikersnaam", exact=True).fill("beheer")
        page.get_by_label("Wachtwoord", exact=True).fill("fout")
        page.get_by_role("button", name="Aanmelden", exact=True).click()
        expect(page.get_by_role("alert").first).to_be_visible()
        look("sign-in with a wrong password")
        staff_sign_in(page, "beheer", PASSWORD)
        expect(page.get_by_role("heading", name="Dossiers")).to_be_visible()
        look("console after sign-in")
        page.goto("/staff/security/")
        look("security")
        if width == 1280:
            page.screenshot(path=str(DOCS_IMG / "staff-security.png"), full_page=True)
        for path, state in (
            ("/staff/2fa/totp/activate/", "app set-up"),
            ("/staff/2fa/webauthn/add/", "passkey set-up"),
            ("/staff/sessions/", "sessions"),
            ("/staff/password/change/", "password change"),
            ("/admin/users/", "users in the admin"),
        ):
            page.goto(path)
            if path.startswith("/staff/"):
                look(state)
        page.get_by_role("button", name=re.compile("Meer opties voor 'collega'")).click()
        page.get_by_role("link", name="Sessies en tweede factor").click()
        expect(page.get_by_role("heading", name=re.compile("collega"))).to_be_visible()
        look("a person's sessions and second factor")
        page.goto("/staff/security/")
        page.get_by_role("button", name="Overal afmelden").click()
        expect(page.get_by_role("status").filter(has_text="U bent overal afgemeld")).to_be_visible()
        look("signed out everywhere")
        assert len(visited) == 10
        assert script_errors == []  # staff.js on Loket's pages and in Wagtail's admin alike
        context.close()
