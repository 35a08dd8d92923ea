"""Personal variants for employee sharing: "me" for the person the story is about (first
person, their own handle never in it), "colleague" for everyone else (third person); within
every network's limits, consent-aware, never planned in the company calendar."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Hub, person_text, story_text


def _snippets(site: Path, slug: str) -> list[dict[str, object]]:
    data = json.loads((site / "snippets" / "snippets.json").read_text(encoding="utf-8"))
    return next(s for s in data["stories"] if s["slug"] == slug)["snippets"]


def test_me_and_colleague_variants(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", extra="links:\n  x: giuliaferri\n  instagram: giulia.bakes\n"))
    hub.write("people/marco.md", person_text(
        "Marco Bianchi", team="Customer Care", extra="links:\n  x: marcob\n"))
    site = hub.build()
    snippets = _snippets(site, "night-shift")
    for network in ("linkedin", "x", "instagram", "facebook", "threads", "bluesky",
                    "mastodon"):
        mine = {s["variant"]: s for s in snippets if s["network"] == network}
        # a "me" and a "colleague" variant for every person featured (both consented)
        assert {"me-giulia", "colleague-giulia", "me-marco", "colleague-marco"} <= set(mine)
        assert all(s["fits"] for s in mine.values())
        me, colleague = str(mine["me-giulia"]["text"]), str(mine["colleague-giulia"]["text"])
        assert me.startswith("My story is on the Test hub stories site")
        assert "Giulia Ferri" not in me and "@giuliaferri" not in me  # her own post
        assert "Marco Bianchi" in me  # the others in the story are named
        assert colleague.startswith("A story about Giulia Ferri")
        assert "Marco Bianchi" not in colleague  # naming her
        assert "who I work with at Test hub" in colleague
        marco = str(mine["me-marco"]["text"])
        assert "Giulia Ferri" in marco and "Marco Bianchi" not in marco
        assert str(mine["colleague-marco"]["text"]).startswith("A story about Marco Bianchi")
        assert "utm_content=vme" in str(mine["me-giulia"]["link"])
        assert "giulia" not in str(mine["me-giulia"]["link"])  # no per-person tracking
        assert mine["me-marco"]["link"] == mine["me-giulia"]["link"]
    x = {s["variant"]: s for s in snippets if s["network"] == "x"}
    assert "@marcob" in str(x["me-giulia"]["text"])  # consented to social mentions
    assert "@giuliaferri" in str(x["colleague-giulia"]["text"])
    assert "@giuliaferri" in str(x["me-marco"]["text"])
    page = (site / "snippets" / "index.html").read_text(encoding="utf-8")
    assert "for Marco Bianchi to post" in page and "for Giulia Ferri to post" in page
    assert "for colleagues to post, about Marco Bianchi" in page


def test_personal_variants_respect_consent(hub: Hub) -> None:
    hub.write("people/marco.md", person_text(
        "Marco Bianchi", team="Customer Care", extra="links:\n  x: marcob\n").replace(
        "  social: true", "  social: false"))
    hub.write("people/anna.md", person_text("Anna Segreta").replace(
        "  name: true", "  name: false"))
    hub.write("stories/anon.md", story_text("With Anna", people="[anna, giulia]"))
    hub.config(unconsented="anonymous")
    site = hub.build()
    for snippet in _snippets(site, "night-shift"):
        assert "@marcob" not in str(snippet["text"])  # no consent to mentions
    variants = {s["variant"] for s in _snippets(site, "night-shift")}
    assert "me-giulia" in variants  # consented to social sharing
    assert not {"me-marco", "colleague-marco"} & variants  # did not
    anon = _snippets(site, "anon")
    texts = " ".join(str(s["text"]) for s in anon)
    assert "Segreta" not in texts
    me = [s for s in anon if s["variant"] == "me-giulia"]
    assert not [s for s in anon if s["variant"].endswith("-anna")]
    assert me and all("Giulia Ferri" not in str(s["text"]) for s in me)  # Giulia's own


def test_personal_variants_are_never_planned(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text("Night shift", date="2026-03-01"))
    result = hub.storyhub("snippets", "--out", "out", "--as-of", "2026-03-02T08:00:00+01:00")
    assert result.returncode == 0, result.stderr
    posts = json.loads((hub.root / "out/calendar.json").read_text(encoding="utf-8"))["posts"]
    assert posts and {p["variant"] for p in posts} == {"1", "2"}


def test_personal_templates_can_be_overridden_per_network(hub: Hub) -> None:
    hub.write("overrides/storyhub/snippets/x/personal-me.txt",
              "Me, on X: {{ title }} {{ link }}\n")
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    site = hub.build()
    snippets = _snippets(site, "night-shift")
    x_me = next(s for s in snippets if s["network"] == "x" and s["variant"] == "me-giulia")
    assert str(x_me["text"]).startswith("Me, on X: Night shift https://")
    li_me = next(s for s in snippets if s["network"] == "linkedin"
                 and s["variant"] == "me-giulia")
    assert str(li_me["text"]).startswith("My story is on")
