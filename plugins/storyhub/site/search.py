"""What search results show beside a story's title: its thumbnail and date.

Material's search lists a page's title and words; ``search/storyhub.json`` adds, for each
published story, the smallest version of its image and its date (ISO and as the story's
readers write it), which ``storyhub.js`` puts into the results as they appear.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyhub.site.view import SiteView

#: where the file is written, beside Material's search index
SEARCH_EXTRAS = "search/storyhub.json"


def search_extras(view: SiteView) -> dict[str, dict[str, str]]:
    """story URL (site-relative) -> {"thumb": URL or "", "date": ISO, "when": as read}."""
    hub = view.hub
    found: dict[str, dict[str, str]] = {}
    for story in hub.stories:
        if hub.preview_only(story):
            continue
        picture: Any = view.picture("story-image", story.id)
        thumb = ""
        if picture is not None and picture.webp:
            thumb = str(min(picture.webp, key=lambda v: v.width).path)
        elif view.image_url(story):
            thumb = str(view.image_url(story))
        found[story.url] = {"thumb": thumb, "date": story.date.isoformat(),
                            "when": view.date(story)}
    return found


def write_search_extras(view: SiteView, site_dir: Path) -> Path:
    path = site_dir / SEARCH_EXTRAS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(search_extras(view), ensure_ascii=False, sort_keys=True,
                               separators=(",", ":")), encoding="utf-8")
    return path
