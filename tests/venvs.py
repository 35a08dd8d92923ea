"""Virtual environments the packaging and engine tests install into, under ``.cache/``, so
that the main environment stays MkDocs + Material and a warm run installs nothing.

- ``.cache/engines/materialx``: storyhub-materialx (``engines/materialx``, editable: this
  checkout's code) with ProperDocs and MaterialX from PyPI. Made again when
  ``engines/materialx/pyproject.toml`` or the Python version changes.
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
    uv = shutil.which("uv")  # a test dependency: about 5 s cold where pip takes 25-30 s
    if uv is not None:
        subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(MATERIALX)],
                       check=True, env=clean_env())
        subprocess.run([uv, "pip", "install", "-q", "--python", str(bin_dir / "python"), "-e",
                        str(REPO / "engines/materialx")], check=True, env=clean_env())
    else:
        subprocess.run([sys.executable, "-m", "venv", str(MATERIALX)], check=True)
        subprocess.run([str(bin_dir / "python"), *PIP[1:], "install", "-e",
                        str(REPO / "engines/materialx")], check=True, env=clean_env())
    stamp.write_text(_stamp())
    return bin_dir


def install_wheel(wheel: Path, venv: Path) -> None:
    """A new environment with ``wheel`` installed (not editable) over this one's packages
    (``--system-site-packages``): the wheel's own files and entry points are what runs, its
    dependencies are the versions installed here (pip installs any it declares that are
    missing). That the package imports nothing it does not declare is checked without an
    installation (``test_packaging.py``): a fully isolated install costs 20–60 s per run."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages",
                    str(venv)], check=True)
    subprocess.run([*PIP, "--python", str(venv / "bin/python"), "install", "--no-compile",
                    str(wheel)], check=True, env=clean_env())
