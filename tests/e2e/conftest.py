"""Browser tests: Playwright drives Debian's chromium (never a downloaded browser) against `loket serve`.

The server is the real thing, started once per session on its embedded defaults in a folder of its own:
uvicorn, the worker thread, the demo content and the editor account it prints.
"""

import os
import re
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from tests.services import free_port, fresh_install_env, wait_for_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        raise RuntimeError("Debian's chromium is missing: ./dev test (or .ci/run) installs it with apt-get")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Server:
    url: str
    editor_password: str
    folder: object  # where it runs: `loket` commands with `env` there act on the same installation
    env: dict

    def loket(self, *argv: str, stdin: str = "") -> str:
        """Run a `loket` command against this installation, as an operator on the server would."""
        done = subprocess.run(
            [shutil.which("loket") or "loket", *argv], cwd=self.folder, env=self.env, input=stdin,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout


@pytest.fixture(scope="session")
def loket(tmp_path_factory):
    folder = tmp_path_factory.mktemp("loket-serve")
    port = free_port()
    env = fresh_install_env(folder / "var")
    log = open(folder / "serve.log", "w+")  # noqa: SIM115 - read after the server has written to it
    process = subprocess.Popen(
        [shutil.which("loket") or "loket", "serve", "--port", str(port)],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port, timeout=120)
        log.seek(0)
        password = re.search(r"editor account 'redacteur', password (\S+)", log.read()).group(1)
        url = f"http://127.0.0.1:{port}"
        # The worker indexes the demo pages in the background; wait until search finds them.
        deadline = time.monotonic() + 60
        while "/integriteit/sociale-media/" not in urllib.request.urlopen(f"{url}/zoeken/?q=sociale").read().decode():  # noqa: S310
            assert time.monotonic() < deadline, "the demo pages were not indexed"
            time.sleep(0.5)
        yield Server(url=url, editor_password=password, folder=folder, env=env)
    finally:
        process.terminate()
        process.wait(20)
        log.close()


def open_page(browser, loket):
    """A new browser (own cookies) in Dutch, watching for Content-Security-Policy violations."""
    context = browser.new_context(locale="nl-BE", base_url=loket.url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.csp_violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.csp_violations.append(message.text),
    )
    return page


@pytest.fixture
def page(browser, loket):
    page = open_page(browser, loket)
    yield page
    page.context.close()


def staff_sign_in(page, login: str, password: str, next: str = "") -> None:
    """Through the one staff sign-in page, as a person does it."""
    page.goto("/staff/login/" + (f"?next={next}" if next else ""))
    page.get_by_label("Gebruikersnaam", exact=True).fill(login)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Aanmelden", exact=True).click()


def assert_accessible(page) -> None:
    """axe finds no serious or critical violation, and the page broke no Content-Security-Policy rule.

    Short animations and transitions end first: a message fading in (Wagtail's admin messages do, in 0.5 s) is text at
    1:1 contrast for a moment, which axe would report depending on the machine's speed. Long decorative ones (Wagtail's
    25 s badge ping) are not waited for."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getComputedTiming().endTime > 3000)"
    )
    violations = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x, {violation['nodes'][0]['target']})"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert violations == []
    assert page.csp_violations == []
