import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from loket import content
from loket.guidance import actions
from loket.guidance.models import Dilemma, Guideline, Option


def as_in_the_files(option):
    texts = {lang: {name: getattr(option, f"{name}_{lang}") for name in ("text", "feedback")} for lang in ("nl", "en")}
    return {"key": option.key, "verdict": option.verdict, **texts}


def form_fields(option):
    fields = ("id", "key", "verdict", "text_nl", "text_en", "feedback_nl", "feedback_en")
    return {field: getattr(option, "pk" if field == "id" else field) for field in fields}


def test_the_dilemmas_and_their_options_come_from_the_files_in_order(guidance):
    for spec, dilemma in zip(content.dilemmas(), Dilemma.objects.all(), strict=True):
        assert dilemma.slug == spec["slug"]
        assert set(dilemma.guidelines.values_list("code", flat=True)) == set(spec["guidelines"])
        assert [as_in_the_files(option) for option in dilemma.options.all()] == spec["options"]


def test_reloading_keeps_what_editors_changed_in_the_options_and_restores_a_deleted_dilemma(guidance):
    dilemma = Dilemma.objects.get(slug="boos-op-collega")
    first = dilemma.options.first()
    first.feedback_nl = "Aangepast door de redactie"
    first.save()
    dilemma.options.last().delete()
    left = dilemma.options.count()
    Dilemma.objects.get(slug="kritiek-in-eigen-naam").delete()

    assert actions.load_guidance_content() == 1  # only the deleted dilemma
    assert Option.objects.get(pk=first.pk).feedback_nl == "Aangepast door de redactie"
    assert dilemma.options.count() == left
    restored = Dilemma.objects.get(slug="kritiek-in-eigen-naam")
    assert [o.key for o in restored.options.all()] == ["a", "b", "c"]
    assert actions.load_guidance_content() == 0


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("redactie", password="pw-long-enough-123"))
    return client


def edit_form(dilemma, options):
    data = {
        "slug": dilemma.slug, "sort_order": dilemma.sort_order,
        **{f"{name}_{lang}": getattr(dilemma, f"{name}_{lang}") for name in ("title", "scenario")
           for lang in ("nl", "en")},
        "guidelines": list(dilemma.guidelines.values_list("pk", flat=True)),
        "options-TOTAL_FORMS": len(options), "options-INITIAL_FORMS": dilemma.options.count(),
        "options-MIN_NUM_FORMS": 2, "options-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for n, option in enumerate(options):
        data |= {f"options-{n}-{field}": value for field, value in option.items()}
        data[f"options-{n}-ORDER"] = n + 1
    return data


def test_an_editor_changes_adds_and_removes_options_with_fields_in_the_admin(admin_client, guidance):
    dilemma = Dilemma.objects.get(slug="boos-op-collega")
    url = f"/admin/snippets/guidance/dilemma/edit/{dilemma.pk}/"
    page = admin_client.get(url).content.decode()
    assert 'name="options-0-verdict"' in page and 'name="options-0-feedback_en"' in page
    assert 'name="options"' not in page  # no JSON field any more

    kept = [form_fields(option) for option in dilemma.options.all()]
    kept[0]["feedback_en"] = "Rewritten by an editor."
    kept[-1]["DELETE"] = "1"
    new = {"id": "", "key": "z", "verdict": "acceptable", "text_nl": "Nieuw antwoord", "text_en": "New answer",
           "feedback_nl": "Nieuwe uitleg", "feedback_en": "New feedback"}  # fmt: skip
    guidelines = set(dilemma.guidelines.values_list("code", flat=True))
    response = admin_client.post(url, edit_form(dilemma, [*kept, new]))
    assert response.status_code == 302, response.content.decode()[:3000]

    options = list(Dilemma.objects.get(pk=dilemma.pk).options.all())
    assert [o.key for o in options] == [o["key"] for o in kept[:-1]] + ["z"]
    assert options[0].feedback_en == "Rewritten by an editor."
    assert options[-1].verdict == "acceptable" and options[-1].text_nl == "Nieuw antwoord"
    assert set(dilemma.guidelines.values_list("code", flat=True)) == guidelines  # unchanged


def test_the_admin_refuses_a_dilemma_without_exactly_one_recommended_option(admin_client, guidance):
    dilemma = Dilemma.objects.get(slug="boos-op-collega")
    options = [form_fields(option) for option in dilemma.options.all()]
    for option in options:
        option["verdict"] = "acceptable" if option["verdict"] == "recommended" else option["verdict"]
    response = admin_client.post(f"/admin/snippets/guidance/dilemma/edit/{dilemma.pk}/", edit_form(dilemma, options))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Exactly one option must be recommended" in html or "Precies één antwoordmogelijkheid" in html
    assert dilemma.options.filter(verdict="recommended").count() == 1


def test_an_unknown_verdict_is_refused_in_the_admin(admin_client, guidance):
    dilemma = Dilemma.objects.get(slug="boos-op-collega")
    options = [form_fields(option) for option in dilemma.options.all()]
    options[0]["verdict"] = "good"
    response = admin_client.post(f"/admin/snippets/guidance/dilemma/edit/{dilemma.pk}/", edit_form(dilemma, options))
    assert response.status_code == 200
    assert Dilemma.objects.get(pk=dilemma.pk).options.first().verdict != "good"


OLD = ("guidance", "0002_alter_answer_options_alter_dilemma_options_and_more")


def test_the_migration_turns_the_json_options_into_rows_without_loss_and_back(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate([OLD])
    old_apps = executor.loader.project_state([OLD]).apps
    spec = content.dilemmas()[0]
    texts = {f"{name}_{lang}": spec[lang][name] for name in ("title", "scenario") for lang in ("nl", "en")}
    stored = old_apps.get_model("guidance", "Dilemma").objects.create(
        slug=spec["slug"], sort_order=3, options=spec["options"], **texts
    )
    dutch_only = [{"key": "x", "verdict": "recommended", "nl": {"text": "Alleen Nederlands", "feedback": "Uitleg"}},
                  {"key": "y", "verdict": "risky", "nl": {"text": "Nog een", "feedback": "Meer uitleg"}}]  # fmt: skip
    old_apps.get_model("guidance", "Dilemma").objects.create(slug="oud", options=dutch_only, **texts)
    old_apps.get_model("guidance", "Answer").objects.create(dilemma_id=stored.pk, option="a", verdict="risky")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    dilemma = Dilemma.objects.get(slug=spec["slug"])
    assert [as_in_the_files(option) for option in dilemma.options.all()] == spec["options"]
    assert dilemma.answers.get().option == "a"
    assert [(o.text_nl, o.text_en) for o in Dilemma.objects.get(slug="oud").options.all()] == [
        ("Alleen Nederlands", "Alleen Nederlands"),
        ("Nog een", "Nog een"),
    ]  # as the trainer showed them in English: the Dutch text

    executor = MigrationExecutor(connection)
    executor.migrate([OLD])
    back = executor.loader.project_state([OLD]).apps.get_model("guidance", "Dilemma").objects.get(slug=spec["slug"])
    assert back.options == spec["options"]
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Guideline.objects.count() == 0  # (the migrations add no content: `loket serve` does)
