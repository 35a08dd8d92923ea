"""Escaping for the contexts front-matter values reach, beside Jinja's HTML autoescape."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from storyhub.text.jsontext import escape_markup


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/ld+json">``: no ``</script>``, no
    ``<!--``, whatever the values hold (``<``, ``>`` and ``&`` escaped as in the JSON files,
    :func:`~storyhub.text.jsontext.escape_markup`; the line separators U+2028 and U+2029
    too, which old script parsers end a line at). Keys sorted, so output is reproducible."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(escape_markup(text).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
