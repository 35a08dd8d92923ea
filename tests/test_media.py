"""Video and audio in stories: every error with its exact message (one check of one hub),
then one real build: players, caption tracks, transcripts, meta tags, posts, and a
withdrawal of video consent that leaves no trace of the story or its captions anywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import VALUES, Hub, all_output_text, person_text, read, story_text
from media_files import (
    CAPTION_EN,
    CAPTION_IT,
    EXAMPLE_AUDIO,
    EXAMPLE_POSTER,
    EXAMPLE_VIDEO,
    mp4,
    place_box,
    vtt,
)
from storyhub.content.media_files import parse_embed
from storyhub.text.webvtt import CaptionProblem, parse_webvtt

MEDIA_CONSENT = "social: true\n  media: true\n"


def _hub(root: Path, options: dict[str, object] | None = None) -> Hub:
    root.mkdir(parents=True)
    hub = Hub(root)
    hub.write("values.yml", yaml.safe_dump(VALUES, sort_keys=False))
    hub.write("people/giulia.md", person_text("Giulia Ferri").replace("social: true\n",
                                                                         MEDIA_CONSENT))
    plugin = {"storyhub": options} if options else "storyhub"
    hub.write("mkdocs.yml", yaml.safe_dump({
        "site_name": "Test hub", "site_url": "https://stories.example.com/",
        "theme": {"name": "material", "font": False}, "plugins": ["search", plugin]}))
    hub.write("docs/index.md", "Welcome.\n")
    return hub


VIDEO = ("video:\n  file: clip.mp4\n  poster: poster.jpg\n  description: Hands on clay.\n"
         "  captions:\n    en: clip.en.vtt\n")


# -- every error, one pass ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    hub = _hub(tmp_path_factory.mktemp("media-errors") / "hub", {"publish": {
        "media_max_bytes": 100_000}})
    poster = EXAMPLE_POSTER.read_bytes()

    def story(slug: str, extra: str, files: dict[str, bytes | str]) -> None:
        hub.write(f"stories/{slug}/index.md", story_text(slug.replace("-", " ").title(),
                                                         extra=extra))
        for name, data in files.items():
            hub.write(f"stories/{slug}/{name}", data)

    ok: dict[str, bytes | str] = {"clip.mp4": mp4(), "poster.jpg": poster}
    story("no-captions", "video:\n  file: clip.mp4\n  poster: poster.jpg\n"
          "  description: Hands on clay.\n", ok)
    story("comma-times", VIDEO, {**ok, "clip.en.vtt":
                                 "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHello there.\n"})
    story("srt-file", VIDEO, {**ok, "clip.en.vtt": "1\n00:00:01,000 --> 00:00:02,000\nHi.\n"})
    story("wrong-language", VIDEO, {**ok, "clip.en.vtt": CAPTION_IT})
    story("no-story-language", VIDEO.replace("en: clip.en.vtt", "it: clip.it.vtt"),
          {**ok, "clip.it.vtt": CAPTION_IT})
    story("too-big", VIDEO.replace("clip.mp4", "big.mp4"),
          {"big.mp4": mp4(padding=150_000), "poster.jpg": poster, "clip.en.vtt": CAPTION_EN})
    story("shot-in-faenza", VIDEO, {"clip.mp4": mp4(udta=place_box()), "poster.jpg": poster,
                                    "clip.en.vtt": CAPTION_EN})
    story("not-a-video", VIDEO, {"clip.mp4": b"hello, not a video at all " * 4,
                                 "poster.jpg": poster, "clip.en.vtt": CAPTION_EN})
    story("bad-address", VIDEO.replace("file: clip.mp4", "url: https://example.com/watch?v=abc"),
          {"poster.jpg": poster, "clip.en.vtt": CAPTION_EN})
    story("no-transcript", "audio:\n  file: voice.mp3\n  description: Giulia's voice.\n",
          {"voice.mp3": EXAMPLE_AUDIO.read_bytes()})
    from mutagen.id3 import ID3, TXXX

    recorded = hub.write("stories/phone-recording/voice.mp3", EXAMPLE_AUDIO.read_bytes())
    tags = ID3()
    tags.add(TXXX(desc="device", text="Pixel 8"))
    tags.save(recorded)
    story("phone-recording", "audio:\n  file: voice.mp3\n  transcript: voice.md\n"
          "  description: Giulia's voice.\n", {"voice.md": "Giulia: the oven is hot.\n"})
    result = hub.storyhub("check")
    assert result.returncode != 0
    return result.stdout.splitlines() + result.stderr.splitlines()


EXPECTED = [
    "stories/no-captions/index.md:7:1: 'video': captions are required: add 'captions:' with a "
    "WebVTT file for each language of the story, e.g. 'captions: {en: clip.en.vtt}' (people "
    "who cannot hear the video read them)",
    "stories/comma-times/clip.en.vtt:3:1: not valid WebVTT: '00:00:01,000 --> 00:00:02,000' "
    "is not a WebVTT cue timing: write a full stop before the milliseconds (00:00:01.500, "
    "not 00:00:01,500)",
    "stories/srt-file/clip.en.vtt:1:1: not valid WebVTT: a WebVTT file must start with the "
    "line 'WEBVTT' (it looks like SubRip, .srt: convert it to WebVTT)",
    "stories/wrong-language/index.md:12:9: 'video.captions.en': 'clip.en.vtt' says "
    "'Language: it' (line 2) but is listed as 'en': list it under its own language, or "
    "correct its header",
    "stories/no-story-language/index.md:12:5: 'video.captions': the story is in 'en' but has "
    "captions only in it: add captions in 'en' (a file per language of the story)",
    "stories/too-big/index.md:8:9: 'video.file': 'big.mp4' is 150 KB; video and audio files "
    "are at most 100 KB ('publish: media_max_bytes:' option): shorten or compress it, or put "
    "a video on YouTube or Vimeo and give its address",
    "stories/shot-in-faenza/index.md:8:9: 'video.file': 'clip.mp4' carries the place it was "
    "recorded in its metadata, which would be published with it: remove the metadata first, "
    "e.g. 'ffmpeg -i clip.mp4 -map_metadata -1 -c copy clean-clip.mp4' (the picture and "
    "sound are kept as they are), then use the clean file",
    "stories/phone-recording/index.md:8:9: 'audio.file': 'voice.mp3' carries the device that "
    "recorded it in its metadata, which would be published with it: remove the metadata "
    "first, e.g. 'ffmpeg -i voice.mp3 -map_metadata -1 -c copy clean-voice.mp3' (the picture "
    "and sound are kept as they are), then use the clean file",
    "stories/not-a-video/index.md:8:9: 'video.file': 'clip.mp4' is not an MP4 or WebM video, "
    "whatever its name says: export it again from your video or audio app",
    "stories/bad-address/index.md:8:8: 'video.url': 'https://example.com/watch?v=abc' is not "
    "a YouTube or Vimeo video address: copy it from the video's Share button (e.g. "
    "https://youtu.be/… or https://vimeo.com/…), or put the file beside the story and write "
    "'file:'",
    "stories/no-transcript/index.md:7:1: 'audio': a transcript is required: add "
    "'transcript:' with a Markdown (.md) or WebVTT (.vtt) file of what is said, e.g. "
    "'transcript: voice.md' (people who cannot hear it read it)",
]


@pytest.mark.parametrize("message", EXPECTED, ids=[m.split("/")[1] for m in EXPECTED])
def test_each_media_error_has_its_exact_message(errors: list[str], message: str) -> None:
    assert message in errors, "\n".join(errors)


def test_a_bad_story_is_reported_once_and_nothing_else_breaks(errors: list[str]) -> None:
    problems = [line for line in errors if line.startswith("stories/")
                and ": warning: " not in line and ": advice: " not in line
                and ": info: " not in line]
    assert sorted(problems) == sorted(EXPECTED)


@pytest.mark.parametrize(("text", "line", "col", "words"), [
    ("WEBVTT\n\n00:05.000 --> 00:02.000\nBackwards.\n", 3, 15, "ends (00:00:02.000) before"),
    ("WEBVTT\n\n00:03.000 --> 00:04.000\nB\n\n00:01.000 --> 00:02.000\nA\n", 6, 1,
     "cues go in time order"),
    ("WEBVTT\n00:01.000 --> 00:02.000\nNo blank line.\n", 2, 1, "empty line"),
    ("WEBVTT\n\n00:01.000 -> 00:02.000\nOne dash.\n", 3, 1, "not a WebVTT cue timing"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", 3, 1, "has no text"),
    ("WEBVTT\n\nNOTE only a note\n", 1, 1, "has no cues"),
    ("WEBVTT\n\n01:61.000 --> 01:62.000\nSixty-one seconds.\n", 3, 1, "cue timing"),
])
def test_webvtt_is_read_strictly(text: str, line: int, col: int, words: str) -> None:
    with pytest.raises(CaptionProblem) as raised:
        parse_webvtt(text.encode())
    assert (raised.value.line, raised.value.col) == (line, col)
    assert words in raised.value.message


def test_webvtt_keeps_what_players_show() -> None:
    parsed = parse_webvtt(("\ufeffWEBVTT - made by hand\r\nLanguage: it\r\n\r\nNOTE skip me\r\n\r\n"
                           "intro\r\n00:00.500 --> 00:01:02.250 align:start\r\n<v Anna>Ciao "
                           "&amp; <i>benvenuti</i></v>\r\n").encode())
    assert parsed.language == "it"
    assert [(c.start, c.end, c.text) for c in parsed.cues] == [(0.5, 62.25, "Ciao & benvenuti")]


@pytest.mark.parametrize(("url", "service", "video_id", "embed"), [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=4", "youtube", "dQw4w9WgXcQ",
     "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"),
    ("https://youtu.be/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", None),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", None),
    ("https://vimeo.com/76979871", "vimeo", "76979871",
     "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
    ("https://vimeo.com/76979871/8272103f6e", "vimeo", "76979871",
     "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1&autoplay=1"),
])
def test_youtube_and_vimeo_addresses(url: str, service: str, video_id: str,
                                     embed: str | None) -> None:
    found = parse_embed(url)
    assert found is not None and (found.service, found.id) == (service, video_id)
    if embed:
        assert found.embed_url == embed
    assert parse_embed("https://www.youtube.com/watch?v=short") is None
    assert parse_embed("https://evil.example/vimeo.com/123") is None


# -- one build: pages, meta, posts, withdrawal ---------------------------------------------------

SECRET_CAPTION = "The glaze recipe is forty parts feldspar and twenty parts quartz"
SECRET_TRANSCRIPT = "My grandmother fired her kiln with vine cuttings every single spring"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Hub, Path]:
    hub = _hub(tmp_path_factory.mktemp("media-site") / "hub",
               {"as_of": "2025-03-15T09:00:00+01:00"})
    hub.write("people/marco.md", person_text("Marco Bianchi").replace(
        "social: true\n", "social: true\n  media: true\n  media_withdrawn: 2025-02-01\n"))
    poster = EXAMPLE_POSTER.read_bytes()
    hub.write("stories/at-the-wheel/index.md", story_text(
        "Al tornio", extra="lang: it\n" + VIDEO.replace("en: clip.en.vtt",
                                                        "it: clip.it.vtt\n    en: clip.en.vtt")))
    for name, data in {"clip.mp4": EXAMPLE_VIDEO.read_bytes(), "poster.jpg": poster,
                       "clip.en.vtt": CAPTION_EN, "clip.it.vtt": CAPTION_IT}.items():
        hub.write(f"stories/at-the-wheel/{name}", data)
    hub.write("stories/on-youtube/index.md", story_text(
        "On YouTube", extra=VIDEO.replace("file: clip.mp4",
                                          "url: https://youtu.be/dQw4w9WgXcQ")))
    hub.write("stories/on-youtube/poster.jpg", poster)
    hub.write("stories/on-youtube/clip.en.vtt", CAPTION_EN)
    hub.write("stories/kiln-voice/index.md", story_text(
        "The kiln's voice", extra="audio:\n  file: voice.mp3\n  transcript: voice.md\n"
        "  description: Giulia's voice in the kiln room.\n"))
    hub.write("stories/kiln-voice/voice.mp3", EXAMPLE_AUDIO.read_bytes())
    hub.write("stories/kiln-voice/voice.md", "Giulia: *the kiln* is singing tonight.\n")
    # Marco withdrew his video consent: the story with his video, and its captions, go.
    hub.write("stories/marco-glazes/index.md", story_text(
        "Marco mixes the winter glaze", people="[giulia, marco]", summary="A hidden summary.",
        extra=VIDEO.replace("file: clip.mp4", "file: glazing.mp4").replace(
            "en: clip.en.vtt", "en: glazing-steps.en.vtt")
        + "  people: [marco]\n".replace("  people", "  people")))
    hub.write("stories/marco-glazes/glazing.mp4", EXAMPLE_VIDEO.read_bytes())
    hub.write("stories/marco-glazes/poster.jpg", poster)
    hub.write("stories/marco-glazes/glazing-steps.en.vtt",
              vtt(("00:00.000", "00:03.000", SECRET_CAPTION + "."), language="en"))
    # Giulia's audio story is also about Marco (named, consented) but he is not heard: kept.
    hub.write("stories/marco-hears/index.md", story_text(
        "Marco listens to the kiln", people="[giulia, marco]",
        extra="audio:\n  file: voice.mp3\n  transcript: voice.vtt\n  description: Giulia "
              "speaking.\n  people: [giulia]\n"))
    hub.write("stories/marco-hears/voice.mp3", EXAMPLE_AUDIO.read_bytes())
    hub.write("stories/marco-hears/voice.vtt",
              vtt(("00:00.000", "00:02.000", "Listen to the burners."), language="en"))
    return hub, hub.build()


def test_local_video_has_tracks_with_the_right_srclang(built: tuple[Hub, Path]) -> None:
    from bs4 import BeautifulSoup

    _, site = built
    page = BeautifulSoup(read(site, "stories/at-the-wheel/index.html"), "html.parser")
    video = page.select_one("figure.sh-media video")
    assert video is not None
    assert video.get("autoplay") is None and video["preload"] in ("none", "metadata")
    assert video.has_attr("controls")
    assert video.select_one("source")["src"] == "clip.mp4"
    tracks = {t["srclang"]: t for t in video.select("track")}
    assert set(tracks) == {"it", "en"}
    assert all(t["kind"] == "captions" for t in tracks.values())
    assert tracks["it"].has_attr("default") and not tracks["en"].has_attr("default")
    assert (tracks["it"]["label"], tracks["en"]["label"]) == ("Italiano", "English")
    assert (site / "stories/at-the-wheel" / tracks["it"]["src"]).read_text(
        encoding="utf-8") == CAPTION_IT
    assert (site / "stories/at-the-wheel/clip.mp4").read_bytes() == EXAMPLE_VIDEO.read_bytes()
    details = page.select_one("details.sh-transcript")
    assert "Centra l'argilla con il corpo." in details.get_text()
    assert "Trascrizione del video" in details.select_one("summary").get_text()  # in Italian
    assert page.select_one(".sh-story__image") is None  # the poster is not shown twice


def test_audio_has_its_transcript_on_the_page(built: tuple[Hub, Path]) -> None:
    from bs4 import BeautifulSoup

    _, site = built
    page = BeautifulSoup(read(site, "stories/kiln-voice/index.html"), "html.parser")
    audio = page.select_one("figure.sh-media audio")
    assert audio.get("autoplay") is None and audio["preload"] == "metadata"
    assert audio.select_one("source")["type"] == "audio/mpeg"
    transcript = page.select_one("details.sh-transcript .sh-transcript__text")
    assert transcript.select_one("em").get_text() == "the kiln"
    assert not (site / "stories/kiln-voice/voice.md").exists()  # read, not copied
    vtt_page = BeautifulSoup(read(site, "stories/marco-hears/index.html"), "html.parser")
    assert "Listen to the burners." in vtt_page.select_one("details.sh-transcript").get_text()


def test_youtube_is_a_poster_with_a_play_link_and_no_third_party_element(
        built: tuple[Hub, Path]) -> None:
    from bs4 import BeautifulSoup

    _, site = built
    html = read(site, "stories/on-youtube/index.html")
    page = BeautifulSoup(html, "html.parser")
    box = page.select_one(".sh-embed")
    assert box["data-sh-embed"] == ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
                                    "?autoplay=1&rel=0")
    assert page.select("iframe") == []
    assert box.select_one("img")["src"] == "poster.jpg"
    assert "YouTube" in page.select_one(".sh-embed__note").get_text()
    for element in page.select("[src]"):  # nothing the page loads comes from elsewhere
        assert not element["src"].startswith(("http:", "https:", "//")), element


def test_meta_tags_and_structured_data(built: tuple[Hub, Path]) -> None:
    from bs4 import BeautifulSoup

    _, site = built
    page = BeautifulSoup(read(site, "stories/at-the-wheel/index.html"), "html.parser")
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    assert og["og:video"] == "https://stories.example.com/stories/at-the-wheel/clip.mp4"
    assert og["og:video:type"] == "video/mp4"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    video = data["video"]
    assert video["@type"] == "VideoObject" and video["duration"] == "PT4S"
    assert video["thumbnailUrl"] == ["https://stories.example.com/stories/at-the-wheel/"
                                     "poster.jpg"]
    assert video["subtitleLanguage"] == ["it", "en"]
    youtube = BeautifulSoup(read(site, "stories/on-youtube/index.html"), "html.parser")
    og = {m["property"]: m["content"] for m in youtube.select("meta[property]")}
    assert og["og:video"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert og["og:image"].startswith("https://stories.example.com/")  # the card, over the poster
    audio = BeautifulSoup(read(site, "stories/kiln-voice/index.html"), "html.parser")
    data = json.loads(audio.select_one('script[type="application/ld+json"]').string)
    assert data["audio"]["@type"] == "AudioObject" and data["audio"]["duration"] == "PT18S"


def test_listings_show_a_play_badge(built: tuple[Hub, Path]) -> None:
    _, site = built
    listing = read(site, "stories/index.html")
    assert listing.count("sh-media-badge--video") == 2
    assert listing.count("sh-media-badge--audio") == 2


def test_posts_say_watch_where_the_network_favours_video(built: tuple[Hub, Path]) -> None:
    _, site = built
    snippets = json.loads(read(site, "snippets/snippets.json"))
    stories = {s["slug"]: s for s in snippets["stories"]}
    posts = stories["on-youtube"]["snippets"]
    by_network = {}
    for post in posts:
        by_network.setdefault(post["network"], []).append(post["text"])
    assert all(text.startswith("Watch: ") for text in by_network["linkedin"][:2])
    assert all(text.startswith("Watch: ") for text in by_network["x"][:2])
    assert all(post["fits"] for post in posts)  # "Watch:" counts: every limit still holds
    assert not any(text.startswith("Watch") for text in by_network["bluesky"])
    assert all("stories/on-youtube/" in text for text in by_network["linkedin"])
    audio_posts = [p["text"] for p in stories["kiln-voice"]["snippets"]]
    assert not any(text.startswith("Watch") for text in audio_posts)
    calendar = json.loads(read(site, "snippets/calendar.json"))
    images = {p["image_url"] for p in calendar["posts"] if "on-youtube" in p["text"]}
    assert images == {"https://stories.example.com/stories/on-youtube/poster.jpg"}


def test_withdrawn_video_consent_leaves_no_trace_anywhere(built: tuple[Hub, Path]) -> None:
    hub, site = built
    assert not (site / "stories/marco-glazes").exists()
    assert (site / "stories/marco-hears/index.html").exists()  # he is not heard there
    for path, text in all_output_text(site):
        where = path.relative_to(site).as_posix()
        for needle in (SECRET_CAPTION, "Marco mixes the winter glaze", "glazing-steps",
                       "glazing.mp4", "stories/marco-glazes"):
            assert needle.casefold() not in text.casefold(), (needle, where)
            assert needle.casefold() not in where.casefold(), (needle, where)
    result = hub.storyhub("check")
    assert ("stories/marco-glazes/index.md:7:1: info: not published: marco withdrew consent "
            "to video and audio on 2025-02-01 (the story's video or audio has them)"
            ) in result.stdout
    assert "stories/marco-glazes/index.md: Marco mixes the winter glaze — marco withdrew " \
           "consent to video and audio on 2025-02-01" in result.stdout


def test_the_leak_scan_knows_captions_and_transcripts(built: tuple[Hub, Path],
                                                      tmp_path: Path) -> None:
    from storyhub.pipeline import Pipeline

    hub, site = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    (copy / "stray.html").write_text(f"<p>{SECRET_CAPTION}</p>", encoding="utf-8")
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    leaks = pipeline.scan(copy)
    assert [leak.file for leak in leaks] == ["stray.html"]
    assert "captions (en) of stories/marco-glazes/index.md" in leaks[0].secret.why


# -- the example hub's files and the metadata reader -------------------------------------------


def test_example_media_is_small_and_carries_no_metadata() -> None:
    from storyhub.media.av import container_leaks, duration_of

    folder = EXAMPLE_VIDEO.parent
    for path in (EXAMPLE_VIDEO, EXAMPLE_AUDIO, EXAMPLE_POSTER, folder / "centring.en.vtt",
                 folder / "centring.it.vtt"):
        assert path.stat().st_size < 300_000, path
    assert container_leaks(EXAMPLE_VIDEO) == [] and container_leaks(EXAMPLE_AUDIO) == []
    assert round(duration_of(EXAMPLE_VIDEO) or 0) == 4
    for language in ("en", "it"):
        parsed = parse_webvtt((folder / f"centring.{language}.vtt").read_bytes())
        assert parsed.language == language and len(parsed.cues) == 2


@pytest.mark.parametrize(("data", "found"), [
    (mp4(udta=place_box()), ["the place it was recorded"]),
    (mp4(meta=b"\0\0\0\0" + b"hdlr" + b"\0" * 20
         + b"keys" + b"com.apple.quicktime.location.ISO6709"
         + b"com.apple.quicktime.model"), ["the device that recorded it",
                                            "the place it was recorded"]),
    (mp4(udta=b"\0\0\0\x10\xa9mod" + b"iPhone15"), ["the device that recorded it"]),
    (mp4(udta=b"\0\0\0\x10\xa9too" + b"Lavf61.1"), []),  # the encoder's name is no leak
    (b"\x1a\x45\xdf\xa3" + bytes(40) + b"LOCATION" + b"+44.28+011.88/", [
        "the place it was recorded"]),
])
def test_container_metadata_that_would_leak(tmp_path: Path, data: bytes,
                                            found: list[str]) -> None:
    from storyhub.media.av import container_leaks

    path = tmp_path / "clip.bin"
    path.write_bytes(data)
    assert container_leaks(path) == found


def test_a_video_file_no_field_names_is_not_published(tmp_path: Path) -> None:
    hub = _hub(tmp_path / "hub")
    hub.write("stories/wheel/index.md", story_text("Wheel", extra=VIDEO))
    for name, data in {"clip.mp4": EXAMPLE_VIDEO.read_bytes(), "outtake.mp4": mp4(),
                       "poster.jpg": EXAMPLE_POSTER.read_bytes(),
                       "clip.en.vtt": CAPTION_EN}.items():
        hub.write(f"stories/wheel/{name}", data)
    result = hub.storyhub("check")
    assert ("stories/wheel/outtake.mp4:1:1: warning: 'outtake.mp4' is not published: no "
            "'video:' or 'audio:' of the story names it") in result.stdout
    site = hub.build(strict=False)
    assert (site / "stories/wheel/clip.mp4").is_file()
    assert not (site / "stories/wheel/outtake.mp4").exists()


def test_markup_removed_from_a_transcript_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """A Markdown transcript is sanitised like a story's body; what is removed is said, at
    its line, by the check and the build (it was removed silently), and never published."""
    from trust import diagnostics

    hub = _hub(tmp_path / "hub")
    hub.write("stories/kiln-voice/index.md", story_text(
        "The kiln's voice", extra="audio:\n  file: voice.mp3\n  transcript: voice.md\n"
        "  description: Giulia's voice in the kiln room.\n"))
    hub.write("stories/kiln-voice/voice.mp3", EXAMPLE_AUDIO.read_bytes())
    hub.write("stories/kiln-voice/voice.md", "Giulia: *the kiln* is singing.\n\n"
              "<script>alert(1)</script>\n\n[more](javascript:alert(2))\n")
    said = "from the HTML (not allowed in transcripts, it could run code or change the page)"
    assert diagnostics(hub, "warning") == [
        f"stories/kiln-voice/voice.md:3:1: warning: removed <script> element {said}",
        f"stories/kiln-voice/voice.md:5:1: warning: removed 'javascript:' link in 'href' on "
        f"<a> {said}"]
    site = hub.build(strict=False)
    page = (site / "stories/kiln-voice/index.html").read_text(encoding="utf-8")
    assert "the kiln</em> is singing" in page and "alert(" not in page
