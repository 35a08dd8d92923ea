"""The example hub's images are drawn by examples/images/, next to the content they draw."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_example_images_are_drawn_by_the_examples_package() -> None:
    """The drawing code lives next to the example content it draws (examples/images/), split
    into modules; every image of the example hub is accounted for."""
    repo = REPO
    assert not (repo / "scripts" / "make_example_images.py").exists()
    result = subprocess.run([sys.executable, "-m", "examples.images", "--check"], cwd=repo,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in (repo / "examples" / "images").glob("*.py")}
    assert max(sizes.values()) < 1500, sizes
