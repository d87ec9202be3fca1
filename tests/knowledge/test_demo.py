import io
import re

import pytest
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.models import Page

from loket.knowledge import demo
from loket.knowledge.models import ContactPage, GuidancePage, HomePage


@pytest.fixture
def demo_site(db):
    demo.load_demo_content()


def test_demo_content_loads_once_and_a_second_load_changes_nothing(db):
    assert demo.database_is_empty()
    demo.load_demo_content()
    pages, documents = Page.objects.count(), get_document_model().objects.count()
    assert demo.load_demo_content() is None
    assert (Page.objects.count(), get_document_model().objects.count()) == (pages, documents)
    assert HomePage.objects.count() == 2  # Dutch and English


def test_demo_can_create_an_editor_account(db):
    password = demo.load_demo_content(with_editor=True)
    from django.contrib.auth import authenticate

    assert authenticate(username="redacteur", password=password).is_superuser


def test_the_guidance_page_covers_the_seed_page_in_both_languages(client, demo_site):
    dutch = client.get("/integriteit/sociale-media/").content.decode()
    for part in ("Wat zijn sociale media?", "deontologische code", "handreiking", "Summerschool", "visienota"):
        assert part.lower() in dutch.lower()
    english = client.get("/en/integrity/social-media/").content.decode()
    assert '<html lang="en">' in english
    assert "Social media" in english
    guidance = GuidancePage.objects.get(locale__language_code="nl")
    rules = [block for block in guidance.body if block.block_type == "rules"]
    assert len(rules[-1].value) == 14  # the fourteen rules of the guidance facts


def test_the_demo_documents_are_real_pdfs_to_download(client, demo_site):
    documents = get_document_model().objects.all()
    assert documents.count() == 4
    for document in documents:
        response = client.get(document.url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
        assert document.title in text
        assert "Loket" in text


def test_the_contact_overview_lists_the_channels_and_its_pages_lead_back(client, demo_site):
    contact = ContactPage.objects.get(locale__language_code="nl")
    assert contact.url == "/contact/"
    html = client.get("/contact/").content.decode()
    assert "1700" in html and 'href="tel:1700"' in html
    social = client.get("/contact/sociale-media/").content.decode()
    assert '<a href="/contact/">' in social and "Terug naar overzicht" in social


def test_every_link_in_the_demo_content_works(client, demo_site):
    checked = set()
    for page in Page.objects.live().filter(depth__gte=2):
        html = client.get(page.url).content.decode()
        for href in re.findall(r'href="(/[^"#]*)', html):
            if href in checked or href.startswith(("/static/", "/admin/")):
                continue
            checked.add(href)
            response = client.get(href)
            assert response.status_code == 200, f"{page.url} links to {href}: {response.status_code}"
    assert "/en/integrity/social-media/" in checked and "/en/contact/social-media/" in checked
    assert not any(href.startswith("/en/integriteit/") for href in checked)  # English text links English pages


def test_english_pages_have_english_addresses_and_the_old_dutch_ones_redirect(client, demo_site):
    assert client.get("/en/integrity/social-media/").status_code == 200
    old = client.get("/en/integriteit/sociale-media/")
    assert old.status_code == 301 and old["Location"].endswith("/en/integrity/social-media/")
    assert client.get("/en/contact/sociale-media/")["Location"].endswith("/en/contact/social-media/")
    assert client.get("/integriteit/sociale-media/").status_code == 200  # Dutch stays where it was


def test_demo_pages_are_found_by_search(client, demo_site):
    html = client.get("/zoeken/", {"q": "sociale media"}).content.decode()
    assert '<a href="/integriteit/sociale-media/">Sociale media</a>' in html


def test_the_demo_site_is_built_from_the_content_files_in_both_languages(demo_site):
    from loket import content

    files = content.demo()

    def walk(specs, dutch, english):
        for spec in specs:
            nl, en = f"{dutch}{spec['slug']}/", f"{english}{spec['slug_en']}/"
            assert Page.objects.get(url_path=nl, locale__language_code="nl").title == spec["nl"]["title"]
            assert Page.objects.get(url_path=en, locale__language_code="en").title == spec["en"]["title"]
            walk(spec["children"], nl, en)

    english_home = HomePage.objects.get(locale__language_code="en")
    walk(files.pages, "/home/", english_home.url_path)
    assert english_home.title == files.home["en"]["title"]


def test_loading_again_never_overwrites_what_an_editor_changed(demo_site):
    page = Page.objects.get(url_path="/home/werken-met-ict/").specific
    page.title = "Aangepast door de redactie"
    page.save_revision().publish()
    assert demo.load_demo_content() is None
    assert Page.objects.get(pk=page.pk).title == "Aangepast door de redactie"
