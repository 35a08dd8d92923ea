"""Text on a value's colour is chosen from that colour: WCAG 2.2 AA (4.5:1) for any colour."""

from __future__ import annotations

import pytest
import yaml
from conftest import REPO
from storyhub.text.contrast import AA_TEXT, contrast, ink_on


def test_known_ratios() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#ffffff", "#d08a2e") == pytest.approx(2.85, abs=0.01)  # from the audit


@pytest.mark.parametrize("color", ["#d08a2e", "#ffff00", "#777777", "#767676", "#000080",
                                   "#b5562d", "#4f8a3c", "#ffffff", "#000000", "#00ff00"])
def test_ink_reaches_aa_on_any_colour(color: str) -> None:
    assert contrast(color, ink_on(color)) >= AA_TEXT


def test_every_value_colour_of_the_example_hub_gets_readable_text() -> None:
    values = yaml.safe_load((REPO / "values.yml").read_text(encoding="utf-8"))
    values = values["values"] if isinstance(values, dict) else values  # `values:` form
    for value in values:
        color = value["color"]
        assert contrast(color, ink_on(color)) >= AA_TEXT, value["id"]
