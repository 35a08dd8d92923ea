"""The coaching loop in the web editor, in real headless Chromium (`storyhub editor serve`
with Decap's local proxy): a story's sign-offs written by hand as ``{person: date}`` show in
the form (a date per person), a sign-off added there is saved in the same form, and a
campaign is picked from campaigns.yml; the saved story passes `storyhub check` with
``quotes.sign_off: required``."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import yaml
from conftest import Hub, story_text
from test_editor_browser import (  # noqa: F401  (the editor fixture, shared)
    editor,
    login,
    needs_decap_server,
    new_page,
    pick,
    publish,
)

CAMPAIGNS = {"campaigns": [{
    "id": "night-bakers", "title": "Night bakers", "prompt": "What happens at 3 am?",
    "values": ["craft"], "opens": "2025-01-01", "closes": "2099-12-31", "target": 3}]}
STORY = "stories/2025-03-14-night-shift/index.md"


@needs_decap_server
def test_sign_off_and_campaign_through_the_form(editor: dict[str, Any],  # noqa: F811
                                                hub: Hub, browser: Any) -> None:
    hub.config(quotes={"sign_off": "required"})
    hub.write("campaigns.yml", yaml.safe_dump(CAMPAIGNS, sort_keys=False))
    (hub.root / "stories/night-shift.md").unlink()
    hub.write(STORY, story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]",
        extra="sign_off:\n  giulia: 2025-03-15\n",
        body="!!! quote giulia\n    The oven sings at three.\n\n"
             "!!! quote marco\n    I answer the phone at six.\n"))
    checked = hub.storyhub("check", "--no-advice")
    assert checked.returncode == 1 and f"{STORY}:13:11:" in checked.stdout
    assert "Marco Bianchi (marco)" in checked.stdout and "(giulia)" not in checked.stdout

    base = editor["base"]
    page = new_page(browser, [])
    login(page, base)
    page.goto(f"{base}/admin/#/collections/stories/entries/2025-03-14-night-shift/index")
    group = page.locator("[id^='sign_off-field-']").first
    group.locator("[data-testid=expand-button]").first.click()
    # a date field per person: Giulia's, written by hand, is there; Marco's is empty
    giulia = group.locator("input[id^='giulia-field-']")
    marco = group.locator("input[id^='marco-field-']")
    assert giulia.input_value() == "2025-03-15" and marco.input_value() == ""
    marco.fill("2025-03-20")
    pick(page, "campaign", "Night", "Night bakers")
    shots = os.environ.get("SHOTS", str(hub.root.parent))
    page.screenshot(path=f"{shots}/sign-off-form.png", full_page=True)
    publish(page)
    path = hub.root / STORY
    page.wait_for_timeout(500)

    def saved() -> dict[str, Any]:
        return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])

    from browser_servers import wait_until

    wait_until(lambda: "campaign" in saved(), "the story to be saved",
               log=editor["log"])
    data = saved()
    assert data["campaign"] == "night-bakers"
    assert data["sign_off"] == {"giulia": date(2025, 3, 15), "marco": date(2025, 3, 20)}
    checked = hub.storyhub("check", "--no-advice")
    assert checked.returncode == 0, checked.stdout + (hub.root / STORY).read_text("utf-8")
    from storyhub.content.load import load_content

    story = next(s for s in load_content(hub.root).stories if s.id == "night-shift")
    assert {k: v.isoformat() for k, v in story.sign_off.items()} == {
        "giulia": "2025-03-15", "marco": "2025-03-20"}
