"""Snippets on real builds: text per network, consent, own text checks, the snippets page,
the JSON and CSV exports read back, and `storyhub snippets --out`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup
from conftest import Hub, person_text, read, story_text
from storyhub.social.counting import measure
from storyhub.social.export import CSV_COLUMNS, SCHEMA_FILE
from storyhub.text.networks import NETWORKS as RULES

NETWORKS = ("linkedin", "x", "instagram", "facebook", "threads", "bluesky", "mastodon")


def _load(site: Path, folder: str = "snippets") -> dict:
    data = json.loads((site / folder / "snippets.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    return data


def _story(data: dict, slug: str) -> dict:
    return next(s for s in data["stories"] if s["slug"] == slug)


def test_every_network_has_two_distinct_variants_within_limits(hub: Hub) -> None:
    site = hub.build()
    data = _load(site)
    assert set(data["networks"]) == set(NETWORKS)
    for story in data["stories"]:
        for network in NETWORKS:
            texts = [s["text"] for s in story["snippets"] if s["network"] == network]
            assert len(texts) >= 2 and len(set(texts)) == len(texts), (story["slug"], network)
        for snippet in story["snippets"]:
            rule = RULES[snippet["network"]]
            size = measure(rule, snippet["text"])
            assert size.ok and snippet["fits"]
            assert snippet["count"] == size.count


def test_text_carries_hook_person_hashtags_and_link(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", extra="links:\n  x: giuliaferri\n  instagram: giulia.bakes\n"))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia]", values="[craft]",
        summary="At 2 a.m. the oven failed. Giulia had 400 loaves to save.",
        extra="tags: [night-shift, bread]\n"))
    data = _load(hub.build())
    story = _story(data, "night-shift")
    x1 = next(s for s in story["snippets"] if s["network"] == "x" and s["variant"] == "1")
    assert "At 2 a.m. the oven failed." in x1["text"]
    assert "@giuliaferri" in x1["text"]
    assert "#craftsmanship" in x1["text"]
    assert x1["link"] in x1["text"]
    assert x1["link"] == ("https://stories.example.com/stories/night-shift/?utm_source=x"
                          "&utm_medium=social&utm_campaign=night-shift&utm_content=v1")
    assert x1["intent"].startswith("https://x.com/intent/post?text=")
    insta = [s for s in story["snippets"] if s["network"] == "instagram"
             and not s["variant"].startswith(("me-", "colleague-"))]  # see test_personal.py
    for snippet in insta:
        assert "http" not in snippet["text"] and "link in bio" in snippet["text"]
        assert snippet["text"].count("#") <= 5
        assert "@giulia.bakes" in snippet["text"]
    linkedin = [s for s in story["snippets"] if s["network"] == "linkedin"
                and not s["variant"].startswith(("me-", "colleague-"))]
    for snippet in linkedin:
        assert snippet["text"].startswith("At 2 a.m.")  # the hook, before the fold
        assert "Giulia Ferri" in snippet["text"] and "@" not in snippet["text"]
    threads = [s for s in story["snippets"] if s["network"] == "threads"]
    assert all(s["text"].count("#") <= 1 for s in threads)


def test_handles_only_with_social_consent_and_nothing_unpublished(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="links:\n  x: giuliaferri\n")
              .replace("social: true", "social: false"))
    hub.write("people/hidden.md", person_text("Hidden Person", extra="links:\n  x: hiddenp\n")
              .replace("name: true", "name: false"))
    hub.write("stories/secret.md", story_text("Secret draft", summary="Nobody may read this.",
                                              extra="draft: true\n"))
    hub.write("stories/hidden-story.md", story_text("About hidden", people="[hidden]",
                                                    summary="Not to be published."))
    site = hub.build()
    data = _load(site)
    text = (site / "snippets" / "snippets.json").read_text(encoding="utf-8")
    csv_text = (site / "snippets" / "snippets.csv").read_text(encoding="utf-8-sig")
    page = read(site, "snippets/index.html")
    for output in (text, csv_text, page):
        assert "giuliaferri" not in output
        assert "Hidden Person" not in output and "hiddenp" not in output
        assert "Secret draft" not in output and "About hidden" not in output
    assert {s["slug"] for s in data["stories"]} == {"first-oven", "night-shift"}
    assert "Giulia Ferri" in text  # named: she consented to her name


def test_own_social_text_is_used_and_checked(hub: Hub) -> None:
    own = "Our own words about the night shift 🇮🇹 https://stories.example.com/stories/night-shift/"
    hub.write("stories/night-shift.md", story_text(
        "Night shift", extra=f"social:\n  x: \"{own}\"\n"))
    data = _load(hub.build())
    x = [s for s in _story(data, "night-shift")["snippets"] if s["network"] == "x"]
    assert [s["variant"] for s in x] == ["own", "1", "2", "me-giulia", "colleague-giulia"]
    assert x[0]["text"] == own

    hub.write("stories/night-shift.md", story_text(
        "Night shift", extra="social:\n  linkedin: fine\n  x: \"" + "è" * 120 + "日" * 81 + "\"\n"))
    result = hub.storyhub("check")
    assert result.returncode == 1
    assert ("stories/night-shift.md:9:6: social.x is too long: 282 weighted characters, "
            "over X's limit of 280 by 2") in result.stdout
    built = hub.mkdocs("build", "--strict")
    assert built.returncode != 0
    assert "stories/night-shift.md:9:6: social.x is too long" in built.stderr


def test_bluesky_own_text_over_the_byte_limit(hub: Hub) -> None:
    family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"
    hub.write("stories/night-shift.md", story_text(
        "Night shift", extra=f"social:\n  bluesky: \"{family * 170}\"\n"))
    result = hub.storyhub("check")
    assert result.returncode == 1
    assert "social.bluesky is too long: 3060 bytes, over Bluesky's limit of 3000 bytes" \
        in result.stdout


def test_mastodon_limit_is_configurable(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", extra="social:\n  mastodon: \"" + "a" * 600 + "\"\n"))
    assert hub.storyhub("check").returncode == 1
    hub.config(snippets={"mastodon_limit": 1000})
    assert hub.storyhub("check").returncode == 0
    data = _load(hub.build())
    assert data["networks"]["mastodon"]["limit"] == 1000


def test_csv_reads_back_with_accents_and_multiline_cells(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "'Perché sì: la notte del forno'",
        summary="'Città, caffè e \"virgolette\"; 日本 👨‍👩‍👧.'"))
    site = hub.build()
    raw = (site / "snippets" / "snippets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    data = _load(site)
    expected = [(s["slug"], x["network"], x["variant"], x["text"])
                for s in data["stories"] for x in s["snippets"]]
    got = [(r["story"], r["network"], r["variant"], r["text"].replace("\r\n", "\n"))
           for r in rows]
    assert got == expected
    row = next(r for r in rows if r["story"] == "night-shift")
    assert row["title"] == "Perché sì: la notte del forno"
    assert "Città, caffè e \"virgolette\"" in row["text"] and "\r\n" in row["text"]
    assert row["image_url"].startswith("https://stories.example.com/assets/cards/")
    assert row["image_alt"] and row["suggested_date"]


def test_snippets_page_is_standalone_noindex_and_outside_nav_sitemap_search(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "'\"><script>alert(1)</script> {{ config }}'", summary="'<b>bold</b> & more'"))
    site = hub.build()
    html = read(site, "snippets/index.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    for tag in soup.find_all(["script", "link", "img"]):
        for attr in ("src", "href"):
            value = tag.get(attr)
            assert value is None or not value.startswith(("http", "//")), value
    assert "<script>alert(1)</script>" not in html
    assert "{{ config }}" in soup.get_text()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    pres = soup.select("pre.text")
    assert pres and all(p.get("id") for p in pres)
    # The shown text is exactly the exported text.
    data = _load(site)
    shown = {p["id"]: p.get_text() for p in pres}
    for story in data["stories"]:
        for s in story["snippets"]:
            assert shown[f"t-{story['slug']}-{s['network']}-{s['variant']}"] == s["text"]
    # Filters for value, person and network, and images to download.
    assert {"f-value", "f-person", "f-network"} <= {s.get("id") for s in soup.find_all("select")}
    for img in soup.select(".images img"):
        assert (site / "snippets" / img["src"]).resolve().is_file()
        assert img["alt"]
    sitemap = read(site, "sitemap.xml")
    assert "snippets" not in sitemap
    assert "snippets" not in read(site, "search/search_index.json")
    assert "snippets" not in read(site, "index.html")


def test_templates_can_be_overridden(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/storyhub/snippets/x/variant-1.txt",
              "OVERRIDE {{ title }} {{ link }}\n")
    hub.write("overrides/storyhub/snippets/x/variant-3.txt", "Third {{ hook }} {{ link }}\n")
    hub.config(snippets={"networks": ["x"], "utm": False})
    data = _load(hub.build())
    x = _story(data, "night-shift")["snippets"]
    assert [s["variant"] for s in x] == ["1", "2", "3", "me-giulia", "colleague-giulia",
                                         "me-marco", "colleague-marco"]
    assert x[0]["text"] == "OVERRIDE Night shift https://stories.example.com/stories/night-shift/"
    assert set(data["networks"]) == {"x"}


def test_generated_text_is_shortened_to_fit(hub: Hub) -> None:
    summary = " ".join(f"Sentence number {i} tells a little more about the night." for i in
                       range(12))
    hub.write("stories/night-shift.md", story_text("Night shift", summary=summary,
                                                   extra="tags: [bread, night-shift, ovens]\n"))
    data = _load(hub.build())
    for snippet in _story(data, "night-shift")["snippets"]:
        assert snippet["fits"]
        # (LinkedIn's personal variants have no fold rule: the sharer's line comes first.)
        if snippet["network"] in ("x", "bluesky", "threads") or (
                snippet["network"] == "linkedin" and snippet["variant"].isdigit()):
            assert snippet["shortened"]
        words = set(summary.replace(".", " ").split())
        first = snippet["text"].split("\n")[0]
        if first.startswith("Sentence"):
            for word in first.rstrip("…").replace(".", " ").split():
                assert word in words  # never a broken word


def test_snippets_command_writes_the_same_files_without_a_build(hub: Hub) -> None:
    out = hub.root / "out"
    result = hub.storyhub("snippets", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} >= {"index.html", "snippets.json", "snippets.csv",
                                               "assets"}
    data = _load(out, ".")
    assert len(list((out / "assets" / "cards").glob("*.jpg"))) == 2 * len(data["stories"])
    site = hub.build()
    built = _load(site)
    assert data == built
    assert not (hub.root / "site" / "out").exists()


def test_snippets_command_refuses_invalid_content(hub: Hub) -> None:
    hub.write("stories/bad.md", story_text("Bad", values="[craf]"))
    result = hub.storyhub("snippets", "--out", "out")
    assert result.returncode == 1
    assert "stories/bad.md:5:10: unknown value 'craf'" in result.stderr
    assert not (hub.root / "out").exists()


def test_switched_off(hub: Hub) -> None:
    hub.config(snippets={"enabled": False}, cards={"enabled": False})
    site = hub.build()
    assert not (site / "snippets").exists()
    assert not (site / "assets" / "cards").exists()


def test_without_site_url_the_build_warns_once(hub: Hub, mkdocs_warnings) -> None:  # type: ignore[no-untyped-def]
    hub.set(site_url=None)
    hub.build(strict=False)
    warnings = [w for w in mkdocs_warnings() if "site_url" in w]
    assert len(warnings) == 1
    assert "site_url is not set" in warnings[0]


def test_example_hub_snippets_all_fit(example_site: Path) -> None:
    data = _load(example_site)
    assert data["stories"]
    for story in data["stories"]:
        for snippet in story["snippets"]:
            size = measure(RULES[snippet["network"]], snippet["text"])
            assert size.ok, (story["slug"], snippet["network"], snippet["variant"], size)


def test_a_rebuild_writes_the_same_exports_and_a_change_refreshes_them(hub: Hub) -> None:
    site = hub.build()
    first = (site / "snippets" / "snippets.json").read_bytes()
    assert not (hub.root / ".cache" / "storyhub" / "snippets").exists()  # nothing cached
    site = hub.build()
    assert (site / "snippets" / "snippets.json").read_bytes() == first
    hub.write("stories/first-oven.md", story_text("The first oven", date="2024-05-01",
                                                   summary="A brand new hook."))
    site = hub.build()
    assert "A brand new hook." in read(site, "snippets/snippets.json")
    assert "A brand new hook." in read(site, "snippets/index.html")


def test_page_shows_the_newest_stories_and_exports_hold_all(hub: Hub) -> None:
    hub.write("stories/kiln-day.md", story_text("Kiln day", date="2020-01-01"))
    hub.config(snippets={"page_stories": 2, "networks": ["x"]})
    site = hub.build()
    soup = BeautifulSoup(read(site, "snippets/index.html"), "html.parser")
    shown = {p["id"].split("-x-")[0] for p in soup.select("pre.text")}
    assert shown == {"t-night-shift", "t-first-oven"}  # the two newest
    assert "The 2 newest of 3 stories are shown here" in soup.get_text(" ")
    assert [s["slug"] for s in _load(site)["stories"]] == ["night-shift", "first-oven",
                                                          "kiln-day"]
    with (site / "snippets" / "snippets.csv").open(encoding="utf-8-sig", newline="") as f:
        assert {row["story"] for row in csv.DictReader(f)} == {
            "night-shift", "first-oven", "kiln-day"}
