"""Class 21: the engine's own options. A pull request may change mkdocs.yml outside the
plugin's options: a Markdown extension that reads files, a script from another server, an
analytics provider, an address the theme prints into an attribute or a script. Each is
refused at its line by ``storyhub check`` and by every build, before anything is built;
what the theme prints as it is and is only words is escaped.
"""

from __future__ import annotations

import pytest
from conftest import Hub, story_text
from test_hostile import active_markup

FILES = ("reads the files a text names", "is loaded from another server")


def lines_of(hub: Hub) -> list[str]:
    return (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()


def line_of(hub: Hub, needle: str) -> int:
    return next(n for n, line in enumerate(lines_of(hub), 1) if needle in line)


def test_a_story_cannot_include_a_file_of_the_machine(hub: Hub) -> None:
    """``pymdownx.snippets`` with ``base_path: /`` published /etc/passwd in a story's page and
    the search index (tried by hand): refused, in every form it can be listed."""
    hub.set(markdown_extensions=["attr_list", {"pymdownx.snippets": {"base_path": ["/"]}},
                                 "pymdownx.b64"])
    hub.write("stories/a.md", story_text("A", body='--8<-- "/etc/passwd"\n'))
    expected = {
        line_of(hub, "pymdownx.snippets"): "the Markdown extension 'pymdownx.snippets' reads "
        "the files a text names (--8<-- \"file\"): a story could publish any file of the "
        "machine that builds the site, its secrets included, or a hidden person's profile; "
        "remove it",
        line_of(hub, "pymdownx.b64"): "the Markdown extension 'pymdownx.b64' reads the files "
        "a text names (an image's path)",
    }

    def said(stderr: str) -> bool:
        return all(any(text.startswith(f"mkdocs.yml:{line}:") and message in text
                       for text in stderr.splitlines()) for line, message in expected.items())

    for command in ("check", "build"):
        result = hub.storyhub(command)
        assert result.returncode == 2, result
        assert "2 problem(s) in the configuration; nothing was done" in result.stderr
        assert said(result.stderr), result.stderr
    result = hub.mkdocs("build")
    assert result.returncode == 1 and said(result.stderr), result.stderr
    assert not (hub.root / "site").exists()


@pytest.mark.parametrize("settings, where, message", [
    ({"extra_javascript": ["js/own.js", "https://cdn.example.net/x.js"]}, "cdn.example.net",
     "'https://cdn.example.net/x.js' is loaded from another server by every page"),
    ({"extra_css": [{"path": "//fonts.example.net/x.css"}]}, "fonts.example.net",
     "'//fonts.example.net/x.css' is loaded from another server by every page"),
    ({"theme": {"name": "material", "font": False,
                "favicon": "https://cdn.example.net/favicon.png"}}, "favicon",
     "theme.favicon 'https://cdn.example.net/favicon.png' is loaded from another server by "
     "every page"),
    ({"extra": {"analytics": {"provider": "google", "property": "G-XXXX"}}}, "provider",
     "extra.analytics sends every reader's visit to 'google'"),
    ({"repo_url": 'https://github.com/acme/stories" onmouseover="alert(1)'}, "repo_url",
     "repo_url 'https://github.com/acme/stories\" onmouseover=\"alert(1)' cannot be "
     "published: it holds '\"'"),
    ({"site_url": 'https://stories.example/"><script>alert(1)</script>'}, "site_url",
     "site_url 'https://stories.example/\"><script>alert(1)</script>' cannot be published: "
     "it holds '\"'"),
    ({"extra": {"alternate": [{"name": "English", "link": "javascript:alert(8)",
                               "lang": "en"}]}}, "javascript:",
     "extra.alternate.0.link 'javascript:alert(8)' cannot be published: 'javascript:' "
     "addresses are not allowed"),
    ({"extra": {"alternate": [{"name": "English", "link": "/en/",
                               "lang": 'en" rel="stylesheet'}]}}, "stylesheet",
     "extra.alternate.0.lang 'en\" rel=\"stylesheet' is not a language code"),
    ({"nav": ["index.md", {"Jobs <img src=x onerror=alert(12)>": "https://jobs.example/"}]},
     "onerror", "the navigation title 'Jobs <img src=x onerror=alert(12)>' holds '<'"),
    ({"nav": ["index.md", {"More": ["about.md", {"Shop": "javascript:alert(13)"}]}]},
     "javascript:", "the navigation link 'javascript:alert(13)' cannot be published: "
     "'javascript:' addresses are not allowed"),
    ({"theme": {"name": "material", "font": False, "palette": [
        {"scheme": "default", "primary": 'x"onload="alert(15)'}]}}, "onload",
     "theme.palette primary 'x\"onload=\"alert(15)' is not a colour or scheme name"),
    ({"theme": {"name": "material", "font": False, "palette": {
        "media": '(prefers-color-scheme: light)" onfocus="alert(16)'}}}, "onfocus",
     "theme.palette media '(prefers-color-scheme: light)\" onfocus=\"alert(16)' holds '\"'"),
    ({"theme": {"name": "material", "font": False, "palette": [{"toggle": {
        "icon": "material/weather-night", "name": 'Dark" onmouseover="alert(17)'}}]}},
     "onmouseover", "theme.palette toggle.name 'Dark\" onmouseover=\"alert(17)' holds '\"'"),
    ({"theme": {"name": "material", "font": False, "direction": 'ltr"onload="alert(18)'}},
     "direction", "theme.direction 'ltr\"onload=\"alert(18)' must be ltr or rtl"),
    ({"extra": {"polyfills": ["js/own.js", "https://cdn.example.net/p.js"]}}, "p.js",
     "extra.polyfills 'https://cdn.example.net/p.js' is loaded from another server by every "
     "page"),
    ({"extra": {"tags": {"Craft": 'craft" onmouseover="alert(19)'}}}, "onmouseover",
     "extra.tags 'Craft': 'craft\" onmouseover=\"alert(19)' is not an identifier"),
    ({"extra": {"social": [{"icon": "fontawesome/brands/github",
                            "link": "javascript:alert(1)"}]}}, "javascript:",
     "extra.social.0.link 'javascript:alert(1)' cannot be published: 'javascript:' "
     "addresses are not allowed"),
    ({"extra_css": ['css/own".css']}, "own", "extra_css 'css/own\".css' cannot be published: "
     "it holds '\"'"),
    ({"extra": {"homepage": "https://acme.example/<x>"}}, "homepage",
     "extra.homepage 'https://acme.example/<x>' cannot be published: it holds '<'"),
    ({"extra": {"scope": '/");alert(1);("'}}, "scope", "extra.scope '/\");alert(1);(\"' "
     "cannot be published: it holds '\"'"),
])
def test_engine_options_that_would_reach_readers_are_refused_at_their_line(
    hub: Hub, settings: dict[str, object], where: str, message: str
) -> None:
    hub.set(**settings)
    line = line_of(hub, where)
    result = hub.storyhub("check")
    assert result.returncode == 2, result
    found = [text for text in result.stderr.splitlines() if message in text]
    assert len(found) == 1 and found[0].startswith(f"mkdocs.yml:{line}:"), result.stderr
    built = hub.mkdocs("build")
    assert built.returncode == 1 and message in built.stderr


def test_words_the_theme_prints_as_they_are_are_escaped(hub: Hub) -> None:
    """The author, the repository's name, the consent banner and the navigation's status
    names are words (the banner's description HTML): shown as written, never markup."""
    hub.set(site_author='Ann"><script>alert(1)</script>',
            repo_url="https://github.com/acme/stories", repo_name="<b onclick=alert(2)>repo</b>",
            extra={"consent": {"title": "<img src=x onerror=alert(3)>",
                               "description": 'We ask <a href="https://acme.example/p">first'
                                              '</a><script>alert(4)</script>'},
                   "status": {"new": "<script>alert(5)</script>"}})
    site = hub.build(strict=False)
    assert active_markup(site) == []
    from bs4 import BeautifulSoup

    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    author = page.find("meta", attrs={"name": "author"})
    assert author is not None and author["content"] == 'Ann"><script>alert(1)</script>'
    source = page.select_one(".md-source__repository")
    assert source is not None and "<b onclick=alert(2)>repo</b>" in source.get_text()
    consent = page.select_one(".md-consent")  # Material writes the banner, hidden
    assert consent is not None
    assert "<img src=x onerror=alert(3)>" in consent.get_text()
    link = consent.find("a")
    assert link is not None and link["href"] == "https://acme.example/p"
