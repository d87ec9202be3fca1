"""Bad input never crashes the check; what is wrong is said clearly."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loket.guidance import analyzers  # noqa: F401
from loket.guidance.engine import ANALYZERS, MAX_LENGTH, PostError, check

CATEGORIES = {
    "speaking-for-organisation", "confidential-information", "personal-data", "respect-and-loyalty",
    "working-hours", "press-contact", "political-opinion",
}  # fmt: skip


def test_every_category_has_its_analyzer():
    assert set(ANALYZERS) == CATEGORIES


def test_an_empty_post_has_no_findings():
    assert check("") == []
    assert check("   \n ") == []


def test_a_post_over_ten_thousand_characters_is_refused_with_a_clear_message():
    with pytest.raises(PostError) as refused:
        check("a" * (MAX_LENGTH + 1))
    assert refused.value.code == "too-long"
    assert "10.000" in refused.value.messages["nl"] and "10,001" in refused.value.messages["en"]
    assert check("a" * MAX_LENGTH) == []


def test_an_unknown_account_is_refused():
    with pytest.raises(PostError):
        check("hallo", account="secret")


@pytest.mark.parametrize(
    "text",
    [
        "🙂🙂🙂🎉",
        "\x00\x01\x07 mijn baas is een idioot \x1b[31m",
        "Mijn boss is an idiot en de gunning gaat naar Acme, not yet public.",
        "\ufffd\ufffd invalid bytes became replacement characters",
        "‮reversed‬ text and zero\u200bwidth",
    ],
)
def test_odd_text_is_checked_without_crashing(text):
    for finding in check(text):
        assert 0 <= finding.start < finding.end <= len(text)


def test_control_characters_do_not_move_the_offsets():
    text = "\x00\x01Mijn baas is een idioot."
    [finding] = check(text)
    assert text[finding.start : finding.end] == "idioot"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["private", "professional", "organisation"]))
def test_any_text_gives_findings_inside_the_text_in_reading_order(text, account):
    findings = check(text, account=account)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.category))
    assert all(f.category in CATEGORIES and f.severity in ("info", "warning", "risk") for f in findings)


def test_the_check_is_deterministic():
    text = "Namens de dienst: mevrouw Peeters (0470 12 34 56) krijgt de job, nog niet publiek."
    assert check(text) == check(text)
