"""Loket's content as data files in this folder, and the one loader that reads and checks them.

- `pages/`: the demo site, one Markdown file with front matter per page and language (`<slug>.nl.md`,
  `<slug>.en.md`; a page with children is a folder whose own text is `_index.nl.md` and `_index.en.md`; the folder
  `pages/` itself is the home page).
- `documents/`: the demo documents, one Markdown file each (front matter: title, filename; the text follows).
- `guidelines/` and `dilemmas/`: the integrity toolkit, one YAML file per guideline or dilemma, both languages in it.

The loader returns plain dicts and lists, the shapes `knowledge.demo` and `guidance.actions` load into the database.
Any mistake raises `ContentError` naming the file and the field. docs/content.md describes the formats.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).parent
LANGUAGES = ("nl", "en")
PAGE_TYPES = ("index", "article", "guidance", "contact")
GUIDELINE_SOURCES = ("code", "guidelines", "ict-code")
VERDICTS = ("recommended", "acceptable", "risky")
CALLOUT_TONES = ("info", "warning")
CHANNEL_KINDS = ("email", "chat", "phone", "social")
INDEX = "_index"

_markdown = MarkdownIt("commonmark", {"html": False})
_fence = re.compile(r"^```(\w+)\n(.*?)^```\n?", re.DOTALL | re.MULTILINE)


class ContentError(ValueError):
    """A content file that cannot be loaded: names the file, the field and what is wrong."""

    def __init__(self, path: Path, field: str, problem: str):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        super().__init__(f"{shown}: {field}: {problem}")
        self.path, self.field, self.problem = path, field, problem


@dataclass(frozen=True)
class Demo:
    home: dict[str, dict[str, Any]]  # {"nl": {"title", "intro", "body"}, "en": {...}}
    pages: list[dict[str, Any]]  # [{"slug", "slug_en", "type", "nl", "en", "children": [...]}, ...]
    documents: dict[str, dict[str, str]]  # key -> {"title", "filename", "text"}


def demo(root: Path = ROOT) -> Demo:
    documents = {path.stem: _document(path) for path in sorted((root / "documents").glob("*.md"))}
    pages_root = root / "pages"
    home = {language: _page_text(pages_root / f"{INDEX}.{language}.md", documents, ())[1] for language in LANGUAGES}
    return Demo(home=home, pages=_children(pages_root, documents), documents=documents)


def guidelines(root: Path = ROOT) -> list[dict[str, Any]]:
    """Each guideline: code, source, version and per language a title, a text and examples; in their order."""
    items, paths = [], []
    for path in sorted((root / "guidelines").glob("*.yaml")):
        data = _yaml(path)
        _only(data, ("order", "source", "version", *LANGUAGES), path)
        item = {
            "code": path.stem,
            "order": _get(data, "order", int, path),
            "source": _choice(data, "source", GUIDELINE_SOURCES, path),
            "version": _get(data, "version", str, path),
        }
        for language in LANGUAGES:
            text = _get(data, language, dict, path)
            _only(text, ("title", "text", "examples"), path, language)
            item[language] = {
                "title": _get(text, "title", str, path, language),
                "text": _get(text, "text", str, path, language),
                "examples": _strings(text, "examples", path, language),
            }
        items.append(item)
        paths.append(path)
    return _ordered(items, paths)


def dilemmas(root: Path = ROOT, guideline_codes: set[str] | None = None) -> list[dict[str, Any]]:
    """Each dilemma: slug, the guideline codes it trains, title and scenario per language, and its options (key,
    verdict, and per language a text and feedback), exactly one of them recommended; in their order."""
    codes = guideline_codes if guideline_codes is not None else {g["code"] for g in guidelines(root)}
    items, paths = [], []
    for path in sorted((root / "dilemmas").glob("*.yaml")):
        data = _yaml(path)
        _only(data, ("order", "guidelines", "options", *LANGUAGES), path)
        item: dict[str, Any] = {"slug": path.stem, "order": _get(data, "order", int, path)}
        item["guidelines"] = _strings(data, "guidelines", path)
        for code in item["guidelines"]:
            if code not in codes:
                raise ContentError(path, "guidelines", f"no guideline has the code {code!r}")
        for language in LANGUAGES:
            text = _get(data, language, dict, path)
            _only(text, ("title", "scenario"), path, language)
            item[language] = {name: _get(text, name, str, path, language) for name in ("title", "scenario")}
        options = _get(data, "options", list, path)
        if len(options) < 2:
            raise ContentError(path, "options", "a dilemma needs at least two options")
        item["options"] = [_option(option, path, f"options[{n}]") for n, option in enumerate(options)]
        keys = [option["key"] for option in item["options"]]
        if len(set(keys)) != len(keys):
            raise ContentError(path, "options", f"two options have the same key: {keys}")
        if [option["verdict"] for option in item["options"]].count("recommended") != 1:
            raise ContentError(path, "options", "exactly one option must be 'recommended'")
        items.append(item)
        paths.append(path)
    return _ordered(items, paths)


def _option(data: object, path: Path, field: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ContentError(path, field, "must be a mapping (key, verdict, nl, en)")
    _only(data, ("key", "verdict", *LANGUAGES), path, field)
    option: dict[str, Any] = {"key": _get(data, "key", str, path, field), "verdict": None}
    if not 0 < len(option["key"]) <= 4:
        raise ContentError(path, f"{field}.key", "must be 1 to 4 characters")
    option["verdict"] = _choice(data, "verdict", VERDICTS, path, field)
    for language in LANGUAGES:
        text = _get(data, language, dict, path, field)
        where = f"{field}.{language}"
        _only(text, ("text", "feedback"), path, where)
        option[language] = {name: _get(text, name, str, path, where) for name in ("text", "feedback")}
    return option


# Pages and documents


def _children(folder: Path, documents: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """The pages in `folder`: `<slug>.nl.md` files and `<slug>/` folders, in the order their Dutch text gives."""
    slugs = {path.name.split(".")[0] for path in folder.glob("*.nl.md")} - {INDEX}
    slugs |= {path.name for path in folder.iterdir() if path.is_dir()}
    for stray in folder.glob("*.en.md"):
        if stray.name.split(".")[0] not in slugs | {INDEX}:
            raise ContentError(stray, "file", "has no Dutch page next to it (the Dutch file is the page)")
    pages, paths = [], []
    for slug in sorted(slugs):
        own = folder / slug
        base = own / INDEX if own.is_dir() else own
        dutch_path, english_path = Path(f"{base}.nl.md"), Path(f"{base}.en.md")
        meta, dutch = _page_text(dutch_path, documents, ("order", "type"))
        english_meta, english = _page_text(english_path, documents, ("slug",))
        pages.append(
            {
                "order": _get(meta, "order", int, dutch_path),
                "slug": slug,
                "slug_en": _get(english_meta, "slug", str, english_path),
                "type": _choice(meta, "type", PAGE_TYPES, dutch_path),
                "nl": dutch,
                "en": english,
                "children": _children(own, documents) if own.is_dir() else [],
            }
        )
        paths.append(dutch_path)
    return _ordered(pages, paths)


def _page_text(
    path: Path, documents: dict[str, dict[str, str]], own_fields: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, Any]]:
    meta, body, first_line = _front_matter(path)
    _only(meta, ("title", "intro", *own_fields), path, "front matter")
    text = {"title": _get(meta, "title", str, path), "intro": _get(meta, "intro", str, path)}
    return meta, {**text, "body": _blocks(body, first_line, path, documents)}


def _document(path: Path) -> dict[str, str]:
    meta, text, _ = _front_matter(path)
    _only(meta, ("title", "filename"), path, "front matter")
    filename = _get(meta, "filename", str, path)
    if not filename.endswith(".pdf"):
        raise ContentError(path, "filename", "must end in .pdf")
    try:
        text.encode("latin-1")  # the demo's PDFs are written in Helvetica's Latin-1
    except UnicodeEncodeError as error:
        raise ContentError(path, "text", f"{text[error.start : error.end]!r} is not a Latin-1 character") from None
    return {"title": _get(meta, "title", str, path), "filename": filename, "text": text.strip()}


def _front_matter(path: Path) -> tuple[dict[str, Any], str, int]:
    """A file that opens with YAML between two `---` lines, then Markdown: (YAML, Markdown, Markdown's first line)."""
    source = _read(path)
    opening, separator, rest = source.partition("---\n")
    meta_text, closing, body = rest.partition("\n---\n")
    if opening or not separator or not closing:
        raise ContentError(path, "front matter", "the file must begin with YAML between two '---' lines")
    meta = _parse_yaml(meta_text, path, "front matter")
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter", "must be a YAML mapping")
    return meta, body, meta_text.count("\n") + 4


def _blocks(body: str, first_line: int, path: Path, documents: dict[str, dict[str, str]]) -> list[tuple[str, Any]]:
    """A page's Markdown as Wagtail blocks: `## ` lines are headings, ```callout (or channel, rules, documents)
    fences hold a block's fields as YAML, and the Markdown between them is a paragraph block."""
    blocks: list[tuple[str, Any]] = []
    position = 0
    for fence in [*_fence.finditer(body), None]:
        prose = body[position : fence.start() if fence else len(body)]
        parts = re.split(r"^## (.+)$", prose, flags=re.MULTILINE)
        for index, part in enumerate(parts):
            if index % 2:
                blocks.append(("heading", part.strip()))
            elif part.strip():
                blocks.append(("paragraph", _html(part)))
        if fence is None:
            break
        kind, line = fence.group(1), first_line + body.count("\n", 0, fence.start())
        field = f"```{kind} block at line {line}"
        blocks.append((kind, _block(kind, _parse_yaml(fence.group(2), path, field), path, field, documents)))
        position = fence.end()
    return blocks


def _block(kind: str, value: Any, path: Path, field: str, documents: dict[str, dict[str, str]]) -> Any:
    if kind == "callout":
        _need(value, dict, path, field)
        _only(value, ("tone", "title", "text"), path, field)
        return {
            "tone": _choice(value, "tone", CALLOUT_TONES, path, field),
            "title": _get(value, "title", str, path, field),
            "text": _html(_get(value, "text", str, path, field)),
        }
    if kind == "channel":
        _need(value, dict, path, field)
        _only(value, ("kind", "title", "text", "link"), path, field)
        channel = {name: _get(value, name, str, path, field) for name in ("kind", "title", "text", "link")}
        return {**channel, "kind": _choice(value, "kind", CHANNEL_KINDS, path, field)}
    if kind == "rules":
        _need(value, list, path, field)
        for rule in value:
            _need(rule, dict, path, f"{field}: a rule")
            _only(rule, ("title", "text"), path, f"{field}: a rule")
        return [{name: _get(rule, name, str, path, field) for name in ("title", "text")} for rule in value]
    if kind == "documents":
        _need(value, list, path, field)
        for key in value:
            if not isinstance(key, str) or key not in documents:
                raise ContentError(path, field, f"no document {key!r} in documents/")
        return value
    raise ContentError(path, field, "unknown block: use callout, channel, rules or documents")


def _html(markdown: str) -> str:
    """Markdown as the compact HTML Wagtail's rich text keeps (no line breaks between tags)."""
    return re.sub(r">\n+<", "><", _markdown.render(markdown).strip())


# Reading and checking


def _read(path: Path) -> str:
    try:
        # A byte-order mark (some Windows editors write one) and Windows line ends read as if they were not there.
        return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except FileNotFoundError:
        raise ContentError(path, "file", "is missing") from None
    except UnicodeDecodeError:
        raise ContentError(path, "file", "is not UTF-8 text") from None


def _yaml(path: Path) -> dict[str, Any]:
    data = _parse_yaml(_read(path), path, "file")
    if not isinstance(data, dict):
        raise ContentError(path, "file", "must be a YAML mapping")
    return data


def _parse_yaml(text: str, path: Path, field: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentError(path, field, f"is not valid YAML ({' '.join(str(error).split())})") from None


_KINDS = {str: "a non-empty text", int: "a whole number", dict: "a mapping", list: "a list"}


def _get(data: dict[str, Any], name: str, kind: type, path: Path, within: str = "") -> Any:
    field = f"{within}.{name}" if within else name
    if name not in data:
        raise ContentError(path, field, "is missing")
    value = data[name]
    if not isinstance(value, kind) or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        raise ContentError(path, field, f"must be {_KINDS[kind]}")
    return value


def _need(value: object, kind: type, path: Path, field: str) -> None:
    if not isinstance(value, kind):
        raise ContentError(path, field, f"must be {_KINDS[kind]}")


def _choice(data: dict[str, Any], name: str, choices: tuple[str, ...], path: Path, within: str = "") -> str:
    value: str = _get(data, name, str, path, within)
    if value not in choices:
        field = f"{within}.{name}" if within else name
        raise ContentError(path, field, f"{value!r} is not one of {', '.join(choices)}")
    return value


def _strings(data: dict[str, Any], name: str, path: Path, within: str = "") -> list[str]:
    values: list[Any] = _get(data, name, list, path, within)
    if not all(isinstance(value, str) and value.strip() for value in values):
        raise ContentError(path, f"{within}.{name}" if within else name, "must be a list of texts")
    return values


def _only(data: dict[str, Any], known: tuple[str, ...], path: Path, within: str = "") -> None:
    """A field the loader does not know is a typo (`verison:`) whose value would be silently lost."""
    for name in data:
        if name not in known:
            field = f"{within}.{name}" if within else str(name)
            raise ContentError(path, field, f"is not a known field (known: {', '.join(known)})")


def _ordered(items: list[dict[str, Any]], paths: list[Path]) -> list[dict[str, Any]]:
    """Sorted by their `order` field, which is then dropped (the position in the list is the order); two items with
    the same `order` would come in an order nobody chose."""
    seen: dict[int, Path] = {}
    for item, path in zip(items, paths, strict=True):
        if item["order"] in seen:
            raise ContentError(path, "order", f"{item['order']} is also the order of {seen[item['order']].name}")
        seen[item["order"]] = path
    return [{k: v for k, v in item.items() if k != "order"} for item in sorted(items, key=lambda i: i["order"])]
