"""Run: python -m examples.images [--check] (from the repository root)."""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from examples.images.canvas import (
    PORTRAIT_QUALITY,
    PORTRAIT_SIZE,
    ROOT,
    STORY_QUALITY,
    STORY_SIZE,
    save_jpeg,
)
from examples.images.last_scenes import (
    scene_leftover_grey,
    scene_open_books,
    scene_route,
    scene_seconds,
    scene_shard,
    scene_sketchbook,
    scene_whiteboard,
    scene_wrong_green,
)
from examples.images.more_scenes import (
    scene_hospice_cups,
    scene_list_of_noes,
    scene_phone_promise,
    scene_portici,
    scene_pug_mill,
    scene_river_blue,
    scene_signature,
    scene_tally,
)
from examples.images.portraits import PEOPLE, draw_portrait
from examples.images.scenes import (
    scene_autumn,
    scene_brushes,
    scene_design_week,
    scene_flood,
    scene_kiln_log,
    scene_kiln_two,
    scene_kitchen,
    scene_night_kiln,
    scene_packing,
    scene_repair,
    scene_school,
    scene_wheels,
)

# story folder / image file -> (scene, seed)
STORY_IMAGES: dict[str, tuple[Callable[[random.Random], Image.Image], int]] = {
    "stories/2023-02-14-the-kiln-log/kiln-log.jpg": (scene_kiln_log, 101),
    "stories/2023-05-22-dopo-l-alluvione/alluvione.jpg": (scene_flood, 102),
    "stories/2023-09-18-lucias-brushes/brushes.jpg": (scene_brushes, 103),
    "stories/2024-01-25-l-ultimo-forno/forno-notte.jpg": (scene_night_kiln, 104),
    "stories/2024-05-06-thirty-kids-one-wheel/school-visit.jpg": (scene_school, 105),
    "stories/2024-09-12-packing-without-plastic/packing.jpg": (scene_packing, 106),
    "stories/2025-02-17-plates-for-a-kitchen/kitchen-plates.jpg": (scene_kitchen, 107),
    "stories/2025-04-22-design-week/design-week.jpg": (scene_design_week, 108),
    "stories/2025-06-09-matteo-teaches/wheel.jpg": (scene_wheels, 109),
    "stories/2025-10-13-the-repair-counter/repair.jpg": (scene_repair, 110),
    "stories/2026-03-16-goodbye-kiln-two/kiln-two.jpg": (scene_kiln_two, 111),
    "stories/2026-09-14-autumn-glazes/autumn.jpg": (scene_autumn, 112),
    "stories/2023-04-03-first-plate-that-did-not-crack/tally.jpg": (scene_tally, 113),
    "stories/2023-07-10-a-blue-that-took-eleven-months/river-blue.jpg": (scene_river_blue, 114),
    "stories/2023-10-30-the-wrong-green/greens.jpg": (scene_wrong_green, 115),
    "stories/2023-12-12-the-seconds-shelf/seconds.jpg": (scene_seconds, 116),
    "stories/2024-03-08-elenas-first-signature/signature.jpg": (scene_signature, 117),
    "stories/2024-06-20-nothing-leaves-the-floor/pug-mill.jpg": (scene_pug_mill, 118),
    "stories/2024-07-29-summer-hours/whiteboard.jpg": (scene_whiteboard, 119),
    "stories/2024-10-21-the-customer-who-sent-a-shard/shard.jpg": (scene_shard, 120),
    "stories/2024-11-14-tommaso-draws-everything-twice/sketchbook.jpg": (scene_sketchbook, 121),
    "stories/2025-05-19-the-grey-nobody-ordered/grigio.jpg": (scene_leftover_grey, 122),
    "stories/2025-09-04-paolos-tuesday-route/route.jpg": (scene_route, 123),
    "stories/2025-11-24-faenza-vista-da-chi-ce-arrivata-dopo/portici.jpg": (scene_portici, 124),
    "stories/2026-01-19-cups-for-the-hospice/hospice-cups.jpg": (scene_hospice_cups, 125),
    # Three flat stories (stories/<slug>.md) keep their image in stories/images/.
    "stories/images/open-books.jpg": (scene_open_books, 126),
    "stories/images/non-lo-so-ma-lo-chiedo.jpg": (scene_phone_promise, 127),
    "stories/images/davides-list-of-noes.jpg": (scene_list_of_noes, 128),
}


def targets() -> list[tuple[Path, Callable[[], None]]]:
    jobs: list[tuple[Path, Callable[[], None]]] = []
    for i, (pid, spec) in enumerate(sorted(PEOPLE.items())):
        path = ROOT / "people" / "photos" / f"{pid}.jpg"
        jobs.append(
            (
                path,
                lambda p=path, pid=pid, spec=spec, s=1000 + i: save_jpeg(
                    draw_portrait(pid, spec, s), p, (PORTRAIT_SIZE, PORTRAIT_SIZE), PORTRAIT_QUALITY
                ),
            )
        )
    for rel, (scene, seed) in STORY_IMAGES.items():
        path = ROOT / rel
        jobs.append(
            (
                path,
                lambda p=path, scene=scene, seed=seed: save_jpeg(
                    scene(random.Random(seed)), p, STORY_SIZE, STORY_QUALITY
                ),
            )
        )
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list images that are missing")
    args = parser.parse_args(argv)
    missing = 0
    for path, make in targets():
        rel = path.relative_to(ROOT)
        if args.check:
            if not path.is_file():
                print(f"missing: {rel}")
                missing += 1
            continue
        make()
        print(f"{rel}  {path.stat().st_size // 1024} KB")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
