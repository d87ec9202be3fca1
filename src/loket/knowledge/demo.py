"""Loads the demo content (the data files in loket/content/) into an empty database: pages in Dutch and English,
documents."""

import json
import re
import secrets
import textwrap
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from loket import content
from loket.knowledge.models import ArticlePage, ContactPage, ContentPage, GuidancePage, HomePage, IndexPage

PAGE_TYPES: dict[str, type[ContentPage]] = {
    "index": IndexPage,
    "article": ArticlePage,
    "guidance": GuidancePage,
    "contact": ContactPage,
}


@cache
def demo_content() -> content.Demo:
    """The demo's pages and documents, read and checked once per process (they are files in the package)."""
    return content.demo()


def database_is_empty() -> bool:
    return not HomePage.objects.exists()


@transaction.atomic
def load_demo_content(*, with_editor: bool = False) -> str | None:
    """Create the demo site once; a second call changes nothing. Returns the editor's password if one was made."""
    if not database_is_empty():
        return None
    dutch, _ = Locale.objects.get_or_create(language_code="nl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    demo = demo_content()
    documents = {key: _document(spec) for key, spec in demo.documents.items()}

    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a bare "Welcome" page; the home page takes its place.
    for placeholder in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
        placeholder.delete()
    home = HomePage(slug="home", locale=dutch, **_fields(demo.home["nl"], documents))
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Loket"}
    )
    _translate(home, english, demo.home["en"], documents)
    for spec in demo.pages:
        _add_page(home, spec, english, documents)
    _redirect_old_english_paths(english)

    if not with_editor:
        return None
    password = secrets.token_urlsafe(12)
    get_user_model().objects.create_superuser("redacteur", "redacteur@loket.localhost", password)
    return password


def _add_page(parent: Page, spec: dict[str, Any], english: Locale, documents: dict[str, int]) -> None:
    page = PAGE_TYPES[spec["type"]](slug=spec["slug"], locale=parent.locale, **_fields(spec["nl"], documents))
    parent.add_child(instance=page)
    page.save_revision().publish()
    _translate(page, english, spec["en"], documents, slug=spec["slug_en"])
    for child in spec.get("children", []):
        _add_page(page, child, english, documents)


def _translate(page: Page, locale: Locale, language: dict[str, Any], documents: dict[str, int], slug: str = "") -> None:
    translation = page.copy_for_translation(locale).specific
    for name, value in _fields(language, documents, prefix=f"/{locale.language_code}").items():
        setattr(translation, name, value)
    if slug:
        translation.slug = slug
    translation.save_revision().publish()


def english_paths() -> dict[str, str]:
    """Each demo page's Dutch path and its English one: {"/integriteit/sociale-media/": "/integrity/social-media/"}."""
    paths: dict[str, str] = {}

    def walk(specs: list[dict[str, Any]], dutch: str, english: str) -> None:
        for spec in specs:
            paths[f"{dutch}{spec['slug']}/"] = f"{english}{spec['slug_en']}/"
            walk(spec.get("children", []), f"{dutch}{spec['slug']}/", f"{english}{spec['slug_en']}/")

    walk(demo_content().pages, "/", "/")
    return paths


def _redirect_old_english_paths(english: Locale) -> None:
    """The English demo pages once lived under their Dutch slugs (/en/integriteit/sociale-media/): links to those keep
    working, as permanent redirects to the English page (Wagtail's redirects, answered where a page is not found)."""
    pages = {page.url_path: page for page in Page.objects.filter(locale=english)}
    home = Page.objects.get(locale=english, depth=2)
    for dutch, new in english_paths().items():
        if dutch == new:
            continue
        page = pages.get(home.url_path + new.lstrip("/"))
        if page is not None:
            Redirect.add_redirect(f"/en{dutch}", page, is_permanent=True)


def _fields(language: dict[str, Any], documents: dict[str, int], prefix: str = "") -> dict[str, Any]:
    """Page fields from the demo text; `prefix` moves the text's site links into a language's part of the site, under
    that language's own slugs."""
    body = []
    for kind, value in language["body"]:
        if kind == "documents":
            value = [documents[key] for key in value]
        elif kind == "paragraph":
            value = _wagtail_html(value, prefix)
        elif kind == "callout":
            value = {**value, "text": _wagtail_html(value["text"], prefix)}
        elif kind == "channel" and value["link"].startswith("/"):
            value = {**value, "link": _english_path(value["link"]) if prefix == "/en" else prefix + value["link"]}
        body.append({"type": kind, "value": value})
    return {"title": language["title"], "intro": language["intro"], "body": json.dumps(body)}


def _wagtail_html(html: str, prefix: str) -> str:
    """Wagtail's rich-text storage writes bold and italic as <b> and <i>."""
    for tag, stored in (("strong", "b"), ("em", "i")):
        html = html.replace(f"<{tag}>", f"<{stored}>").replace(f"</{tag}>", f"</{stored}>")
    if prefix == "/en":  # the text's links point at Dutch paths: the English text goes to the English pages
        return re.sub(r'href="(/[^"]*)"', lambda link: f'href="{_english_path(link.group(1))}"', html)
    return html.replace('href="/', f'href="{prefix}/')


def _english_path(dutch: str) -> str:
    path, anchor, fragment = dutch.partition("#")
    return "/en" + english_paths().get(path, path) + anchor + fragment


def _document(spec: dict[str, str]) -> int:
    document = get_document_model()(title=spec["title"])
    document.file.save(spec["filename"], ContentFile(text_pdf(spec["title"], spec["text"])), save=False)
    document.save()
    return document.pk


def text_pdf(title: str, text: str) -> bytes:
    """A plain, valid PDF of a title and paragraphs (Helvetica, Latin-1): enough for demo downloads."""
    lines: list[tuple[str, int]] = [(title, 16), ("", 11)]
    for paragraph in text.split("\n\n"):
        lines += [(line, 11) for line in textwrap.wrap(" ".join(paragraph.split()), 88)] + [("", 11)]
    pages = [lines[i : i + 48] for i in range(0, len(lines), 48)]

    def escape(line: str) -> bytes:
        raw = line.encode("latin-1", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for page_lines in pages:
        stream = (
            b"BT 56 790 Td 15 TL "
            + b"".join(b"/F1 %d Tf (%s) Tj T* " % (size, escape(line)) for line, size in page_lines)
            + b"ET"
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
