"""Loket's two languages."""

from django.utils.translation import get_language


def content_language() -> str:
    """The active language as Loket's content knows it: "en" for any English, else "nl"."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"
