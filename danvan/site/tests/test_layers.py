"""Imports run one way: lib -> core -> {accounts, org, notifications} -> {plans, reporting, events,
recognition} -> site. This walks every module under danvan/ with `ast` (module-level and function-level
imports alike: an import inside a function is still a dependency) and fails on each import that runs back up.

Test code (danvan/testing and every tests/ package) may import anything: a ground-floor test builds its
fixtures from the canonical cast of units and users, and that is not a dependency of the shipped code.
Migrations are skipped: Django resolves their cross-app references by app label, not by import.
"""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = "danvan"
ROOT = Path(__file__).resolve().parents[2]  # danvan/

LAYERS = {
    "lib": 0,
    "core": 1,
    "accounts": 2,
    "org": 2,
    "notifications": 2,
    "plans": 3,
    "reporting": 3,
    "events": 3,
    "recognition": 3,
    "citizens": 3,
    "site": 4,
}
TEST_HELPERS = {"testing"}

# Imports allowed to run back up, each with its reason. None: the plan-document dataclasses live in
# lib/plandoc.py, so lib/officialdoc/plan.py no longer reads plans.
ALLOWED_UPWARD: set[tuple[str, str]] = set()


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_test_code(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return parts[0] in TEST_HELPERS or "tests" in parts or path.name == "conftest.py"


def _imported_modules(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of every import anywhere in the module, relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from danvan import org` names the app in the alias, not in the module.
            if target == PACKAGE:
                found.extend((node.lineno, f"{PACKAGE}.{alias.name}") for alias in node.names)
    return found


def _app_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == PACKAGE else None


def import_edges(root: Path = ROOT):
    """Every import from one danvan app to another: (file, line, from_app, to_app, imported module)."""
    edges = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if "migrations" in relative.parts or _is_test_code(path, root):
            continue
        source_app = relative.parts[0] if len(relative.parts) > 1 else None
        if source_app is None:
            continue
        module = _module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, target in _imported_modules(tree, module, path.name == "__init__.py"):
            target_app = _app_of(target)
            if target_app and target_app != source_app:
                edges.append((relative.as_posix(), line, source_app, target_app, target))
    return edges


def upward_imports(root: Path = ROOT) -> list[str]:
    problems = []
    for file, line, source, target, name in import_edges(root):
        if source not in LAYERS:
            problems.append(f"{file}:{line}: app «{source}» has no layer (add it to LAYERS)")
        elif target in TEST_HELPERS:
            problems.append(f"{file}:{line}: shipped code imports the test helpers ({name})")
        elif target not in LAYERS:
            problems.append(f"{file}:{line}: imports «{name}», an app with no layer")
        elif LAYERS[target] > LAYERS[source] and (file, target) not in ALLOWED_UPWARD:
            problems.append(
                f"{file}:{line}: {source} (layer {LAYERS[source]}) imports {name} (layer {LAYERS[target]})"
            )
    return problems


def same_layer_cycles(root: Path = ROOT) -> list[str]:
    """Imports between apps of one layer are allowed only one way: list every edge that lies on a cycle."""
    graph: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for file, line, source, target, _name in import_edges(root):
        if source in LAYERS and target in LAYERS and LAYERS[source] == LAYERS[target]:
            graph[source].add(target)
            where[(source, target)].append(f"{file}:{line}")

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(graph[node])
        return False

    return [
        f"{source} -> {target} closes a cycle: {', '.join(where[(source, target)])}"
        for source in sorted(graph)
        for target in sorted(graph[source])
        if reaches(target, source)
    ]


def test_no_import_runs_back_up():
    problems = upward_imports()
    assert not problems, "Imports that run back up the layers:\n" + "\n".join(problems)


def test_apps_of_one_layer_import_each_other_one_way_only():
    cycles = same_layer_cycles()
    assert not cycles, "Import cycles between apps of one layer:\n" + "\n".join(cycles)


def test_the_checker_sees_relative_function_level_and_upward_imports(tmp_path):
    """The walk itself: a fake tree with one import of each shape the real code uses."""
    package = tmp_path / PACKAGE
    for folder in ("core", "org", "accounts", "lib", "plans", "core/tests", "core/migrations"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "core" / "views.py").write_text("def view():\n    from ..org import models\n")
    (package / "lib" / "text.py").write_text("import danvan.plans.models\n")
    (package / "org" / "forms.py").write_text("from danvan.accounts.models import User\n")
    (package / "accounts" / "forms.py").write_text("from danvan import org\n")
    (package / "core" / "tests" / "test_x.py").write_text("from danvan.plans import models\n")
    (package / "core" / "migrations" / "0001.py").write_text("from danvan.plans import models\n")
    upward = upward_imports(package)
    assert upward == [
        "core/views.py:2: core (layer 1) imports danvan.org (layer 2)",
        "lib/text.py:1: lib (layer 0) imports danvan.plans.models (layer 3)",
    ]
    assert same_layer_cycles(package) == [
        "accounts -> org closes a cycle: accounts/forms.py:1",
        "org -> accounts closes a cycle: org/forms.py:1",
    ]
