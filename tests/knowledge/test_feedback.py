import pytest
from django.contrib.auth import get_user_model

from loket.knowledge.models import Feedback

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.fixture
def page(site):
    return site["guidance"]


def vote(client, page, answer, **extra):
    return client.post(f"/feedback/{page.id}/", {"useful": answer}, **FETCH, **extra)


def test_a_useful_vote_is_stored_and_thanked(client, page):
    response = vote(client, page, "yes")
    assert response.status_code == 200
    assert "Bedankt voor uw feedback" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.useful, feedback.language) == (page.id, True, "nl")


def test_not_useful_asks_for_a_comment_and_keeps_it(client, page):
    html = vote(client, page, "no").content.decode()
    assert 'name="comment"' in html
    response = client.post(f"/feedback/{page.id}/comment/", {"comment": "Ik zocht de regels voor LinkedIn."}, **FETCH)
    assert response.status_code == 200
    assert "Bedankt voor uw opmerking" in response.content.decode()
    assert Feedback.objects.get().comment == "Ik zocht de regels voor LinkedIn."


def test_the_page_remembers_the_answer_of_this_browser_session(client, page):
    vote(client, page, "yes")
    html = client.get(page.url).content.decode()
    assert "Was deze pagina nuttig?" not in html
    assert "Fijn dat deze pagina u geholpen heeft." in html


def test_one_vote_per_page_per_browser_session(client, page):
    vote(client, page, "yes")
    second = vote(client, page, "no")
    assert second.status_code == 409
    assert "U hebt voor deze pagina al geantwoord" in second.content.decode()
    assert Feedback.objects.count() == 1


def test_another_browser_session_can_vote_too(client, page, client_class):
    vote(client, page, "yes")
    vote(client_class(), page, "no")
    assert sorted(Feedback.objects.values_list("useful", flat=True)) == [False, True]


def test_a_too_long_comment_is_refused_with_the_text_kept(client, page):
    vote(client, page, "no")
    long_comment = "Te lang. " * 200
    response = client.post(f"/feedback/{page.id}/comment/", {"comment": long_comment}, **FETCH)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Houd het onder 1000 tekens" in html
    assert long_comment.strip() in html
    assert Feedback.objects.get().comment == ""


def test_a_comment_is_shown_escaped_to_editors(client, page, admin_client):
    vote(client, page, "no")
    client.post(f"/feedback/{page.id}/comment/", {"comment": "<script>alert('x')</script>"}, **FETCH)
    html = admin_client.get("/admin/feedback/").content.decode()
    assert "<script>alert(&#x27;x&#x27;)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_comment_without_a_vote_is_refused(client, page):
    response = client.post(f"/feedback/{page.id}/comment/", {"comment": "Zomaar"}, **FETCH)
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_a_comment_is_only_for_pages_that_were_not_useful(client, page):
    vote(client, page, "yes")
    response = client.post(f"/feedback/{page.id}/comment/", {"comment": "Toch nog iets"}, **FETCH)
    assert response.status_code == 409
    assert Feedback.objects.get().comment == ""


def test_an_invalid_answer_is_explained(client, page):
    response = vote(client, page, "misschien")
    assert response.status_code == 400
    assert "Kies ja of nee." in response.content.decode()


def test_without_javascript_the_visitor_returns_to_the_page(client, page):
    response = client.post(f"/feedback/{page.id}/", {"useful": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#feedback"


def test_feedback_is_rate_limited_per_address(client_class, page, settings):
    settings.LOKET_RATE_LIMITS = {**settings.LOKET_RATE_LIMITS, "feedback": (2, 600)}
    statuses = [vote(client_class(), page, "yes", REMOTE_ADDR="198.51.100.7").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert Feedback.objects.count() == 2


def test_feedback_needs_a_csrf_token(page):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(f"/feedback/{page.id}/", {"useful": "yes"})
    assert response.status_code == 403


def test_feedback_on_an_unpublished_page_is_not_found(client, page):
    page.unpublish()
    assert vote(client, page, "yes").status_code == 404


def test_editors_see_each_pages_score_and_comments(client_class, site, admin_client):
    for answer in ("yes", "no", "no"):
        vote(client_class(), site["guidance"], answer)
    commenter = client_class()
    vote(commenter, site["article"], "no")
    commenter.post(f"/feedback/{site['article'].id}/comment/", {"comment": "Welke waarde is laag?"}, **FETCH)

    scores = admin_client.get("/admin/reports/feedback/").content.decode()
    assert "Sociale media" in scores and "Geschenken" in scores
    assert scores.index("Sociale media") < scores.index("Geschenken")  # the least useful first
    listing = admin_client.get("/admin/feedback/").content.decode()
    assert "Welke waarde is laag?" in listing


def test_an_editor_in_wagtails_editors_group_reads_feedback_but_cannot_invent_it(client, page):
    from django.contrib.auth.models import Group

    vote(client, page, "yes")
    editor = get_user_model().objects.create_user("redacteur", password="x")
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    assert client.get("/admin/reports/feedback/").status_code == 200
    assert "Sociale media" in client.get("/admin/feedback/").content.decode()
    assert client.get("/admin/feedback/new/").status_code in (302, 403)


def test_visitors_cannot_see_the_feedback_admin(client, site):
    assert client.get("/admin/feedback/").status_code == 302
    editor = get_user_model().objects.create_user("bezoeker", password="x")
    client.force_login(editor)
    assert client.get("/admin/reports/feedback/").status_code in (302, 403)


def test_the_csv_export_writes_formula_like_comments_as_text(client, page):
    from loket.knowledge.models import Feedback

    vote(client, page, "no")
    Feedback.objects.update(comment='=HYPERLINK("https://evil.example","klik")')
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(superuser)
    export = b"".join(client.get("/admin/feedback/?export=csv").streaming_content).decode()
    assert "'=HYPERLINK(" in export and ",=HYPERLINK(" not in export and '"=HYPERLINK(' not in export
