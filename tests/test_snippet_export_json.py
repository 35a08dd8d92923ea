"""The snippets and calendar JSON are written a story (a post) at a time, each by orjson;
the whole text must be exactly what ``json.dumps(data, ensure_ascii=False, indent=2)`` gives
for the same data held at once. Two known differences, neither in storyhub's data (no
schema of the exports has a number that is not an integer): a small float's exponent
(``2.5e-7``, the standard library ``2.5e-07``: the same number) and a float that is not
finite (``null``, where the standard library writes ``NaN``, which is not JSON)."""

from __future__ import annotations

import io
import json
import random
from typing import Any

import pytest
from storyhub.text.jsontext import Written, dumps, escape_markup, indented_json_chunks, write_json

TRICKY = [
    None, True, False, 0, -7, 2**70, 1.5, 1e-300, 0.1, 1e22, 123456789.125, 5e-324,
    "", "plain", "quote \" backslash \\ newline \n tab \t nul \x00 \x1f \u2028 é 日 👨‍👩‍👧 <&>",
]


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 4 or roll < 0.4:
        return rng.choice(TRICKY)
    if roll < 0.7:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if roll < 0.8:
        return tuple(_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3)))
    keys = ["k", "é", "x<y", "", "1", 1, 2.5, None, True]
    return {rng.choice(keys): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def test_same_text_as_the_standard_encoder() -> None:
    rng = random.Random(2024)
    for _ in range(500):
        items = [_random_value(rng) for _ in range(rng.randint(0, 3))]
        head = {"schema": _random_value(rng), "é<": _random_value(rng)}
        expected = json.dumps({**head, "stories": items, "tail": 1}, ensure_ascii=False,
                              indent=2)
        streamed = {**head, "stories": iter(items), "tail": 1}
        assert "".join(map(str, indented_json_chunks(streamed))) == expected
        # an item written beforehand (escaped, in UTF-8), at its level, is copied as it is
        written = {**head, "stories": iter([Written.of(i, 2) for i in items]), "tail": 1}
        out = io.BytesIO()
        write_json(out, written)
        assert out.getvalue() == (escape_markup(expected) + "\n").encode("utf-8")
        assert json.loads(out.getvalue()) == json.loads(expected)
        assert "".join(map(str, indented_json_chunks(items))) == json.dumps(
            items, ensure_ascii=False, indent=2)


def test_the_two_known_differences_are_valid_json_of_the_same_values() -> None:
    # the standard library writes NaN and Infinity, which JSON parsers refuse
    assert json.loads(dumps([float("nan"), float("inf"), -float("inf")])) == [None] * 3
    assert json.loads(dumps([-2.5e-7, 1e-05])) == [-2.5e-7, 1e-05]


def test_a_story_is_one_piece() -> None:
    data = {"schema": "x", "stories": iter([{"slug": f"s{i}", "snippets": [{"a": 1}] * 3}
                                            for i in range(5)])}
    pieces = [str(piece) for piece in indented_json_chunks(data)]
    assert sum(piece.startswith('{\n      "slug"') for piece in pieces) == 5


def test_unknown_types_are_refused_like_the_standard_encoder() -> None:
    with pytest.raises(TypeError):
        "".join(map(str, indented_json_chunks({"a": {1, 2}})))
    with pytest.raises(TypeError):
        "".join(map(str, indented_json_chunks({(1, 2): "tuple key"})))
    with pytest.raises(TypeError):
        "".join(map(str, indented_json_chunks({"s": iter([{1, 2}])})))


@pytest.mark.parametrize("items", [[], [{"a": [1, 2]}], [{"a": 1}, [], "x", None]])
def test_an_iterator_is_written_as_its_list(items: list[Any]) -> None:
    expected = json.dumps({"k": 1, "stories": items}, ensure_ascii=False, indent=2)
    streamed = {"k": 1, "stories": iter(items)}
    assert "".join(indented_json_chunks(streamed)) == expected
