"""The layout figures of issue 9 for a source tree: `.venv/bin/python -m bench.layout [TREE ...]`.

For each tree (default: this checkout) it prints modules over 400 and 600 lines, the longest function, the
import arrows that run back up the layers, files named `<layer>_<topic>.py`, repeated blocks of six or more
lines outside migrations, and the mypy errors on danvan/lib and danvan/core. Another checkout (an older
commit in a `git worktree`) is measured with this checkout's rules, so the figures compare like with like.

Counted as code: every .py file under danvan/ except migrations, tests/ packages, conftest.py and the test
helpers in danvan/testing. The layer walk is the one of danvan/site/tests/test_layers.py (imported here), so
the figure is what that test sees; arrows it tolerates are counted too and shown apart.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from danvan.site.tests.test_layers import ALLOWED_UPWARD, LAYERS, import_edges, same_layer_cycles

HERE = Path(__file__).resolve().parents[1]
LAYER_FILES = ("models", "services", "selectors", "policy", "forms", "views", "urls", "tasks", "documents")
LAYER_SUFFIX = re.compile(rf"^(?:{'|'.join(LAYER_FILES)})_\w+\.py$")
DUPLICATES_COUNT = re.compile(r"^(\d+) pairs? of places")
DUPLICATES_ROW = re.compile(r"^D\d+ (\S+?):\d+-\d+ ~ (\S+?):\d+-\d+")
MYPY_FOUND = re.compile(r"^Found (\d+) errors? in")


@dataclass
class Figures:
    tree: str
    over_400: list[tuple[str, int]] = field(default_factory=list)
    over_600: list[tuple[str, int]] = field(default_factory=list)
    longest: tuple[str, int] = ("", 0)
    upward: list[str] = field(default_factory=list)
    upward_tolerated: list[str] = field(default_factory=list)
    cycles: list[str] = field(default_factory=list)
    layer_suffixed: list[str] = field(default_factory=list)
    duplicates: str = "not measured"
    mypy: str = "not measured"


def code_files(tree: Path) -> list[Path]:
    package = tree / "danvan"
    found = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).parts
        if "migrations" in parts or "tests" in parts or parts[0] == "testing" or path.name == "conftest.py":
            continue
        found.append(path)
    return found


def measure_sizes(tree: Path, figures: Figures) -> None:
    for path in code_files(tree):
        relative = path.relative_to(tree).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n") + (not source.endswith("\n") and bool(source))
        if lines > 400:
            figures.over_400.append((relative, lines))
        if lines > 600:
            figures.over_600.append((relative, lines))
        if LAYER_SUFFIX.match(path.name):
            figures.layer_suffixed.append(relative)
        for node in ast.walk(ast.parse(source, filename=relative)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > figures.longest[1]:
                    figures.longest = (f"{relative}:{node.lineno} {node.name}()", length)
    figures.over_400.sort(key=lambda item: -item[1])
    figures.over_600.sort(key=lambda item: -item[1])


def measure_layers(tree: Path, figures: Figures) -> None:
    for file, line, source, target, name in import_edges(tree / "danvan"):
        if source in LAYERS and target in LAYERS and LAYERS[target] > LAYERS[source]:
            arrow = f"{file}:{line} {source} -> {name}"
            figures.upward.append(arrow)
            if (file, target) in ALLOWED_UPWARD:
                figures.upward_tolerated.append(arrow)
    figures.cycles = same_layer_cycles(tree / "danvan")


def measure_duplicates(tree: Path, figures: Figures) -> None:
    """`duplicates` over the tree's files without the migrations (copied to a scratch folder, since the
    command reads a whole folder): the pairs it counts, and how many lie within danvan/'s code (not tests,
    test helpers, templates, bench)."""
    command = shutil.which("duplicates")
    if command is None:
        figures.duplicates = "skipped: the `duplicates` command is not on PATH"
        return
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=tree,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    with tempfile.TemporaryDirectory(prefix="layout-dups-") as scratch:
        for raw in listed:
            name = raw.decode()
            if not name or "/migrations/" in f"/{name}" or not (tree / name).is_file():
                continue
            target = Path(scratch) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tree / name, target)
        out = subprocess.run(
            [command, "--repo", scratch, "--most", "200", "--seconds", "120"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    lines = out.splitlines()
    total = next((int(m.group(1)) for m in map(DUPLICATES_COUNT.match, lines) if m), None)
    if total is None:
        figures.duplicates = "no duplicates" if any("no duplicates" in ln for ln in lines) else "unreadable"
        return
    rows = [m.groups() for m in map(DUPLICATES_ROW.match, lines) if m]
    shipped = [pair for pair in rows if all(_is_shipped(side) for side in pair)]
    note = "" if len(rows) == total else f" of the {len(rows)} listed"
    incomplete = " (incomplete: time ran out)" if any(ln.startswith("incomplete:") for ln in lines) else ""
    figures.duplicates = f"{total} pairs; {len(shipped)}{note} with both sides in danvan/ code{incomplete}"


def _is_shipped(path: str) -> bool:
    parts = path.split("/")
    return parts[0] == "danvan" and "tests" not in parts and parts[1:2] != ["testing"]


def measure_mypy(tree: Path, figures: Figures) -> None:
    """mypy with this checkout's configuration on the tree's lib and core (the tree's own packages first
    on the path, so django-stubs reads the tree's models, not the installed ones)."""
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        figures.mypy = "skipped: mypy is not installed beside this Python"
        return
    with tempfile.TemporaryDirectory(prefix="layout-mypy-") as cache:
        result = subprocess.run(
            [
                str(mypy),
                "--config-file",
                str(HERE / "pyproject.toml"),
                "--cache-dir",
                cache,
                "danvan/lib",
                "danvan/core",
            ],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
            check=False,
        )
    last = (result.stdout.strip().splitlines() or [""])[-1]
    if last.startswith("Success"):
        figures.mypy = "0"
    elif match := MYPY_FOUND.match(last):
        figures.mypy = match.group(1)
    else:
        figures.mypy = f"did not run: {(result.stderr.strip() or last)[:200]}"


def measure(tree: Path, *, mypy: bool, duplicates: bool) -> Figures:
    figures = Figures(tree=str(tree))
    measure_sizes(tree, figures)
    measure_layers(tree, figures)
    if duplicates:
        measure_duplicates(tree, figures)
    if mypy:
        measure_mypy(tree, figures)
    return figures


def table(figures: Figures, *, verbose: bool) -> str:
    rows = [
        ("modules over 400 lines", str(len(figures.over_400))),
        ("modules over 600 lines", str(len(figures.over_600))),
        ("longest function", f"{figures.longest[1]} lines: {figures.longest[0]}"),
        (
            "import arrows running back up",
            f"{len(figures.upward)}"
            + (
                f" ({len(figures.upward_tolerated)} of them tolerated by test_layers.ALLOWED_UPWARD)"
                if figures.upward_tolerated
                else ""
            ),
        ),
        ("same-layer import cycles (app -> app edges)", str(len(figures.cycles))),
        ("files named <layer>_<topic>.py", str(len(figures.layer_suffixed))),
        ("repeated blocks (6+ lines), outside migrations", figures.duplicates),
        ("mypy errors on lib/core", figures.mypy),
    ]
    width = max(len(name) for name, _ in rows)
    out = [f"# {figures.tree}", *(f"{name:<{width}}  {value}" for name, value in rows)]
    if verbose:
        for title, items in (
            ("over 400 lines", [f"{lines:>5}  {path}" for path, lines in figures.over_400]),
            ("running back up", figures.upward),
            ("on a same-layer cycle", figures.cycles),
            ("layer-suffixed", figures.layer_suffixed),
        ):
            if items:
                out.append(f"\n{title}:")
                out.extend(f"  {item}" for item in items)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.layout", description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="*", type=Path, help="checkouts to measure (default: this one)")
    parser.add_argument("--no-mypy", action="store_true", help="skip the mypy run (the slow part)")
    parser.add_argument("--no-duplicates", action="store_true", help="skip the duplicates command")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the files behind the counts")
    args = parser.parse_args(argv)
    for index, tree in enumerate(args.trees or [HERE]):
        if index:
            print()
        figures = measure(tree.resolve(), mypy=not args.no_mypy, duplicates=not args.no_duplicates)
        print(table(figures, verbose=args.verbose))


if __name__ == "__main__":
    main()
