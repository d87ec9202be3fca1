"""Numbers from requests: plain ASCII digits within range, or nothing (never an error further down)."""

import pytest

from loket.parsing import MAX_ID, whole_number
from tests.staff.conftest import make_staff, sign_in


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("0", 0), (7, 7), (str(MAX_ID), MAX_ID), ("²", None), ("٣", None), ("-1", None), ("1e3", None),
     ("", None), (None, None), (True, None), (-5, None), (str(10**25), None), (10**25, None), (" 3", None),
     ("1" * 10_000, None), ("\x00", None), (3.0, None)],
)  # fmt: skip
def test_only_plain_numbers_in_range_count(value, expected):
    assert whole_number(value) == expected


ODD = ["²", "٣", str(10**25), "", "-1", "x" * 10_000, "\x00"]


@pytest.mark.django_db
@pytest.mark.parametrize("odd", ODD)
def test_odd_numbers_in_query_strings_give_the_page_not_an_error(client, odd):
    for path in ("/contact/email/", "/contact/chat/", "/en/contact/chat/"):
        assert client.get(path, {"topic": odd}).status_code == 200, path
    assert client.get("/zoeken/", {"q": odd, "page": odd}).status_code == 200
    make_staff("ann", "agent")
    sign_in(client, "ann")
    for name in ("topic", "assignee", "status", "page", "search"):
        assert client.get("/console/cases/", {name: odd}).status_code == 200, name
    assert client.get("/console/cases/2026-000001/", {"canned": odd}).status_code == 404  # no such case, no error
