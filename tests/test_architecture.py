"""The package's layers: the domain core works without MkDocs, and imports only point down.

Layers, lowest first (a module may import from its own layer's package and from lower
layers, never from a higher one; the output packages of one layer never import each other):

    diagnostics                    problems as path:line:col: message
    text | i18n                    YAML with positions, dates, escaping, URLs; translations
    options                        the one options model (mkdocs.yml, CLI, environment)
    content                        files -> validated models (yaml source, models, loader)
    hub                            the linked graph and every publishing decision
    site | media | social | editor what each output needs: pages, images, snippets, the editor
    outputs                        the registry: one module per public output beside the pages
    pipeline                       one build: check -> plan -> outputs -> leak scan
    adapters                       MkDocs (the only MkDocs imports)
    cli                            the command line (``storyhub build`` calls the adapter)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import storyhub

PACKAGE = Path(storyhub.__file__).parent
ROOT = PACKAGE.parents[1]  # the repository: plugins/storyhub

LAYERS: list[set[str]] = [
    {"diagnostics"},
    {"text", "i18n"},
    {"options"},
    {"content"},
    {"hub"},
    {"site", "media", "social", "editor"},
    {"outputs"},
    {"pipeline"},
    {"adapters"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
ADAPTERS = {"adapters"}  # the only package allowed to import MkDocs


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(relative.parts).removesuffix(".__init__")


def core_modules() -> list[str]:
    return [module_name(p) for p in sorted(PACKAGE.rglob("*.py"))
            if p.relative_to(PACKAGE).parts[0] not in ADAPTERS and p.stem != "__main__"]


def test_core_modules_do_not_import_mkdocs() -> None:
    modules = core_modules()
    assert "storyhub.content.model" in modules and "storyhub.cli.main" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.'))\n"
        "print(leaked)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def imported_modules(path: Path) -> set[str]:
    """Every storyhub module a file imports, at the top or inside functions (lazy imports
    count: they hide cycles, they do not remove them); TYPE_CHECKING imports included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports (from storyhub...)"
            if node.module and node.module.startswith("storyhub"):
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("storyhub"))
    return names


def test_every_module_belongs_to_a_layer() -> None:
    top = {p.relative_to(PACKAGE).parts[0] for p in PACKAGE.rglob("*.py")}
    top.discard("__init__.py")
    assert top <= set(RANK), f"modules outside any layer: {sorted(top - set(RANK))}"


def test_imports_only_point_down() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            continue
        own = parts[0]
        for target in imported_modules(path):
            pieces = target.split(".")
            if len(pieces) < 2:
                continue
            other = pieces[1]
            if other == own:
                continue
            if RANK[other] >= RANK[own]:
                wrong.append(f"{module_name(path)} imports {target}")
    assert wrong == []


def test_named_cycles_are_gone() -> None:
    """cards <-> snippets, and page meta -> snippets, as found in the consolidation review."""
    media = {t for p in (PACKAGE / "media").rglob("*.py") for t in imported_modules(p)}
    social = {t for p in (PACKAGE / "social").rglob("*.py") for t in imported_modules(p)}
    site = {t for p in (PACKAGE / "site").rglob("*.py") for t in imported_modules(p)}
    assert not any(t.startswith("storyhub.social") for t in media | site)
    assert not any(t.startswith("storyhub.media") for t in social | site)


def test_every_output_module_is_in_the_registry_once() -> None:
    """An output is one module of storyhub.outputs with an OUTPUT, and one registry line;
    output modules import only the registry's types, never each other."""
    from storyhub.outputs import OUTPUTS

    folder = PACKAGE / "outputs"
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem not in ("__init__", "base"))
    registered = [o.name for o in OUTPUTS]
    assert sorted(registered) == modules and len(set(registered)) == len(registered)
    for name in modules:
        others = {t for t in imported_modules(folder / f"{name}.py")
                  if t.startswith("storyhub.outputs") and t != "storyhub.outputs.base"}
        assert others == set(), name


def test_the_linter_reads_every_module_of_the_package() -> None:
    """`ruff check .` (scripts/test.sh) looks at every module: an exclusion meant for the
    built site (`site/`, which .gitignore keeps out anyway) once matched the package's own
    `storyhub/site/` too, and its modules went unlinted."""
    shown = subprocess.run([sys.executable, "-m", "ruff", "check", "--show-files", "."],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout
    linted = {line.strip() for line in shown.splitlines()}
    modules = {str(path) for path in PACKAGE.rglob("*.py")}
    assert modules <= linted, sorted(modules - linted)[:5]
