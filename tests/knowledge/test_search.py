import pytest
from django.db import connection
from wagtail.models import Locale

from loket.knowledge import queries
from loket.knowledge.models import ArticlePage


def test_search_finds_the_guidance_page_with_the_words_highlighted(client, site):
    html = client.get("/zoeken/", {"q": "sociale media"}).content.decode()
    assert '<a href="/integriteit/sociale-media/">Sociale media</a>' in html
    assert "<mark>sociale</mark> <mark>media</mark>" in html


def test_search_stems_dutch_words_on_postgresql_and_matches_whole_words_on_sqlite(client, site):
    dutch = Locale.objects.get(language_code="nl")
    assert [hit.page.title for hit in queries.search_pages("geschenken", locale=dutch).hits] == ["Geschenken"]
    singular = [hit.page.title for hit in queries.search_pages("geschenk", locale=dutch).hits]
    # PostgreSQL's "dutch" text search configuration stems; SQLite's FTS5 tokenizer does not.
    assert singular == (["Geschenken"] if connection.vendor == "postgresql" else [])


def test_search_stays_within_the_visitors_language(client, site):
    english = Locale.objects.get(language_code="en")
    assert queries.search_pages("Welkom", locale=english).hits == []
    assert [hit.page.title for hit in queries.search_pages("welcome", locale=english).hits] == ["Welcome to Loket"]


def test_an_empty_search_invites_to_type_words(client, site):
    response = client.get("/zoeken/", {"q": "   "})
    assert response.status_code == 200
    assert "Typ een of meer woorden" in response.content.decode()


def test_a_search_without_results_says_so_and_offers_help(client, site):
    html = client.get("/zoeken/", {"q": "paardenbloem"}).content.decode()
    assert "0 resultaten voor “paardenbloem”" in html
    assert "Geen pagina&#x27;s gevonden" in html or "Geen pagina's gevonden" in html
    assert 'href="/contact/">Contacteer ons</a>' in html


def test_a_very_long_search_is_cut_and_the_visitor_told(client, site):
    response = client.get("/zoeken/", {"q": "sociale " * 2000})
    assert response.status_code == 200
    html = response.content.decode()
    assert "we gebruikten de eerste 200 tekens" in html
    assert "Sociale media" in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "sociale AND OR NOT",
        "' OR 1=1 --",
        'NEAR(sociale media) "unbalanced',
        "media:* & | ! ( )",
        "sociale\x00media",
        "\u202e\u200b🙂🙂",
        "∑∫√",
        "-media +sociale ^2 ~1",
    ],
)
def test_odd_searches_never_break_the_page(client, site, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200


def test_what_the_visitor_typed_is_shown_escaped(client, site):
    html = client.get("/zoeken/", {"q": "<script>alert(1)</script> media"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_query_of_only_symbols_is_explained(client, site):
    html = client.get("/zoeken/", {"q": "?!* ()"}).content.decode()
    assert "geen woorden of getallen" in html


def test_results_come_in_pages_of_ten(client, site):
    for number in range(25):
        site["topic"].add_child(
            instance=ArticlePage(
                title=f"Dilemma {number}", slug=f"dilemma-{number}", intro="Een dilemma uit de praktijk."
            )
        )
    first = client.get("/zoeken/", {"q": "dilemma"}).content.decode()
    assert "25 resultaten" in first
    assert first.count('class="lk-result"') == 10
    assert 'rel="next"' in first
    third = client.get("/zoeken/", {"q": "dilemma", "page": 3}).content.decode()
    assert third.count('class="lk-result"') == 5
    assert '<ol class="lk-results" start="21">' in third
    beyond = client.get("/zoeken/", {"q": "dilemma", "page": 99}).content.decode()
    assert '<span aria-current="page">3</span>' in beyond


def test_english_search_lives_at_en_search(client, site):
    response = client.get("/en/search/", {"q": "welcome"})
    assert response.status_code == 200
    assert "1 result for “welcome”" in response.content.decode()


def test_snippet_marks_each_term_where_it_first_appears():
    text = "Eerst iets anders. " * 20 + "Hier gaat het over richtlijnen voor sociale media."
    pieces = queries.snippet(text, ["richtlijn", "sociale"])
    assert pieces[1::2] == ("richtlijnen", "sociale")
    assert pieces[0].startswith("… ")
    assert len("".join(pieces)) <= queries.SNIPPET_LENGTH + 4


def test_clean_query_keeps_words_and_numbers_only():
    query, terms, truncated = queries.clean_query('  "Sociale"   media\tAND 2026!  ')
    assert query == '"Sociale" media AND 2026!'
    assert terms == ["sociale", "media", "and", "2026"]
    assert truncated is False


def test_the_api_searches_too_and_describes_itself(client, site):
    data = client.get("/api/search", {"q": "sociale media"}).json()
    assert data["total"] >= 1
    assert data["results"][0]["title"] == "Sociale media"
    assert data["results"][0]["url"].endswith("/integriteit/sociale-media/")
    schema = client.get("/api/openapi.json").json()
    assert "/api/search" in schema["paths"]


def test_search_is_rate_limited_per_address(client, site, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "search": (3, 60)}
    statuses = [client.get("/zoeken/", {"q": "media"}, REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get("/zoeken/", {"q": "media"}, REMOTE_ADDR="203.0.113.10").status_code == 200


def test_results_are_ordered_by_relevance_and_pages_do_not_overlap(site):
    topic = site["topic"]
    topic.add_child(instance=ArticlePage(title="Klokkenluider", slug="klokkenluider", intro="Klokkenluider beschermd."))
    for number in range(14):
        topic.add_child(
            instance=ArticlePage(
                title=f"Nota {number}", slug=f"nota-{number}", intro=f"Tekst {number} en klokkenluider."
            )
        )
    dutch = Locale.objects.get(language_code="nl")
    first = queries.search_pages("klokkenluider", locale=dutch, page_number=1)
    second = queries.search_pages("klokkenluider", locale=dutch, page_number=2)
    assert first.hits[0].page.title == "Klokkenluider"  # in the title and the intro: the best match
    titles = [hit.page.title for hit in first.hits + second.hits]
    assert len(titles) == len(set(titles)) == first.total == 15


def test_pages_with_every_word_come_first_and_some_words_only_when_none_has_all(client, site):
    dutch = Locale.objects.get(language_code="nl")
    both = queries.search_pages("sociale gebruikers", locale=dutch)
    assert [hit.page.title for hit in both.hits] == ["Sociale media"]
    assert both.some_words is False
    html = client.get("/zoeken/", {"q": "geschenken paardenbloem"}).content.decode()
    assert "Geen enkele pagina bevat al uw woorden" in html
    assert '<a href="/integriteit/geschenken/">Geschenken</a>' in html


def test_the_search_api_counts_against_the_same_limit_as_the_page(client, site, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "search": (3, 60)}
    client.get("/zoeken/", {"q": "media"}, REMOTE_ADDR="203.0.113.9")
    statuses = [client.get("/api/search", {"q": "media"}, REMOTE_ADDR="203.0.113.9").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    answer = client.get("/api/search", {"q": "media", "language": "en"}, REMOTE_ADDR="203.0.113.9").json()
    assert answer["code"] == "rate-limited" and "wait a minute" in answer["detail"]
    assert "429" in client.get("/api/openapi.json").json()["paths"]["/api/search"]["get"]["responses"]


def test_a_page_indexed_while_a_search_ranks_is_found_by_the_next_search_at_the_latest(site, monkeypatch):
    """SQLite's ranking reads the scores, then the pages: one indexed in between (the demo content being written
    right after `loket serve` started) once made the search answer 500. (PostgreSQL ranks in one query.)"""
    from wagtail.models import Page

    topic, dutch = site["topic"], Locale.objects.get(language_code="nl")
    key = type(Page._meta.pk)
    to_python = key.to_python  # called on each scored page's id, between SQLite's two reads

    def add_late_page():
        topic.add_child(instance=ArticlePage(title="Klokkenluider laat", slug="laat", intro="Klokkenluider ook."))

    def index_another_page_meanwhile(field, value):
        monkeypatch.setattr(key, "to_python", to_python)
        add_late_page()
        return to_python(field, value)

    topic.add_child(instance=ArticlePage(title="Klokkenluider", slug="klokkenluider", intro="Klokkenluider."))
    monkeypatch.setattr(key, "to_python", index_another_page_meanwhile)
    meanwhile = [hit.page.title for hit in queries.search_pages("klokkenluider", locale=dutch).hits]
    assert meanwhile in (["Klokkenluider"], ["Klokkenluider", "Klokkenluider laat"])
    if not ArticlePage.objects.filter(slug="laat").exists():  # PostgreSQL's ranking never got there
        monkeypatch.setattr(key, "to_python", to_python)
        add_late_page()
    titles = [hit.page.title for hit in queries.search_pages("klokkenluider", locale=dutch).hits]
    assert sorted(titles) == ["Klokkenluider", "Klokkenluider laat"]


def test_a_snippet_keeps_a_heading_apart_from_the_sentence_after_it():
    text = "Uw melding gaat naar het meldpunt.\nBescherming als klokkenluider\nWie te goeder trouw meldt, is beschermd."
    pieces = queries.snippet(text, ["klokkenluider"])
    assert "".join(pieces) == (
        "Uw melding gaat naar het meldpunt. Bescherming als klokkenluider · Wie te goeder trouw meldt, is beschermd."
    )


def test_a_page_gives_its_text_one_block_per_line(site):
    lines = site["guidance"].plain_text().splitlines()
    assert lines == [
        "Hoe u als personeelslid verstandig sociale media gebruikt.",
        "Wat zijn sociale media?",
        "Tweerichtingsverkeer tussen gebruikers.",
    ]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored documents serve PostgreSQL; SQLite searches its FTS5 index"
)


def titles(query, language="nl", **kwargs):
    locale = Locale.objects.get(language_code=language)
    return [hit.page.title for hit in queries.search_pages(query, locale=locale, **kwargs).hits]


@postgresql_only
def test_each_page_is_stemmed_in_its_own_language(site):
    site["english_home"].add_child(
        instance=ArticlePage(title="Study grants", slug="grants", intro="A student applies for a grant each year.")
    )
    site["topic"].add_child(instance=ArticlePage(title="Vergunningen", slug="vergunningen", intro="Wie bouwt, vraagt."))
    # English stems: "apply" and "studies" find "applies" and "Study" (the Dutch configuration keeps them apart).
    assert titles("apply studies", "en") == ["Study grants"]
    assert titles("vergunning") == ["Vergunningen"]
    assert titles("grant") == []  # the visitor's language only


@postgresql_only
def test_a_page_is_found_by_its_new_words_after_an_edit_and_not_after_unpublishing(site):
    page = site["topic"].add_child(instance=ArticlePage(title="Dienstreizen", slug="reizen", intro="Over reizen."))
    assert titles("dienstreizen") == ["Dienstreizen"]
    page.title, page.intro = "Verplaatsingen", "Over verplaatsingen met de trein."
    page.save_revision().publish()
    assert titles("dienstreizen") == []
    assert titles("trein") == ["Verplaatsingen"]
    page.unpublish()
    assert titles("trein") == []
    page.save_revision().publish()
    assert titles("trein") == ["Verplaatsingen"]
    page.delete()
    assert titles("trein") == []


@postgresql_only
def test_the_first_page_of_results_and_the_count_take_one_statement(site):
    from django.test.utils import CaptureQueriesContext

    for number in range(3):
        site["topic"].add_child(instance=ArticlePage(title=f"Fiets {number}", slug=f"fiets-{number}", intro="Fiets."))
    with CaptureQueriesContext(connection) as captured:
        results = queries.search_pages("fiets", locale=Locale.objects.get(language_code="nl"))
    assert results.total == 3
    assert len([q for q in captured.captured_queries if "knowledge_searchdocument" in q["sql"]]) == 1


@postgresql_only
def test_title_matches_come_first_and_the_rest_follow_ranked_past_the_ranked_candidates(site, monkeypatch):
    from loket.knowledge import search_postgres

    monkeypatch.setattr(search_postgres, "CANDIDATES", 3)  # fewer candidates than title matches
    topic = site["topic"]
    for number in range(5):
        topic.add_child(instance=ArticlePage(title=f"Telewerk {number}", slug=f"tw-{number}", intro="Over telewerk."))
    for number in range(8):
        topic.add_child(instance=ArticlePage(title=f"Nota {number}", slug=f"nota-{number}", intro="Telewerk en meer."))
    topic.add_child(instance=ArticlePage(title="Nota vaak", slug="vaak", intro="Telewerk, telewerk, telewerk."))
    first = titles("telewerk", page_number=1)
    second = titles("telewerk", page_number=2)
    assert len(first) == 10 and len(second) == 4 and not set(first) & set(second)
    assert all(title.startswith("Telewerk") for title in first[:5])
    assert first[5] == "Nota vaak"  # among the pages with the word only in their text, the one with it most often


@postgresql_only
def test_unpublishing_reaches_the_search_before_the_background_index_task_runs(site, settings):
    page = site["topic"].add_child(instance=ArticlePage(title="Thuiswerk", slug="thuiswerk", intro="Over thuiswerk."))
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # index tasks wait for a worker
    dutch = Locale.objects.get(language_code="nl")
    page.unpublish()
    assert queries.search_pages("thuiswerk", locale=dutch).total == 0  # counted from the documents alone
    page.save_revision().publish()
    assert titles("thuiswerk") == ["Thuiswerk"]
