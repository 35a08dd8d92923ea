"""Nothing quadratic: between two small hubs made by the benchmark's generator, the output
per story, the Markdown conversions and the template renders per story stay flat.

Counts and bytes only, never times: timing belongs to bench/bench.py."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"
SMALL, LARGE = 20, 80


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("storyhub_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _measure(tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, float]:
    bench = _bench()
    hub = tmp_path / f"n{n}"
    published = bench.make_storyhub_hub(hub, n, bench.storyhub_options({}, cards=False))
    counts: Counter[str] = Counter()
    convert, render = markdown.Markdown.convert, jinja2.Template.render

    def counting_convert(self: markdown.Markdown, source: str) -> str:
        counts["markdown"] += 1
        return convert(self, source)

    def counting_render(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        counts["renders"] += 1
        return render(self, *args, **kwargs)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    monkeypatch.setattr(jinja2.Template, "render", counting_render)
    site = hub / "site"
    build(load_config(str(hub / "mkdocs.yml"), site_dir=str(site)))
    monkeypatch.undo()
    assert bench.count_story_pages(site) == len(published["stories"])
    pages = list(site.rglob("*.html"))
    # Material's own assets are a fixed cost; what grows with the hub is everything else.
    grown = sum(p.stat().st_size for p in site.rglob("*")
                if p.is_file() and "assets" not in p.relative_to(site).parts)
    stories = [p for p in (site / "stories").glob("*/index.html") if p.parent.name != "page"]
    return {
        "pages": len(pages),
        "story_page_bytes": sum(p.stat().st_size for p in stories) / len(stories),
        "markdown": counts["markdown"],
        "renders": counts["renders"],
        "bytes_per_story": grown / n,
    }


def test_output_and_work_per_story_stay_flat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    small = _measure(tmp_path, SMALL, monkeypatch)
    large = _measure(tmp_path, LARGE, monkeypatch)
    # Each page's Markdown is converted once (listings use front matter, not rendered HTML).
    for m in (small, large):
        assert m["markdown"] <= m["pages"]
    # Per story: Markdown conversions, template renders (pages and snippet texts) and bytes.
    # A navigation or listing that repeats every story on every page would quadruple these.
    for key in ("markdown", "renders"):
        assert large[key] / LARGE <= 1.15 * small[key] / SMALL, (key, small, large)
    assert large["bytes_per_story"] <= 1.25 * small["bytes_per_story"], (small, large)
    # A story page must not grow with the hub (an all-stories nav adds an entry per story).
    assert large["story_page_bytes"] <= 1.15 * small["story_page_bytes"], (small, large)
