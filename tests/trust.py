"""Helpers for the trust tests (issue 9): exact diagnostics, and scans of a built site."""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import Hub
from storyhub.pipeline import InvalidOptions, Pipeline


def diagnostics(hub: Hub, severity: str = "error", **options: object) -> list[str]:
    """Every error (or warning) of a check, formatted ``path:line:col: message``."""
    try:
        result = Pipeline.from_options(dict(options), config_file=hub.root / "mkdocs.yml",
                                       site_name="Test")
    except InvalidOptions as exc:  # wrong options: reported before any content is read
        return [d.format() for d in exc.diagnostics]
    result.check()
    items = result.diagnostics.errors if severity == "error" else [
        d for d in result.diagnostics.warnings if d.code != "advice"]
    return [d.format() for d in items]


def output_bytes(site: Path) -> dict[str, bytes]:
    """Every file of a built site, gunzipped, by path relative to the site."""
    files: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            files[path.relative_to(site).as_posix()] = data
    return files


def files_containing(site: Path, needle: bytes | str) -> list[str]:
    """Output files whose bytes (or name) contain ``needle``."""
    raw = needle.encode("utf-8") if isinstance(needle, str) else needle
    return [name for name, data in output_bytes(site).items()
            if raw in data or raw.decode("utf-8", "replace") in name]


def build_error(hub: Hub) -> str:
    """Run ``mkdocs build`` for real; it must fail. Its error output, for the message."""
    result = hub.mkdocs("build")
    assert result.returncode == 1, result.stderr
    return result.stderr
