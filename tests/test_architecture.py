"""The domain core must work without MkDocs: the plugin is only an adapter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import storyhub

PACKAGE = Path(storyhub.__file__).parent
ADAPTERS = {"mkdocs_plugin", "sitebuild"}  # the only modules allowed to import MkDocs


def core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        if path.stem not in ADAPTERS:
            names.append(name)
    return names


def test_core_modules_do_not_import_mkdocs() -> None:
    modules = core_modules()
    assert "storyhub.model" in modules and "storyhub.cli" in modules
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
