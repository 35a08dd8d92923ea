"""A photo or story image named the way people name files ("my photo, 2024.jpg") keeps
its name on disk, and every address to it is a URL: in ``srcset`` a space ends the address
and a comma the candidate, so a raw name loaded nothing (checked in Chromium: the browser
asked for ".../2024-800w.webp")."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from conftest import Hub, image_bytes, person_text, read, story_text


def test_an_image_named_with_spaces_and_commas_is_addressed_by_url(hub: Hub) -> None:
    hub.write("stories/2025-03-14-kiln/index.md", story_text(
        "The kiln", extra='image: "my photo, 2024.jpg"\nimage_alt: A kiln at night\n'))
    hub.write("stories/2025-03-14-kiln/my photo, 2024.jpg", image_bytes(size=(1600, 900)))
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: giulia ferri.jpg\n"))
    hub.write("people/giulia ferri.jpg", image_bytes(size=(400, 400)))
    site = hub.build()
    for page in ("stories/index.html", "stories/kiln/index.html", "people/giulia/index.html"):
        html = read(site, page)
        folder = (site / page).parent
        addresses = [a for srcset in re.findall(r'srcset="([^"]*)"', html)
                     for a in re.findall(r"(\S+) \d+w", srcset)]
        addresses += re.findall(r'<img[^>]* src="([^"]+)"', html)
        mine = [a for a in addresses if "photo" in a or "giulia" in a]
        assert mine, page
        for address in mine:
            assert " " not in address and "," not in address, (page, address)
            assert (folder / unquote(address)).resolve().is_file(), (page, address)
    assert "my%20photo%2C%202024-800w.webp 800w" in read(site, "stories/kiln/index.html")
    assert (site / "stories/kiln/my photo, 2024.jpg").is_file()  # the file keeps its name


def test_ordinary_names_are_unchanged(hub: Hub) -> None:
    hub.write("stories/2025-03-14-kiln/index.md", story_text(
        "The kiln", extra="image: kiln.jpg\nimage_alt: A kiln at night\n"))
    hub.write("stories/2025-03-14-kiln/kiln.jpg", image_bytes(size=(1600, 900)))
    site: Path = hub.build()
    assert 'srcset="kiln-480w.webp 480w, kiln-800w.webp 800w' in read(
        site, "stories/kiln/index.html")
