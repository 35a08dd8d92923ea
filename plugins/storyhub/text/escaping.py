"""Escaping for the contexts front-matter values reach, beside Jinja's HTML autoescape."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

_SCRIPT_SAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/ld+json">``: no ``</script>``, no
    ``<!--``, whatever the values hold. Keys sorted, so output is reproducible."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return Markup(text)
