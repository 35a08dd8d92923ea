"""Class 18 (issue 20, class 6): caches are verified, outputs are copies.

Every file storyhub keeps in ``.cache/storyhub/`` is sealed with its SHA-256 when written
(:mod:`storyhub.media.cache_files`) and checked before use: re-encoded images and their
responsive versions, share images, snippets exports. A damaged one is never published:
it is made again, with a warning naming the cache file. Published cards are copies, never
hard links into the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Hub, image_bytes, story_text
from trust import output_bytes


def _photo_hub(hub: Hub) -> Hub:
    hub.write("stories/bakery/index.md", story_text(
        "The bakery", extra="image: oven.jpg\nimage_alt: The oven at night\n"))
    hub.write("stories/bakery/oven.jpg", image_bytes(size=(1000, 700), color="brown"))
    return hub


def _cache(hub: Hub, part: str) -> list[Path]:
    folder = hub.root / ".cache" / "storyhub" / part
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(
        (".sha256", ".txt")))


def _damage(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] + b"\x00" * 16)


@pytest.fixture
def built(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> tuple[Hub, dict[str, bytes]]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # byte-identical builds
    _photo_hub(hub)
    first = output_bytes(hub.build(site="site1"))
    return hub, first


@pytest.mark.parametrize("part, what", [
    ("images", "image"), ("cards", "share image")])
def test_a_damaged_cache_file_is_made_again_and_named(
    built: tuple[Hub, dict[str, bytes]], mkdocs_warnings: Callable[[], list[str]],
    part: str, what: str,
) -> None:
    hub, first = built
    damaged = _cache(hub, part)
    assert damaged
    for path in damaged:
        _damage(path)
    second = output_bytes(hub.build(site="site2", strict=False))
    assert second == first  # nothing damaged was published
    warnings = [w for w in mkdocs_warnings() if "is damaged" in w]
    assert warnings, "a damaged cache file must be reported"
    for path in damaged:
        if any(str(path) in w for w in warnings):
            break
    else:
        pytest.fail(f"no warning names a damaged file: {warnings}")
    assert all(w.startswith(f"storyhub: the cached {what}") or "version of an image" in w
               for w in warnings), warnings
    # made again: a third build finds a sound cache and says nothing
    before = len(mkdocs_warnings())
    assert output_bytes(hub.build(site="site3")) == first
    assert len(mkdocs_warnings()) == before


def test_a_cache_file_planted_without_a_seal_is_not_used(
    built: tuple[Hub, dict[str, bytes]],
) -> None:
    """A pull request can commit .cache/: a file without storyhub's seal is ignored, and
    one with a forged seal must still look like storyhub's own output."""
    hub, first = built
    for path in _cache(hub, "images") + _cache(hub, "cards"):
        path.write_bytes(image_bytes(size=(1000, 700), color="red"))
        path.with_name(path.name + ".sha256").unlink()
    assert output_bytes(hub.build(site="site2")) == first


def test_published_cards_are_copies(built: tuple[Hub, dict[str, bytes]]) -> None:
    hub, _ = built
    site = hub.root / "site1"
    cards = sorted((site / "assets" / "cards").rglob("*.jpg"))
    assert cards
    assert all(os.stat(card).st_nlink == 1 for card in cards)
    cache = {p.read_bytes(): p for p in _cache(hub, "cards")}
    original = cards[0].read_bytes()
    cards[0].write_bytes(b"edited by a deploy step")
    assert original in cache and cache[original].read_bytes() == original
