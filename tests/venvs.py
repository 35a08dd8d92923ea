"""Virtual environments the packaging and engine tests install into, under ``.cache/``, so
that the main environment stays MkDocs + Material and a warm run installs nothing.

- ``.cache/engines/materialx``: storyhub-materialx (``engines/materialx``, editable: this
  checkout's code) with ProperDocs and MaterialX from PyPI. Made again when
  ``engines/materialx/pyproject.toml`` or the Python version changes.
- ``.cache/wheelhouse``: the wheels of storyhub's dependencies, so that the wheel test's
  fresh environment installs without the network once they are there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MATERIALX = REPO / ".cache/engines/materialx"
WHEELHOUSE = REPO / ".cache/wheelhouse"
PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a command of another virtual environment: without this
    checkout on PYTHONPATH, so that it runs what that environment installed."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def _stamp() -> str:
    recipe = (REPO / "engines/materialx/pyproject.toml").read_bytes()
    return hashlib.sha256(recipe + sys.version.encode()).hexdigest()


def materialx_env() -> Path:
    """The bin/ folder of the ProperDocs + MaterialX environment, made if needed."""
    stamp = MATERIALX / "storyhub-stamp"
    bin_dir = MATERIALX / "bin"
    if (bin_dir / "storyhub").exists() and stamp.is_file() and stamp.read_text() == _stamp():
        return bin_dir
    shutil.rmtree(MATERIALX, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(MATERIALX)], check=True)
    subprocess.run([str(bin_dir / "python"), *PIP[1:], "install", "-e",
                    str(REPO / "engines/materialx")], check=True, env=clean_env())
    stamp.write_text(_stamp())
    return bin_dir


def install_wheel(wheel: Path, venv: Path) -> None:
    """A fresh environment with ``wheel`` and its dependencies, from the wheelhouse when it
    has them all (no network), else from the package index, keeping what was fetched."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin/python")
    offline = [*PIP, "--python", python, "install", "--no-compile", "--no-index", "--find-links",
               str(WHEELHOUSE), str(wheel)]
    if WHEELHOUSE.is_dir() and subprocess.run(offline, check=False, env=clean_env(),
                                              capture_output=True).returncode == 0:
        return
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    subprocess.run([*PIP, "wheel", "--wheel-dir", str(WHEELHOUSE), "--find-links",
                    str(WHEELHOUSE), str(wheel)], check=True, env=clean_env())
    subprocess.run(offline, check=True, env=clean_env())
