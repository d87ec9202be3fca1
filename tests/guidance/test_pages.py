import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils.html import escape

from loket.guidance.models import Answer, Dilemma, Guideline


def test_loading_the_content_twice_adds_nothing_and_keeps_editors_changes(guidance):
    from loket.guidance import actions

    guideline = Guideline.objects.get(code="own-name")
    guideline.title_nl = "Aangepast door de redactie"
    guideline.save()
    assert actions.load_guidance_content() == 0
    assert Guideline.objects.get(code="own-name").title_nl == "Aangepast door de redactie"
    assert Guideline.objects.count() == 14
    assert Dilemma.objects.count() >= 12
    assert all(d.guidelines.exists() for d in Dilemma.objects.all())


def test_the_guidelines_page_lists_every_guideline_with_an_anchor(client, guidance):
    html = client.get("/richtlijnen/").content.decode()
    for guideline in Guideline.objects.all():
        assert f'id="{guideline.code}"' in html
        assert guideline.title_nl in html


def test_the_check_page_marks_the_risky_words_and_links_the_guideline(client, guidance):
    response = client.post("/richtlijnen/nakijken/", {"text": "Mijn baas is een idioot.", "account": "private"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<mark class="lk-finding lk-finding--risk">idioot' in html
    assert "Respect en loyauteit" in html
    assert 'href="/richtlijnen/#loyalty"' in html


def test_a_fixed_post_passes(client, guidance):
    html = client.post(
        "/richtlijnen/nakijken/", {"text": "Ik ben het niet eens met mijn baas.", "account": "private"}
    ).content.decode()
    assert "Niets gevonden dat botst met de richtlijnen" in html


def test_user_text_is_escaped_in_the_result(client, guidance):
    html = client.post(
        "/richtlijnen/nakijken/", {"text": "<script>alert(1)</script> idioot baas", "account": "private"}
    ).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_bad_check_form_keeps_the_text_and_explains(client, guidance):
    response = client.post("/richtlijnen/nakijken/", {"text": "Mijn tekst", "account": "private", "at": "morgen"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Geef een datum en een uur" in html
    assert "Mijn tekst</textarea>" in html
    too_long = client.post("/richtlijnen/nakijken/", {"text": "x" * 10_001, "account": "private"})
    assert "hoogstens 10000 tekens" in too_long.content.decode()


def test_answering_a_dilemma_shows_feedback_records_it_anonymously_and_keeps_progress(client, guidance):
    dilemma = Dilemma.objects.first()
    risky = dilemma.options.filter(verdict="risky").first()
    response = client.post(f"/richtlijnen/dilemmas/{dilemma.slug}/", {"option": risky.key})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Riskant" in html
    assert escape(risky.feedback_nl) in html
    assert Answer.objects.get().verdict == "risky"
    assert (
        f"U beantwoordde 1 van {Dilemma.objects.count()} dilemma"
        in client.get("/richtlijnen/dilemmas/").content.decode()
    )


def test_an_unknown_option_is_refused(client, guidance):
    dilemma = Dilemma.objects.first()
    response = client.post(f"/richtlijnen/dilemmas/{dilemma.slug}/", {"option": "zz"})
    assert response.status_code == 400
    assert "Kies een van de antwoorden" in response.content.decode()
    assert not Answer.objects.exists()


def test_the_trainer_speaks_english_under_en(client, guidance):
    dilemma = Dilemma.objects.first()
    html = client.get(f"/en/guidelines/dilemmas/{dilemma.slug}/").content.decode()
    assert dilemma.title_en in html


@pytest.fixture
def integrity_officer(client, guidance):
    user = get_user_model().objects.create_user("integriteit", password="x")
    user.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    client.force_login(user)
    return user


def test_the_integrity_office_sees_which_dilemmas_are_answered_riskily(client, integrity_officer):
    first, second = Dilemma.objects.all()[:2]
    for dilemma, verdicts in ((first, ["risky", "risky", "recommended"]), (second, ["recommended"])):
        for verdict in verdicts:
            option = dilemma.options.filter(verdict=verdict).first()
            Answer.objects.create(dilemma=dilemma, option=option.key, verdict=verdict)
    html = client.get("/richtlijnen/statistieken/").content.decode()
    assert html.index(first.title_nl) < html.index(second.title_nl)
    assert "67%" in html
    csv = client.get("/richtlijnen/statistieken/", {"format": "csv"})
    rows = csv.content.decode().splitlines()
    assert rows[0] == "dilemma,title,answers,risky answers,risky share"
    assert rows[1].startswith(f"{first.slug},") and rows[1].endswith(",3,2,0.67")


def test_statistics_need_the_permission(client, guidance):
    assert client.get("/richtlijnen/statistieken/").status_code == 302
    client.force_login(get_user_model().objects.create_user("bezoeker", password="x"))
    assert client.get("/richtlijnen/statistieken/").status_code == 403


def test_a_dilemma_without_a_recommended_option_or_any_option_still_opens(client, guidance):
    dilemma = Dilemma.objects.first()
    risky = dilemma.options.filter(verdict="risky").first()
    dilemma.options.filter(verdict="recommended").delete()  # an editor is still writing it
    client.post(f"/richtlijnen/dilemmas/{dilemma.slug}/", {"option": risky.key})
    html = client.get(f"/richtlijnen/dilemmas/{dilemma.slug}/").content.decode()
    assert "Riskant" in html and "Aanbevolen" not in html
    dilemma.options.all().delete()
    response = client.get(f"/richtlijnen/dilemmas/{dilemma.slug}/")
    assert response.status_code == 200 and 'name="option"' not in response.content.decode()
