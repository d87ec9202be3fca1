"""Every page reachable from the home page in both languages (and from the console and the staff pages for an
agent), then every query parameter a view reads, with odd values: no answer is a server error."""

import html
import re
from collections import deque

import pytest

from loket.knowledge import demo
from tests.staff.conftest import make_staff, sign_in

# Every name a view reads from a query string (grep "GET.get" in src/loket), and what a stranger might put there.
PARAMETERS = ["topic", "from", "name", "message", "q", "page", "format", "next", "canned", "assignee", "status",
              "search", "language"]  # fmt: skip
ODD = ["٣", "²", str(10**25), "", "x" * 10_000, "\x00", "-1", "../", "<script>"]
LINK = re.compile(r'href="(/[^"#]*)"')
NOT_FOLLOWED = ("/static/", "/media/", "/documents/", "/admin/")  # files, and Wagtail's admin (its own project)


def crawl(client, starts: list[str], limit: int = 300) -> list[str]:
    seen: list[str] = []
    queue = deque(starts)
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.append(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if "text/html" in response.get("Content-Type", ""):
            for link in LINK.findall(response.content.decode()):
                path = html.unescape(link)
                if not path.startswith(NOT_FOLLOWED) and "logout" not in path and path not in seen:
                    queue.append(path)
    return seen


def try_odd_parameters(client, urls: list[str]) -> None:
    for url in urls:
        for odd in ODD:
            response = client.get(url.split("?")[0], {name: odd for name in PARAMETERS})
            assert response.status_code < 500, (url, odd[:20])


@pytest.mark.django_db
def test_no_page_a_visitor_can_reach_answers_a_server_error_whatever_its_query(client, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "search": (10_000, 60)}  # (not a flood)
    demo.load_demo_content()
    urls = crawl(client, ["/", "/en/"])
    assert len(urls) > 30 and "/en/contact/chat/" in urls and "/zoeken/" in str(urls)
    try_odd_parameters(client, urls)


@pytest.mark.django_db
def test_no_staff_page_an_agent_can_reach_answers_a_server_error_whatever_its_query(client):
    demo.load_demo_content()
    make_staff("ann", "agent")
    sign_in(client, "ann")
    urls = crawl(client, ["/console/", "/staff/"])
    assert "/console/" in urls and len(urls) > 5
    try_odd_parameters(client, urls)
