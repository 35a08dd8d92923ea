"""Counting rules of each network, on tricky text, and shortening that never breaks words,
URLs or hashtags. Expected numbers are worked out by hand from the published rules."""

from __future__ import annotations

import random
import unicodedata

import pytest
import regex
from storyhub.diagnostics import Diagnostics
from storyhub.options.model import DEFAULT_UTM, CardOptions, SnippetOptions
from storyhub.options.read import parse_options
from storyhub.social.compose import hashtag, join_names
from storyhub.social.counting import (
    _JOINS,
    _MAY_EMOJI,
    _MAY_JOIN,
    EMOJI_RE,
    URL_RE,
    find_urls,
    graphemes,
    mastodon_length,
    measure,
    threads_length,
    utf8_bytes,
    utf16_units,
    x_length,
)
from storyhub.social.counting import _x_weight as x_weight
from storyhub.social.links import share_intent, with_utm
from storyhub.social.shorten import sentence_cuts, shorten, within, word_cuts
from storyhub.text.networks import NETWORKS, networks_for

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467"  # 👨‍👩‍👧: 3 emoji joined by ZWJ
FLAG_IT = "\U0001F1EE\U0001F1F9"  # 🇮🇹: two regional indicators
THUMBS_TONE = "\U0001F44D\U0001F3FD"  # 👍🏽: emoji + skin-tone modifier
ENGLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
KEYCAP_1 = "1\uFE0F\u20E3"


# -- X: weighted count ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Perché sì, città", 16),                       # Latin with accents: 1 each
    ("日本語のテキスト", 16),                        # CJK: 2 each
    (FAMILY, 2),                                    # a ZWJ sequence is one emoji: 2
    (FLAG_IT, 2),                                   # a flag: 2
    (THUMBS_TONE, 2),                               # emoji with skin tone: 2
    (ENGLAND, 2),                                   # tag sequence flag: 2
    (KEYCAP_1, 2),                                  # keycap: 2
    ("\u2014 \u201Cquote\u201D", 9),                # em dash and curly quotes weigh 1
    ("\u00A9 2025", 6),                             # © without emoji presentation: 1
    ("https://stories.example.com/stories/a-very-long-slug/?utm_source=x", 23),
    ("see example.com/x and www.foo.it.", 4 + 23 + 5 + 23 + 1),
])
def test_x_weighted_length(text: str, expected: int) -> None:
    assert x_length(text) == expected


def test_x_normalises_to_nfc_before_counting() -> None:
    decomposed = unicodedata.normalize("NFD", "caffè perché")
    assert len(decomposed) == 14
    assert x_length(decomposed) == 12


def test_x_limit_is_280_weighted() -> None:
    rule = NETWORKS["x"]
    assert measure(rule, "a" * 280).ok
    assert not measure(rule, "a" * 281).ok
    assert measure(rule, "日" * 140).ok
    assert not measure(rule, "日" * 141).ok
    long_url = "https://stories.example.com/" + "x" * 300
    assert measure(rule, "a" * 256 + " " + long_url).count == 280


# -- Bluesky: graphemes and bytes -------------------------------------------------------------

def test_bluesky_counts_graphemes_and_bytes() -> None:
    text = f"Ciao {FAMILY}{FLAG_IT} é"
    assert graphemes(text) == 9  # C i a o space family flag space é
    assert utf8_bytes(text) == 5 + 18 + 8 + 1 + 2
    size = measure(NETWORKS["bluesky"], text)
    assert (size.count, size.bytes, size.ok) == (9, 34, True)


def test_bluesky_limits() -> None:
    rule = NETWORKS["bluesky"]
    assert measure(rule, "é" * 300).ok
    assert not measure(rule, "é" * 301).ok
    # 170 families are 170 graphemes but 3,060 bytes: over the byte limit only.
    many = FAMILY * 170
    size = measure(rule, many)
    assert (size.count, size.bytes) == (170, 3060)
    assert not size.ok
    # URLs count in full on Bluesky.
    assert measure(rule, "https://example.com/" + "a" * 100).count == 120


@pytest.mark.parametrize("text", [
    "", "plain ascii", "a\r\nb\r\n", "\r\r\n\n", "città — “sì” …", "Müller\r\nJoão",
    unicodedata.normalize("NFD", "caffè perché"),  # e + combining grave: one cluster
    f"{FAMILY} {FLAG_IT}{FLAG_IT}{FLAG_IT[0]} {THUMBS_TONE}{ENGLAND}{KEYCAP_1}",
    "\u1100\u1161\u11a8 \uac00\u11a8",  # Hangul jamo and syllables
    "\u0915\u094d\u0937 \u0600\u0661",  # Devanagari conjunct, Arabic prepend
    "a\u200db \u00ad\u2060\ufeff x",  # ZWJ, soft hyphen and format characters
])
def test_graphemes_agree_with_the_x_pattern(text: str) -> None:
    """The fast path (one cluster per character) must give what \\X gives."""
    assert graphemes(text) == len(regex.findall(r"\X", text))


def test_graphemes_fast_path_on_mixed_text() -> None:
    rng = random.Random(12)
    pool = ("aé—“”…\r\n \u0301\u200d\U0001F1EE\U0001F1F9\U0001F44D\U0001F3FD"
            "\u1100\u1161\u094d\uac00日")
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        assert graphemes(text) == len(regex.findall(r"\X", text)), repr(text)


# -- Threads: emoji as UTF-8 bytes ------------------------------------------------------------

def test_threads_counts_emoji_as_bytes() -> None:
    assert threads_length("ciao") == 4
    assert threads_length("\U0001F44D") == 4
    assert threads_length(FAMILY) == 18
    assert threads_length(FLAG_IT) == 8
    assert threads_length("città 日本") == 8  # non-emoji: one per character
    rule = NETWORKS["threads"]
    assert measure(rule, "\U0001F44D" * 125).ok
    assert not measure(rule, "\U0001F44D" * 126).ok


# -- Mastodon: URLs 23, remote mentions as local part, limit configurable ----------------------

def test_mastodon_counts() -> None:
    assert mastodon_length("https://example.com/" + "a" * 200) == 23
    assert mastodon_length("hi @giulia@mastodon.social") == len("hi @giulia")
    assert mastodon_length(FAMILY + " ok") == 4
    assert networks_for(1000)["mastodon"].limit == 1000
    assert networks_for(None)["mastodon"].limit == 500


def test_utf16_counts_like_a_javascript_composer() -> None:
    assert utf16_units("città") == 5
    assert utf16_units("\U0001F44D") == 2
    assert utf16_units(FAMILY) == 8


def test_urls_are_found_without_trailing_punctuation_or_mentions() -> None:
    text = "Read https://a.example/x, then www.foo.it. Ping @giulia.bsky.social"
    found = [text[a:b] for a, b in find_urls(text)]
    assert found == ["https://a.example/x", "www.foo.it"]


def _url_spans_by_pattern(text: str) -> list[tuple[int, int]]:
    """What find_urls returned before its fast path: every match of the one pattern."""
    spans = []
    for match in URL_RE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in ".,;:!?)]}'\"…»":
            end -= 1
        spans.append((start, end))
    return spans


def test_urls_fast_path_finds_what_the_pattern_finds() -> None:
    """Scheme URLs found at each "://", the pattern run only where a ".tld" is outside
    them: the same spans on text made of the pieces that make or break a URL."""
    rng = random.Random(7)
    pool = ["http", "https", "HTTPS", "httpſ", "ſ", "://", ":/", "/", "//", "www.", "www",
            "example", ".com", ".it", ".social", ".comx", ".co-", "a", "K", "-", ".", "..",
            "@", "@giulia", " ", "\n", '"', "<", ">", ")", "?q=1", "&", "é", "…", "x.co"]
    texts = ["", "https://a.example/x", "see https://stories.example.com/a?b=c #tag.",
             "www.foo.it and https://x.example.com/https://y.example.com",
             "https://a.example.com/ then b.example.com/c", "ahttps://x.com", "/https://x.com",
             "@giulia.bsky.social https://bsky.app", "HTTP://A.COM.", "httpſ://x.it"]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 14)))
              for _ in range(20000)]
    for text in texts:
        assert find_urls(text) == _url_spans_by_pattern(text), repr(text)


def _x_length_by_pattern(text: str) -> int:
    """X's count as before the fast path: every piece scanned for emoji."""
    text = unicodedata.normalize("NFC", text)
    spans = _url_spans_by_pattern(text)
    pieces = [text[a:b] for a, b in zip([0] + [e for _, e in spans],
                                        [s for s, _ in spans] + [len(text)], strict=True)]
    total = len(spans) * 23
    for piece in pieces:
        last = 0
        for match in EMOJI_RE.finditer(piece):
            total += x_weight(piece[last:match.start()]) + 2
            last = match.end()
        total += x_weight(piece[last:])
    return total


def _threads_by_pattern(text: str) -> int:
    total, last = 0, 0
    for match in EMOJI_RE.finditer(text):
        total += len(text[last:match.start()]) + len(match.group().encode("utf-8"))
        last = match.end()
    return total + len(text[last:])


def test_emoji_fast_path_counts_what_the_pattern_counts() -> None:
    """Text without a character that may be part of an emoji skips the emoji scan: the
    same counts, with text-style symbols, keycaps, modifiers and joiners around."""
    rng = random.Random(11)
    pool = ("a1#*é—“”…→ \u00a9\u00ae\u2122\u203c\u2049\u2139\u2194\u231a\u2600\u2614"
            "\u26a1\u2764\u2b50\ufe0f\u20e3\u200d\u0301\u3000日"
            "\U0001F1EE\U0001F1F9\U0001F44D\U0001F3FD\U0001F3F4\U000E0067\U000E007F")
    texts = [FAMILY, FLAG_IT, THUMBS_TONE, ENGLAND, KEYCAP_1, "\u00a9\ufe0f 2025", "\u00a9 2025"]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
              for _ in range(5000)]
    for text in texts:
        assert x_length(text) == _x_length_by_pattern(text), repr(text)
        assert threads_length(text) == _threads_by_pattern(text), repr(text)
    # the classes agree with the tables below U+3000 and take every character above
    may_emoji = regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\uFE0F\u20E3]")
    below = "".join(map(chr, range(0x3000)))
    assert _MAY_EMOJI.findall(below) == may_emoji.findall(below)
    assert _MAY_JOIN.findall(below) == _JOINS.findall(below)
    assert _MAY_EMOJI.match("\u3000") and _MAY_JOIN.match("\U0010ffff")


# -- shortening ---------------------------------------------------------------------------------

def test_shorten_prefers_a_sentence_boundary() -> None:
    text = "The oven failed at two. Giulia saved four hundred loaves. Then she slept."
    cut = shorten(text, lambda t: len(t) <= 60)
    assert cut == "The oven failed at two. Giulia saved four hundred loaves."


def test_shorten_at_word_boundary_with_ellipsis() -> None:
    text = "Unbelievably complicated procedures everywhere nowadays"
    cut = shorten(text, lambda t: len(t) <= 30)
    assert cut == "Unbelievably complicated…"
    assert all(word in text.split() for word in cut.rstrip("…").split())


def test_shorten_never_cuts_a_url_or_hashtag() -> None:
    text = "Look https://stories.example.com/stories/night-oven/ now #craftsmanship #madeinitaly"
    for limit in range(5, len(text)):
        cut = shorten(text, lambda t, n=limit: len(t) <= n)
        if cut is None:
            continue
        for token in cut.split():
            token = token.rstrip("…")
            if token:
                assert token in text.split(), (limit, cut)


def test_word_and_sentence_cuts_are_longest_first() -> None:
    text = "One. Two three. Four five six."
    assert sentence_cuts(text) == ["One. Two three.", "One."]
    cuts = word_cuts(text)
    assert cuts[0] == "One. Two three. Four five…"
    assert [len(c) for c in cuts] == sorted((len(c) for c in cuts), reverse=True)


def test_within_is_the_first_cut_short_enough() -> None:
    """By bisection, the index a linear scan finds (cut lists have falling lengths)."""
    rng = random.Random(3)
    words = ["a", "bb", "ccc,", "—", "https://x.it", "#tag", "end.", "x!", " "]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        for cuts in (word_cuts(text), sentence_cuts(text)):
            for length in range(-1, len(text) + 2):
                expected = next((i for i, cut in enumerate(cuts) if len(cut) <= length),
                                len(cuts) - 1)
                assert within(cuts, length) == expected, (text, length)


def test_hashtags_from_words() -> None:
    assert hashtag("night-shift") == "#NightShift"
    assert hashtag("craftsmanship") == "#craftsmanship"
    assert hashtag("#madeinitaly") == "#madeinitaly"
    assert hashtag("perché sì") == "#PerchéSì"
    assert join_names(["A", "B", "C"], "and") == "A, B and C"


# -- links ----------------------------------------------------------------------------------------

def test_utm_parameters_and_intents() -> None:
    url = with_utm("https://s.example/stories/a/", DEFAULT_UTM, network="x", slug="a",
                   variant="2")
    assert url == ("https://s.example/stories/a/?utm_source=x&utm_medium=social"
                   "&utm_campaign=a&utm_content=v2")
    assert with_utm("https://s.example/", {}, network="x", slug="a", variant="1") == \
        "https://s.example/"
    text = "Città & più #tag https://s.example/a?x=1"
    assert share_intent(NETWORKS["x"], text, "https://s.example/a").startswith(
        "https://x.com/intent/post?text=Citt%C3%A0%20%26%20pi%C3%B9%20%23tag%20https%3A%2F%2F")
    assert share_intent(NETWORKS["bluesky"], "hi", "l").startswith("https://bsky.app/intent/compose")
    assert share_intent(NETWORKS["linkedin"], "hi", "https://s.example/a") == \
        "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fs.example%2Fa"
    assert share_intent(NETWORKS["facebook"], "hi", "https://s.example/a").startswith(
        "https://www.facebook.com/sharer/sharer.php?u=")
    assert share_intent(NETWORKS["instagram"], "hi", "https://s.example/a") is None
    assert share_intent(NETWORKS["mastodon"], "hi", "https://s.example/a") is None


# -- options ------------------------------------------------------------------------------------

class OptionError(ValueError):
    pass


def _group(name: str, raw: object) -> object:
    diagnostics = Diagnostics()
    options = parse_options({name: raw}, diagnostics=diagnostics)
    if options is None:
        raise OptionError("\n".join(d.format() for d in diagnostics))
    return getattr(options, name)


def snippet_options(raw: object) -> SnippetOptions:
    return _group("snippets", raw)  # type: ignore[return-value]


def card_options(raw: object) -> CardOptions:
    return _group("cards", raw)  # type: ignore[return-value]


def test_snippet_options() -> None:
    assert snippet_options(None).networks == tuple(NETWORKS)
    assert snippet_options({"utm": False}).utm == {}
    custom = snippet_options({"utm": {"medium": "employee-share", "content": False},
                              "networks": ["x", "linkedin"], "mastodon_limit": 1000})
    assert custom.utm == {"utm_source": "{network}", "utm_medium": "employee-share",
                          "utm_campaign": "{slug}"}
    assert custom.networks == ("x", "linkedin")
    assert snippet_options(False).enabled is False


@pytest.mark.parametrize(("raw", "message"), [
    ({"networks": ["twitter"]}, "unknown network 'twitter'"),
    ({"netwroks": ["x"]}, "did you mean 'networks'"),
    ({"mastodon_limit": "500"}, "must be a whole number"),
    ({"utm": {"campaign": "{title}"}}, "unknown placeholder {title}"),
    ({"utm": "yes"}, "must be true, false or a mapping"),
])
def test_snippet_option_errors(raw: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message.replace("{", r"\{").replace("}", r"\}")):
        snippet_options(raw)


def test_card_option_errors() -> None:
    assert card_options({"background": "#ABCDEF"}).background == "#abcdef"
    with pytest.raises(OptionError, match="must be a colour"):
        card_options({"background": "red"})
    with pytest.raises(OptionError, match="from 40 to 95"):
        card_options({"jpeg_quality": 100})
