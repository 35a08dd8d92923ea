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


# -- text over a photograph -----------------------------------------------------------------

BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)


def mix(color: RGB, other: RGB, weight: int) -> RGB:
    """``color`` covered by ``other`` at opacity ``weight``/255, rounded as Pillow's
    ``Image.composite`` rounds (so a prediction made here matches the drawn pixels)."""
    keep = 255 - weight
    return tuple(  # type: ignore[return-value]
        (c * keep + o * weight + 127) // 255 for c, o in zip(color, other, strict=True))


def toward(color: RGB, goal: RGB, ink: RGB, minimum: float) -> RGB:
    """``color`` mixed toward ``goal`` just enough for ``ink`` to reach ``minimum`` on it
    (``goal`` itself when even that is not enough)."""
    for weight in range(0, 256, 5):
        mixed = mix(color, goal, weight)
        if contrast(ink, mixed) >= minimum:
            return mixed
    return goal


def worst_behind(ink: RGB, extrema: tuple[tuple[int, int], ...]) -> RGB:
    """The colour no pixel of a region can be less readable than, from the region's
    per-channel ``(min, max)`` (``Image.getextrema()``): luminance grows with each channel,
    so under light ink every pixel is at most as bright as the channel maxima together,
    and under dark ink at least as bright as the minima."""
    light_ink = contrast(ink, BLACK) >= contrast(ink, WHITE)
    return tuple(high if light_ink else low for low, high in extrema)  # type: ignore[return-value]


def scrim_opacity(worst: RGB, ink: RGB, scrim: RGB, minimum: float) -> int:
    """The least opacity (0-255) of a ``scrim`` colour laid over ``worst`` that gives
    ``ink`` a contrast of at least ``minimum``; 255 when ``scrim`` is needed whole. The
    contrast after mixing only grows with the opacity when ``scrim`` itself reaches
    ``minimum`` with ``ink``, so the search halves the range."""
    if contrast(ink, worst) >= minimum:
        return 0
    low, high = 0, 255
    while low < high:
        middle = (low + high) // 2
        if contrast(ink, mix(worst, scrim, middle)) >= minimum:
            high = middle
        else:
            low = middle + 1
    return low
