"""``publish:`` — which extra file types a story folder may publish, and how big.

Images (JPEG, PNG, WebP) are always accepted and re-encoded from their pixels; every
other file beside a story is published only when its type is listed here, with a size
limit. Types a browser may run (HTML, SVG, XML, JavaScript…) can never be listed.

The ``publish:`` group of the plugin's options (:class:`storyhub.options.model.StoryhubOptions`).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: Suffixes a web server may serve as active content: never published, whatever the options.
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".shtml", ".shtm", ".stm", ".xht", ".xhtml", ".mht", ".mhtml", ".hta",
    ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".rdf", ".rss", ".atom",
    ".js", ".mjs", ".cjs", ".jsx", ".ts", ".wasm", ".swf", ".jar", ".class", ".vbs",
    ".css", ".php", ".phtml", ".php3", ".php4", ".php5", ".phar", ".asp", ".aspx",
    ".jsp", ".cgi", ".pl", ".py", ".rb", ".sh", ".htaccess", ".htpasswd",
    ".appcache", ".manifest", ".webmanifest", ".json", ".jsonld", ".map",
})

#: Video and audio a story folder publishes when the story names them (``video:``,
#: ``audio:``), and their WebVTT captions; MIME types for ``<source type>``.
VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm"}
AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
               ".oga": "audio/ogg", ".opus": "audio/ogg"}
CAPTION_SUFFIX = ".vtt"
MEDIA_SUFFIXES = frozenset({*VIDEO_TYPES, *AUDIO_TYPES, CAPTION_SUFFIX})

_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")


class PublishOptions(BaseModel):
    """What a story folder may publish besides its images."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    files: dict[str, int] = Field(
        default_factory=dict,
        description=(
            "Extra file types a story folder may publish, by suffix, with the largest "
            "size in bytes, e.g. {'.pdf': 5000000}. Files of other types are not published "
            "(a warning names them). HTML, SVG, XML, JavaScript and other active types "
            "cannot be listed."
        ),
    )

    media_max_bytes: int = Field(
        50_000_000, ge=1, le=2_000_000_000,
        description=(
            "Largest video or audio file a story may publish (MP4, WebM, MP3, M4A, Ogg), in "
            "bytes; default 50 MB. A larger file is an error: shorten or compress it, or "
            "put the video on YouTube or Vimeo and give its address."
        ),
    )

    @field_validator("files")
    @classmethod
    def _only_passive_types(cls, value: dict[str, int]) -> dict[str, int]:
        cleaned: dict[str, int] = {}
        for suffix, limit in value.items():
            key = suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"
            if not _SUFFIX.match(key):
                raise ValueError(f"'{suffix}' is not a file suffix such as .pdf")
            if key in MEDIA_SUFFIXES:
                raise ValueError(
                    f"'{suffix}' is a video or audio type: it is published when a story names "
                    "it in 'video:' or 'audio:', within 'media_max_bytes'"
                )
            if key in ACTIVE_SUFFIXES:
                raise ValueError(
                    f"'{suffix}' files can run code in a reader's browser and are never "
                    "published"
                )
            if limit <= 0:
                raise ValueError(f"the size limit of '{suffix}' must be a number of bytes > 0")
            cleaned[key] = limit
        return cleaned
