"""Hostile and broken inputs: each gives its exact error, or builds with nothing leaked.

Error cases check ``path:line:col: message`` exactly. Build cases build a real site
and read every file of the output (``all_output_text``, gzip included).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Hub, all_output_text, image_bytes, person_text, run_core, story_text


def problems(hub: Hub) -> list[str]:
    return [d.format() for d in run_core(hub.root, site_name="Test").diagnostics.errors]


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width``×``height`` pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


IMG = "image: pic.jpg\nimage_alt: A picture\n"
PHOTO = "photo: photos/p.jpg\n"

# (id, files to write, exact errors)
ERROR_CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    ("yaml syntax error", {"stories/a.md": "---\ntitle: [oops\ndate: 2025-03-14\n---\nx\n"},
     ["stories/a.md:3:5: YAML syntax error: expected ',' or ']', but got ':'"]),
    ("missing front matter", {"stories/a.md": "title: x\n"},
     ["stories/a.md:1:1: missing front matter: the file must start with a line '---', then "
      "the fields (title: …, date: …), then a line '---'"]),
    ("missing field", {"stories/a.md": "---\ntitle: A\ndate: 2025-03-14\npeople: [giulia]\n"
                                       "values: [craft]\n---\nx\n"},
     ["stories/a.md:2:1: missing required field 'summary' (add a line such as: summary: One "
      "or two sentences that make people want to read on.)"]),
    ("misspelled field", {"stories/a.md": story_text("A").replace("title:", "titel:")},
     ["stories/a.md:2:1: unknown field 'titel' — did you mean 'title'?"]),
    ("duplicate key", {"stories/a.md": story_text("A", extra="title: B\n")},
     ["stories/a.md:7:1: duplicate key 'title' (already set on line 2); keep only one of them"]),
    ("person: no", {"stories/a.md": story_text("A", people="no")},
     ["stories/a.md:4:9: unknown person 'no' (people: giulia, marco)"]),
    ("unknown value", {"stories/a.md": story_text("A", values="[craf]")},
     ["stories/a.md:5:10: unknown value 'craf' — did you mean 'craft'?"]),
    ("draft as text", {"stories/a.md": story_text("A", extra='draft: "false"\n')},
     ['stories/a.md:7:8: \'draft\' must be true or false, without quotes (found the text '
      '"false")']),
    ("february 30", {"stories/a.md": story_text("A", date="2024-02-30")},
     ["stories/a.md:3:7: 'date': 2024-02-30 is not a real date: February 2024 has 29 days"]),
    ("day/month/year", {"stories/a.md": story_text("A", date="05/03/2024")},
     ["stories/a.md:3:7: 'date': '05/03/2024' is ambiguous: write dates as YYYY-MM-DD — did "
      "you mean 2024-03-05?"]),
    ("naive publish_at", {"stories/a.md": story_text(
        "A", extra="publish_at: 2026-03-01T09:00:00\n")},
     ["stories/a.md:7:13: 'publish_at': '2026-03-01T09:00:00' has no time zone, so it is "
      "ambiguous: add one, e.g. 2026-03-01T09:00:00+01:00 (Italy in winter) or "
      "2026-03-01T09:00:00Z (UTC)"]),
    ("tags as text", {"stories/a.md": story_text("A", extra="tags: a, b\n")},
     ["stories/a.md:7:7: 'tags' must be a list, not text: write tags: [a, b]"]),
    ("missing image", {"stories/a.md": story_text("A", extra="image: nope.jpg\nimage_alt: x\n")},
     ["stories/a.md:7:8: 'image': 'nope.jpg' does not exist"]),
    ("image in wrong case", {"stories/a/index.md": story_text("A", extra=IMG),
                             "stories/a/Pic.JPG": image_bytes()},
     ["stories/a/index.md:7:8: 'image': 'pic.jpg' does not exist — the file is called "
      "'Pic.JPG' (capital letters matter on the web)"]),
    ("handle that is a URL", {"people/p.md": person_text(
        "Pia Quinto", extra="links:\n  x: https://x.com/pq\n")},
     ["people/p.md:6:6: 'links.x': 'https://x.com/pq' is a link, not a handle: write only the "
      "handle, e.g. giuliaferri"]),
    ("javascript: handle", {"people/p.md": person_text(
        "Pia Quinto", extra="links:\n  instagram: javascript:alert(1)\n")},
     ["people/p.md:6:14: 'links.instagram': 'javascript:alert(1)' is a link, not a handle: "
      "write only the handle, e.g. giulia.bakes"]),
    ("javascript: profile URL", {"people/p.md": person_text(
        "Pia Quinto", extra="links:\n  linkedin: javascript:alert(1)\n")},
     ["people/p.md:6:13: 'links.linkedin': 'javascript:alert(1)' is not a web address: it "
      "must start with https://"]),
    ("URL breaking out of its attribute", {"people/p.md": person_text(
        "Pia Quinto", extra="links:\n  website: 'https://a.example/\"onmouseover=alert(1)'\n")},
     ["people/p.md:6:12: 'links.website': 'https://a.example/\"onmouseover=alert(1)' is not a "
      "plain web address: write it as https://host/path, without spaces, quotes, angle "
      "brackets or user names"]),
    ("ftp profile URL", {"people/p.md": person_text(
        "Pia Quinto", extra="links:\n  facebook: ftp://files.example/pq\n")},
     ["people/p.md:6:13: 'links.facebook': 'ftp://files.example/pq' is not a web address: it "
      "must start with https://"]),
    ("upper-case file name", {"stories/Night.md": story_text("A")},
     ["stories/Night.md:1:1: the name 'Night' cannot be used in a web address: rename it to "
      "'night' (lower-case letters, digits, hyphens) or set 'slug:'"]),
    ("NFD accented file name", {"stories/caffe\u0300.md": story_text("A")},
     ["stories/caff\u00e8.md:1:1: the name 'caff\u00e8' cannot be used in a web address: "
      "rename it to 'caffe' (lower-case letters, digits, hyphens) or set 'slug:'"]),
    ("duplicate slug through a date prefix", {
        "stories/2024-01-01-night-shift.md": story_text("A")},
     ["stories/night-shift.md:1:1: duplicate slug 'night-shift': "
      "stories/2024-01-01-night-shift.md already uses it (rename one of the files, or set a "
      "different 'slug:')"]),
    ("Latin-1 file", {"stories/a.md": story_text("Caff\u00e8").encode("latin-1")},
     ["stories/a.md:2:12: the file is not saved as UTF-8 (byte 0xE8, probably '\u00e8' in "
      "another encoding): save it again as UTF-8 (in most editors: File > Save with "
      "encoding > UTF-8)"]),
    ("SVG photo by extension", {"people/p.md": person_text("Pia Quinto", extra="photo: p.svg\n"),
                                "people/p.svg": "<svg onload='alert(1)'></svg>"},
     ["people/p.md:5:8: 'photo': 'p.svg' is not a JPEG, PNG or WebP image"]),
    ("SVG inside a .png", {"people/p.md": person_text("Pia Quinto", extra=PHOTO.replace(
        ".jpg", ".png")), "people/photos/p.png": "<?xml version='1.0'?><svg onload='x'/>"},
     ["people/p.md:5:8: 'photo': photos/p.png: the file is a SVG file, whatever its name says: "
      "SVG files can contain scripts and are not accepted: export it as PNG or JPEG"]),
    ("fake .jpg (text)", {"people/p.md": person_text("Pia Quinto", extra=PHOTO),
                          "people/photos/p.jpg": "just some text, not a picture"},
     ["people/p.md:5:8: 'photo': photos/p.jpg: the file is not an image, whatever its name "
      "says: use a JPEG, PNG or WebP image"]),
    ("HTML named .jpg", {"stories/a/index.md": story_text("A", extra=IMG),
                         "stories/a/pic.jpg": "<html><script>alert(1)</script></html>"},
     ["stories/a/index.md:7:8: 'image': pic.jpg: the file is a HTML file, whatever its name "
      "says: it is a web page, not an image"]),
    ("iPhone HEIC named .jpg", {"people/p.md": person_text("Pia Quinto", extra=PHOTO),
                                "people/photos/p.jpg": b"\x00\x00\x00\x18ftypheic" + b"\0" * 40},
     ["people/p.md:5:8: 'photo': photos/p.jpg: the file is a HEIC file, whatever its name "
      "says: it is an iPhone HEIC photo: export it as JPEG (Photos > Export, or set the "
      "camera to 'Most Compatible')"]),
    ("truncated JPEG", {"people/p.md": person_text("Pia Quinto", extra=PHOTO),
                        "people/photos/p.jpg": image_bytes()[:40]},
     ["people/p.md:5:8: 'photo': photos/p.jpg: the file starts like a JPEG image but cannot "
      "be read (Truncated File Read): open it in an image editor and save it again"]),
    ("20000×20000 image", {"people/p.md": person_text("Pia Quinto", extra=PHOTO.replace(
        ".jpg", ".png")), "people/photos/p.png": png_header_only(20000, 20000)},
     ["people/p.md:5:8: 'photo': photos/p.png: the image is too large (400 megapixels); the "
      "limit is 60 megapixels: resize it, e.g. to 2400 pixels on the longest side"]),
    ("9000×9000 image", {"people/p.md": person_text("Pia Quinto", extra=PHOTO.replace(
        ".jpg", ".png")), "people/photos/p.png": png_header_only(9000, 9000)},
     ["people/p.md:5:8: 'photo': photos/p.png: the image is too large (9000×9000 pixels, 81 "
      "megapixels); the limit is 60 megapixels: resize it, e.g. to 2400 pixels on the "
      "longest side"]),
    ("SVG beside a story", {"stories/a/index.md": story_text("A"),
                            "stories/a/logo.svg": "<svg><script>alert(1)</script></svg>"},
     ["stories/a/logo.svg:1:1: 'logo.svg' cannot be published beside a story: .svg files can "
      "run code in the reader's browser (export images as PNG or JPEG)"]),
    ("HTML page beside a story", {"stories/a/index.md": story_text("A"),
                                  "stories/a/extra.html": "<script>alert(1)</script>"},
     ["stories/a/extra.html:1:1: 'extra.html' cannot be published beside a story: .html files "
      "can run code in the reader's browser (export images as PNG or JPEG)"]),
    ("unknown author", {"stories/a.md": story_text("A", extra="author: giula\n")},
     ["stories/a.md:7:9: unknown author 'giula' — did you mean 'giulia'?"]),
]


@pytest.mark.parametrize("files, expected", [c[1:] for c in ERROR_CASES],
                         ids=[c[0] for c in ERROR_CASES])
def test_broken_input_gives_exact_error(
    hub: Hub, files: dict[str, str | bytes], expected: list[str]
) -> None:
    for path, content in files.items():
        hub.write(path, content)
    assert problems(hub) == expected


def test_oversized_file_names_the_file(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyhub.media import images

    monkeypatch.setattr(images, "MAX_FILE_BYTES", 1024 * 1024)
    hub.write("people/p.md", person_text("Pia Quinto", extra=PHOTO))
    hub.write("people/photos/p.jpg", image_bytes() + b"\0" * (2 * 1024 * 1024))
    assert problems(hub) == [
        "people/p.md:5:8: 'photo': photos/p.jpg: the file is 2.0 MB; the limit is 1 MB: make "
        "it smaller (e.g. 2400 pixels wide, JPEG quality 85)"
    ]


def test_bom_and_crlf_are_accepted(hub: Hub) -> None:
    text = story_text("Windows story").replace("\n", "\r\n")
    hub.write("stories/windows.md", b"\xef\xbb\xbf" + text.encode())
    assert problems(hub) == []
    site = hub.build()
    assert (site / "stories" / "windows" / "index.html").is_file()


# -- built sites: hostile text is escaped or removed, never active ----------------------------

XSS_TITLE = '"\\"><script>alert(1)</script>"'
BREAKOUT = '"</title><script>alert(2)</script>"'
ONERROR = '"\\"><img src=x onerror=alert(3)>"'


def active_markup(site: Path) -> list[str]:
    """Every hostile construct still *active* (an element or attribute, not text) anywhere."""
    from bs4 import BeautifulSoup

    found = []
    for path, text in all_output_text(site):
        where = path.relative_to(site).as_posix()
        if path.suffix != ".html":
            if path.suffix in (".csv", ".ics"):
                # plain-text data (snippets.csv, calendar.ics TEXT values): the title as
                # written, never HTML
                continue
            if "<script>alert" in text or "onerror=alert" in text.replace('\\"', '"'):
                # JSON (search index) holds page HTML: it must be escaped text there too.
                found += [f"{where}: raw markup"] if "<script>alert" in text else []
            continue
        if "</title><script" in text:
            found.append(f"{where}: title break-out")
        page = BeautifulSoup(text, "html.parser")
        for tag in page.find_all(True):
            if tag.name == "script" and tag.get("type") == "application/ld+json":
                # JSON-LD data (rich previews) holds the title as inert JSON text; it must not
                # contain a raw "<" that could close the element.
                if "<" in (tag.string or ""):
                    found.append(f"{where}: raw < in JSON-LD")
                continue
            if tag.name in ("iframe", "object", "embed") or (
                tag.name == "script" and "alert" in (tag.string or "")
            ) or (tag.name == "style" and "display:none" in (tag.string or "")):
                found.append(f"{where}: <{tag.name}>")
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if name.startswith("on"):
                    found.append(f"{where}: {name} on <{tag.name}>")
                if name in ("href", "src", "action", "data") and value.strip().lower().startswith(
                    ("javascript:", "vbscript:", "data:text")
                ):
                    found.append(f"{where}: {value} in {name}")
                if name == "style" and "position:fixed" in value:
                    found.append(f"{where}: style on <{tag.name}>")
    return found


BUILD_CASES: list[tuple[str, dict[str, str], int]] = [
    ("script in a title", {"stories/a.md": story_text(XSS_TITLE)}, 0),
    ("title closing <title>", {"stories/a.md": story_text(BREAKOUT)}, 0),
    ("img onerror in a summary", {"stories/a.md": story_text("A", summary=ONERROR)}, 0),
    ("script in a person's name and role", {"people/giulia.md": person_text(
        XSS_TITLE, role=BREAKOUT)}, 0),
    ("script in a team name", {"people/giulia.md": person_text("Giulia", team=XSS_TITLE)}, 0),
    ("script in image_alt", {"stories/a/index.md": story_text("A", extra=(
        "image: pic.jpg\nimage_alt: " + ONERROR + "\n")), "stories/a/pic.jpg": ""}, 0),
    ("script in tags", {"stories/a.md": story_text("A", extra=f"tags: [{XSS_TITLE}]\n")}, 0),
    ("script in a value", {"values.yml": (
        "- id: craft\n  name: " + XSS_TITLE + "\n  description: " + ONERROR + "\n"
        "  prompts: [" + BREAKOUT + "]\n- id: care\n  name: Care\n  description: C.\n"
        "- id: courage\n  name: Courage\n  description: C.\n")}, 1),
    ("raw script in the body", {"stories/a.md": story_text(
        "A", body="Hi.\n\n<script>alert(1)</script>\n")}, 1),
    ("iframe in the body", {"stories/a.md": story_text(
        "A", body='<iframe src="https://evil.example"></iframe>\n')}, 1),
    ("onerror in the body", {"stories/a.md": story_text(
        "A", body='<img src="x" onerror="alert(3)">\n')}, 1),
    ("javascript: link", {"stories/a.md": story_text(
        "A", body="[click](javascript:alert(1))\n")}, 1),
    ("entity-encoded javascript: link", {"stories/a.md": story_text(
        "A", body='<a href="&#106;avascript&#58;alert(1)">x</a>\n')}, 1),
    ("javascript: split by a tab entity", {"stories/a.md": story_text(
        "A", body='<a href="jav&#x09;ascript:alert(1)">x</a>\n')}, 1),
    ("JAVASCRIPT: in capitals with spaces", {"stories/a.md": story_text(
        "A", body='<a href="  JaVaScRiPt:alert(1)">x</a>\n')}, 1),
    ("vbscript: link", {"stories/a.md": story_text(
        "A", body='<a href="vbscript:msgbox(1)">x</a>\n')}, 1),
    ("data: image", {"stories/a.md": story_text(
        "A", body='<img src="data:text/html;base64,PHNjcmlwdD4=" alt="x">\n')}, 1),
    ("attr_list onclick", {"stories/a.md": story_text(
        "A", body='A paragraph.\n{: onclick="alert(1)" }\n')}, 1),
    ("attr_list style", {"stories/a.md": story_text(
        "A", body='A paragraph.\n{: style="position:fixed;top:0" }\n')}, 1),
    ("style element", {"stories/a.md": story_text(
        "A", body="<style>body{display:none}</style>\n")}, 1),
    ("object, embed and form", {"stories/a.md": story_text(
        "A", body='<object data="x.swf"></object>\n\n<embed src="x.swf">\n\n'
                  '<form action="https://evil.example"><button>Go</button></form>\n')}, 4),
    ("svg onload inline", {"stories/a.md": story_text(
        "A", body='<svg onload="alert(1)"><circle r="4"/></svg>\n')}, 2),
    ("script in a bio", {"people/giulia.md": person_text(
        "Giulia Ferri", bio="<script>alert(1)</script>")}, 1),
]


@pytest.mark.parametrize("files, warnings", [c[1:] for c in BUILD_CASES],
                         ids=[c[0] for c in BUILD_CASES])
def test_hostile_text_is_never_active(
    hub: Hub, files: dict[str, str], warnings: int,
    mkdocs_warnings: Callable[[], list[str]],
) -> None:
    hub.set(markdown_extensions=["attr_list"])
    for path, content in files.items():
        hub.write(path, image_bytes() if path.endswith(".jpg") else content)
    site = hub.build(strict=False)
    assert active_markup(site) == []
    removed = [w for w in mkdocs_warnings() if "removed" in w]
    assert len(removed) == warnings, removed


def test_removed_markup_is_reported_with_file_and_line(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    hub.set(markdown_extensions=["attr_list"])
    hub.write("stories/a.md", story_text("A", body=(
        "First line.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n"
        "Para.\n{: onclick=\"alert(3)\" }\n")))
    hub.build(strict=False)
    assert [w for w in mkdocs_warnings() if "removed" in w] == [
        "storyhub: stories/a.md:10: removed <script> element from the HTML (not allowed in "
        "stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:12: removed 'javascript:' link in 'href' on <a> from the HTML "
        "(not allowed in stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:15: removed 'onclick' attribute on <p> from the HTML (not "
        "allowed in stories and profiles, it could run code or change the page)",
    ]


def test_strict_build_fails_on_removed_markup(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", body="<script>alert(1)</script>\n"))
    result = hub.mkdocs("build", "--strict")
    assert result.returncode == 1
    assert "stories/a.md:8: removed <script> element" in result.stderr


def test_template_syntax_in_content_stays_literal(hub: Hub) -> None:
    hub.write("stories/a.md", story_text(
        "'{{ config.site_name }} and {% raw %}'", summary="'{{ config }}'",
        body="Body {{ config.theme }} and {% include 'main.html' %} and {# x #}.\n"))
    site = hub.build()
    html = (site / "stories" / "a" / "index.html").read_text(encoding="utf-8")
    assert "{{ config.site_name }} and {% raw %}" in html
    assert "Body {{ config.theme }} and {% include &#39;main.html&#39; %} and {# x #}." in html \
        or "Body {{ config.theme }} and {% include 'main.html' %} and {# x #}." in html
    assert "Test hub and" not in html


def test_mkdocs_yml_words_are_text_or_sanitised_on_every_page(hub: Hub) -> None:
    """A pull request may change mkdocs.yml, whose words Material prints as they are on
    every page: ``site_name`` and ``site_description`` are text (escaped: a quote cannot
    leave the description's attribute), ``copyright`` and ``frame.footer`` HTML, sanitised
    like a story's (an entity and a link kept), each removal a warning at its line; the
    404 page (rendered before the others) wears the same frame as every page."""
    from bs4 import BeautifulSoup

    hub.set(site_name='Forno <img src=x onerror=alert(1)> & Figli',
            site_description='Storie"><script>alert(2)</script>',
            copyright='&copy; Forno <a href="https://forno.example/">Figli</a>'
                      '<script>alert(3)</script>')
    result = hub.mkdocs("build")
    assert result.returncode == 0, result.stderr
    site = hub.root / "site"
    assert active_markup(site) == []
    lines = (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    copyright_line = next(n for n, line in enumerate(lines, 1) if line.startswith("copyright"))
    removed = (f"mkdocs.yml:{copyright_line}:12: warning: 'copyright': removed <script> "
               "element from the HTML (not allowed in the footer, it could run code or "
               "change the page)")
    assert removed in result.stderr
    checked = hub.storyhub("check", "--strict")  # the check says what the build will
    assert checked.returncode == 1 and removed in checked.stdout, checked

    def frame(page: str) -> tuple[str, str | None, str]:
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        description = soup.find("meta", attrs={"name": "description"})
        footer = soup.select_one(".md-copyright__highlight")
        assert soup.title is not None and footer is not None
        return (soup.title.get_text(), description["content"] if description else None,
                footer.decode_contents().strip())

    link = '© Forno <a href="https://forno.example/" rel="noopener noreferrer">Figli</a>'
    for page in ("index.html", "404.html", "stories/index.html"):
        title, description, footer = frame(page)
        assert "Forno <img src=x onerror=alert(1)> & Figli" in title, page
        assert description in (None, 'Storie"><script>alert(2)</script>'), page
        assert footer == link, page
    assert frame("404.html")[1] == 'Storie"><script>alert(2)</script>'

    # the words are escaped only while Material renders: other plugins read them as written
    from conftest import own_plugins
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with own_plugins():
        config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(hub.root / "again"))
        build(config)
    assert type(config.site_name) is str and type(config.site_description) is str
    assert config.site_description == 'Storie"><script>alert(2)</script>'
    assert type(config.copyright) is str and config.copyright == link

    hub.config(frame={"footer": {"en": "<b onclick=alert(4)>Forno</b> &amp; Figli"}})
    result = hub.mkdocs("build")
    assert "warning: 'frame.footer.en': removed 'onclick' attribute on <b> from the HTML" in (
        result.stderr)
    assert active_markup(site) == []
    assert {frame(page)[2] for page in ("index.html", "404.html", "stories/index.html")} == {
        "<b>Forno</b> &amp; Figli"}


def test_removed_markup_in_a_value_description_is_reported_at_its_line(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    """A value's description is Markdown, rendered on the value's page: what sanitising
    removes from it is reported at the description's line (it was line 1 of values.yml)."""
    lines = (hub.root / "values.yml").read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if "description:" in line)
    lines[at] = "  description: 'We care. <script>alert(1)</script>'"
    hub.write("values.yml", "\n".join(lines) + "\n")
    hub.build(strict=False)
    assert [w for w in mkdocs_warnings() if "removed" in w] == [
        f"storyhub: values.yml:{at + 1}: removed <script> element from the HTML (not allowed "
        "in stories and profiles, it could run code or change the page)"]


def test_the_check_says_what_a_strict_build_stops_on(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    """``storyhub check`` renders the texts that could hold markup as the engine does and
    warns, at the same lines, about what the build's sanitiser will remove: a check that
    passes is a strict build that passes (it passed while the build stopped)."""
    hub.set(markdown_extensions=["attr_list"])
    hub.write("stories/a.md", story_text("A", body=(
        "First line.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n\n"
        "Para.\n{: onclick=\"alert(3)\" }\n")))
    hub.write("people/giulia.md", person_text("Giulia Ferri", bio="<b onclick=alert(4)>Hi</b>"))
    hub.build(strict=False)
    built = sorted(w.removeprefix("storyhub: ") for w in mkdocs_warnings() if "removed" in w)
    checked = hub.storyhub("check", "--no-advice")
    assert checked.returncode == 0, checked
    said = sorted(line.replace(":1: warning: ", ": ", 1) for line in checked.stdout.splitlines()
                  if "removed" in line)
    assert said == built and len(said) == 4, (said, built)
    assert hub.storyhub("check", "--strict", "--no-advice").returncode == 1
    hub.write("stories/a.md", story_text("A", body="Plain *words* and [a link](https://x.example/).\n"))
    hub.write("people/giulia.md", person_text("Giulia Ferri"))
    assert hub.storyhub("check", "--strict", "--no-advice").returncode == 0
