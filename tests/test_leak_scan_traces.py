"""The leak scan looks for every trace at once: however many there are, a trace inside or
across another is found, a published text that holds one excuses it, and a link trace is
not matched inside a longer slug."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote, unquote_plus

import pytest
from conftest import Hub, run_core, story_text
from storyhub.pipeline.leaks import (
    Matcher,
    Secret,
    normalise,
    readable_texts,
    scan_site,
    secrets_of,
)


def _secrets(count: int) -> list[Secret]:
    """``count`` traces of made-up drafts: titles, sentences and links, as secrets_of makes."""
    rng = random.Random(7)
    words = ["kiln", "glaze", "night", "shift", "apron", "clay", "wheel", "order", "market",
             "summer", "tile", "ledger", "crate", "window", "river", "festival"]
    found: dict[str, Secret] = {}
    while len(found) < count:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 7)))
        found.setdefault(text, Secret(text, f"title of draft {len(found)}"))
        slug = f"stories/draft-{len(found)}"
        found.setdefault(slug, Secret(slug, f"link to draft {len(found)}", url=True, always=True))
    return list(found.values())


def test_each_of_two_thousand_traces_is_found_in_every_form(tmp_path: Path) -> None:
    secrets = _secrets(2000)
    titles = [s for s in secrets if not s.url]
    links = [s for s in secrets if s.url]
    planted = [titles[101], titles[702], titles[-1], links[640]]
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text(
        "<p>" + planted[0].text.replace(" ", " <em>", 1) + "</em></p>", encoding="utf-8")
    (site / "share.html").write_text(
        '<a href="https://x.example/share?text=' + quote_plus(planted[1].text.upper()) + '">',
        encoding="utf-8")
    (site / "posts.json").write_text(json.dumps({"text": planted[2].text.title()}),
                                     encoding="utf-8")
    (site / "feed.xml").write_text(f"<link>https://x.example/{quote(planted[3].text)}/</link>",
                                   encoding="utf-8")
    (site / "clean.html").write_text("<p>" + " ".join(s.text[:5] for s in secrets) + "</p>",
                                     encoding="utf-8")
    found = {(leak.file, leak.secret.text) for leak in scan_site(site, secrets)}
    # a planted title may hold shorter traces of other drafts: each is reported too
    assert {(f, s.text) for f, s in zip(["page.html", "share.html", "posts.json", "feed.xml"],
                                        planted, strict=True)} <= found
    assert {file for file, _ in found} == {"page.html", "share.html", "posts.json", "feed.xml"}
    for file, text in found:
        assert text in {s.text for s in secrets}, (file, text)


def test_a_trace_inside_or_across_another_is_found() -> None:
    night = Secret("the long night", "title of a")
    shift = Secret("night shift at the mill", "title of b")
    inner = Secret("long night", "summary of c")
    matcher = Matcher([night, shift, inner])
    found = [(s.text, start, end) for s, start, end in
             matcher.find("after the long night shift at the mill we slept")]
    assert sorted(found) == [("long night", 10, 20), ("night shift at the mill", 15, 38),
                             ("the long night", 6, 20)]


def test_a_link_trace_is_not_found_inside_a_longer_slug(tmp_path: Path) -> None:
    link = Secret("stories/night", "link to a draft", url=True, always=True)
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text('<a href="/stories/night-shift/">', encoding="utf-8")
    (site / "b.html").write_text('<a href="/stories/nights/">', encoding="utf-8")
    (site / "c.html").write_text('<a href="/stories/night/">', encoding="utf-8")
    (site / "d.txt").write_text("see stories/night", encoding="utf-8")
    assert sorted(leak.file for leak in scan_site(site, [link])) == ["c.html", "d.txt"]
    assert not Matcher([])  # no traces: nothing to look for
    assert scan_site(site, []) == []


def test_published_text_excuses_every_trace_it_holds(hub: Hub) -> None:
    """Two drafts whose titles overlap in a published story's text: both excused (each is
    public anyway), the links kept. (A regular expression of alternatives found the first
    and went on after it, so the second stayed a trace, reported on the published page.)"""
    hub.write("stories/a.md", story_text("The long night in the kiln room",
                                         extra="draft: true\n"))
    hub.write("stories/b.md", story_text("Kiln room stories from the valley",
                                         extra="draft: true\n"))
    hub.write("stories/told.md", story_text(
        "What we told", body="It was the long night in the kiln room stories from the valley "
        "still tell about.\n"))
    texts = {s.text for s in secrets_of(run_core(hub.root).hub)}
    assert "the long night in the kiln room" not in texts
    assert "kiln room stories from the valley" not in texts
    assert {"stories/a", "stories/b"} <= texts


#: pieces of text as a site holds them: words, blanks and line ends, URL escapes (of a
#: space, a '+', a line end, an accent, a zero-width space), a '+' for a space
_PIECES = ["night", "shift", "kiln", "c", "day", "é", " ", " ", "  ", "\n", "\n", "\n\n", "\t",
           "%20", "%2B", "%0A", "%C3%A9", "%E2%80%8B", "\u200b", "+", "++", "%", "%zz", "x=",
           "&"]


def _found(texts: list[str], matcher: Matcher, *, normalised: bool = False) -> set[str]:
    return {secret.text for text in texts
            for secret, _, _ in matcher.find(text if normalised else normalise(text))}


def test_decoding_only_the_changed_lines_finds_what_decoding_everything_finds() -> None:
    """readable_texts decodes as a URL only the runs of lines a '%' or a '+' changes (with
    the lines around them): on random texts it finds every trace that decoding the whole
    text finds, and nothing else."""
    rng = random.Random(19)
    words = ["night", "shift", "kiln", "c++", "day", "é"]
    for case in range(3000):
        secrets = [Secret(" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))), "t")
                   for _ in range(rng.randint(1, 4))]
        matcher = Matcher(secrets)
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 80)))
        reach = matcher.reach
        whole = [text, unquote(text), unquote_plus(text)]
        assert _found(list(readable_texts(".txt", text, reach)), matcher, normalised=True) == \
            _found(whole, matcher), (case, text, [s.text for s in secrets])


def test_decoded_lines_get_enough_lines_around_them_however_much_normalising_shrinks(
        ) -> None:
    """The lines decoded around a run are counted once normalised (blanks collapse, escapes
    and invisible characters shrink to little or nothing): on random texts mostly of such
    blanks, with traces of several words, every trace that decoding the whole text finds
    is found."""
    rng = random.Random(37)
    words = ["night", "shift", "kiln", "day"]
    blanks = [" " * 9, "%20" * 7, "+" * 6, "\u200b" * 8, "%E2%80%8B" * 3, "\n", "\n \n",
              "\t\t\t", "\u00a0" * 4]
    for case in range(3000):
        secrets = [Secret(" ".join(rng.choice(words) for _ in range(rng.randint(2, 6))), "t")
                   for _ in range(rng.randint(1, 3))]
        matcher = Matcher(secrets)
        text = "".join(rng.choice(words) + rng.choice([" ", "%20", "+"])
                       if rng.random() < 0.4 else rng.choice(blanks)
                       for _ in range(rng.randint(0, 120)))
        whole = [text, unquote(text), unquote_plus(text)]
        assert _found(list(readable_texts(".txt", text, matcher.reach)), matcher,
                      normalised=True) == _found(whole, matcher), (case, text)
    # A trace from a decoded line into blank lines: twice its length in characters read
    # around the line hold about half of it once normalised.
    trace = Secret("kiln night shift day kiln", "t")
    words = "\n" + " " * 20 + "\nnight shift day\n" + " " * 30 + "\n"
    for text in ("ki%6Cn" + words + "kiln\n" + "x" * 100,
                 "x" * 100 + "\nkiln" + words + "ki%6Cn"):
        found = _found(list(readable_texts(".txt", text, len(trace.text))), Matcher([trace]),
                       normalised=True)
        assert found == {trace.text}, text


def test_html_is_decoded_as_the_standard_library_decodes_it() -> None:
    """The scan skips html.unescape where no '&' can start a reference (the query strings
    of the exports' links): on random texts of references, near-references and query
    strings, what it reads is exactly what html.unescape gives."""
    import html

    from storyhub.pipeline.leaks import unescape

    rng = random.Random(23)
    pieces = ["&amp;", "&lt;", "&gt", "&quot;", "&#39;", "&#x27;", "&#X27;", "&#65;", "&#0;",
              "&", "&#", "&copy", "&AMP;", "&ampx", "&utm_medium=social", "&ut", "&utdot;",
              "&LT", "&GTx", "&no", "&notin;", "&Aacute", "&z", "&x=1", "amp;", "lt", ";", "#",
              "u", "é", " ", "\n", "\t", "<"]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert unescape(text) == html.unescape(text), repr(text)


def test_normalising_line_by_line_is_normalising_the_whole_text() -> None:
    """normalise() takes only the lines holding a character outside ASCII the long way
    (NFKC, invisible characters, case folding, NFKC again); on random texts of combining
    marks, compatibility characters, invisible ones, letters that fold to several, Hangul
    jamo and line ends, it gives what the long way gives the whole text."""
    import unicodedata

    from storyhub.pipeline.leaks import _folded

    rng = random.Random(29)
    pieces = ["a", "E", " ", "\n", "\n\n", "\r", "\t", "\u0301", "\u0308", "\u0345", "\u00a0",
              "\u2026", "\u200b", "\u00ad", "\ufeff", "ß", "İ", "ﬁ", "Ａ", "ᾈ", "\u1100",
              "\u1161", "\u11a8", "가", "\u0b47", "\u0b3e", "é", "“", "\u2028", "\u0085",
              "\u00b4", "ǅ", "ẞ", "Σ", "ς", "%C3%A9"]
    for _ in range(200_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert normalise(text) == " ".join(_folded(text).split()), repr(text)
    assert normalise("Caffè\u2026 Lungo\nA B\u00a0C") == unicodedata.normalize(
        "NFKC", "caffè... lungo a b c")


def test_url_decoding_is_the_standard_librarys() -> None:
    """The scan decodes URL escapes in C where it can (plain ASCII, every '%' an escape):
    on random texts of escapes, broken escapes, multi-byte and invalid UTF-8, '=' (the
    quoted-printable decoder's own mark), '+', line ends and non-ASCII letters, what it
    reads is exactly what unquote and unquote_plus give, line by line or whole."""
    from storyhub.pipeline.leaks import _unquote, _unquote_plus

    rng = random.Random(31)
    pieces = ["%", "%2", "%20", "%41", "%4a", "%4A", "%C3%A9", "%C3", "%A9", "%E2%80%9C",
              "%ff", "%zz", "%%", "=", "=3D", "=\n", "=4", "\n", "\r\n", "\r", " ", "  \n",
              "\t", "a", "+", "é", "“", "%0A", "%0D", "%3D", "%25", "%2B", "_", "=20", "%=",
              "=%41"]
    for _ in range(200_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _unquote(text) == unquote(text), repr(text)
        assert _unquote_plus(text) == unquote_plus(text), repr(text)
        lines = text.split("\n")
        assert "\n".join(map(_unquote, lines)) == unquote(text), repr(text)


def test_published_text_is_read_in_pieces_with_what_reading_it_whole_finds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The published texts that excuse traces are read in pieces (the whole hub's text is
    never one string): with pieces of a few dozen characters, over random texts of trace
    words, what is found is what reading the texts joined in one string finds, traces across
    two texts and across two pieces included."""
    from storyhub.pipeline import leaks

    words = ["k", "o", "y", "of"]
    secrets = [Secret(" ".join(seq), "draft") for seq in itertools.product(words[:3], repeat=3)]
    secrets += [Secret(f"{a} {b}", "draft") for a, b in itertools.product(words, repeat=2)]
    matcher = Matcher(secrets)
    rng = random.Random(37)
    monkeypatch.setattr(leaks, "CHUNK_CHARS", 40)
    for _ in range(3_000):
        texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 6)))
                 for _ in range(rng.randint(0, 12))]
        whole = {s.text for s, _, _ in matcher.find(" ".join(t for t in texts if t))}
        assert leaks._found_in(matcher, texts) == whole, texts


def test_json_strings_are_found_where_an_unescaped_quote_opens_them() -> None:
    """The scan finds a JSON file's strings with the quote first and what stands before it
    after (the search jumps from quote to quote): on random texts of quotes, backslashes
    and line ends, what it finds is what the plain rule finds (a string opens at a quote
    no backslash stands before)."""
    import re

    from storyhub.pipeline.leaks import _JSON_STRING

    plain_rule = re.compile(r'(?<!\\)"[^"\\\n]*(?:\\.[^"\\\n]*)*"')
    rng = random.Random(43)
    pieces = ['"', "\\", '\\"', "a", "\n", "é", " ", '"x"', "\\\\", '\\\\"', ":", ","]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        assert _JSON_STRING.findall(text) == plain_rule.findall(text), repr(text)
