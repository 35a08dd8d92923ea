"""Caches are keyed by content, not by path: a replaced photo is never drawn stale."""

from __future__ import annotations

import os

from conftest import Hub, image_bytes, person_text, run_core
from storyhub.media.cards import draw, plan_cards
from storyhub.options.model import CardOptions


def _photo_cards(hub: Hub) -> dict[str, bytes]:
    planned = plan_cards(run_core(hub.root).hub, CardOptions())
    return {spec.kind: draw(spec) for spec in planned.specs.values() if spec.photo}


def test_a_photo_replaced_in_place_is_drawn_anew(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: g.png\n"))
    first = image_bytes("PNG", (300, 300), "red", compress_level=0)
    second = image_bytes("PNG", (300, 300), "blue", compress_level=0)
    assert len(first) == len(second)  # same size on disk: only the bytes differ
    path = hub.write("people/g.png", first)
    stamp = path.stat().st_mtime_ns
    before = _photo_cards(hub)
    path.write_bytes(second)
    os.utime(path, ns=(stamp, stamp))  # same name, size and time: only the content changed
    after = _photo_cards(hub)
    assert before.keys() == after.keys() == {"og", "instagram"}
    assert all(before[kind] != after[kind] for kind in before)
    path.write_bytes(first)
    os.utime(path, ns=(stamp, stamp))
    assert _photo_cards(hub) == before
