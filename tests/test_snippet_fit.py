"""Fitting a post: the quick ways (templates rendered without Template.render's overhead,
texts filled into a skeleton instead of rendered, one search where the hashtag count
changes nothing) must give exactly what rendering every candidate gives, whatever the
template does with its hook."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from jinja2 import DictLoader, Environment, StrictUndefined, Template
from storyhub.social import compose
from storyhub.social.compose import Mention, _fit_hook, _fits, _tidy, _untidy, fit_measured
from storyhub.social.counting import Measure, measure
from storyhub.social.shorten import shorten
from storyhub.social.templates import PostTemplate, _slots, text_environment
from storyhub.text.networks import NETWORKS, Network, networks_for

PLAIN = {
    "default.txt": "{{ hook }}\n\n{{ title }}{% if mentions %} — {{ mentions }}{% endif %}\n"
                   "{{ link }} {{ hashtags }}",
    "hook-twice.txt": "{{ hook }}\n“{{ title }}” {{ link }}\n\n{{ hook }} {{ hashtags }}",
    "no-hashtags.txt": "{{ t('intro') }}: {{ hook }}\n\n{{ link }}",
    "loop.txt": "{% for p in people %}{{ p.name }}: {{ hook }}\n{% endfor %}{{ link }}\n"
                "{{ hashtags }}{% set n = title|length %} {{ n }}",
    "hashtags-first.txt": "{{ hashtags }}\n{{ hook }}\n{{ link }}",
}
UNPLAIN = {
    "if-hook.txt": "{% if hook %}{{ hook }}\n\n{% endif %}{{ title }} {{ link }}\n{{ hashtags }}",
    "upper.txt": "{{ hook|upper }} {{ link }} {{ hashtags }}",
    "concat.txt": "{{ hook ~ '!' }} {{ link }} {{ hashtags }}",
    "length.txt": "{{ hook if hook|length < 60 else title }} {{ link }} {{ hashtags }}",
    "set.txt": "{% set h = hook %}{{ h }} {{ link }} {{ hashtags|lower }}",
    "macro.txt": "{% macro m() %}{{ hook }}{% endmacro %}{{ m()|upper }} {{ link }}",
    "filter.txt": "{% filter upper %}{{ hook }}{% endfilter %} {{ link }} {{ hashtags }}",
    "include.txt": "{% include 'default.txt' %}",
    "autoescape.txt": "{% autoescape true %}{{ hook }}{% endautoescape %} {{ hashtags }}",
    "count-tags.txt": "{{ hook }} {{ link }}"
                      "{% if hashtags|length > 12 %} {{ hashtags }}{% endif %}",
    # the same for the markers and for the whole hook and hashtags, not for the cuts:
    # only the template's shape tells (the check of the first text cannot)
    "ellipsis.txt": "{% if hook.endswith('…') %}(cut) {% endif %}{{ hook }} {{ link }}\n"
                    "{{ hashtags }}",
    "three-tags.txt": "{{ hook }} {{ link }}"
                      "{% if hashtags.count('#') != 3 %}\n{{ hashtags }}{% endif %}",
}


def _environment() -> Environment:
    """The text environment's settings, with the templates above."""
    return Environment(loader=DictLoader({**PLAIN, **UNPLAIN}), autoescape=False,
                       trim_blocks=False, lstrip_blocks=True, keep_trailing_newline=False,
                       undefined=StrictUndefined)


ENV = _environment()
HOOKS = [
    "At 2 a.m. the oven failed. Giulia had 400 loaves to save. She called Marco, who drove "
    "across town with a spare thermostat; by five the first batch was out.",
    "A short one.",
    "One very long sentence without any full stop that goes on and on about flour water salt "
    "and the patience of a night shift that never seems to end at all",
    "See https://example.com/a-long-path for the recipe. Then try it. #bread is good.",
    "",
]
TAGS = [[], ["#bread"], ["#craftsmanship", "#madeinitaly", "#NightShift", "#care", "#x"]]
RULE_SET = [NETWORKS["x"], NETWORKS["bluesky"], NETWORKS["linkedin"], NETWORKS["instagram"],
            NETWORKS["threads"], networks_for(120)["mastodon"],
            Network("tiny", "Tiny", 60, "utf16", "characters", 3, fold=20)]


def _context(title: str = "The night the oven failed") -> dict[str, Any]:
    people = [Mention("Giulia Ferri", "@giulia"), Mention("Marco Bassi", None)]
    return {"title": title, "summary": HOOKS[0], "people": people,
            "mentions": "Giulia Ferri (@giulia) and Marco Bassi", "handles": "@giulia",
            "link": "https://stories.example.com/stories/night/?utm_source=x&utm_content=v1",
            "company": "Forno", "network": "X", "variant": "1", "lang": "en", "watch": "",
            "t": lambda key, **kw: key.upper()}


def _reference_fit_hook(template: Template, context: dict[str, Any], hook: str,
                        tags: list[str], rule: Network) -> tuple[str, bool, Measure]:
    """The search as it was: every candidate rendered with Template.render."""
    done: dict[tuple[str, int], tuple[str, Measure]] = {}

    def measured(hook_text: str, count: int) -> tuple[str, Measure]:
        key = (hook_text, count)
        if key not in done:
            text = _tidy(template.render(**context, hook=hook_text,
                                         hashtags=" ".join(tags[:count])))
            done[key] = (text, measure(rule, text))
        return done[key]

    def fits_with(count: int) -> Callable[[str], bool]:
        def fits(hook_text: str) -> bool:
            return _fits(*measured(hook_text, count), hook_text, rule)
        return fits

    for count in range(len(tags), -1, -1):
        fits = fits_with(count)
        if fits(hook):
            text, size = measured(hook, count)
            return text, count < len(tags), size
        cut = shorten(hook, fits, compose._hook_target(hook, *measured(hook, count), rule))
        if cut is not None and (len(cut) * 2 >= len(hook) or count == 0):
            text, size = measured(cut, count)
            return text, True, size
    text, size = measured("", 0)
    return text, True, size


def test_plain_templates_are_told_apart() -> None:
    for name in PLAIN:
        assert _slots(ENV.get_template(name)) is not None, name
    assert _slots(ENV.get_template("no-hashtags.txt")) == {"hook"}
    for name in UNPLAIN:
        assert _slots(ENV.get_template(name)) is None, name
    assert _slots(ENV.from_string("{{ hook }}")) is None  # no source to read


def test_the_package_templates_are_plain() -> None:
    """The shipped templates take the quick way (a guard for speed, not for output)."""
    env = text_environment(None)
    names = [n for n in env.list_templates(extensions=["txt"]) if "/snippets/" in n]
    assert len(names) > 14
    for name in names:
        assert _slots(env.get_template(name)) is not None, name


@pytest.mark.parametrize("name", [*PLAIN, *UNPLAIN])
def test_fit_is_what_rendering_every_candidate_gives(name: str) -> None:
    template = ENV.get_template(name)
    post = PostTemplate(template)
    for title in ("The night the oven failed", "A title with a marker \ufdd0 in it \ufdd1"):
        context = _context(title)
        for hook in HOOKS:
            for tags in TAGS:
                for rule in RULE_SET:
                    expected = _reference_fit_hook(template, context, hook, tags, rule)
                    assert _fit_hook(post, context, hook, tags, rule) == expected, \
                        (name, title, hook[:20], tags, rule.id)


@pytest.mark.parametrize("name", [*PLAIN, *UNPLAIN])
def test_fit_measured_with_and_without_skeletons(name: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole fit (fewer people, shorter titles, the text cut) is the same when every
    candidate is rendered."""
    template = ENV.get_template(name)
    cases = [(_context(title), hook, tags, rule)
             for title in ("The night the oven failed", "word " * 40)
             for hook in HOOKS[:3] for tags in TAGS[1:] for rule in RULE_SET]
    quick = [fit_measured(PostTemplate(template), *case) for case in cases]
    monkeypatch.setattr(PostTemplate, "skeleton", lambda *args: None)
    monkeypatch.setattr(PostTemplate, "render", lambda self, context, hook, hashtags:
                        template.render(**context, hook=hook, hashtags=hashtags))
    assert [fit_measured(PostTemplate(template), *case) for case in cases] == quick


def test_render_is_template_render() -> None:
    env = text_environment(None)
    template = env.get_template("storyhub/snippets/linkedin/variant-2.txt")
    context = _context()
    assert PostTemplate(template).render(context, "hook", "#a #b") == template.render(
        **context, hook="hook", hashtags="#a #b")
    with pytest.raises(Exception, match="undefined"):
        PostTemplate(template).render({"t": context["t"]}, "hook", "")


def test_tidy_check_is_the_pattern() -> None:
    rng = random.Random(5)
    pool = ["\n", "\n\n", " ", "\t", "\r", "\r\n", "\x0b", "\x85", "\xa0", "\u2028", "\u3000",
            "a", "é", ".", "#"]
    pattern = re.compile(r"[^\S\n]\n|\n\n\n")
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 8)))
        assert _untidy(text) == bool(pattern.search(text)), repr(text)
