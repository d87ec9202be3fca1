import shutil

import pytest
import yaml

from loket import content
from loket.content import ContentError


def test_the_demo_site_and_the_toolkit_load_from_the_data_files():
    demo = content.demo()
    assert demo.home["nl"]["title"] == "Welkom bij Loket" and demo.home["en"]["title"] == "Welcome to Loket"
    assert [page["slug"] for page in demo.pages] == ["integriteit", "werken-met-ict", "contact"]
    integrity = demo.pages[0]
    assert integrity["slug_en"] == "integrity" and integrity["type"] == "index"
    assert integrity["children"][0]["slug"] == "sociale-media"
    assert sorted(demo.documents) == ["handreiking", "summerschool-presentatie", "summerschool-verslag", "visienota"]
    guidelines, dilemmas = content.guidelines(), content.dilemmas()
    assert len(guidelines) == 14 and guidelines[0]["code"] == "free-speech"
    assert len(dilemmas) == 17 and dilemmas[0]["slug"] == "kritiek-in-eigen-naam"
    for dilemma in dilemmas:
        assert [option["verdict"] for option in dilemma["options"]].count("recommended") == 1


def test_markdown_becomes_the_compact_html_of_wagtails_rich_text():
    social = content.demo().pages[0]["children"][0]
    kinds = [kind for kind, _ in social["nl"]["body"]]
    assert {"heading", "paragraph", "rules", "documents"} <= set(kinds)
    paragraph = next(value for kind, value in social["nl"]["body"] if kind == "paragraph" and "<ul>" in value)
    assert paragraph.startswith("<p>") and "\n" not in paragraph and "<ul><li>" in paragraph


@pytest.fixture
def files(tmp_path):
    """A copy of the content folder to break."""
    root = tmp_path / "content"
    shutil.copytree(content.ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def error(load, root):
    with pytest.raises(ContentError) as raised:
        load(root)
    return str(raised.value)


def test_a_guideline_without_a_field_names_the_file_and_field(files):
    edit_yaml(files / "guidelines/own-name.yaml", lambda data: data.pop("source"))
    assert error(content.guidelines, files).endswith("guidelines/own-name.yaml: source: is missing")
    edit_yaml(files / "guidelines/gifts.yaml", lambda data: data["en"].pop("title"))
    assert "guidelines/gifts.yaml: en.title: is missing" in error(content.guidelines, files)


def test_bad_yaml_names_the_file(files):
    (files / "dilemmas/boos-op-collega.yaml").write_text("order: 3\nnl: [not closed\n")
    message = error(content.dilemmas, files)
    assert "dilemmas/boos-op-collega.yaml: file: is not valid YAML" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["options"][1].update(verdict="good"), "options[1].verdict: 'good' is not one of recommended"),
        (lambda d: d["options"][0]["nl"].pop("feedback"), "options[0].nl.feedback: is missing"),
        (lambda d: d["options"][0].update(verdict="recommended"), "options: exactly one option must be 'recommended'"),
        (lambda d: d["options"][1].update(key=d["options"][0]["key"]), "options: two options have the same key"),
        (lambda d: d["guidelines"].append("no-such-code"), "guidelines: no guideline has the code 'no-such-code'"),
        (lambda d: d["en"].update(scenario=""), "en.scenario: must be a non-empty text"),
        (lambda d: d.update(order="first"), "order: must be a whole number"),
        (lambda d: d.update(options=d["options"][:1]), "options: a dilemma needs at least two options"),
    ],
)
def test_a_broken_dilemma_names_the_file_and_field(files, change, expected):
    edit_yaml(files / "dilemmas/kritiek-in-eigen-naam.yaml", change)
    assert f"dilemmas/kritiek-in-eigen-naam.yaml: {expected}" in error(content.dilemmas, files)


def test_a_broken_page_or_document_names_the_file_and_field(files):
    page = files / "pages/werken-met-ict.nl.md"
    original = page.read_text()

    page.write_text(original.replace("type: article", "type: blog"))
    assert "pages/werken-met-ict.nl.md: type: 'blog' is not one of index" in error(content.demo, files)
    page.write_text(original.removeprefix("---\n"))
    assert "pages/werken-met-ict.nl.md: front matter: the file must begin with YAML" in error(content.demo, files)
    page.write_text(original + "\n```slideshow\nimages: []\n```\n")
    assert "werken-met-ict.nl.md: ```slideshow block at line" in error(content.demo, files)
    line = original.splitlines().index("```callout") + 1
    assert f"werken-met-ict.nl.md: ```slideshow block at line {len(original.splitlines()) + 2}" in error(
        content.demo, files
    )
    page.write_text(original.replace("tone: warning", "tone: loud"))
    assert f"```callout block at line {line}.tone: 'loud' is not one of info, warning" in error(content.demo, files)
    page.write_text(original)

    (files / "pages/werken-met-ict.nl.md").rename(files / "pages/werken-met-ict.nl.md.old")
    assert "pages/werken-met-ict.en.md: file: has no Dutch page next to it" in error(content.demo, files)
    (files / "pages/werken-met-ict.nl.md.old").rename(files / "pages/werken-met-ict.nl.md")
    (files / "pages/werken-met-ict.en.md").unlink()
    assert "pages/werken-met-ict.en.md: file: is missing" in error(content.demo, files)
    shutil.copy(content.ROOT / "pages/werken-met-ict.en.md", files / "pages/werken-met-ict.en.md")

    (files / "documents/visienota.md").unlink()
    assert "integriteit/sociale-media.nl.md: ```documents block" in error(content.demo, files)
    assert "no document 'visienota' in documents/" in error(content.demo, files)
    (files / "documents/visienota.md").write_text("---\ntitle: Visienota\nfilename: visienota.doc\n---\n\nTekst.\n")
    assert "documents/visienota.md: filename: must end in .pdf" in error(content.demo, files)


def test_a_byte_order_mark_or_windows_line_ends_change_nothing(files):
    page = files / "pages/werken-met-ict.nl.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    guideline = files / "guidelines/gifts.yaml"
    guideline.write_bytes(b"\xef\xbb\xbf" + guideline.read_bytes())
    assert content.demo(files) == content.demo() and content.guidelines(files) == content.guidelines()


def test_an_unknown_field_is_named_not_silently_dropped(files):
    edit_yaml(files / "guidelines/gifts.yaml", lambda data: data.update(verison="2"))
    assert "guidelines/gifts.yaml: verison: is not a known field" in error(content.guidelines, files)
    edit_yaml(files / "guidelines/gifts.yaml", lambda data: data.pop("verison"))
    edit_yaml(files / "dilemmas/kritiek-in-eigen-naam.yaml", lambda d: d["options"][0]["en"].update(feedbak="x"))
    assert "kritiek-in-eigen-naam.yaml: options[0].en.feedbak: is not a known field" in error(content.dilemmas, files)
    page = files / "pages/werken-met-ict.nl.md"
    page.write_text(page.read_text().replace("type: article", "type: article\nsummary: kort"))
    assert "werken-met-ict.nl.md: front matter.summary: is not a known field" in error(content.demo, files)


def test_two_items_with_the_same_order_are_refused(files):
    order = yaml.safe_load((files / "dilemmas/kritiek-in-eigen-naam.yaml").read_text())["order"]
    edit_yaml(files / "dilemmas/boos-op-collega.yaml", lambda data: data.update(order=order))
    message = error(content.dilemmas, files)
    assert "order: " in message and "also the order of" in message and "dilemmas/" in message
