"""The coaching loop (issue 24): campaigns, their series pages, the monthly digest and the
report's campaign figures, on one hub in two languages built once for the module.

The hub, as of 1 December 2026 (``as_of``):

* campaign ``kilns`` (open): ``kiln-a`` (English, with an Italian translation that does
  not repeat ``campaign:``), ``solo-it`` (Italian only), a draft, a story embargoed until
  2099, a story about someone who withdrew consent, ``late-kiln`` (dated October, embargoed
  until 2 November: published in November);
* campaign ``summer`` (closed): ``summer-story`` (October);
* campaign ``empty`` (open): only a draft, so no page;
* ``no-campaign`` (November) answers none.
"""

from __future__ import annotations

import email
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, VALUES, Hub, image_bytes, make_hub, person_text, story_text

AS_OF = "2026-12-01T09:00:00+01:00"
CAMPAIGNS = [
    {"id": "kilns", "title": "Kilns we remember", "prompt": "Which firing do you remember?",
     "values": ["craft", "care"], "opens": "2026-10-01", "closes": "2026-12-31", "target": 4,
     "translations": {"it": {"title": "Forni che ricordiamo",
                             "prompt": "Quale cottura ricordi?"}}},
    {"id": "summer", "title": "Summer hours", "prompt": "What changed in the summer?",
     "values": ["care"], "opens": "2026-06-01", "closes": "2026-10-31"},
    {"id": "empty", "title": "Nobody yet", "prompt": "Will you be the first?",
     "values": ["courage"], "opens": "2026-11-01", "closes": "2027-03-31", "target": 2},
]
#: newest first by date, as everywhere on the site (the late kiln is dated October)
PUBLISHED_NOVEMBER = ["no-campaign", "solo-it", "kiln-a", "late-kiln"]
HIDDEN_TITLES = ["Draft about kilns", "Kiln of the future", "Wanda's kiln", "Unfinished"]


@dataclass
class Built:
    hub: Hub
    site: Path
    digests: Path


def _write_hub(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "language": "en"})
    hub.config(languages=["en", "it"], as_of=AS_OF)
    hub.write("values.yml", yaml.safe_dump(VALUES, sort_keys=False, allow_unicode=True))
    hub.write("campaigns.yml", yaml.safe_dump({"campaigns": CAMPAIGNS}, sort_keys=False,
                                              allow_unicode=True))
    hub.write("people/wanda.md", person_text(
        "Wanda Verdi", extra="").replace("  date: 2025-01-15\n",
                                         "  date: 2025-01-15\n  withdrawn: 2026-11-01\n"))
    for name in ("first-oven", "night-shift"):
        (hub.root / "stories" / f"{name}.md").unlink()
    stories = {
        "2026-11-03-kiln-a/index.md": story_text(
            "The kiln that sang", date="2026-11-03", summary="It sang all night.",
            extra="campaign: kilns\nlang: en\nimage: kiln.jpg\nimage_alt: The old kiln, "
                  "door open, glowing orange\n", body="The kiln sang all night long."),
        "forno-a.md": story_text(
            "Il forno che cantava", date="2026-11-04", summary="Ha cantato tutta la notte.",
            extra="lang: it\ntranslation_of: kiln-a\n", body="Il forno ha cantato."),
        "solo-it.md": story_text(
            "Solo in italiano", date="2026-11-10", people="[marco]",
            summary="Una storia solo in italiano.", extra="campaign: kilns\nlang: it\n"),
        "draft-kiln.md": story_text(
            "Draft about kilns", date="2026-11-12", summary="Not ready at all.",
            extra="campaign: kilns\ndraft: true\n"),
        "future-kiln.md": story_text(
            "Kiln of the future", date="2026-11-15", summary="Embargoed for a long time.",
            extra="campaign: kilns\npublish_at: 2099-01-01T09:00:00+01:00\n"),
        "wanda-kiln.md": story_text(
            "Wanda's kiln", date="2026-11-20", people="[wanda]",
            summary="About someone who withdrew.", extra="campaign: kilns\n"),
        "late-kiln.md": story_text(
            "The late kiln", date="2026-10-28", summary="Written in October, out in November.",
            extra="campaign: kilns\npublish_at: 2026-11-02T09:00:00+01:00\n"),
        "summer-story.md": story_text(
            "Summer at the oven", date="2026-10-05", values="[care]",
            summary="The summer hours.", extra="campaign: summer\n"),
        "unfinished.md": story_text(
            "Unfinished", date="2026-11-21", summary="Only a draft answers it.",
            extra="campaign: empty\ndraft: true\n"),
        "no-campaign.md": story_text(
            "No campaign here", date="2026-11-25", people="[giulia, marco]",
            values="[courage]", summary="Answers no campaign."),
    }
    for relative, text in stories.items():
        hub.write(f"stories/{relative}", text)
    hub.write("stories/2026-11-03-kiln-a/kiln.jpg", image_bytes(size=(64, 48)))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    hub = make_hub(tmp_path_factory.mktemp("coaching"))
    _write_hub(hub)
    site = hub.build()
    digests = hub.root / "digests"
    for lang in ("en", "it"):
        for month in ("2026-11", "2026-10"):
            result = hub.storyhub("digest", "--month", month, "--lang", lang, "--out",
                                  str(digests))
            assert result.returncode == 0, result.stderr
    return Built(hub, site, digests)


# -- campaigns.yml -----------------------------------------------------------------------------


def test_campaigns_file_matches_its_json_schema() -> None:
    schema = json.loads((REPO / "schemas/campaigns.schema.json").read_text(encoding="utf-8"))
    # as an editor sees the file: dates are text
    example = yaml.safe_load((REPO / "campaigns.yml").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(example,
                                                                          default=str)))
    jsonschema.Draft202012Validator(schema).validate(CAMPAIGNS)
    bad = [{**CAMPAIGNS[0], "target": 0}]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(bad))


def test_campaigns_are_checked_like_values(hub: Hub) -> None:
    hub.write("campaigns.yml", """\
campaigns:
  - id: kilns
    title: Kilns
    prompt: Which firing?
    values: [craft, cares]
    opens: 2026-10-01
    closes: 2026-09-01
  - id: kilns
    title: Again
    prompt: Twice?
    values: [craft]
    opens: 2026-10-01
    closes: 2026-12-01
  - id: oops
    titel: Oops
    prompt: Typo?
    values: [craft]
    opens: 2026-10-01
    closes: 2026-12-01
""")
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]",
        extra="campaign: kiln\n"))
    hub.write("stories/first-oven.md", story_text(
        "The first oven", extra="campaign: oops\n"))
    result = hub.storyhub("check", "--no-advice")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert ("campaigns.yml:5:21: unknown value 'cares' — did you mean 'care'?") in lines
    assert any(line.startswith("campaigns.yml:7:13: 'closes' (2026-09-01) is before 'opens'")
               for line in lines)
    assert any(line.startswith("campaigns.yml:8:9: duplicate campaign id 'kilns'")
               for line in lines)
    assert any(line.startswith("campaigns.yml:15:5:") and "titel" in line
               and "did you mean 'title'" in line for line in lines), lines
    assert ("stories/night-shift.md:7:11: unknown campaign 'kiln' — did you mean 'kilns'?"
            in lines)
    # a campaign whose own fields are wrong is reported there, not again in its stories
    assert not any("stories/first-oven.md" in line for line in lines)


def test_a_story_naming_a_campaign_without_campaigns_yml(hub: Hub) -> None:
    hub.write("stories/first-oven.md", story_text("The first oven", extra="campaign: kilns\n"))
    result = hub.storyhub("check", "--no-advice")
    assert result.returncode == 1
    assert ("stories/first-oven.md:7:11: unknown campaign 'kilns' (there is no campaigns.yml: "
            "add the campaign there)") in result.stdout


def test_campaigns_yml_shape_errors(hub: Hub) -> None:
    hub.write("campaigns.yml", "title: not a list\n")
    result = hub.storyhub("check", "--no-advice")
    assert "campaigns.yml:1:1: campaigns.yml must be a list of campaigns" in result.stdout


# -- the series pages --------------------------------------------------------------------------


def _story_links(site: Path, page: str) -> list[str]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    grid = soup.select_one(".sh-grid")
    assert grid is not None
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in grid.select("a[href]")
            if "/stories/" in a["href"]]


def test_a_campaign_page_lists_exactly_its_published_stories_in_the_page_language(
        built: Built) -> None:
    site = built.site
    english = _story_links(site, "campaigns/kilns/index.html")
    assert list(dict.fromkeys(english)) == ["solo-it", "kiln-a", "late-kiln"]
    italian = _story_links(site, "it/campaigns/kilns/index.html")
    assert list(dict.fromkeys(italian)) == ["solo-it", "forno-a", "late-kiln"]
    assert list(dict.fromkeys(_story_links(site, "campaigns/summer/index.html"))) == [
        "summer-story"]
    page = (site / "campaigns/kilns/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Kilns we remember"
    assert "Which firing do you remember?" in soup.select_one(".sh-campaign").get_text()
    assert "3 stories" in soup.select_one(".sh-campaign").get_text()
    it_page = BeautifulSoup((site / "it/campaigns/kilns/index.html").read_text("utf-8"),
                            "html.parser")
    assert it_page.find("html")["lang"] == "it"
    assert it_page.find("h1").get_text(strip=True) == "Forni che ricordiamo"
    assert "Quale cottura ricordi?" in it_page.select_one(".sh-campaign").get_text()
    for title in HIDDEN_TITLES:
        assert title not in page


def test_no_page_for_a_campaign_without_published_stories(built: Built) -> None:
    assert not (built.site / "campaigns/empty").exists()
    assert not (built.site / "it/campaigns/empty").exists()
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "campaigns/kilns/" in sitemap and "campaigns/empty" not in sitemap


def test_a_story_links_its_series_in_its_language(built: Built) -> None:
    def series(page: str) -> tuple[str, str] | None:
        soup = BeautifulSoup((built.site / page).read_text(encoding="utf-8"), "html.parser")
        found = soup.select_one(".sh-series a")
        return (found.get_text(strip=True), found["href"]) if found else None

    assert series("stories/kiln-a/index.html") == ("Kilns we remember",
                                                    "../../campaigns/kilns/")
    assert series("stories/forno-a/index.html") == ("Forni che ricordiamo",
                                                     "../../it/campaigns/kilns/")
    assert series("stories/no-campaign/index.html") is None
    # campaign pages are not in the navigation (they are reached from their stories), nor
    # the Italian ones under it/ (the Italian home is reached from the home page)
    for page in ("index.html", "campaigns/kilns/index.html", "stories/kiln-a/index.html"):
        soup = BeautifulSoup((built.site / page).read_text(encoding="utf-8"), "html.parser")
        nav = " ".join(a["href"] for a in soup.select(".md-nav a[href], .md-tabs a[href]"))
        assert "values/" in nav  # the navigation is there
        assert "campaigns/" not in nav and "it/campaigns" not in nav, page


# -- the digest --------------------------------------------------------------------------------


def _digest(built: Built, month: str, lang: str) -> tuple[str, str, bytes]:
    stem = built.digests / f"digest-{month}-{lang}"
    return (stem.with_suffix(".html").read_text(encoding="utf-8"),
            stem.with_suffix(".txt").read_text(encoding="utf-8"),
            stem.with_suffix(".eml").read_bytes())


def _digest_titles(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [h2.get_text(strip=True) for h2 in soup.find_all("h2") if h2.find("a")]


TITLES = {"no-campaign": "No campaign here", "solo-it": "Solo in italiano",
          "late-kiln": "The late kiln", "kiln-a": "The kiln that sang",
          "forno-a": "Il forno che cantava", "summer-story": "Summer at the oven"}


def test_the_digest_holds_exactly_the_months_published_stories(built: Built) -> None:
    html, text, _ = _digest(built, "2026-11", "en")
    assert _digest_titles(html) == [TITLES[s] for s in PUBLISHED_NOVEMBER]
    for title in [*HIDDEN_TITLES, "Il forno che cantava", "Summer at the oven"]:
        assert title not in html and title not in text
    html_it, text_it, _ = _digest(built, "2026-11", "it")
    assert _digest_titles(html_it) == [TITLES[s] for s in
                                       ["no-campaign", "solo-it", "forno-a", "late-kiln"]]
    assert "Il forno che cantava" in text_it and "The kiln that sang" not in text_it
    october, _, _ = _digest(built, "2026-10", "en")
    # the late kiln is dated October but went public in November
    assert _digest_titles(october) == ["Summer at the oven"]
    # the plain-text twin holds the same stories, in the same order
    found = [(text.index(TITLES[s]), s) for s in TITLES if TITLES[s] in text]
    assert [s for _, s in sorted(found)] == PUBLISHED_NOVEMBER
    assert "Wanda" not in html and "Wanda" not in text


def test_the_digest_says_who_and_which_values_and_asks_for_more(built: Built) -> None:
    html, text, _ = _digest(built, "2026-11", "en")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Test hub: the stories of November 2026"
    assert "4 stories were published this month" in soup.get_text()
    assert "Giulia Ferri, Baker · Marco Bianchi, Agent" in soup.get_text()
    assert "Courage" in soup.get_text() and "Craft" in soup.get_text()
    # the open campaigns with a page link to it; the one without stories only asks
    campaigns = [h3.get_text(strip=True) for h3 in soup.find_all("h3")]
    assert campaigns == ["Kilns we remember", "Nobody yet"]
    links = [a["href"] for a in soup.find_all("a")]
    assert ("https://stories.example.com/campaigns/kilns/?utm_source=digest&utm_medium=email"
            "&utm_campaign=digest-2026-11") in links
    tell = soup.find("a", string="Tell yours")
    assert tell["href"] == "https://stories.example.com/admin/"
    assert "Tell yours: https://stories.example.com/admin/" in text
    assert "With Giulia Ferri, Baker · Marco Bianchi, Agent" in text
    html_it, text_it, _ = _digest(built, "2026-11", "it")
    assert "Forni che ricordiamo" in html_it and "Racconta la tua" in text_it
    assert "Giulia Ferri, Baker" in html_it  # no Italian role written: the profile's own


def test_the_digest_is_email_ready(built: Built) -> None:
    html, text, eml = _digest(built, "2026-11", "en")
    assert len(html.encode("utf-8")) < 102 * 1024
    # well-formed (XHTML-compatible) as well as HTML: strict parsers read it
    ET.fromstring(html[html.index("<html"):])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"name": "color-scheme"})["content"] == "light dark"
    assert not soup.find("link") and not soup.find("script")
    assert soup.find("table", attrs={"role": "presentation"}) is not None
    for element in soup.find_all(["p", "h1", "h2", "h3"]):  # every text has its colour
        if element.get_text(strip=True):
            coloured = [element, *element.find_all(True)]
            assert any("color:" in (e.get("style") or "") for e in coloured), element
    images = soup.find_all("img")
    assert images and all(img["src"].startswith("https://stories.example.com/")
                          for img in images)
    assert [img["alt"] for img in images] == ["The old kiln, door open, glowing orange"]
    for a in soup.find_all("a"):
        assert a["href"].startswith("https://"), a
    message = email.message_from_bytes(eml)
    assert message["Subject"] == "Test hub: the stories of November 2026"
    parts = {part.get_content_type(): part.get_payload(decode=True).decode("utf-8")
             for part in message.walk() if not part.is_multipart()}
    assert parts["text/plain"].replace("\r\n", "\n").rstrip() == text.rstrip()
    assert parts["text/html"].replace("\r\n", "\n").rstrip() == html.rstrip()


def test_a_large_month_stays_under_the_clipping_size() -> None:
    from storyhub.site.digest import Digest, DigestStory, DigestValue, render_digest

    story = DigestStory("A story " * 8, "Something happened. " * 20,
                        "https://stories.example.com/stories/x/", "1 November 2026",
                        ["Giulia Ferri, Baker"] * 3, [DigestValue("Craft", "#b5651d", "#fff")],
                        "https://stories.example.com/stories/x/a.jpg", "A photo")
    digest = Digest("2026-11", "en", "Subject", "Hub", "https://stories.example.com/",
                    "https://stories.example.com/admin/", [story] * 400)
    rendered = render_digest(digest)
    assert len(rendered.html.encode("utf-8")) <= 102 * 1024
    assert 0 < rendered.digest.more < 400
    assert len(rendered.digest.stories) + rendered.digest.more == 400
    assert f"{rendered.digest.more} more stories this month." in rendered.html
    small = render_digest(digest, max_bytes=20_000)
    assert len(small.html.encode("utf-8")) <= 20_000 and small.digest.more > rendered.digest.more


def test_the_leak_scan_stops_a_digest_that_leaks(built: Built, tmp_path: Path) -> None:
    import dataclasses

    from storyhub.outputs.digest import make_digest
    from storyhub.pipeline import Pipeline, UnsafeOutput

    pipeline = Pipeline.from_config_file(built.hub.root / "mkdocs.yml")
    rendered = make_digest(pipeline, "2026-11")
    leaking = dataclasses.replace(rendered, html=rendered.html.replace(
        "No campaign here", "Kiln of the future"))
    with pytest.raises(UnsafeOutput) as raised:
        pipeline.write_command(tmp_path / "out", "digest", {"rendered": leaking})
    assert "future-kiln.md" in str(raised.value)
    assert not (tmp_path / "out").exists()  # nothing written


def test_digest_command_errors(built: Built) -> None:
    result = built.hub.storyhub("digest", "--month", "2026-13")
    assert result.returncode == 2
    assert "--month 2026-13: write the month as YYYY-MM, e.g. 2026-11" in result.stderr
    assert built.hub.storyhub("digest", "--month", "2026-11", "--lang", "fr").returncode == 2


def test_the_digest_needs_site_url(hub: Hub) -> None:
    hub.set(site_url=None)
    result = hub.storyhub("digest", "--month", "2025-03", "--out", "d")
    assert result.returncode == 2
    assert "the digest needs site_url in mkdocs.yml" in result.stderr
    assert not (hub.root / "d").exists()


# -- report and reminder -----------------------------------------------------------------------


def test_the_report_shows_progress_and_the_longest_waiting_values(built: Built) -> None:
    result = built.hub.storyhub("report", "--format", "json")
    report: dict[str, Any] = json.loads(result.stdout)
    progress = {c["id"]: (c["stories"], c["target"], c["status"]) for c in report["campaigns"]}
    # kiln-a and its translation count once; drafts, embargoes and withdrawals not at all
    assert progress == {"kilns": (3, 4, "open"), "empty": (0, 2, "open"),
                        "summer": (1, None, "closed")}
    assert [c["id"] for c in report["campaigns"]] == ["kilns", "empty", "summer"]
    waited = [(w["id"], w["days"]) for w in report["waited"]]
    assert waited == [("care", 57), ("craft", 21), ("courage", 6)]
    text = built.hub.storyhub("report").stdout
    assert "Kilns we remember (kilns): 3 of 4 stories — open, 2026-10-01 to 2026-12-31" in text
    assert "Summer hours (summer): 1 stories — closed, 2026-06-01 to 2026-10-31" in text
    assert "Care (care): 57 days since its last story" in text
    page = (built.site / "report/index.html").read_text(encoding="utf-8")
    assert "Kilns we remember" in page and "Care (care): 57 days since its last story" in page


def test_the_campaign_reminder(built: Built) -> None:
    text = built.hub.storyhub("campaigns").stdout
    assert text.splitlines()[:5] == [
        "Open campaigns — your story can answer one of them:", "",
        "kilns: Kilns we remember (until 31 December 2026)",
        "    Which firing do you remember?",
        "empty: Nobody yet (until 31 March 2027)"]
    markdown = built.hub.storyhub("campaigns", "--format", "markdown", "--lang", "it").stdout
    assert "- kilns: Forni che ricordiamo (fino al 31 dicembre 2026)" in markdown
    assert markdown.rstrip().endswith("Racconta la tua: https://stories.example.com/admin/")


def test_the_workflow_can_post_the_reminder_and_checks_codeowners() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/stories.yml").read_text("utf-8"))
    assert workflow["env"]["CAMPAIGN_REMINDER"] == "off"  # optional: switched on by a team
    assert "0 8 * * 1" in [s["cron"] for s in workflow[True]["schedule"]]
    job = workflow["jobs"]["campaign-reminder"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    runs = [s.get("run", "") for s in job["steps"]]
    assert "storyhub campaigns --format markdown > campaigns.md" in runs
    assert any("gh issue create" in r for r in runs)
    check = [s for s in workflow["jobs"]["check"]["steps"]
             if s.get("run") == "storyhub codeowners --check"]
    assert check and "CODEOWNERS" in check[0]["if"]
    import re

    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
    assert re.search(hook["files"], "campaigns.yml")  # the pre-commit hook checks it too


def test_the_example_hub_has_an_open_and_a_closed_campaign() -> None:
    from datetime import date

    from storyhub.content.load import load_content

    content = load_content(REPO)
    today = date(2026, 12, 6)
    states = sorted(c.is_open(today) for c in content.campaigns)
    assert states == [False, True]
    assert any(s.campaign for s in content.stories)
    assert sum(1 for s in content.stories if s.sign_off) >= 10


# -- storyhub new story ------------------------------------------------------------------------


def test_new_story_offers_the_open_campaigns(hub: Hub) -> None:
    hub.write("campaigns.yml", yaml.safe_dump({"campaigns": [
        {**CAMPAIGNS[0], "values": ["craft"]}, {**CAMPAIGNS[1], "values": ["care"]}]},
        sort_keys=False, allow_unicode=True))
    answers = "Forty greens\ngiulia\ncraft\nA summary.\nkiln\nkilns\n"
    result = hub.storyhub("new", "story", "--date", "2026-11-02", "--as-of",
                          "2026-11-02T10:00:00+01:00", input=answers)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # the open campaign and its question come first; the closed one is not offered
    assert out.index("Open campaigns — your story can answer one of them:") < out.index(
        "Title of the story")
    assert "kilns: Kilns we remember (until 31 December 2026)" in out
    assert "Which firing do you remember?" in out and "Summer hours" not in out
    assert "unknown id 'kiln' — did you mean 'kilns'?" in out
    text = (hub.root / "stories/2026-11-02-forty-greens/index.md").read_text("utf-8")
    assert "\ncampaign: kilns\n" in text
    assert ("This story answers the campaign “Kilns we remember”: Which firing do you "
            "remember?") in text
    flags = hub.storyhub("new", "story", "--title", "Other", "--person", "giulia", "--value",
                         "craft", "--summary", "S.", "--campaign", "summr", "--as-of",
                         "2026-11-02T10:00:00+01:00", input="")
    assert flags.returncode == 2
    assert "--campaign: unknown id 'summr' — did you mean 'summer'?" in flags.stderr
    assert hub.storyhub("check", "--no-advice", "--as-of",
                        "2026-11-02T10:00:00+01:00").returncode == 0


def test_series_pages_in_two_languages_name_each_other(built: Built) -> None:
    """hreflang alternates: reciprocal, absolute, x-default the default language's; in the
    head and in the sitemap; a link to the other language's page."""
    expected = [("en", "https://stories.example.com/campaigns/kilns/"),
                ("it", "https://stories.example.com/it/campaigns/kilns/"),
                ("x-default", "https://stories.example.com/campaigns/kilns/")]
    for page in ("campaigns/kilns/index.html", "it/campaigns/kilns/index.html"):
        soup = BeautifulSoup((built.site / page).read_text(encoding="utf-8"), "html.parser")
        links = [(link["hreflang"], link["href"]) for link in
                 soup.find_all("link", rel="alternate") if link.get("hreflang")]
        assert links == expected, page
    soup = BeautifulSoup((built.site / "it/campaigns/kilns/index.html").read_text("utf-8"),
                         "html.parser")
    other = soup.select_one(".sh-campaign .sh-translations a")
    assert (other["hreflang"], other["href"]) == ("en", "../../../campaigns/kilns/")
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap[sitemap.index("<loc>https://stories.example.com/it/campaigns/kilns/</loc>"):]
    entry = entry[:entry.index("</url>")]
    assert entry.count("xhtml:link") == 3 and 'hreflang="x-default"' in entry
