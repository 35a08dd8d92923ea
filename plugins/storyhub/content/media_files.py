"""A story's video and audio: the files its ``video:`` and ``audio:`` fields name, checked.

The loader calls :func:`load_story_media` once per story, after the story folder's files
were listed (:func:`storyhub.content.files.folder_files`). Everything that can be told
from the front matter and the files' first bytes is decided here, each problem at its
field: the file is beside the story, of an accepted type (by its bytes, not its name)
and within ``publish: media_max_bytes``; a video has a poster and WebVTT captions (parsed
strictly, :mod:`storyhub.text.webvtt`); an audio recording has a transcript (Markdown or
WebVTT); a YouTube or Vimeo address is recognised. Container metadata (location, device)
is read by :mod:`storyhub.media.av`; consent is decided in :mod:`storyhub.hub.publish`.

Video and audio files beside a story that no field names are not published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from storyhub.content.files import IMAGE_SUFFIXES, FolderFile, Walk, resolve, suffix_of
from storyhub.diagnostics.core import Diagnostics
from storyhub.i18n.catalogue import primary_subtag
from storyhub.options.publish import (
    AUDIO_TYPES,
    CAPTION_SUFFIX,
    VIDEO_TYPES,
    PublishOptions,
)
from storyhub.text.webvtt import CaptionProblem, Captions, parse_webvtt

if TYPE_CHECKING:
    from storyhub.content.model import Source, Story


@dataclass(frozen=True)
class Embed:
    """A video on YouTube or Vimeo, played through the service's privacy-enhanced player."""

    service: str  # "youtube" | "vimeo"
    id: str
    hash: str = ""  # an unlisted Vimeo video's key

    @property
    def name(self) -> str:
        return "YouTube" if self.service == "youtube" else "Vimeo"

    @property
    def host(self) -> str:
        return "www.youtube-nocookie.com" if self.service == "youtube" else "player.vimeo.com"

    @property
    def embed_url(self) -> str:
        """The player, loaded only when the reader presses play (so it may start at once)."""
        if self.service == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.id}?autoplay=1&rel=0"
        key = f"h={self.hash}&" if self.hash else ""
        return f"https://player.vimeo.com/video/{self.id}?{key}dnt=1&autoplay=1"

    @property
    def watch_url(self) -> str:
        """The video's page on the service (a plain link: nothing loads until followed)."""
        if self.service == "youtube":
            return f"https://www.youtube.com/watch?v={self.id}"
        return f"https://vimeo.com/{self.id}" + (f"/{self.hash}" if self.hash else "")


@dataclass
class CaptionTrack:
    language: str  # as written under ``captions:`` (en, it, pt-BR)
    path: Path
    relative: str  # relative to the story's folder: the name it is published under
    captions: Captions


@dataclass
class StoryMedia:
    """A story's video or audio, as checked: what pages, meta tags and posts read."""

    kind: str  # "video" | "audio"
    description: str
    people: list[str]
    file: Path | None = None
    relative: str | None = None  # the file's published name, relative to the story's folder
    mime: str | None = None
    embed: Embed | None = None
    poster: Path | None = None
    poster_relative: str | None = None
    captions: list[CaptionTrack] = field(default_factory=list)
    transcript_markdown: str | None = None
    #: where a Markdown transcript is, as messages show it (stories/<folder>/<file>)
    transcript_shown: str | None = None
    transcript_captions: Captions | None = None
    #: seconds, read from the container by storyhub.media.av (None: unknown, or an embed)
    duration: float | None = None

    def captions_in(self, language: str) -> CaptionTrack | None:
        """The captions in ``language`` (``it`` matches ``it-IT``), else None."""
        wanted = primary_subtag(language)
        return next((c for c in self.captions if primary_subtag(c.language) == wanted), None)


def file_size(size: int) -> str:
    """A size as people read it: 48.2 MB, 730 KB (decimal units, as file managers show)."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1000))} KB"


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be",
                  "www.youtube-nocookie.com", "youtube-nocookie.com", "music.youtube.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


def parse_embed(url: str) -> Embed | None:
    """The YouTube or Vimeo video an address points at, or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host in _YOUTUBE_HOSTS:
        candidate = ""
        if host == "youtu.be" and segments:
            candidate = segments[0]
        elif segments[:1] == ["watch"] or not segments:
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in ("embed", "shorts", "live", "v"):
            candidate = segments[1]
        return Embed("youtube", candidate) if _YOUTUBE_ID.match(candidate) else None
    if host in _VIMEO_HOSTS:
        if segments[:1] == ["video"]:
            segments = segments[1:]
        if segments and segments[0].isdigit():
            key = segments[1] if len(segments) > 1 and re.fullmatch(r"[0-9a-f]{6,20}",
                                                                    segments[1]) else ""
            key = key or (parse_qs(parts.query).get("h") or [""])[0]
            return Embed("vimeo", segments[0], key if re.fullmatch(r"[0-9a-f]{0,20}", key) else "")
    return None


def sniff_media(head: bytes) -> str | None:
    """What a file's first bytes say it is: "mp4", "webm", "mp3", "ogg", or None."""
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    return None


_EXPECTED = {".mp4": "mp4", ".m4v": "mp4", ".m4a": "mp4", ".webm": "webm", ".mp3": "mp3",
             ".ogg": "ogg", ".oga": "ogg", ".opus": "ogg"}


class _Checker:
    """The checks of one story's ``video:`` or ``audio:`` field, reporting at its keys."""

    def __init__(self, story: Story, source: Source, walk: Walk, diagnostics: Diagnostics,
                 publish: PublishOptions, beside: dict[str, FolderFile]) -> None:
        self.story, self.source, self.walk = story, source, walk
        self.diagnostics, self.publish, self.beside = diagnostics, publish, beside
        self.folder = source.path.rsplit("/", 1)[0]
        self.named: set[str] = set()

    def error(self, path: tuple[str, ...], message: str, *, key: bool = False,
              code: str = "media") -> None:
        line, col = (self.source.key_pos(*path) if key else self.source.value_pos(*path))
        self.diagnostics.error(self.source.path, line, col,
                               f"'{'.'.join(path)}': {message}", field=path[0], code=code)

    def file(self, path: tuple[str, ...], written: str) -> tuple[Path, str] | None:
        """The file ``written`` names beside the story: (path, name relative to the folder)."""
        entry, problem = resolve(self.walk, self.folder, written)
        if problem is not None:
            self.error(path, problem, code="missing-file")
            return None
        assert entry is not None
        if not entry.rel.startswith(self.folder + "/"):
            self.error(path, f"'{written}' must be in the story's folder ({self.folder}/), "
                             "beside index.md", code="missing-file")
            return None
        relative = entry.rel[len(self.folder) + 1 :]
        self.walk.claimed.add(entry.rel)
        self.named.add(relative)
        return entry.path, relative

    def published(self, path: tuple[str, ...], relative: str) -> bool:
        """Is the named file one the folder may publish? (Not hidden, not a hard link…:
        the folder listing already said why not.)"""
        if relative in self.beside:
            return True
        self.error(path, f"'{relative}' cannot be published (see the message about the file)")
        return False

    def check_bytes(self, path: tuple[str, ...], found: Path, relative: str, what: str,
                    types: dict[str, str]) -> str | None:
        suffix = suffix_of(relative)
        if suffix not in types:
            accepted = ", ".join(sorted(types))
            self.error(path, f"'{relative}' is not {what} storyhub publishes ({accepted}): "
                             "export it as MP4 (H.264 video, AAC sound)" if what.endswith(
                                 "video") else
                       f"'{relative}' is not {what} storyhub publishes ({accepted}): "
                       "export it as MP3 or M4A", code="media-type")
            return None
        size = found.stat().st_size
        limit = self.publish.media_max_bytes
        if size > limit:
            self.error(path, f"'{relative}' is {file_size(size)}; video and audio "
                             f"files are at most {file_size(limit)} ('publish: "
                             "media_max_bytes:' option): shorten or compress it, or put a "
                             "video on YouTube or Vimeo and give its address", code="file-size")
            return None
        with found.open("rb") as handle:
            kind = sniff_media(handle.read(16))
        if kind != _EXPECTED[suffix]:
            self.error(path, f"'{relative}' is not {what}, whatever its name says: export it "
                             "again from your video or audio app", code="media-type")
            return None
        if not self.published(path, relative):
            return None
        return types[suffix]

    def captions(self, path: tuple[str, ...], written: str
                 ) -> tuple[Captions, Path, str] | None:
        located = self.file(path, written)
        if located is None:
            return None
        found, relative = located
        if suffix_of(relative) != CAPTION_SUFFIX:
            self.error(path, f"'{relative}' is not a WebVTT file (.vtt): save the captions as "
                             "WebVTT (most caption editors and YouTube Studio export it)",
                       code="captions")
            return None
        try:
            parsed = parse_webvtt(found.read_bytes())
        except CaptionProblem as problem:
            shown = f"{self.folder}/{relative}"
            self.diagnostics.error(shown, problem.line, problem.col,
                                   f"not valid WebVTT: {problem.message}", field=path[0],
                                   code="captions")
            return None
        if not self.published(path, relative):
            return None
        return parsed, found, relative

    # -- the two fields ------------------------------------------------------------------------

    def video(self) -> StoryMedia | None:
        video = self.story.video
        assert video is not None
        media = StoryMedia("video", video.description, list(video.people or self.story.people))
        ok = True
        if (video.file is None) == (video.url is None):
            self.error(("video",), "give either 'file:' (a video beside the story, MP4 or "
                                   "WebM) or 'url:' (a YouTube or Vimeo address), "
                       + ("not both" if video.file else "one of them"), key=True)
            ok = False
        elif video.file is not None:
            located = self.file(("video", "file"), video.file)
            if located is None:
                ok = False
            else:
                media.file, media.relative = located
                media.mime = self.check_bytes(("video", "file"), *located, "an MP4 or WebM video",
                                              VIDEO_TYPES)
                ok = ok and media.mime is not None
        else:
            assert video.url is not None
            media.embed = parse_embed(video.url)
            if media.embed is None:
                self.error(("video", "url"), f"'{video.url}' is not a YouTube or Vimeo video "
                           "address: copy it from the video's Share button (e.g. "
                           "https://youtu.be/… or https://vimeo.com/…), or put the file beside "
                           "the story and write 'file:'", code="media-url")
                ok = False
        located = self.file(("video", "poster"), video.poster)
        if located is not None and suffix_of(located[1]) not in IMAGE_SUFFIXES:
            self.error(("video", "poster"), f"'{located[1]}' is not a JPEG, PNG or WebP image",
                       code="image-type")
            located = None
        if located is None:
            ok = False
        else:
            media.poster, media.poster_relative = located
        if not video.captions:
            self.error(("video",), "captions are required: add 'captions:' with a WebVTT file "
                       "for each language of the story, e.g. 'captions: {en: clip.en.vtt}' "
                       "(people who cannot hear the video read them)", key=True,
                       code="captions-missing")
            ok = False
        for language, written in (video.captions or {}).items():
            read = self.captions(("video", "captions", language), written)
            if read is None:
                ok = False
                continue
            parsed, found, relative = read
            if parsed.language and primary_subtag(parsed.language) != primary_subtag(language):
                self.error(("video", "captions", language),
                           f"'{written}' says 'Language: {parsed.language}' (line "
                           f"{parsed.language_line}) but is listed as '{language}': list it "
                           f"under its own language, or correct its header",
                           code="captions-language")
                ok = False
                continue
            media.captions.append(CaptionTrack(language, found, relative, parsed))
        return media if ok else None

    def audio(self, read_text: Any) -> StoryMedia | None:
        audio = self.story.audio
        assert audio is not None
        media = StoryMedia("audio", audio.description, list(audio.people or self.story.people))
        ok = True
        located = self.file(("audio", "file"), audio.file)
        if located is None:
            ok = False
        else:
            media.file, media.relative = located
            media.mime = self.check_bytes(("audio", "file"), *located,
                                          "an MP3, M4A or Ogg recording", AUDIO_TYPES)
            ok = ok and media.mime is not None
        if audio.transcript is None:
            self.error(("audio",), "a transcript is required: add 'transcript:' with a "
                       "Markdown (.md) or WebVTT (.vtt) file of what is said, e.g. "
                       "'transcript: voice.md' (people who cannot hear it read it)", key=True,
                       code="transcript-missing")
            return None
        suffix = suffix_of(audio.transcript)
        if suffix == CAPTION_SUFFIX:
            read = self.captions(("audio", "transcript"), audio.transcript)
            if read is None:
                ok = False
            else:
                media.transcript_captions = read[0]
        elif suffix in (".md", ".markdown"):
            found = self.file(("audio", "transcript"), audio.transcript)
            text = read_text(found[0], f"{self.folder}/{found[1]}") if found else None
            if text is None:
                ok = False
            elif not text.strip():
                self.error(("audio", "transcript"), f"'{audio.transcript}' is empty: write "
                           "what is said in the recording", code="transcript-missing")
                ok = False
            else:
                media.transcript_markdown = text
                media.transcript_shown = f"{self.folder}/{found[1]}" if found else None
        else:
            self.error(("audio", "transcript"), f"'{audio.transcript}' is neither Markdown "
                       "(.md) nor WebVTT (.vtt)", code="transcript-type")
            ok = False
        return media if ok else None


def load_story_media(story: Story, source: Source, walk: Walk, diagnostics: Diagnostics,
                     publish: PublishOptions, read_text: Any) -> set[str]:
    """Check the story's ``video:`` and ``audio:`` and record them on ``source.media``;
    drop video and audio files of the folder that no field names (with a warning). Returns
    the files named (relative to the folder). ``read_text(path, shown)``: the loader's."""
    if story.video is None and story.audio is None:
        _drop_unnamed(source, set(), diagnostics)
        return set()
    if source.abs_path.name != "index.md":
        field_name = "video" if story.video is not None else "audio"
        line, col = source.key_pos(field_name)
        diagnostics.error(
            source.path, line, col,
            f"'{field_name}': a story with video or audio must be a folder: move it to "
            f"stories/{story.id}/index.md and put the files beside it", field=field_name,
            code="media")
        return set()
    beside = {item.relative: item for item in source.folder_files}
    checker = _Checker(story, source, walk, diagnostics, publish, beside)
    if story.video is not None:
        found = checker.video()
        if found is not None:
            source.media.append(found)
            if story.image is None and found.poster is not None:
                source.files["image"] = found.poster  # listings, cards and previews show it
    if story.audio is not None:
        found = checker.audio(read_text)
        if found is not None:
            source.media.append(found)
    _drop_unnamed(source, checker.named, diagnostics)
    return checker.named


def _drop_unnamed(source: Source, named: set[str], diagnostics: Diagnostics) -> None:
    folder = source.path.rsplit("/", 1)[0]
    kept = []
    for item in source.folder_files:
        if item.kind == "media" and item.relative not in named:
            diagnostics.warning(
                f"{folder}/{item.relative}", 1, 1,
                f"'{item.path.name}' is not published: no 'video:' or 'audio:' of the story "
                "names it", code="not-published")
            continue
        kept.append(item)
    source.folder_files = kept


def check_media_languages(stories: list[Story], site_language: str,
                          diagnostics: Diagnostics) -> None:
    """A video needs captions in its story's language; a WebVTT transcript must be in it."""
    for story in stories:
        language = story.lang or site_language
        for media in story.source.media:
            if media.kind == "video" and media.captions and media.captions_in(language) is None:
                line, col = story.source.value_pos("video", "captions")
                listed = ", ".join(c.language for c in media.captions)
                diagnostics.error(
                    story.source.path, line, col,
                    f"'video.captions': the story is in '{language}' but has captions only in "
                    f"{listed}: add captions in '{language}' (a file per language of the story)",
                    field="video", code="captions-language")
            found = media.transcript_captions
            if found is not None and found.language and \
                    primary_subtag(found.language) != primary_subtag(language):
                line, col = story.source.value_pos("audio", "transcript")
                diagnostics.error(
                    story.source.path, line, col,
                    f"'audio.transcript': the transcript says 'Language: {found.language}' "
                    f"(line {found.language_line}) but the story is in '{language}': give the "
                    "transcript in the story's language", field="audio",
                    code="captions-language")
