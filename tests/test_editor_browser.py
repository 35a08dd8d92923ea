"""The web editor end to end, in real headless Chromium: `storyhub editor serve` (MkDocs'
preview and Decap's local proxy, decap-server from npm) on 127.0.0.1; a story written
through the form lands in stories/<date>-<slug>/index.md and passes `storyhub check`;
a consent switched off in the form takes the photo off the published page, and a role
typed in the form's Italian group is saved as ``translations: {it: {role: …}}``.
scripts/test.sh installs Chromium and decap-server (into .cache/tools)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_servers import (
    DECAP_SERVER,
    free_port,
    http_get,
    port_open,
    start,
    stop,
    wait_until,
)
from conftest import CHROMIUM, VALUES, Hub, image_bytes, person_text

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is absent: run scripts/test.sh to install it"),
]
# Skipped only outside CI: in CI (CI=true) scripts/test.sh installs it, and a missing tool
# must fail the run, not hide the test.
needs_decap_server = pytest.mark.skipif(
    not DECAP_SERVER.exists() and not os.environ.get("CI"),
    reason="decap-server is absent from .cache/tools: run scripts/test.sh to install it")


def editor_hub(hub: Hub) -> Hub:
    """The small hub, with values.yml in the form the editor edits and a photo for Giulia."""
    hub.write("values.yml", yaml.safe_dump({"values": VALUES}, sort_keys=False))
    hub.write("people/photos/giulia.jpg", image_bytes())
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", extra="photo: photos/giulia.jpg\nphoto_alt: Giulia at the oven\n",
        bio="Giulia bakes at night."))
    return hub


@pytest.fixture
def editor(hub: Hub, tmp_path: Path) -> Iterator[dict[str, Any]]:
    editor_hub(hub)
    port, proxy_port = free_port(), free_port()
    log = tmp_path / "editor.log"
    process = start(["-m", "storyhub.cli", "editor", "serve", "--port", str(port),
                     "--proxy-port", str(proxy_port), "--decap-server", str(DECAP_SERVER)],
                    hub.root, log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: http_get(f"{base}/admin/")[0] == 200, "the editor", log=log)
        yield {"base": base, "port": port, "proxy_port": proxy_port, "log": log}
    finally:
        stop(process)
    assert not port_open(port) and not port_open(proxy_port), "a server is still running"


def new_page(browser: Any, requests: list[str]) -> Any:
    """A page in a fresh browser session that records every request it makes."""
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.set_default_timeout(60_000)  # a busy 2-core machine
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    return page


def login(page: Any, base: str) -> None:
    """Open the editor; press Login unless the browser is still logged in."""
    page.goto(f"{base}/admin/")
    button = page.get_by_role("button", name="Login")
    stories = page.get_by_text("Stories", exact=True).first
    button.or_(stories).first.wait_for()
    if button.is_visible():
        button.click()
    stories.wait_for()


def pick(page: Any, field: str, typed: str, option: str) -> None:
    """Choose an entry in a relation field (a react-select): the story's own, the first of
    that name (video: and audio: have a 'people' field too, further down the form)."""
    page.locator(f"[id^='{field}-field-']").first.fill(typed)
    page.locator("[class*='option']", has_text=option).first.click()


def publish(page: Any) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now", exact=True).click()


@needs_decap_server
def test_write_a_story_and_change_consent_in_the_browser(editor: dict[str, Any],
                                                          hub: Hub, browser: Any) -> None:
    base = editor["base"]
    allowed = (f"{base}/", f"http://127.0.0.1:{editor['proxy_port']}/")
    requests: list[str] = []
    page = new_page(browser, requests)
    login(page, base)

    # 1. a new story, through the form
    page.goto(f"{base}/admin/#/collections/stories/new")
    page.locator("[id^='title-field-']").fill("Forty greens, città")
    page.locator("input[type=date]").first.fill("2025-06-05")
    pick(page, "people", "Giulia", "Giulia Ferri")
    pick(page, "values", "Craft", "Craft")
    page.locator("[id^='summary-field-']").fill(
        "Giulia tried forty greens: «verde» è il più difficile.")
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type("It took forty tries. Perché? Because green is hard.")
    publish(page)
    story = hub.root / "stories/2025-06-05-forty-greens-citta/index.md"
    wait_until(story.exists, f"{story} to be written", log=editor["log"])
    # after saving, the editor moves to the new entry's address
    page.wait_for_url("**/entries/2025-06-05-forty-greens-citta/index")

    text = story.read_text(encoding="utf-8")
    front, body = text.removeprefix("---\n").split("\n---\n", 1)
    data = yaml.safe_load(front)
    assert data["title"] == "Forty greens, città"
    assert front.splitlines()[1] == "date: 2025-06-05"  # written as storyhub expects
    assert data["people"] == ["giulia"] and data["values"] == ["craft"]
    assert data["summary"] == "Giulia tried forty greens: «verde» è il più difficile."
    assert "It took forty tries. Perché?" in body
    checked = hub.storyhub("check", "--no-advice")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "stories/2025-06-05-forty-greens-citta/index.md" not in checked.stdout
    wait_until(lambda: http_get(f"{base}/stories/forty-greens-citta/")[0] == 200,
               "the new story in the preview", log=editor["log"])

    # 2. Giulia withdraws consent to her photo, through the form
    photo = 'class="sh-profile__photo"'
    assert photo in http_get(f"{base}/people/giulia/")[1]
    page = new_page(browser, requests)  # another session, as another colleague
    login(page, base)
    page.goto(f"{base}/admin/#/collections/people/entries/giulia")
    switch = page.locator("button[id^='photo-field-']")
    assert switch.get_attribute("aria-checked") == "true"
    switch.click()
    assert switch.get_attribute("aria-checked") == "false"
    # her role in Italian, in the collapsed "In other languages" → "Italiano" group
    group = page.locator("[id^='translations-field-']")
    group.locator("[data-testid=expand-button]").first.click()
    group.locator("[id^='it-field-'] [data-testid=expand-button]").first.click()
    group.locator("input[id^='role-field-']").fill("Fornaia")
    publish(page)
    profile = hub.root / "people/giulia.md"
    wait_until(lambda: "photo: false" in profile.read_text(encoding="utf-8"),
               "the profile to be saved", log=editor["log"])
    saved = yaml.safe_load(profile.read_text(encoding="utf-8").split("---")[1])
    assert saved["consent"] == {"name": True, "photo": False, "quotes": True,
                                "social": True, "date": date(2025, 1, 15)}
    assert saved["photo"] == "photos/giulia.jpg"  # the other fields are kept
    assert saved["translations"] == {"it": {"role": "Fornaia"}}
    assert hub.storyhub("check").returncode == 0
    wait_until(lambda: photo not in http_get(f"{base}/people/giulia/")[1],
               "the photo to leave the published profile", log=editor["log"])
    page_text = http_get(f"{base}/people/giulia/")[1]
    assert "Giulia Ferri" in page_text and "giulia.jpg" not in page_text
    outside = [u for u in requests if not u.startswith(allowed)
               and not u.startswith(("data:", "blob:"))]
    assert outside == []


def test_admin_loads_nothing_from_outside_the_site(served_example: str, browser: Any) -> None:
    """The published editor (the example hub's, GitHub backend) loads its bundle, its
    configuration and nothing from another address."""
    built_site = served_example.rstrip("/")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{built_site}/admin/")
    page.get_by_role("button", name="Login with GitHub").wait_for()
    # anything it would fetch next, it fetches now (the editor keeps a connection
    # open: the network is never idle, so a fixed wait)
    page.wait_for_timeout(3000)
    assert any(u.endswith("/admin/decap-cms/decap-cms.js") for u in requests)
    assert any(u.endswith("/admin/config.yml") for u in requests)
    outside = [u for u in requests if not u.startswith(f"{built_site}/")
               and not u.startswith(("data:", "blob:"))]
    assert outside == []
