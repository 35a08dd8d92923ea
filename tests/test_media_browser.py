"""Video stories in real headless Chromium: a YouTube or Vimeo video makes no request to any
other host until the reader presses play (every request is logged; any that leaves
127.0.0.1 is aborted, so no traffic leaves the machine), and then only to the service's
privacy-enhanced host; a local video's captions load as a text track; both work from the
keyboard."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import VALUES, Hub, person_text, serving, story_text
from media_files import CAPTION_EN, CAPTION_IT, EXAMPLE_POSTER, EXAMPLE_VIDEO

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="needs /usr/bin/chromium: run scripts/test.sh")

VIDEO = ("video:\n  {source}\n  poster: poster.jpg\n  description: Hands on clay.\n"
         "  captions:\n    en: clip.en.vtt\n    it: clip.it.vtt\n")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("media-browser") / "hub"
    root.mkdir()
    hub = Hub(root)
    hub.write("values.yml", yaml.safe_dump(VALUES, sort_keys=False))
    hub.write("people/giulia.md", person_text("Giulia Ferri").replace(
        "social: true\n", "social: true\n  media: true\n"))
    hub.write("mkdocs.yml", yaml.safe_dump({
        "site_name": "Test hub", "site_url": "https://stories.example.com/",
        "theme": {"name": "material", "font": False}, "plugins": ["search", "storyhub"]}))
    hub.write("docs/index.md", "Welcome.\n")
    sources = {"on-youtube": "url: https://www.youtube.com/watch?v=dQw4w9WgXcQ",
               "on-vimeo": "url: https://vimeo.com/76979871",
               "at-the-wheel": "file: clip.mp4"}
    for slug, source in sources.items():
        hub.write(f"stories/{slug}/index.md", story_text(slug.replace("-", " ").title(),
                                                         extra=VIDEO.format(source=source)))
        hub.write(f"stories/{slug}/poster.jpg", EXAMPLE_POSTER.read_bytes())
        hub.write(f"stories/{slug}/clip.en.vtt", CAPTION_EN)
        hub.write(f"stories/{slug}/clip.it.vtt", CAPTION_IT)
    hub.write("stories/at-the-wheel/clip.mp4", EXAMPLE_VIDEO.read_bytes())
    site = hub.build()
    with serving(site) as address:
        yield address




def _page_logging_requests(browser: object) -> tuple[object, list[str]]:
    """A page whose every request is logged; any not to 127.0.0.1 is aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    elsewhere: list[str] = []

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()  # type: ignore[attr-defined]
        else:
            elsewhere.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    return context.new_page(), elsewhere


@pytest.mark.parametrize(("slug", "host", "player"), [
    ("on-youtube", "www.youtube-nocookie.com",
     "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"),
    ("on-vimeo", "player.vimeo.com", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
])
def test_nothing_from_the_service_until_play_is_pressed(served: str, browser: object,
                                                        slug: str, host: str,
                                                        player: str) -> None:
    page, elsewhere = _page_logging_requests(browser)
    page.goto(f"{served}stories/{slug}/", wait_until="networkidle")  # type: ignore[attr-defined]
    page.mouse.wheel(0, 800)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert elsewhere == []
    assert page.locator("iframe").count() == 0  # type: ignore[attr-defined]
    play = page.locator(".sh-embed__play")  # type: ignore[attr-defined]
    play.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_function("() => document.querySelector('.sh-embed iframe')")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    frame = page.locator(".sh-embed iframe")  # type: ignore[attr-defined]
    assert frame.get_attribute("src") == player
    assert frame.get_attribute("title").endswith(slug.replace("-", " ").title())
    assert elsewhere, "the player was not requested"
    assert {urlsplit(url).hostname for url in elsewhere} == {host}
    assert page.url == f"{served}stories/{slug}/"  # type: ignore[attr-defined]  # stayed here
    page.context.close()  # type: ignore[attr-defined]


def test_local_video_captions_load_as_a_text_track(served: str, browser: object) -> None:
    page, elsewhere = _page_logging_requests(browser)
    page.goto(f"{served}stories/at-the-wheel/", wait_until="networkidle")  # type: ignore[attr-defined]
    tracks = page.evaluate("""async () => {
        const video = document.querySelector('video');
        const tracks = [...video.textTracks];
        const shown = tracks.find(t => t.mode === 'showing');
        if (shown && (!shown.cues || shown.cues.length === 0)) {
            await new Promise(r => video.querySelector('track[default]')
                .addEventListener('load', r, {once: true}));
        }
        video.focus();
        return {focused: document.activeElement === video, paused: video.paused,
                autoplay: video.autoplay,
                tracks: tracks.map(t => [t.kind, t.language, t.mode]),
                cue: shown && shown.cues.length ? shown.cues[0].text : null};
    }""")  # type: ignore[attr-defined]
    assert tracks["tracks"] == [["captions", "en", "showing"], ["captions", "it", "disabled"]]
    assert tracks["cue"] == "Centre the clay with your body."
    assert tracks["focused"] and tracks["paused"] and not tracks["autoplay"]
    summary = page.locator("details.sh-transcript summary")  # type: ignore[attr-defined]
    summary.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert page.locator("details.sh-transcript").get_attribute("open") is not None  # type: ignore[attr-defined]
    assert elsewhere == []
    page.context.close()  # type: ignore[attr-defined]


def test_no_serious_axe_violations_on_video_pages(served: str, browser: object,
                                                  axe_url: str) -> None:
    from test_accessibility_browser import AXE, MATERIAL, serious_violations

    if not AXE.exists():
        pytest.skip("needs axe-core in .cache/tools: run scripts/test.sh")
    ours: list[str] = []
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        for slug in ("on-youtube", "on-vimeo", "at-the-wheel"):
            page.goto(f"{served}stories/{slug}/", wait_until="load")
            page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
            page.locator(".sh-embed__play, video").first.focus()  # the focused play control too
            ours += [f"{slug}@{width}: {rule}: {target}"
                     for rule, target in serious_violations(page, axe_url, exclude=MATERIAL)]
        context.close()
    assert not ours, "\n".join(ours)
