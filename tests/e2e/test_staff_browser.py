"""Staff sign-in in a real browser: an agent made on the command line signs in with a password and an authenticator
app and takes a chat; a passkey signs in without a password (Chromium's virtual authenticator)."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, open_page, staff_sign_in
from tests.e2e.test_chat_browser import start_chat
from tests.staff.conftest import PASSWORD, totp

pytestmark = pytest.mark.e2e


def test_an_agent_made_with_loket_staff_add_signs_in_with_password_and_app_and_takes_a_chat(browser, loket):
    made = loket.loket(
        "staff", "add", "an.agent", "--email", "an@loket.example", "--role", "agent", "--name", "An Agent"
    )
    link = made.split()[-1].replace("http://localhost:8000", loket.url)

    page = open_page(browser, loket)
    page.goto(link)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Nieuw wachtwoord (bevestigen)").fill(PASSWORD)
    page.get_by_role("button", name="Het wachtwoord bewaren").click()
    expect(page).to_have_url(re.compile("/console/$"))  # signed in, where agents work

    page.get_by_role("link", name="Aanmelden en beveiliging").click()
    page.get_by_role("link", name="Een authenticator-app instellen").click()
    expect(page.get_by_role("heading", name="Een authenticator-app instellen")).to_be_visible()
    assert_accessible(page)  # the 2FA setup page
    secret = page.locator("#lk-totp-secret").inner_text()
    page.get_by_label("Authenticator code").fill(totp(secret))
    page.get_by_role("button", name="Inschakelen").click()
    expect(page.get_by_text(re.compile("herstelcode", re.IGNORECASE)).first).to_be_visible()
    page.get_by_role("button", name="Afmelden", exact=True).click()
    expect(page).to_have_url(re.compile("/staff/login/"))
    assert_accessible(page)  # the sign-in page

    staff_sign_in(page, "an.agent", PASSWORD)
    expect(page).to_have_url(re.compile("/staff/2fa/authenticate/"))
    assert_accessible(page)  # the 2FA prompt
    page.get_by_label("Code").fill(totp(secret, step=1))  # the next code: the first was used while setting up
    page.get_by_role("button", name="Aanmelden").first.click()
    expect(page).to_have_url(re.compile("/console/$"))  # the workspace

    expect(page.get_by_label("Offline", exact=True)).to_be_enabled()  # the console's socket is up
    page.get_by_label("Beschikbaar", exact=True).check()
    visitor = open_page(browser, loket)
    start_chat(visitor, "Vera", "Mag ik een vraag stellen over mijn huurpremie?")
    page.get_by_role("button", name=re.compile("^Vera")).click()  # in front (another chat may have come first)
    expect(page.get_by_text("Mag ik een vraag stellen over mijn huurpremie?")).to_be_visible()
    expect(visitor.get_by_text(re.compile("U praat nu met An"))).to_be_visible()
    page.get_by_label("Afwezig", exact=True).check()
    visitor.context.close()
    page.context.close()


def test_the_lockout_page_says_until_when_and_is_accessible(browser, loket):
    page = open_page(browser, loket)
    for _ in range(6):
        staff_sign_in(page, "niemand-hier", "fout-wachtwoord")
    alert = page.get_by_role("alert").filter(has_text="Te veel mislukte pogingen")
    expect(alert).to_contain_text(re.compile(r"gepauzeerd tot \d\d:\d\d"))
    assert_accessible(page)
    page.context.close()


def test_a_passkey_added_in_the_browser_signs_in_without_a_password(browser, loket):
    loket.loket(
        "staff", "add", "pia", "--email", "pia@loket.example", "--role", "editor", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    # Passkeys belong to a host name, never to an address: this browser uses localhost.
    context = browser.new_context(locale="nl-BE", base_url=loket.url.replace("127.0.0.1", "localhost"))
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and page.csp_violations.append(1))
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    authenticator = devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
                "hasUserVerification": True, "isUserVerified": True,
            }
        },
    )["authenticatorId"]  # fmt: skip
    staff_sign_in(page, "pia", PASSWORD)
    expect(page).to_have_url(re.compile("/admin/"))
    page.goto("/staff/security/")
    page.get_by_role("link", name="Een toegangssleutel toevoegen").click()
    page.get_by_label("Naam van de toegangssleutel").fill("laptop")
    page.get_by_label("Er ook mee aanmelden zonder wachtwoord").check()
    page.get_by_role("button", name="De toegangssleutel toevoegen").click()
    expect(page.get_by_text(re.compile("herstelcode", re.IGNORECASE)).first).to_be_visible()
    assert len(devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]) == 1

    page.goto("/staff/security/")
    page.get_by_role("button", name="Afmelden", exact=True).click()
    page.get_by_role("button", name="Aanmelden met een toegangssleutel").click()
    expect(page).to_have_url(re.compile("/admin/"))  # no password was typed
    assert page.csp_violations == []
    context.close()
