"""Colour contrast as WCAG 2.2 defines it, shared by the pages and the share images.

A text colour is always chosen from its background (a value's colour), so any colour a
company picks for a value stays readable: :func:`ink_on` returns the first candidate that
reaches the ratio asked for, else the one that comes closest.
"""

from __future__ import annotations

#: WCAG 2.2 AA: normal text, and large text or user-interface components.
AA_TEXT = 4.5
AA_LARGE = 3.0
LIGHT_INK = "#ffffff"
DARK_INK = "#1b1b1b"

RGB = tuple[int, int, int]


def rgb(color: str) -> RGB:
    """``"#rrggbb"`` as three integers."""
    return (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))


def luminance(color: RGB | str) -> float:
    """Relative luminance (WCAG), 0 for black to 1 for white."""
    r, g, b = (_channel(c) for c in (rgb(color) if isinstance(color, str) else color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _channel(value: int) -> float:
    s = value / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def contrast(a: RGB | str, b: RGB | str) -> float:
    """Contrast ratio between two colours, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def ink_on(background: str, candidates: tuple[str, ...] = (LIGHT_INK, DARK_INK, "#000000"),
           minimum: float = AA_TEXT) -> str:
    """The first of ``candidates`` readable on ``background`` (ratio ≥ ``minimum``), else
    the most readable one. White or black always reach 4.5:1 on some side."""
    for candidate in candidates:
        if contrast(background, candidate) >= minimum:
            return candidate
    return max(candidates, key=lambda c: contrast(background, c))
