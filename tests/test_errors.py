"""Loket's error pages: its own layout, the visitor's language, a search box and a way home, the right status."""

import sys

import pytest
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import path

import loket.urls
from loket import errors


def boom(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [path("boom/", boom), path("database-gone/", database_gone), *loket.urls.urlpatterns]
handler400, handler403, handler404 = loket.urls.handler400, loket.urls.handler403, loket.urls.handler404
handler500 = loket.urls.handler500


def assert_loket_page(response, status: int, language: str, *texts: str) -> str:
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in html
    assert 'class="lk-header"' in html and 'role="search"' in html  # the base layout, with search
    assert 'name="robots" content="noindex"' in html
    for text in texts:
        assert text in html
    return html


def test_a_missing_page_is_a_404_in_loket_layout_in_dutch_and_in_english(client, site):
    dutch = assert_loket_page(client.get("/bestaat-niet/"), 404, "nl", "Pagina niet gevonden", "Naar de startpagina")
    assert 'href="/"' in dutch
    english = assert_loket_page(client.get("/en/does-not-exist/"), 404, "en", "Page not found", "To the home page")
    assert 'href="/en/"' in english


def test_a_refused_form_is_a_403_that_says_the_form_expired(site):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/en/contact/email/", {"subject": "x"})
    assert_loket_page(response, 403, "en", "Your form has expired")
    assert_loket_page(browser.post("/contact/email/", {}), 403, "nl", "Uw formulier is verlopen")


@override_settings(ROOT_URLCONF=__name__)
def test_a_bug_is_a_500_page_in_loket_layout(site):
    browser = Client(raise_request_exception=False)
    assert_loket_page(browser.get("/boom/"), 500, "nl", "Er ging iets mis bij ons")


@override_settings(ROOT_URLCONF=__name__)
def test_the_database_away_is_still_a_503_to_try_again_shortly(site):
    browser = Client(raise_request_exception=False)
    response = browser.get("/database-gone/")
    assert response.status_code == 503 and response["Retry-After"] == errors.RETRY_AFTER
    assert errors.UNAVAILABLE["nl"] in response.content.decode()


@pytest.mark.parametrize(("status", "handler"), [(400, errors.bad_request), (403, errors.permission_denied)])
def test_400_and_403_are_loket_pages_too(rf, site, status, handler):
    request = rf.get("/")
    request.session = {}
    response = handler(request, Exception())
    assert response.status_code == status and b'class="lk-header"' in response.content


def test_when_the_layout_itself_fails_a_bare_page_in_the_same_words_answers(rf, monkeypatch):
    monkeypatch.setattr(errors, "render", lambda *args, **kwargs: 1 / 0)
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        assert sys.exc_info()[0] is RuntimeError
        response = errors.server_error(rf.get("/"))
    assert response.status_code == 500 and b"Er ging iets mis bij ons" in response.content


def test_api_paths_get_the_apis_error_form(client, site):
    response = client.get("/api/does-not-exist/")
    assert response.status_code == 404 and response.json()["code"] == "not-found"
