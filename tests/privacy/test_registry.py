"""The registry covers every model, the record of processing is what it says, and no two apps import each other."""

import ast
import itertools
from collections import defaultdict
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from loket.privacy import record
from loket.privacy.registry import kinds, without_personal_data

ROOT = Path(__file__).resolve().parents[2]


def loket_models() -> set[str]:
    found = {m._meta.label_lower for m in apps.get_models() if m.__module__.startswith("loket.")}
    return found | {get_user_model()._meta.label_lower}  # staff accounts: Django's model, Loket's data


def test_every_model_is_registered_or_declared_without_personal_data():
    declared = {kind.name for kind in kinds()} | set(without_personal_data())
    assert sorted(loket_models() - declared) == [], "declare it in the app's privacy.py (register or no_personal_data)"
    assert not {kind.name for kind in kinds()} & set(without_personal_data())
    assert sorted(set(without_personal_data()) - loket_models()) == [], "declared, but not a model (any more)"


def test_every_registered_kind_says_what_why_who_and_how_long():
    for kind in kinds():
        assert kind.what and kind.why and kind.who and kind.kept_for(), kind.name
        assert all(hasattr(kind.model, field) for field in kind.fields), kind.name


def test_the_record_of_processing_is_generated_from_the_registry(settings):
    # The committed record shows the defaults (README's configuration table); `loket privacy record` on a server
    # shows that server's periods.
    settings.LOKET_RETENTION_DAYS, settings.LOKET_SEARCH_LOG_DAYS, settings.LOKET_AUDIT_RETENTION_DAYS = 365, 90, 730
    text = record.generate()
    assert (ROOT / "docs" / "privacy.md").read_text() == text, "run: loket privacy record --out docs/privacy.md"
    for kind in kinds():
        assert f"`{kind.name}`" in text


def app_imports() -> dict[str, set[tuple[str, str]]]:
    """app -> {(imported app, importing module)}: every `import loket.x…` in src/loket, inside functions too."""
    source = ROOT / "src" / "loket"
    app_names = {path.name for path in source.iterdir() if (path / "apps.py").exists()}
    edges: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in source.rglob("*.py"):
        parts = path.relative_to(source).parts
        if parts[0] not in app_names or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                target = name.split(".")
                if target[0] == "loket" and len(target) > 1 and target[1] in app_names and target[1] != parts[0]:
                    edges[parts[0]].add((target[1], "/".join(parts)))
    return edges


def circles(edges: dict[str, set[tuple[str, str]]]) -> list[list[str]]:
    graph = {app: {target for target, _ in targets} for app, targets in edges.items()}
    found, path = [], []

    def visit(app: str) -> None:
        if app in path:
            found.append([*path[path.index(app) :], app])
            return
        path.append(app)
        for target in sorted(graph.get(app, ())):
            visit(target)
        path.pop()

    for app in sorted(graph):
        visit(app)
    return found


def test_no_import_circle_between_apps():
    edges = app_imports()
    assert ("privacy", "contact/privacy.py") in edges["contact"]  # the reader sees what it should
    found = circles(edges)
    where = {f"{a}->{b}": sorted(m for t, m in edges[a] if t == b) for c in found for a, b in itertools.pairwise(c)}
    assert found == [], where


@pytest.mark.parametrize(
    ("edges", "expected"),
    [({"a": {("b", "")}, "b": {("a", "")}}, True), ({"a": {("b", "")}, "b": {("c", "")}}, False)],
)
def test_the_circle_finder_finds_circles(edges, expected):
    assert bool(circles(edges)) is expected
