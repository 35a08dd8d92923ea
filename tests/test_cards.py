"""Share images: sizes, weights, determinism, consent, alt text and the cache."""

from __future__ import annotations

import ast
import io
import logging
import subprocess
import sys
from dataclasses import replace

import pytest
from conftest import Hub, person_text, run_core
from PIL import Image
from storyhub.media import cards as cards_module
from storyhub.media.cards import DEFAULT_FONT, DEFAULT_FONT_BOLD, CardSpec, draw, plan_cards
from storyhub.options.model import CardOptions

SPEC = CardSpec(
    kind="og", title="Perché la fornace non si spegne mai — 日本 👨‍👩‍👧 " * 3,
    names="Giulia Ferri & Marco Bianchi", detail="", values="Craft · Care",
    company="Ceramiche Vento", background="#f5f0e6", text_color="#ffffff", accent="#1b1b1b",
    quality=85, font=str(DEFAULT_FONT), font_bold=str(DEFAULT_FONT_BOLD), photo=None, logo=None,
)


def _photo(tmp_path, size=(2400, 1800)) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "photo.jpg"
    noise = Image.effect_noise(size, 80).convert("RGB")  # hard to compress: a worst case
    noise.save(path, quality=95)
    return str(path)


@pytest.mark.parametrize(("kind", "size"), [("og", (1200, 630)), ("instagram", (1080, 1350))])
def test_sizes_weights_and_determinism(tmp_path, kind: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    spec = replace(SPEC, kind=kind, photo=_photo(tmp_path), logo=None)
    data = draw(spec)
    assert data == draw(spec)  # same input, same bytes
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == size
    assert len(data) < 300_000
    assert not image.info.get("exif")


def test_cards_in_a_build_are_cached(hub: Hub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = hub.build()
    cards = sorted((site / "assets" / "cards").glob("*.jpg"))
    assert len(cards) == 4  # 2 stories × (Open Graph + Instagram)
    for path in cards:
        with Image.open(path) as image:
            assert image.size in {(1200, 630), (1080, 1350)}
        assert path.stat().st_size < 300_000
    first = {p.name: p.read_bytes() for p in cards}
    assert "share images: 4 drawn, 0 from cache" in caplog.text
    cache = hub.root / ".cache" / "storyhub" / "cards"
    mtimes = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.jpg")}
    caplog.clear()
    site = hub.build()
    assert "share images: 0 drawn, 4 from cache" in caplog.text
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.jpg")} == mtimes
    assert {p.name: p.read_bytes() for p in (site / "assets" / "cards").glob("*.jpg")} == first
    # A changed title redraws only that story's two cards.
    hub.write("stories/first-oven.md",
              (hub.root / "stories/first-oven.md").read_text().replace("The first oven", "Oven"))
    caplog.clear()
    hub.build()
    assert "share images: 2 drawn, 2 from cache" in caplog.text


def test_photo_only_with_consent_and_alt_text(hub: Hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    Image.new("RGB", (400, 400), "#336699").save(hub.root / "people" / "giulia.jpg")
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: giulia.jpg\n"))
    result = run_core(hub.root)
    planned = plan_cards(result.hub, CardOptions())
    with_photo = [s for s in planned.specs.values() if s.photo]
    assert with_photo and all(s.photo.endswith("giulia.jpg") for s in with_photo)
    alt = planned.stories["first-oven"].og.alt
    assert "The first oven" in alt and "Giulia Ferri" in alt and "photo of Giulia Ferri" in alt

    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: giulia.jpg\n")
              .replace("photo: true", "photo: false"))
    result = run_core(hub.root)
    planned = plan_cards(result.hub, CardOptions())
    assert not any(s.photo for s in planned.specs.values())
    assert "photo of" not in planned.stories["first-oven"].og.alt


def test_many_cards_are_drawn_in_worker_processes(hub: Hub, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cards_module, "PARALLEL_FROM", 2)
    result = run_core(hub.root)
    planned = plan_cards(result.hub, CardOptions(workers=2))
    planned.start()
    assert planned._pool is not None
    stats = planned.finish()
    assert stats.drawn == 4
    serial = plan_cards(result.hub, CardOptions(workers=1))
    for key in serial.specs:
        assert serial.cached_path(key).read_bytes() == draw(serial.specs[key])


def test_a_few_cards_are_drawn_beside_the_pages_and_a_failure_is_not_lost(
        hub: Hub, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Fewer cards than PARALLEL_FROM (a preview's edited story) are drawn in a thread
    started before the pages: the same bytes; a drawing that fails fails the build."""
    result = run_core(hub.root)
    planned = plan_cards(result.hub, CardOptions(workers=2))
    planned.start()
    assert isinstance(planned._pool, cards_module.concurrent.futures.ThreadPoolExecutor)
    assert planned.finish().drawn == 4 and planned._pool is None
    for key, spec in planned.specs.items():
        assert planned.cached_path(key).read_bytes() == draw(spec)

    def broken(batch):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(cards_module, "draw_batch", broken)
    again = plan_cards(result.hub, CardOptions(jpeg_quality=80))  # other keys: all missing
    again.start()
    with pytest.raises(OSError, match="disk full"):
        again.finish()
    assert again._pool is None


def test_a_kept_folder_keeps_the_cards_that_did_not_change(hub: Hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A preview server's kept folder: a card or thumbnail already there with the same
    bytes is kept (not written again); one with other bytes is written."""
    from storyhub.pipeline.renders import KeptSite

    result = run_core(hub.root)
    planned = plan_cards(result.hub, CardOptions())
    planned.start()
    planned.finish()
    site = tmp_path / "site"
    written = planned.write(site)
    kept = KeptSite()
    kept.mark = 0  # active: as between two rebuilds
    changed = written[0]
    changed.write_bytes(b"stale")
    before = {p: p.stat().st_mtime_ns for p in written}
    assert planned.write(site, kept) == written
    assert kept.kept == {str(p) for p in written if p != changed}
    assert changed.read_bytes() == planned.cached_path(
        next(i.key for c in planned.stories.values() for i in c.images()
             if site / i.path == changed)).read_bytes()
    assert all(p.stat().st_mtime_ns == before[p] for p in written if p != changed)


def test_missing_font_option_is_a_clear_error(hub: Hub) -> None:
    hub.config(cards={"font": "fonts/missing.ttf"})
    result = hub.mkdocs("build")
    assert result.returncode != 0
    assert "cards.font" in result.stderr and "missing.ttf does not exist" in result.stderr


def test_a_card_worker_imports_the_drawing_code_only() -> None:
    """Card workers are spawned: each imports card_worker afresh. The hub, options and
    content model (pydantic) would cost each worker a third of a CPU second and 15 MB."""
    code = ("import sys, storyhub.media.card_worker\n"
            "print(sorted(m for m in sys.modules if m.startswith(('storyhub', 'pydantic'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    loaded = ast.literal_eval(result.stdout.strip())
    assert "storyhub.media.card_worker" in loaded and "storyhub.media.photo_card" in loaded
    assert not [m for m in loaded if m.startswith(("pydantic", "storyhub.content",
                                                   "storyhub.hub", "storyhub.options"))]


def test_thumbnails_for_the_snippets_page(hub: Hub, caplog: pytest.LogCaptureFixture) -> None:
    """Beside each card, a WebP at twice its display size on the snippets page (a few KB
    instead of 60-100): the same bytes whether made now or read from the cache, and made
    again, not used, when the cached one is damaged."""
    site = hub.build()
    thumbs = sorted((site / "assets" / "cards").glob("*-thumb.webp"))
    assert len(thumbs) == 4
    first = {p.name: p.read_bytes() for p in thumbs}
    sizes = set()
    for path in thumbs:
        card = path.with_name(path.name.replace("-thumb.webp", ".jpg"))
        with Image.open(path) as thumb, Image.open(card) as full:
            assert thumb.format == "WEBP" and not thumb.info.get("exif")
            assert thumb.height == 168 and abs(thumb.width / thumb.height
                                               - full.width / full.height) < 0.02
            sizes.add(thumb.size)
        assert path.stat().st_size < 15_000 < card.stat().st_size
    assert sizes == {(320, 168), (134, 168)}
    page = (site / "snippets" / "index.html").read_text(encoding="utf-8")
    assert page.count('-thumb.webp" width="160" height="84" loading="lazy"') == 2
    cache = hub.root / ".cache" / "storyhub" / "cards"
    cached = sorted(cache.glob("*-thumb-*.webp"))
    assert len(cached) == 4
    cached[0].unlink()  # made again from the card
    cached[1].write_bytes(b"damaged")  # its seal no longer matches: made again, said
    again = hub.build(site="site2", strict=False)
    assert "cached share image thumbnail" in caplog.text and "is damaged" in caplog.text
    assert {p.name: p.read_bytes() for p in (again / "assets" / "cards").glob(
        "*-thumb.webp")} == first
