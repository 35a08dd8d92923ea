"""`storyhub report` figures on a known hub, and the standalone noindex report page."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from conftest import Hub, person_text, read, story_text

NOW = {"SOURCE_DATE_EPOCH": "1741910400"}  # 2025-03-14T00:00:00Z


def known_hub(hub: Hub) -> None:
    """Stories: 2024-05-01 first-oven (giulia; craft), 2025-03-14 night-shift (giulia, marco;
    craft, care), 2025-02-01 kiln (marco; care), a draft and an embargoed story;
    people: giulia, marco (two teams), anna (no story), ugo (no consent: never named)."""
    hub.write("stories/kiln.md", story_text("Kiln", date="2025-02-01", people="[marco]",
                                            values="[care]"))
    hub.write("stories/secret-plan.md", story_text("Secret plan", people="[giulia]",
                                                   extra="draft: true\n"))
    hub.write("stories/launch.md", story_text(
        "Launch", people="[giulia]", extra="publish_at: 2025-06-01T09:00:00+02:00\n"))
    hub.write("people/anna.md", person_text("Anna Rossi", team="Production"))
    hub.write("people/ugo.md", person_text("Ugo Neri").replace("name: true", "name: false"))


def test_report_json_numbers(hub: Hub) -> None:
    known_hub(hub)
    result = hub.storyhub("report", "--format", "json", env=NOW)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["now"] == "2025-03-14T00:00:00+00:00"
    assert report["published"] == 3
    assert report["people"] == 3
    assert [(v["id"], v["stories"], v["share"], v["last"]) for v in report["values"]] == [
        ("craft", 2, 0.6667, "2025-03-14"),
        ("care", 2, 0.6667, "2025-03-14"),
        ("courage", 0, 0.0, None),
    ]
    months = {m["id"]: m["stories"] for m in report["months"]}
    assert [*months][:1] == ["2024-04"] and [*months][-1:] == ["2025-03"]
    assert months["2024-05"] == 1 and months["2025-02"] == 1 and months["2025-03"] == 1
    assert sum(months.values()) == 3
    assert report["all_months"] == {"2024-05": 1, "2025-02": 1, "2025-03": 1}
    assert [v["id"] for v in report["quiet_values"]] == ["courage"]
    assert [p["id"] for p in report["untold_people"]] == ["anna"]
    assert [(t["name"], t["stories"], t["share"]) for t in report["teams"]] == [
        ("Customer Care", 2, 0.6667), ("Production", 2, 0.6667),
    ]
    assert [(d["path"], d["reason"]) for d in report["drafts"]] == [
        ("stories/secret-plan.md", "draft")]
    assert [(d["path"], d["reason"]) for d in report["embargoed"]] == [
        ("stories/launch.md", "embargoed until 2025-06-01T09:00:00+02:00")]


def test_quiet_values_follow_the_builds_now(hub: Hub) -> None:
    known_hub(hub)
    later = hub.storyhub("report", "--format", "json", "--as-of", "2025-09-01T00:00:00+00:00")
    report = json.loads(later.stdout)
    assert [v["id"] for v in report["quiet_values"]] == ["craft", "care", "courage"]
    assert report["published"] == 4  # the embargo has lifted


def test_report_text(hub: Hub) -> None:
    known_hub(hub)
    text = hub.storyhub("report", env=NOW).stdout
    assert text.startswith("Hub report at 2025-03-14: 3 published stories, 3 people\n\n"
                           "Stories per value\n"
                           "  Craft        2   67%  ████████████████████████\n"
                           "  Care         2   67%  ████████████████████████\n"
                           "  Courage      0    0%  \n")
    assert ("Values with no story in the last 90 days\n"
            "  Courage (courage): last story never\n") in text
    assert "People with no story yet\n  Anna Rossi (anna)\n" in text
    assert text.endswith(
        "Waiting: 1 draft(s), 1 embargoed\n"
        "  stories/secret-plan.md: Secret plan (draft)\n"
        "  stories/launch.md: Launch (embargoed until 2025-06-01T09:00:00+02:00)\n\n"
        "Posting plan: 28 post(s) planned before 2025-06-13 (14 re-share(s)); 0 wait "
        "beyond it, for a later build.\n")


def test_report_markdown_for_a_job_summary(hub: Hub) -> None:
    known_hub(hub)
    hub.write("values.yml", (hub.root / "values.yml").read_text(encoding="utf-8").replace(
        "name: Courage", "name: Courage | *bold*"))
    md = hub.storyhub("report", "--format", "markdown", env=NOW).stdout
    assert md.startswith(
        "## Story hub report\n\n3 published stories, 3 people, as of 2025-03-14.\n")
    assert "| Craft | 2 | 67% | 2025-03-14 |\n" in md
    assert "| Courage \\| \\*bold\\* | 0 | 0% | — |\n" in md
    assert "- `stories/secret-plan.md`: Secret plan (draft)\n" in md


def test_report_page_is_standalone_noindex_and_names_no_draft(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    known_hub(hub)
    hub.write("people/marco.md", person_text('Marco "><script>alert(1)</script>',
                                             team="Customer Care"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW["SOURCE_DATE_EPOCH"])
    site = hub.build()
    html = read(site, "report/index.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert soup.find("script") is None and "<script>alert" not in html
    assert not soup.find_all("link") and "http" not in html.replace(
        "http://www.w3.org", "")  # nothing fetched from anywhere
    assert "Secret plan" not in html and "Launch" not in html and "Ugo" not in html
    assert "1 draft(s) and 1 embargoed story(ies) waiting." in html
    assert soup.find("p", class_="plan").get_text() == (  # the same as storyhub report
        "Posting plan: 28 post(s) planned before 2025-06-13 (14 re-share(s)); 0 wait "
        "beyond it, for a later build.")
    assert soup.find("svg").find("title").text == "Stories per month (last 12)"
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in soup.find_all("table")[0].find_all("tr")[1:]]
    assert [r[:3] for r in rows] == [["Craft", "2", "67%"], ["Care", "2", "67%"],
                                     ["Courage", "0", "0%"]]
    assert [li.text for li in soup.find_all("ul")[1].find_all("li")] == ["Anna Rossi"]
    # outside navigation, sitemap and search index
    assert "report/" not in read(site, "sitemap.xml")
    assert "report/" not in read(site, "search/search_index.json")
    assert "report/" not in read(site, "index.html")


def test_report_page_can_be_turned_off(hub: Hub) -> None:
    hub.config(report=False)
    site = hub.build()
    assert not (site / "report").exists()
