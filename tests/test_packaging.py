"""storyhub as a package: the wheel carries everything it needs at run time; installed (not
editable) in a new virtual environment, it starts a hub that checks clean and builds; what
the code imports is declared;
the two distributions (storyhub, storyhub-materialx) differ only in their engine."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomllib
from conftest import REPO
from venvs import clean_env, install_wheel

RUN_TIME_FILES = [
    "storyhub/templates/storyhub/story.html", "storyhub/templates/hub/mkdocs.yml",
    "storyhub/templates/hub/.gitlab-ci.yml", "storyhub/templates/hub/.gitignore",
    "storyhub/templates/hub/.pre-commit-config.yaml",
    "storyhub/templates/hub/.github/workflows/stories.yml",
    "storyhub/i18n/catalogue/en.yml", "storyhub/i18n/catalogue/it.yml",
    "storyhub/assets/fonts/DejaVuSans.ttf", "storyhub/assets/storyhub.css",
    "storyhub/assets/storyhub.js", "storyhub/editor/vendor/decap-cms/decap-cms.js",
    "storyhub/editor/vendor/decap-cms/manifest.json", "storyhub/social/snippets.schema.json",
    "storyhub/py.typed",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--disable-pip-version-check", "-w", str(out), str(REPO)],
                   check=True, env=clean_env(), cwd=out)
    (found,) = out.glob("storyhub-*.whl")
    return found


def test_the_wheel_carries_what_storyhub_reads_at_run_time(wheel: Path) -> None:
    from storyhub import __version__

    assert wheel.name == f"storyhub-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [f for f in RUN_TIME_FILES if f not in names] == []
    shipped = {p.relative_to(REPO / "plugins").as_posix()
               for p in (REPO / "plugins/storyhub").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert shipped - names == set()  # every file of the package, hidden ones included


def test_the_installed_wheel_starts_a_hub_that_builds(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    install_wheel(wheel, venv)
    bin_dir = venv / "bin"
    env = clean_env(SOURCE_DATE_EPOCH="1764547200")

    def run(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                              text=True, check=False)

    where = run(bin_dir / "python", "-c", "import storyhub; print(storyhub.__file__)")
    assert where.stdout.startswith(str(venv)), where  # the wheel's code, not this checkout
    from storyhub import __version__

    assert run(bin_dir / "storyhub", "--version").stdout.strip() == f"storyhub {__version__}"
    made = run(bin_dir / "storyhub", "init", "hub", "--company", "Acme Tiles", "--site-url",
               "https://stories.acme.example/", "--languages", "en", "--values",
               "Craft, Care", "--your-name", "Sam Green", "--repo", "acme/stories",
               "--date", "2025-11-30")
    assert made.returncode == 0, made.stderr
    hub = tmp_path / "hub"
    # the pin says where this storyhub came from: the wheel file
    pin = (hub / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    assert pin.startswith("storyhub @ file://") and pin.endswith(wheel.name)
    checked = run(bin_dir / "storyhub", "check", cwd=hub)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s), 0 warning(s)" in checked.stderr
    # MkDocs comes from the environment below (--system-site-packages): its module, not
    # its script; the plugin it finds is the wheel's (the entry point of the installed wheel)
    built = run(bin_dir / "python", "-m", "mkdocs", "build", "--strict", cwd=hub)
    assert built.returncode == 0, built.stderr
    assert (hub / "site/stories/why-we-are-telling-our-stories/index.html").is_file()
    assert (hub / "site/admin/vendor/decap-cms/decap-cms.js").is_file() or any(
        (hub / "site/admin").rglob("decap-cms.js"))


def _dependencies(pyproject: Path) -> set[str]:
    return set(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"])


def test_the_two_distributions_differ_only_in_their_engine() -> None:
    material = _dependencies(REPO / "pyproject.toml")
    materialx = _dependencies(REPO / "engines/materialx/pyproject.toml")
    assert material - materialx == {"mkdocs-material>=9.5,<10"}
    assert materialx - material == {"properdocs>=1.6.5,<2", "mkdocs-materialx>=10.2,<11"}
    root = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    other = tomllib.loads((REPO / "engines/materialx/pyproject.toml").read_text("utf-8"))
    for table in ("scripts", "entry-points"):
        assert root["project"][table] == other["project"][table]
    assert root["tool"]["setuptools"]["package-data"] == other["tool"]["setuptools"][
        "package-data"]
    assert (REPO / "engines/materialx/plugins").resolve() == (REPO / "plugins").resolve()


def _imported_top_levels() -> set[str]:
    """The top-level modules the package imports (at any depth of its code)."""
    import ast

    found: set[str] = set()
    for path in (REPO / "plugins/storyhub").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"storyhub", "__future__"}


def test_what_the_package_imports_it_declares_and_the_reverse() -> None:
    """The wheel test installs over this environment's packages, so the dependency list is
    checked here: every third-party module the code imports comes from a declared
    distribution, and every declared distribution is imported (tzdata: zoneinfo's data)."""
    import re
    from importlib.metadata import packages_distributions

    declared = {re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower().replace("_", "-")
                for d in _dependencies(REPO / "pyproject.toml")}
    providers = packages_distributions()
    used = {name: {d.lower().replace("_", "-") for d in providers.get(name, [])}
            for name in _imported_top_levels()}
    # pydantic_core comes with pydantic (pinned by it; pydantic's documentation imports
    # its error types from there); properdocs is the other distribution's engine
    allowed = {"pydantic_core", "properdocs"}
    assert {name: dists for name, dists in used.items()
            if not dists & declared and name not in allowed} == {}
    imported = set().union(*used.values())
    assert declared - imported == {"tzdata"}
