"""Every page and state, as a person sees it: a crawl from `/` and `/en/` over every same-site link, and the states
behind the forms (search results, the e-mail form with mistakes and sent, page feedback, the post check with a
result, a dilemma answered, error pages reached on purpose), then the agents' console.

On each page and state, at 1280 and at 320 pixels wide (WCAG's reflow width): the status is the one expected; axe
finds no serious or critical violation; nothing scrolls sideways; every visible link and button has a name, and its
text has a contrast of at least 4.5:1 with its own background; no console error and no Content-Security-Policy
violation. One browser and one tab: a page is checked at one width, resized, and checked at the other.
"""

import re
from collections import Counter, deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import staff_sign_in

WIDTHS = (1280, 320)
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"  # the README's screenshots, refreshed on each run
MAX_PAGES = 120  # the demo site has about 50; a cap keeps a runaway (endless query strings) from eating CI time
# Pages of one folder share their template (the 17 dilemmas of each language): a few of them stand for the rest.
MAX_PER_FOLDER = 4
NOT_PAGES = ("/static/", "/documents/", "/api/", "/admin/", "/i18n/", "/console/", "/metrics", "/healthz")
LOADED_WITH_AN_ERROR_STATUS = "Failed to load resource: the server responded with a status of"

# Runs in the page: every visible link and button without a name, or with text under 4.5:1 on its own background.
LINKS_AND_BUTTONS = """() => {
  const problems = [];
  const rgba = value => {
    const m = value.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
  const luminance = c => c.slice(0, 3).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const shown = e => {
    const box = e.getBoundingClientRect(), style = getComputedStyle(e);
    return box.width >= 2 && box.height >= 2 && style.visibility !== "hidden" && style.opacity !== "0"
      && !e.closest(".lk-visually-hidden, [aria-hidden=true]");
  };
  const labelledBy = e => (e.getAttribute("aria-labelledby") || "").split(/\\s+/)
    .map(id => document.getElementById(id)?.textContent || "").join(" ");
  const nameOf = e => (e.getAttribute("aria-label") || labelledBy(e) || e.textContent || e.value || e.title || "")
    .trim();
  const ownText = e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  for (const e of document.querySelectorAll("a[href], button, input[type=submit], input[type=button], [role=button]")) {
    if (!shown(e) || e.disabled) continue;
    const name = nameOf(e);
    if (!name) { problems.push("no name: " + e.outerHTML.slice(0, 140)); continue; }
    for (const holder of [e, ...e.querySelectorAll("*")].filter(h => ownText(h) && shown(h))) {
      const color = rgba(getComputedStyle(holder).color), ground = background(holder);
      const [light, dark] = [luminance(over(color, ground)), luminance(ground)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for “${name.slice(0, 40)}”: `
        + `${getComputedStyle(holder).color} on rgb(${ground.slice(0, 3).map(Math.round).join(", ")})`);
    }
  }
  return problems;
}"""


class Inspector:
    """One tab that looks at pages: it records what is wrong instead of stopping at the first problem."""

    def __init__(self, page, base_url: str) -> None:
        self.page, self.base_url = page, base_url
        self.axe = Axe()
        self.problems: list[str] = []
        self.visited = 0
        self.console: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.console.append(message.text))
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def goto(self, path: str, status: int = 200) -> None:
        self.console.clear()
        self.page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        response = self.page.goto(path)
        if response is None or response.status != status:
            self.problems.append(f"{path}: status {response and response.status}, expected {status}")
        self.look(path, status)

    def look(self, state: str, status: int = 200) -> None:
        """Check what the tab shows now, at each width."""
        self.visited += 1
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            where = f"{state} at {width}px"
            scroll = self.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll[0] > scroll[1]:
                self.problems.append(f"{where}: scrolls sideways ({scroll[0]} > {scroll[1]}): {self._widest(width)}")
            for violation in self.axe.run(self.page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    target = violation["nodes"][0]["target"]
                    self.problems.append(f"{where}: axe {violation['id']} ({len(violation['nodes'])}x, {target})")
            self.problems += [f"{where}: {problem}" for problem in self.page.evaluate(LINKS_AND_BUTTONS)]
        errors = [m for m in self.console if not (status >= 400 and m.startswith(LOADED_WITH_AN_ERROR_STATUS))]
        self.problems += [f"{state}: console: {message}" for message in errors]
        self.console.clear()
        self.page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def _widest(self, width: int) -> list[str]:
        return self.page.evaluate(
            """width => [...document.querySelectorAll("body *")]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""))""",
            width,
        )

    def screenshot(self, name: str) -> None:
        """The README's pictures of this page: desktop (1280 px) and phone (390 px)."""
        for suffix, size in (("", {"width": 1280, "height": 800}), ("-phone", {"width": 390, "height": 844})):
            self.page.set_viewport_size(size)
            self.page.screenshot(path=str(DOCS_IMG / f"{name}{suffix}.png"))
        self.page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")


def same_site_path(href: str, current: str, base_url: str) -> str | None:
    url = urlsplit(urljoin(base_url + current, href))
    if f"{url.scheme}://{url.netloc}" != base_url or url.scheme not in ("http", "https"):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


@pytest.fixture
def inspector(browser, loket):
    context = browser.new_context(locale="nl-BE", base_url=loket.url)
    inspector = Inspector(context.new_page(), loket.url)
    yield inspector
    context.close()


def test_every_page_and_state_a_visitor_reaches_reads_well_at_320_and_1280_pixels(inspector, loket):
    page = inspector.page
    page.goto("/")  # (checked in the crawl below)
    inspector.screenshot("home")
    page.goto("/zoeken/?q=sociale")
    inspector.screenshot("search")
    seeds = ["/", "/en/", "/zoeken/?q=sociale", "/en/search/?q=social", "/zoeken/?q=qwertyuiop", "/zoeken/?q=media"]
    queue, seen, elsewhere, skipped = deque(seeds), set(), set(), set()
    folders: Counter[str] = Counter()
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen or path in skipped:
            continue
        folder = path.split("?")[0].rstrip("/").rpartition("/")[0]
        if "?" not in path and folders[folder] >= MAX_PER_FOLDER:
            skipped.add(path)
            continue
        folders[folder] += 1
        seen.add(path)
        inspector.goto(path)
        for href in inspector.links():
            found = same_site_path(href, path, loket.url)
            if found is None:
                continue
            found = found.split("#")[0]
            if found.startswith(NOT_PAGES):
                elsewhere.add(found)
            elif found not in seen:
                queue.append(found)
    assert not queue or len(seen) == MAX_PAGES
    for path in sorted(elsewhere):  # documents, the API, the admin's entrance: they answer, they are not pages here
        status = page.request.get(path, max_redirects=0).status
        if status not in (200, 301, 302):
            inspector.problems.append(f"{path}: status {status}")

    # The states behind the forms.
    inspector.goto("/integriteit/sociale-media/")
    inspector.screenshot("guidance-page")
    page.get_by_role("button", name="Nee").click()
    expect(page.get_by_label(re.compile("Wat zocht u"))).to_be_visible()
    inspector.look("page feedback: the comment form")

    inspector.goto("/contact/email/")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert", name="Kijk uw bericht even na")).to_be_visible()
    inspector.look("e-mail form with mistakes", status=400)  # the form comes back with a 400 and what to fix
    page.get_by_label("Uw e-mailadres").fill("an@example.org")
    page.get_by_label("Thema").select_option(index=1)
    page.get_by_label("Onderwerp").fill("Een vraag met een heel lang woord: Integriteitsschendingsmeldingsprocedure")
    page.get_by_label("Uw vraag").fill("Hoe meld ik een integriteitsschending?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Uw bericht is verstuurd")).to_be_visible()
    inspector.look("e-mail sent")
    inspector.screenshot("email-sent")

    inspector.goto("/richtlijnen/nakijken/")
    page.get_by_label("Uw ontwerpbericht").fill("Mijn baas is een idioot. Bel mevrouw Peeters op 0470 12 34 56.")
    page.get_by_role("button", name="Mijn bericht nakijken").click()
    expect(page.locator(".lk-check-result")).to_be_visible()
    inspector.look("post check with a result")
    page.locator(".lk-check-result").scroll_into_view_if_needed()
    inspector.screenshot("post-check")

    inspector.goto("/richtlijnen/dilemmas/")
    page.locator(".lk-cards").get_by_role("link").first.click()
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Mijn antwoord geven").click()
    expect(page.locator(".lk-verdict")).to_be_visible()
    inspector.look("a dilemma answered")
    inspector.screenshot("dilemma-answered")

    inspector.goto("/contact/chat/")
    inspector.look("the chat's start")
    inspector.goto("/en/contact/chat/")

    # Error pages, reached on purpose.
    inspector.goto("/bestaat-niet/", status=404)
    inspector.goto("/en/does-not-exist/", status=404)
    inspector.screenshot("not-found")
    inspector.goto("/integriteit/bestaat-niet/?q=<b>", status=404)
    inspector.goto("/en/contact/email/")
    page.context.clear_cookies()  # the form's CSRF cookie is gone: the token no longer matches
    page.get_by_label("Your e-mail address").fill("an@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", name="Your form has expired")).to_be_visible()
    inspector.look("a form refused (CSRF)", status=403)

    print(
        f"\nchecked {inspector.visited} pages and states, each at {' and '.join(map(str, WIDTHS))} px "
        f"({len(seen)} crawled; {len(skipped)} more of the same template left out; {len(elsewhere)} files and API "
        "addresses answered)"
    )
    assert inspector.problems == []
    assert inspector.visited > 50


REPRESENTATIVE = (
    "/",
    "/en/",
    "/zoeken/?q=sociale+media",
    "/contact/",
    "/contact/email/",
    "/contact/chat/",
    "/richtlijnen/",
    "/integriteit/sociale-media/",
    "/en/integrity/social-media/",
    "/bestaat-niet/",
)


def test_a_tablet_and_text_at_twice_its_size_do_not_scroll_sideways(inspector):
    """WCAG 1.4.4 and 1.4.10 beyond the crawl's two widths: 768 pixels, and text at 200% (the page's own font size
    doubled, as a browser's text-only zoom does) at 1280 and at 390 pixels."""
    page, problems = inspector.page, []
    for width, text in ((768, "100%"), (1280, "200%"), (390, "200%")):
        page.set_viewport_size({"width": width, "height": 900})
        for path in REPRESENTATIVE:
            page.goto(path)
            page.evaluate("size => { document.documentElement.style.fontSize = size }", text)
            wide, seen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if wide > seen:
                problems.append(f"{path} at {width}px, text {text}: {wide} > {seen}: {inspector._widest(width)}")
    assert not problems, "\n".join(problems)


def test_every_console_page_reads_well_for_an_agent(inspector, loket):
    page = inspector.page
    staff_sign_in(page, "redacteur", loket.editor_password, next="/console/cases/")
    expect(page).to_have_url(re.compile("/console/cases/"))
    queue, seen = deque(["/console/", "/console/cases/"]), set()
    while queue and len(seen) < 15:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        inspector.goto(path)
        for href in inspector.links():
            found = same_site_path(href, path, loket.url)
            downloads = urlsplit(found or "").path.endswith((".csv", ".xlsx")) or "/attachments/" in (found or "")
            if found and found.startswith("/console/") and not downloads:
                queue.append(found.split("#")[0])
    print(f"\nchecked {inspector.visited} console pages, each at {' and '.join(map(str, WIDTHS))} px")
    assert inspector.problems == []
