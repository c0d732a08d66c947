"""The layers of `bot/`, kept by reading its imports (no import is executed).

Lowest first; a module may import its own layer and those below, never above:
storage, knowledge, answering (and the small shared modules) < core < delivery < features < channels < app, cli.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from bot.config import ROOT

BOT = ROOT / "bot"
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot.clock", "bot.config", "bot.redact", "bot.scheduling", "bot.leader", "bot.cache", "bot.storage", "bot.knowledge",
     "bot.answering"),
    ("bot.core",),
    ("bot.delivery",),
    ("bot.events", "bot.desk", "bot.announce", "bot.privacy", "bot.documents"),
    ("bot.channels", "bot.console"),
    ("bot.app", "bot.cli"),
)
FEATURES = LAYERS[3]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> Iterator[str]:
    """Every `bot.*` module imported anywhere in the file (at the top, in a function, for type checking)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from bot.core import texts` imports the module bot.core.texts
            names = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module
                     for a in node.names]
        else:
            continue
        yield from (name for name in names if name.startswith("bot.") and name in known)


def layer(module: str) -> int:
    return next(i for i, group in enumerate(LAYERS) for prefix in group
                if module == prefix or module.startswith(prefix + "."))


def package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: set(imports(path, known)) - {name} for name, path in found.items()}


def test_every_module_of_bot_has_a_layer() -> None:
    for name in modules():
        if name != "bot":
            layer(name)  # StopIteration names the module without a layer


def test_no_import_goes_up_a_layer() -> None:
    upward = sorted(f"{a} → {b}" for a, targets in graph().items() if a != "bot"
                    for b in targets if layer(b) > layer(a))
    assert upward == []


def test_features_talk_through_core_not_to_each_other() -> None:
    across = sorted(f"{a} → {b}" for a, targets in graph().items() if a != "bot" and layer(a) == 3
                    for b in targets if layer(b) == 3 and package(a) != package(b))
    assert across == []


def test_there_is_no_import_circle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: being visited, 2: done
    circles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target):], target] if target in path else [node, target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_no_two_packages_import_each_other() -> None:
    """Within a layer too: the knowledge is read and checked without the answerer, which reads the knowledge."""
    by_package: dict[str, set[str]] = {}
    for a, targets in graph().items():
        by_package.setdefault(package(a), set()).update(package(b) for b in targets if package(b) != package(a))
    both_ways = sorted(f"{a} ⇄ {b}" for a, targets in by_package.items() for b in targets
                       if a < b and a in by_package.get(b, set()))
    assert both_ways == []


def code_lines(path: Path) -> list[tuple[int, str]]:
    """The file's lines that say something: no blanks, comments or import lists."""
    kept, in_import = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if in_import or text.startswith(("from ", "import ")):
            in_import = text.endswith("(") or (in_import and not text.endswith(")"))
            continue
        kept.append((number, text))
    return kept


def test_no_block_of_six_lines_is_written_twice() -> None:
    size, seen, repeated = 6, dict[tuple[str, ...], str](), []
    for name, path in modules().items():
        lines = code_lines(path)
        for start in range(len(lines) - size + 1):
            block = tuple(text for _, text in lines[start:start + size])
            if sum(map(len, block)) < 60:  # closing brackets and short statements are not a block
                continue
            where = f"{name}:{lines[start][0]}"
            if block in seen:
                repeated.append(f"{seen[block]} and {where}")
            else:
                seen[block] = where
    assert repeated == []
