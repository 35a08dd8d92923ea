"""The snippets page in real headless Chromium: a click on Copy puts exactly the shown text
on the clipboard; filters live in the URL and survive a reload; counts read right; an empty
state says so; the sticky bar stays under 60 px on a phone; nothing is fetched from third
parties; without JavaScript a notice says what needs it. Debian's chromium is installed by
scripts/test.sh."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import CHROMIUM, Hub, serving, story_text

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/test.sh to install it"
)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def served_site(hub: Hub) -> Iterator[str]:
    hub.write("stories/night-shift.md", story_text(
        "'Perché sì: 👨‍👩‍👧 <b>notte</b>'", people="[giulia, marco]", values="[craft, care]",
        summary="'Città & caffè 🇮🇹 日本語. Second line.'"))
    hub.write("stories/phone-line.md", story_text(
        "The phone line", date="2025-02-01", people="[marco]", values="[courage]"))
    site = hub.build()
    with serving(site) as url:
        yield url.rstrip("/")


def test_copy_button_copies_exactly_the_shown_text(served_site: str, browser: Any) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{served_site}/snippets/")
    for network, target in (("x", "t-night-shift-x-2"), ("linkedin", "t-night-shift-linkedin-1"),
                            ("instagram", "t-night-shift-instagram-1"),
                            ("x", "t-night-shift-x-colleague-giulia")):
        block = page.locator(f"#story-night-shift details[data-network='{network}']")
        if not block.evaluate("d => d.open"):
            block.locator("summary").click()  # collapsed per network: open it as a person would
        shown = page.locator(f"#{target}").inner_text()
        expected = page.evaluate("id => document.getElementById(id).textContent", target)
        assert "\n" in expected and "Città & caffè" in expected
        page.click(f"button[data-target='{target}']")
        page.wait_for_function(
            "id => document.querySelector(`button[data-target='${id}']`)"
            ".textContent === 'Copied'", arg=target)
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == expected
        assert copied.replace("\r\n", "\n").strip() == shown.strip()
    assert all(url.startswith(served_site) for url in requests), requests


def test_filters_live_in_the_url_and_survive_reload(served_site: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{served_site}/snippets/")
    assert page.locator("#shown").inner_text() == "3 stories shown"
    page.select_option("#f-value", "care")
    assert page.url.endswith("/snippets/?value=care")
    assert page.locator("#shown").inner_text() == "1 story shown"  # singular
    page.select_option("#f-network", "bluesky")
    assert "value=care" in page.url and "network=bluesky" in page.url
    page.reload()
    assert page.locator("#f-value").input_value() == "care"
    assert page.locator("#f-network").input_value() == "bluesky"
    assert page.locator("#shown").inner_text() == "1 story shown"
    assert page.locator("#story-first-oven").is_hidden()
    story = page.locator("#story-night-shift")
    assert story.locator("details[data-network='x']").is_hidden()
    bluesky = story.locator("details[data-network='bluesky']")
    # the filter narrows, never lengthens: Bluesky stays closed, its Copy button at hand
    assert bluesky.is_visible() and not bluesky.evaluate("d => d.open")
    assert story.locator("button#q-night-shift-bluesky").is_visible()
    bluesky.locator("summary").click()
    assert bluesky.locator("pre.text").first.is_visible()
    # A shared link opens with its filters; an unknown value is ignored, not an empty page.
    page.goto(f"{served_site}/snippets/?person=marco&value=nonsense")
    assert page.locator("#f-person").input_value() == "marco"
    assert page.locator("#f-value").input_value() == ""
    assert page.locator("#shown").inner_text() == "2 stories shown"
    # Nothing matches: the empty state says so, with a way back.
    page.goto(f"{served_site}/snippets/?value=courage&person=giulia")
    assert page.locator("#shown").inner_text() == "0 stories shown"
    assert page.locator("#empty").is_visible()
    page.click("#show-all")
    page.wait_for_load_state()
    assert page.locator("#shown").inner_text() == "3 stories shown"
    assert page.locator("#empty").is_hidden()


def test_phone_sticky_bar_is_short(served_site: str, browser: Any) -> None:
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                            has_touch=True)
    page.goto(f"{served_site}/snippets/?network=x")
    bar = page.locator(".bar")
    box = bar.bounding_box()
    assert box is not None and box["height"] <= 60, box
    assert box["width"] <= PHONE["width"]
    page.mouse.wheel(0, 1200)
    page.wait_for_timeout(200)
    after = bar.bounding_box()
    assert after is not None and after["y"] == 0 and after["height"] <= 60  # sticky
    for select in ("#f-value", "#f-person", "#f-network"):
        right = page.locator(select).bounding_box()
        assert right is not None and right["x"] + right["width"] <= PHONE["width"]
    assert "1 story" not in page.locator("#shown").inner_text()


def test_without_javascript_a_notice_says_copy_needs_it(served_site: str,
                                                        browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}/snippets/")
    notice = page.locator("p.notice")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()
    # Every text can still be read and selected: open a network by hand.
    page.locator("#story-night-shift details[data-network='x'] summary").click()
    assert page.locator("#t-night-shift-x-1").is_visible()
    assert page.locator("a[href='calendar.json']").count() == 1
