from loket.knowledge.models import ArticlePage, ContactPage, GuidancePage, HomePage, IndexPage


def test_home_page_lists_the_main_topics(client, site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Welkom bij Loket" in html
    assert 'href="/integriteit/"' in html
    assert 'href="/contact/"' in html


def test_an_article_shows_breadcrumbs_and_leads_back_to_its_overview(client, site):
    html = client.get("/integriteit/geschenken/").content.decode()
    assert 'aria-label="Kruimelpad"' in html
    assert '<a href="/integriteit/">Integriteit</a>' in html
    assert "Terug naar overzicht" in html
    assert '<span aria-current="page">Geschenken</span>' in html


def test_guidance_page_has_a_table_of_contents_linking_its_sections(client, site):
    html = client.get("/integriteit/sociale-media/").content.decode()
    assert '<a href="#wat-zijn-sociale-media">Wat zijn sociale media?</a>' in html
    assert 'id="wat-zijn-sociale-media"' in html


def test_overview_page_lists_its_pages(client, site):
    html = client.get("/integriteit/").content.decode()
    assert 'href="/integriteit/sociale-media/"' in html
    assert "Geschenken van derden weigert u meestal." in html


def test_page_types_only_nest_where_it_makes_sense():
    assert set(HomePage.allowed_subpage_models()) == {IndexPage, ArticlePage, GuidancePage, ContactPage}
    assert ArticlePage.allowed_subpage_models() == []
    assert HomePage not in IndexPage.allowed_subpage_models()


def test_english_lives_under_en_and_the_language_switch_links_translations(client, site):
    html = client.get("/").content.decode()
    assert 'hreflang="en"' in html
    assert 'href="/en/"' in html
    english = client.get("/en/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert "Welcome to Loket" in english.content.decode()


def test_a_page_without_translation_switches_to_the_other_home(client, site):
    html = client.get("/integriteit/").content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in html


def test_the_public_site_sends_a_strict_content_security_policy(client, site):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_every_icon_the_site_promises_exists(client, site):
    from loket.templatetags.loket import ICONS, icon

    for name in ICONS:
        assert 'aria-hidden="true"' in icon(name)


def test_a_guidance_page_leads_to_the_toolkit(client, site):
    html = client.get("/integriteit/sociale-media/").content.decode()
    assert 'href="/richtlijnen/nakijken/"' in html
    assert 'href="/richtlijnen/dilemmas/"' in html
