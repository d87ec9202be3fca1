"""Template helpers available in every template (registered as builtins in settings)."""

import re
from functools import cache

from django import template
from django.contrib.staticfiles import finders
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()

ICONS = {
    # Loket's names for the affordances -> bootstrap-icons files (MIT, see static/loket/icons/).
    "search": "search",
    "chat": "chat-dots",
    "login": "box-arrow-in-right",
    "help": "question-circle",
    "smiley": "emoji-smile",
    "star": "star",
    "thumbs-up": "hand-thumbs-up",
    "thumbs-down": "hand-thumbs-down",
    "warning": "exclamation-triangle",
    "close": "x-lg",
    "email": "envelope",
    "phone": "telephone",
    "social": "share",
    "info": "info-circle",
    "document": "file-earmark-pdf",
    "back": "arrow-left",
    "next": "chevron-right",
    "language": "globe",
}


@cache
def _svg(name: str) -> str:
    path = finders.find(f"loket/icons/{ICONS[name]}.svg")
    if not path:
        raise ValueError(f"icon file missing for {name!r}")
    with open(path, encoding="utf-8") as handle:
        svg = handle.read().strip()
    # Decorative: the text beside an icon carries the meaning, so screen readers skip the drawing.
    svg = re.sub(r'\s(width|height|class)="[^"]*"', "", svg)
    return svg.replace("<svg ", '<svg class="lk-icon" aria-hidden="true" focusable="false" ', 1)


@register.simple_tag
def icon(name: str) -> SafeString:
    return mark_safe(_svg(name))  # noqa: S308 - our own static files, not user input


@register.simple_tag
def link_target(link: str) -> str:
    """A block's link: `route:namespace:name` is reversed (empty while that channel does not exist)."""
    if link.startswith("route:"):
        try:
            return reverse(link.removeprefix("route:"))
        except NoReverseMatch:
            return ""
    return link


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """One link per language: the translation of this page when there is one, else that language's home."""
    request: HttpRequest = context["request"]
    page: Page | None = context.get("page") if isinstance(context.get("page"), Page) else None
    current = get_language()
    links = []
    for locale in Locale.objects.all().order_by("id"):
        code = locale.language_code
        url = ""
        if page is not None:
            translation = page.get_translation_or_none(locale)
            if translation is not None and translation.live:
                url = translation.get_url(request)
        if not url:
            url = translate_url(request.get_full_path(), code) if page is None else ""
        if not url:
            home = Page.objects.filter(depth=2, locale=locale).live().first()
            url = home.get_url(request) if home else "/"
        links.append({"code": code, "name": locale.get_display_name(), "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context: template.Context) -> list[Page]:
    """The page's ancestors from the home page down (the tree's invisible root left out)."""
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live().specific())


@register.filter
def highlight(snippet: tuple[str, ...]) -> SafeString:
    """A snippet as (text, match, text, match, ...): escape everything, mark the matches."""
    parts = [
        format_html("<mark>{}</mark>", part) if i % 2 else format_html("{}", part) for i, part in enumerate(snippet)
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every part was escaped above
